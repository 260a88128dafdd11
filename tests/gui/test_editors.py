"""The editor base's promise, for every field of every kind in the registry (the network map's
and the safety plan's too, before their screens exist): showing a value, showing another,
refilling what a list offers, focus passing through and the wheel over it never commit; a
person's action does."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from desktop.casefile.editors import ChecklistEditor, ReferenceEditor, editor_for
from sync.schema import KINDS, field_spec
from tests.gui.acting import activate, click, wheel

pytestmark = pytest.mark.gui

FIELDS = [(kind, name) for kind, spec in KINDS.items() for name in spec.fields]


def sample(kind: str, name: str) -> Any:
    spec = field_spec(kind, name)
    if spec.type == "bool":
        return True
    if spec.type == "date":
        return "2026-03-04"
    if spec.type == "int":
        return (spec.minimum or 0) + 1
    if spec.type == "text":
        return "Eerste regel.\nTweede regel."
    if spec.type == "list[str]":
        # Without choices (shared_with): ids no list offers, kept as extra ticks.
        return [spec.choices[1]] if spec.choices else ["33333333-3333-4333-8333-333333333333"]
    return spec.choices[1] if spec.choices else "Een waarde"


@pytest.fixture
def panel(qtbot):
    panel = QWidget()
    QVBoxLayout(panel)
    elsewhere = QLineEdit(panel)
    panel.layout().addWidget(elsewhere)
    panel.elsewhere = elsewhere
    qtbot.addWidget(panel)
    panel.show()
    activate(qtbot, panel)
    return panel


@pytest.mark.parametrize(("kind", "name"), FIELDS)
def test_showing_and_looking_never_commit(panel, qtbot, kind, name):
    editor = editor_for(kind, name, panel)
    panel.layout().addWidget(editor.widget)
    commits: list[tuple[Any, Any]] = []
    editor.committed.connect(lambda old, new: commits.append((old, new)))
    value = sample(kind, name)
    editor.set_value(value)
    assert editor.value() == value
    click(qtbot, panel.elsewhere)
    for steps in (1, -2):
        wheel(editor.widget, steps)
    if isinstance(editor, ChecklistEditor):
        editor.set_options([])  # the list refilled with nothing: what was ticked stays
        assert editor.value() == value
    if editor.widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
        editor.widget.setFocus()  # focus passing through, no key pressed but Tab
        qtbot.waitUntil(editor.widget.hasFocus)
        qtbot.keyClick(editor.widget, Qt.Key.Key_Tab)
    editor.flush()
    editor.set_value(None)
    editor.flush()
    assert commits == []
    assert not editor.pending


def test_a_refilled_reference_keeps_its_value_and_a_choice_commits(panel, qtbot):
    editor = ReferenceEditor(panel)
    panel.layout().addWidget(editor.widget)
    commits: list[tuple[Any, Any]] = []
    editor.committed.connect(lambda old, new: commits.append((old, new)))
    editor.set_options([("p1", "Anna"), ("p2", "Bram")])
    editor.set_value("p2")
    editor.set_options([("p1", "Anna")])  # Bram left the case
    assert editor.value() == "p2" and editor.combo.currentText() == "(not in this list)"
    editor.set_options([])  # the lock
    editor.set_value(None)
    assert editor.combo.count() == 1
    editor.flush()
    assert commits == []
    # A person's choice, by keyboard, commits at once.
    editor.set_options([("p1", "Anna"), ("p2", "Bram")])
    click(qtbot, editor.widget)  # opens the list...
    qtbot.keyClick(editor.combo.view(), Qt.Key.Key_Down)
    qtbot.keyClick(editor.combo.view(), Qt.Key.Key_Return)
    assert commits == [(None, "p1")]


def test_a_choice_this_version_does_not_offer_reads_as_itself_and_is_kept(panel, qtbot):
    """A newer laptop's value (docs/protocol.md, "Mixed versions"): shown as recorded, and a
    person's other choice leaves it in place."""
    activate(qtbot, panel.window())
    single = editor_for("relationship", "quality", panel)
    several = editor_for("relationship", "support", panel)
    commits: list[tuple[Any, Any]] = []
    for editor in (single, several):
        panel.layout().addWidget(editor.widget)
        editor.committed.connect(lambda old, new: commits.append((old, new)))
    single.set_value("entangled")
    several.set_value(["P", "R"])
    assert single.combo.currentText() == "entangled" and single.value() == "entangled"
    assert several.boxes()["R"].text() == "R" and several.boxes()["R"].isChecked()
    click(qtbot, several.boxes()["E"])
    assert commits == [(["P", "R"], ["P", "E", "R"])]
