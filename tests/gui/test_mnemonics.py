"""Every screen's Alt+letter keys are unique: Alt+V and Alt+O were each claimed by several
controls of the main window, so the key went to whichever Qt found first. The test walks
every visible widget of each screen (and each tab of the case file) and lists the letters."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenuBar,
    QTabBar,
    QTabWidget,
    QWidget,
)

from desktop.conflicts.dialog import ResolveDialog
from desktop.mainwindow.settings_dialog import SettingsDialog
from desktop.mainwindow.window import MainWindow
from desktop.session.controller import UNLOCKED
from desktop.session.enrol_dialog import EnrolDialog
from desktop.settings import Settings
from storage.demo import seed_store
from storage.store import CaseStore
from sync.protocol import Conflict

pytestmark = pytest.mark.gui

PASSPHRASE = "elke toets maar een keer gebruiken"
_MNEMONIC = re.compile(r"&([^&\s])")


def _letter(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _visible(widget: QWidget, root: QWidget) -> bool:
    # A control that is disabled for now (a filter without choices) keeps its letter.
    return widget.isVisibleTo(root)


def mnemonics(root: QWidget) -> dict[str, list[str]]:
    """Each Alt+letter of what is on screen under `root`, with the texts that claim it."""
    claims: dict[str, list[str]] = defaultdict(list)

    def claim(text: str) -> None:
        letter = _letter(text)
        if letter:
            claims[letter].append(text)

    for widget in [root, *root.findChildren(QWidget)]:
        if not _visible(widget, root):
            continue
        if isinstance(widget, QAbstractButton):
            claim(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            if _visible(widget.buddy(), root):
                claim(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            claim(widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                claim(widget.tabText(index))
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                claim(action.text())
    return claims


def duplicates(root: QWidget) -> dict[str, list[str]]:
    return {k: v for k, v in mnemonics(root).items() if len(v) > 1}


@pytest.fixture(params=["nl", "en"], autouse=True)
def language(request, qapp):
    """Dutch first (what workers see; the clashes were there), and the English sources."""
    from desktop.i18n import install_translators

    install_translators(qapp, request.param)
    yield request.param
    install_translators(qapp, "en")


def _no_sync(store):
    from sync.errors import NotEnrolled

    raise NotEnrolled("not enrolled in this test")


@pytest.fixture
def unlocked(qtbot, tmp_path: Path):
    data_dir = tmp_path / "data"
    store = CaseStore.create(data_dir, PASSPHRASE)
    seed_store(store, 1, team_id="00000000-0000-4000-8000-000000000001",
               contact_worker_id=None)
    store.close()
    w = MainWindow(data_dir, Settings(data_dir), engine_factory=_no_sync)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    assert duplicates(w) == {}, "unlock page"
    qtbot.keyClicks(w.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(w.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED and w.workspace is not None,
                    timeout=10_000)
    yield w
    w.close()


def test_the_first_run_page_has_unique_mnemonics(qtbot, tmp_path):
    w = MainWindow(tmp_path / "new", Settings(tmp_path / "new"), engine_factory=_no_sync)
    qtbot.addWidget(w)
    w.show()
    assert duplicates(w) == {}
    w.close()


def test_every_tab_of_an_open_case_has_unique_mnemonics(qtbot, unlocked):
    w = unlocked
    assert duplicates(w) == {}, "case list"
    view = w.workspace.case_file
    case_id = w.session.store.list_records(kind="case")[0].id
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        w.workspace.open_case(case_id)
    tabs = view.findChild(QTabWidget)
    assert tabs is not None
    found = {}
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.wait(100)  # a tab loads when first shown
        clash = duplicates(w)
        if clash:
            found[tabs.tabText(index)] = clash
        # A tab with pages of its own (the plan and the children's words): each page too.
        for inner in tabs.widget(index).findChildren(QTabWidget):
            for page in range(1, inner.count()):
                inner.setCurrentIndex(page)
                qtbot.wait(50)
                clash = duplicates(w)
                if clash:
                    found[f"{tabs.tabText(index)} / {inner.tabText(page)}"] = clash
            inner.setCurrentIndex(0)
    assert found == {}


def test_the_dialogs_of_the_window_have_unique_mnemonics(qtbot, tmp_path):
    settings = Settings(tmp_path)
    conflicts = [Conflict(id="c1", record_id="r1", case_id="k1", kind="case", field="summary",
                          base="a", kept="b", incoming="c", created_at="2026-11-20T10:00:00Z",
                          kept_by="colleague", incoming_by=incoming_by)
                 for incoming_by in ("me", "another colleague")]
    for dialog in (SettingsDialog(settings), EnrolDialog("", "laptop"),
                   *(ResolveDialog(c, "Gezin Testwater", me="me") for c in conflicts)):
        qtbot.addWidget(dialog)
        dialog.show()
        assert duplicates(dialog) == {}, type(dialog).__name__


def test_ctrl_tab_walks_the_case_files_tabs_from_anywhere_in_the_window(qtbot, unlocked):
    w = unlocked
    view = w.workspace.case_file
    case_id = w.session.store.list_records(kind="case")[0].id
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        w.workspace.open_case(case_id)
    tabs = view.tabs
    w.workspace.case_list.setFocus()  # the focus is in the case list, not in the tabs
    ctrl = Qt.KeyboardModifier.ControlModifier
    start = tabs.currentIndex()
    qtbot.keyClick(w.workspace.case_list, Qt.Key.Key_Tab, ctrl)
    assert tabs.currentIndex() == (start + 1) % tabs.count()
    qtbot.keyClick(w.workspace.case_list, Qt.Key.Key_Backtab,
                   ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert tabs.currentIndex() == start
    qtbot.keyClick(w.workspace.case_list, Qt.Key.Key_Backtab,
                   ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert tabs.currentIndex() == (start - 1) % tabs.count()
