"""The plan tab at 1280×800, in Dutch, with the app's own font and style: its actions sit in one
toolbar (the less-used ones behind "Meer"), so the list of the plan's lines keeps the room;
and the toolbar is worked with the keyboard alone (Tab into it, arrows, Enter)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt

from desktop.app import apply_calm_style
from desktop.mainwindow.window import MainWindow
from desktop.settings import Settings
from storage.store import CaseStore

pytestmark = pytest.mark.gui

TEAM_NOORD = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"
ME = "11111111-1111-4111-8111-111111111111"
PASSPHRASE = "de keukentafel staat bij het raam"
# Measured at 1280×800 in Dutch before the toolbar: the rows of buttons above the lines left
# room for this many whole rows of the list.
ROWS_BEFORE = 4


def _no_sync(store):
    from sync.errors import NotEnrolled

    raise NotEnrolled("not enrolled in this test")


@pytest.fixture
def dutch(qapp):
    """Dutch words (the wider ones) and the app's font and style sheet, as a worker has them."""
    from PySide6.QtWidgets import QApplication

    from desktop.i18n import install_translators

    font, sheet = QApplication.font(), qapp.styleSheet()
    install_translators(qapp, "nl")
    apply_calm_style(qapp)
    yield
    install_translators(qapp, "en")
    qapp.setStyleSheet(sheet)
    QApplication.setFont(font)


@pytest.fixture
def case_id(tmp_path: Path) -> str:
    """A returned plan with a comment (three lines of status), as in the screenshot, and more
    lines than fit."""
    store = CaseStore.create(tmp_path / "data", PASSPHRASE)
    store.set_setting("user", {"id": ME, "username": "demo", "display_name": "Demo Werker",
                               "role": "worker", "team_ids": [TEAM_NOORD]})
    case = store.create_record("case", {"title": "Familie Kok", "team_id": TEAM_NOORD,
                                        "status": "active", "contact_worker_id": ME})
    plan = store.create_record("safety_plan", {
        "title": "Plan", "status": "returned", "version": 1,
        "review_comment": "Maak de signalen concreter: wat zien de kinderen?"}, case_id=case.id)

    def line(section, position, **fields):
        return store.create_record("plan_item", {"plan_id": plan.id, "section": section,
                                                 "position": position, **fields},
                                   case_id=case.id)

    condition = line("condition", "a", text="Geen alcohol in huis", set_by="Veilig Thuis")
    line("danger", "a", text="Vader drinkt", goal="Nuchter thuis", addresses=[condition.id])
    line("agreement", "a", text="Oma komt elke avond", addresses=[condition.id])
    line("emergency_step", "a", text="Bel 112", phone="112")
    for n in range(20):
        line("signal", f"b{n:02}", text=f"Signaal {n + 1}")
    store.close()
    return case.id


@pytest.fixture
def window(qtbot, tmp_path: Path, case_id, dutch):
    data_dir = tmp_path / "data"
    w = MainWindow(data_dir, Settings(data_dir), engine_factory=_no_sync)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.keyClicks(w.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(w.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.workspace is not None, timeout=10_000)
    w.workspace.open_case(case_id)
    view = w.workspace.case_file
    qtbot.waitUntil(lambda: view.controller.case_id == case_id)
    view.tabs.setCurrentWidget(w.workspace.plan_tab)
    qtbot.waitUntil(lambda: w.workspace.plan_tab.loaded_case == case_id)
    qtbot.wait(100)  # the splitter shares its room once it has its size
    yield w
    w.close()


def whole_rows_in_sight(tree) -> int:
    """The rows of the list a worker sees whole: inside the list's viewport and not cut off
    by the scrolling side the list sits in."""
    sight = tree.viewport().visibleRegion().boundingRect()
    count, index = 0, tree.model().index(0, 0)
    while index.isValid():
        rect: QRect = tree.visualRect(index)
        if sight.contains(rect.adjusted(0, 0, -1, 0).topLeft()) and sight.contains(
                rect.bottomLeft()):
            count += 1
        index = tree.indexBelow(index)
    return count


def test_at_1280_by_800_the_list_shows_twice_as_many_rows(window):
    tab = window.workspace.plan_tab
    assert whole_rows_in_sight(tab.tree) >= 2 * ROWS_BEFORE
