"""The plan tab at 1280×800, in Dutch, with the app's own font and style: its actions sit in one
toolbar (the less-used ones behind "Meer"), so the list of the plan's lines keeps the room;
and the toolbar is worked with the keyboard alone (Tab into it, arrows, Enter)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

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


def toolbar_focus(tab):
    focused = QApplication.focusWidget()
    return focused if focused is not None and tab.toolbar.isAncestorOf(focused) else None


def test_the_toolbar_is_worked_with_the_keyboard_alone(window, qtbot):
    tab = window.workspace.plan_tab
    acts, bar = tab.plan_actions, tab.toolbar
    signal = tab.model.lines("signal")[-1]
    tab.tree.scrollTo(tab.model.index_of(signal.id))
    QTest.mouseClick(tab.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.tree.visualRect(tab.model.index_of(signal.id)).center())
    qtbot.waitUntil(lambda: tab.current_id() == signal.id)
    # Back from the list into the toolbar with Shift+Tab, as from any other field.
    for _ in range(6):
        if toolbar_focus(tab) is not None:
            break
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab,
                       Qt.KeyboardModifier.ShiftModifier)
    assert toolbar_focus(tab) is not None
    # The arrows go from button to button; Home is the first one, "Punt toevoegen".
    QTest.keyClick(toolbar_focus(tab), Qt.Key.Key_Home)
    assert toolbar_focus(tab) is bar.button_for(acts.add)
    QTest.keyClick(toolbar_focus(tab), Qt.Key.Key_Right)
    assert toolbar_focus(tab) is bar.buttons()[1]
    QTest.keyClick(toolbar_focus(tab), Qt.Key.Key_Left)
    assert toolbar_focus(tab) is bar.button_for(acts.add)
    QTest.keyClick(toolbar_focus(tab), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(tab.model.lines("signal")) == 21)

    # Left from the first button is "Meer"; Enter opens it and the arrows choose in it.
    QTest.keyClick(toolbar_focus(tab), Qt.Key.Key_Home)
    QTest.keyClick(toolbar_focus(tab), Qt.Key.Key_Left)
    assert toolbar_focus(tab) is bar.more_button
    wanted = acts.emergency["0800-2000"]
    assert bar.button_for(wanted) is None and wanted in bar.more_menu.actions()
    steps = []

    def choose():
        menu = bar.more_menu
        if QApplication.activePopupWidget() is not menu:
            QTimer.singleShot(20, choose)
            return
        for _ in range(len(menu.actions())):
            if menu.activeAction() is wanted:
                break
            QTest.keyClick(menu, Qt.Key.Key_Down)
        steps.append(menu.activeAction())
        QTest.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose)
    QTest.keyClick(bar.more_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: steps == [wanted])
    qtbot.waitUntil(lambda: any(i.fields.get("phone") == "0800-2000"
                                for i in tab.model.lines("emergency_step")))
    assert not wanted.isEnabled()  # the number is in the plan once


def test_at_1280_by_800_twice_the_rows_and_the_most_used_actions_in_sight(window, qtbot):
    tab = window.workspace.plan_tab
    acts, bar = tab.plan_actions, tab.toolbar
    assert whole_rows_in_sight(tab.tree) >= 2 * ROWS_BEFORE
    everything = [acts.add, acts.remove, acts.up, acts.down, *acts.emergency.values(),
                  acts.agree, acts.submit, acts.next_version, acts.merge, acts.compare,
                  acts.family_pdf, acts.family_print]
    for action in everything:
        assert action.text() and action.toolTip() and action.icon().isNull() is False
        button = bar.button_for(action)
        assert button is None or button.accessibleName(), action.text()
    assert "(Del" in acts.remove.toolTip() or "(Delete" in acts.remove.toolTip()
    # At 1280×800 the line being written and the plan's next step are in sight; what does
    # not fit is in "Meer", with the less-used ones, and nothing is lost or cut off.
    assert bar.button_for(acts.add) is not None and bar.button_for(acts.agree) is not None
    assert bar.button_for(acts.compare) is None
    in_sight = [a for a in everything if bar.button_for(a) is not None]
    in_menu = [a for a in bar.more_menu.actions() if not a.isSeparator()]
    assert {*in_sight, *in_menu} == {a for a in everything if a.isVisible()}
    for button in bar.buttons():
        qtbot.waitUntil(button.isVisible)
        assert button.geometry().right() <= bar.width(), button.text()
    # A wide window shows more of them; a narrow one keeps the primary ones in sight.
    shown = len(bar.buttons())
    window.resize(1900, 800)
    qtbot.waitUntil(lambda: len(bar.buttons()) > shown)
    window.resize(900, 800)
    qtbot.waitUntil(lambda: bar.button_for(acts.remove) is None)
    assert bar.button_for(acts.add) is not None
