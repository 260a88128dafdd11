"""Kitchen-table mode, acted as the worker and the family do: F11 on an open case, looking
at every page, the switch for the difficult lines, the family's own words, and leaving with
the passphrase (a wrong one keeps the mode) or through the idle lock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGraphicsSimpleTextItem,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)

from desktop.mainwindow.window import MainWindow
from desktop.session.controller import LOCKED, UNLOCKED
from desktop.settings import Settings
from storage.store import CaseStore
from sync.protocol import Change
from tests.gui.acting import ME, TEAM_ID, click, filled_family

pytestmark = pytest.mark.gui

PASSPHRASE = "aan tafel met het gezin"
OTHER_TITLE = "Familie Andersveld"
# Of the case itself, and none of it may be at the table.
INTERNAL = ("Zorgen over de veiligheid thuis", "Notitie over", "Rustig.", "Bezoek 1.",
            "Interne opmerking van de teamleider", "Schuldhulp inschakelen", OTHER_TITLE)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _no_sync(store: Any) -> None:
    from sync.errors import NotEnrolled

    raise NotEnrolled("not enrolled in this test")


@pytest.fixture
def family(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    data_dir = tmp_path / "data"
    store = CaseStore.create(data_dir, PASSPHRASE)
    store.set_setting("user", {"id": ME, "username": "demo", "display_name": "Demo Werker",
                               "role": "worker", "team_ids": [TEAM_ID]})
    ids = filled_family(store, "Familie Tafelberg", "Tafelberg", 3)
    case_id, people = ids["case"], ids["people"]
    store.create_record("case", {"title": OTHER_TITLE, "team_id": TEAM_ID, "status": "active"})
    child = store.create_record("person", {"name": "Kiki Tafelberg", "birth_date": "2018-04-01",
                                           "circle": "household", "role": "dochter"},
                                case_id=case_id)
    plan = store.create_record("safety_plan", {
        "title": "Plan", "status": "returned", "version": 1, "phase": "direct",
        "working_well": "Oma komt elke week", "review_comment": "Interne opmerking van de "
        "teamleider"}, case_id=case_id)
    danger = store.create_record("plan_item", {
        "plan_id": plan.id, "section": "danger", "text": "Papa wordt boos als hij drinkt",
        "goal": "Iedereen voelt zich veilig thuis", "position": "a0"}, case_id=case_id)
    store.create_record("plan_item", {
        "plan_id": plan.id, "section": "emergency_step", "text": "Bel 112", "phone": "112",
        "position": "a1"}, case_id=case_id)
    hard = store.create_record("relationship", {
        "from_person_id": people["Anna"], "to_person_id": people["Bram"], "type": "family",
        "quality": "conflict"}, case_id=case_id)
    calm = store.create_record("relationship", {
        "from_person_id": people["Anna"], "to_person_id": people["Oma Jo"], "type": "family",
        "quality": "strong"}, case_id=case_id)
    store.close()
    return data_dir, {"case": case_id, "danger": danger.id, "child": child.id,
                      "hard": hard.id, "calm": calm.id, "plan": plan.id}


@pytest.fixture
def window(qtbot: Any, family: tuple[Path, dict[str, Any]]) -> Any:
    data_dir, _ids = family
    clock = FakeClock()
    w = MainWindow(data_dir, Settings(data_dir), clock=clock, engine_factory=_no_sync)
    w.clock = clock
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    unlock(qtbot, w)
    yield w
    w.close()


def unlock(qtbot: Any, w: MainWindow) -> None:
    qtbot.keyClicks(w.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(w.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED and w.workspace is not None,
                    timeout=10_000)


def at_the_table(qtbot: Any, w: MainWindow, case_id: str) -> Any:
    """Open the case as the worker does, then press F11."""
    view = w.workspace.case_file
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        w.workspace.open_case(case_id)
    w.activateWindow()
    qtbot.keyClick(w.workspace.case_file, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: w.kitchen.table is not None, timeout=5_000)
    table = w.kitchen.table
    qtbot.waitUntil(lambda: table.data.plan is not None, timeout=10_000)
    qtbot.wait(50)  # the pages are laid out
    return table


def on_screen_texts(w: MainWindow) -> list[str]:
    """Every text a person (or a screen reader) can get from what is on screen, and every
    text of the map's scene."""
    texts: list[str] = []
    for widget in [w, *w.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        texts += [widget.accessibleName(), widget.toolTip(), widget.windowTitle()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
    table = w.kitchen.table
    if table is not None:
        for item in table.map.scene.items():
            texts.append(item.toolTip())
            if isinstance(item, QGraphicsSimpleTextItem):
                texts.append(item.text())
            person = getattr(item, "person", None)
            if person is not None:
                texts.append(person.name)
    return [t for t in texts if t]


def test_f11_shows_the_family_only_what_is_theirs(qtbot, window, family):
    w, ids = window, family[1]
    table = at_the_table(qtbot, w, ids["case"])
    assert w.isFullScreen()
    assert not w.menuBar().isVisible() and not w.toolbar.isVisible()
    assert not w.statusBar().isVisible()
    assert not w.workspace.isVisible()  # the case list and the case file are behind it
    seen = {}
    for index in range(table.tabs.count()):
        table.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        seen[table.tabs.tabText(index)] = on_screen_texts(w)
    everything = "\n".join(t for texts in seen.values() for t in texts)
    for secret in INTERNAL:
        assert secret not in everything, secret
    assert "Bezoek 0." in everything  # the visit shared with the family
    assert "Papa wordt boos als hij drinkt" in everything
    assert "Oma komt elke week" in everything
    assert "112" in everything
    assert "Kiki Tafelberg" in everything  # the children's page and the map

    # Nothing of the work screen opens over the family's screen; the lock still works.
    assert w.actions.lock.isEnabled()
    assert not any(a.isEnabled() for a in w.actions.case_actions if a is not w.actions.lock)
    w.show_conflicts()
    w.new_case()
    w._on_enrolment_required()  # what a sync that lost its enrolment asks
    qtbot.wait(50)
    assert [t for t in QApplication.topLevelWidgets() if t.isVisible()] == [w]

    # Tab reaches every control of the plan page, and each is named for a screen reader.
    table.tabs.setCurrentWidget(table.plan)
    controls = [c for c in table.findChildren(QWidget)
                if c.isVisible() and c.focusPolicy() & Qt.FocusPolicy.TabFocus
                and isinstance(c, QAbstractButton | QLineEdit | QPlainTextEdit | QComboBox)
                and not isinstance(c.parentWidget(), QTabBar)]  # its scroll arrows: the mouse's
    assert table.leave_button in controls and table.plan.boxes[ids["danger"]].save in controls
    reached = set()
    table.leave_button.setFocus()
    for _ in range(4 * len(controls) + 4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    assert set(controls) <= reached
    assert all(c.accessibleName() or c.text() for c in controls
               if isinstance(c, QAbstractButton))
    assert all(c.accessibleName() for c in controls if not isinstance(c, QAbstractButton))

    # The difficult lines wait for the switch.
    table.tabs.setCurrentWidget(table.map)
    scene = table.map.scene
    assert set(scene.ties) == {ids["calm"]}
    switch = table.map.switch
    click(qtbot, switch)
    assert set(scene.ties) == {ids["calm"], ids["hard"]}
    click(qtbot, switch)
    assert set(scene.ties) == {ids["calm"]}

    # The idle lock still works at the table; it ends the mode, and unlocking (with the
    # passphrase) opens the work screen.
    w.clock.now += 60 * 60
    w.lock.check_idle()
    qtbot.waitUntil(lambda: w.controller.state == LOCKED, timeout=5_000)
    assert w.kitchen.table is None and w.stack.currentWidget() is w.unlock_page
    assert not w.isFullScreen()
    unlock(qtbot, w)
    assert w.kitchen.table is None and w.stack.currentWidget() is w.workspace


def test_the_familys_words_are_written_with_them_and_sync(qtbot, window, family):
    w, ids = window, family[1]
    table = at_the_table(qtbot, w, ids["case"])
    box = table.plan.boxes[ids["danger"]]
    qtbot.mouseClick(box.editor.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(box.editor, "Wij zien het anders")
    qtbot.mouseClick(box.save, Qt.MouseButton.LeftButton)
    store = w.session.store
    qtbot.waitUntil(lambda: store.get_record(ids["danger"]).fields.get("with_family") is True,
                    timeout=10_000)
    assert store.get_record(ids["danger"]).fields["family_view"] == "Wij zien het anders"
    qtbot.waitUntil(lambda: "Wij zien het anders" in "\n".join(on_screen_texts(w)),
                    timeout=10_000)

    # More words typed and not saved yet survive the page being built again.
    box = table.plan.boxes[ids["danger"]]
    assert box.editor.toPlainText() == "Wij zien het anders"
    qtbot.mouseClick(box.editor.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(box.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box.editor, " en rustiger")

    table.tabs.setCurrentWidget(table.children)
    page = table.children
    qtbot.waitUntil(lambda: page.words.isVisible(), timeout=5_000)
    assert page.child_box.currentData() == ids["child"]
    page.room_box.setFocus()
    qtbot.keyClick(page.room_box, Qt.Key.Key_Down)  # worries -> good things
    qtbot.mouseClick(page.words, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.words, "Samen koken")
    qtbot.keyClick(page.words, Qt.Key.Key_Return)

    def child_line() -> Any:
        return next((r for r in store.list_records(kind="plan_item", case_id=ids["case"])
                     if r.fields.get("section") == "child_voice"), None)

    qtbot.waitUntil(lambda: child_line() is not None, timeout=10_000)
    line = child_line()
    assert line.fields["who"] == ids["child"] and line.fields["part"] == "good_things"
    assert line.fields["with_family"] is True and line.fields["text"] == "Samen koken"
    qtbot.waitUntil(lambda: any(i.id == line.id for i in table.data.items), timeout=5_000)
    assert table.plan.boxes[ids["danger"]] is not box  # built again, the draft kept
    assert (table.plan.boxes[ids["danger"]].editor.toPlainText()
            == "Wij zien het anders en rustiger")
    # Both go out at the next sync with the mark, as the protocol reads them.
    sent = [Change.model_validate_json(c.model_dump_json()) for c in store.take_outbox()]
    marked = {c.record_id for c in sent if (c.set or {}).get("with_family") is True}
    assert {ids["danger"], line.id} <= marked

    # Leaving needs the passphrase: a wrong one keeps the mode.
    qtbot.keyClick(table.tabs, Qt.Key.Key_Escape)
    panel = table.leave_panel
    assert panel.isVisible() and panel.passphrase.hasFocus()
    qtbot.keyClicks(panel.passphrase, "niet mijn wachtwoordzin")
    qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.passphrase.isEnabled(), timeout=10_000)
    assert w.kitchen.table is table and w.isFullScreen()
    assert panel.message.text() == "That is not your passphrase."
    qtbot.keyClicks(panel.passphrase, PASSPHRASE)
    qtbot.mouseClick(panel.leave_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.kitchen.table is None, timeout=10_000)
    assert not w.isFullScreen()
    assert w.stack.currentWidget() is w.workspace and w.menuBar().isVisible()
    assert w.workspace.case_file.case_id == ids["case"]

    # Back at work, the plan tab says which lines were written with the family.
    plan_tab = w.workspace.plan_tab
    w.workspace.case_file.tabs.setCurrentWidget(plan_tab)
    qtbot.waitUntil(lambda: plan_tab.loaded_case == ids["case"], timeout=5_000)
    for record_id in (ids["danger"], line.id):
        shown = plan_tab.model.index_of(record_id).siblingAtColumn(1).data()
        assert shown.endswith("written together with the family"), shown
