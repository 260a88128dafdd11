"""Every control of the case list, the case file and the wizard has an accessible name and
takes the keyboard; answers that come back after a screen is gone do no harm."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.casefile.view import CaseFileView, open_and_wait
from desktop.caselist.view import CaseListView
from desktop.newcase.wizard import NewCaseWizard
from storage.demo import seed_store
from storage.store import CaseStore
from tests.gui.acting import activate, click_tab

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"

pytestmark = pytest.mark.gui

CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
            QPlainTextEdit)


@pytest.fixture
def store(tmp_path):
    store = CaseStore.create(tmp_path / "data", "fictional passphrase for tests")
    seed_store(store, 2, team_id=TEAM_ID, contact_worker_id=None)
    yield store
    QThreadPool.globalInstance().waitForDone(5000)
    store.close()


def _inside_a_control(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, CONTROLS):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls a screen reader could not name: no accessible name and no text of their own."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or _inside_a_control(widget):
            continue  # a part of a control (the line edit inside a date box) is named by it
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text.replace("&", "")):
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


def test_every_control_is_named(store, session, qtbot):
    case_list = CaseListView(session)
    case_file = CaseFileView(session)
    wizard = NewCaseWizard(session)
    for widget in (case_list, case_file, wizard):
        qtbot.addWidget(widget)
    case_file.resize(1000, 800)
    case_file.show()
    activate(qtbot, case_file)
    qtbot.waitUntil(lambda: case_list.model.rowCount() == 2)
    assert open_and_wait(case_file, case_list.model.case(0).id)
    for index in range(case_file.tabs.count()):
        click_tab(qtbot, case_file.tabs, case_file.tabs.widget(index))
        tab = case_file.tabs.currentWidget()
        qtbot.waitUntil(lambda tab=tab: getattr(tab, "loaded_case", "x") is not None)
    for root in (case_list, case_file, wizard):
        assert unnamed_controls(root) == []


def test_the_case_list_is_worked_by_keyboard(store, session, qtbot):
    store.set_setting("user", {"id": "u-1", "username": "demo", "display_name": "Demo",
                               "role": "worker", "team_ids": [TEAM_ID]})
    view = CaseListView(session)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 and view.section.isEnabled())
    # Tab walks from the search field through the filters to the list.
    view.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.search)
    for there in (view.section, view.status, view.order, view.table):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is there
    view.search.setFocus()
    # Enter in the search field opens the first case found.
    with qtbot.waitSignal(view.case_activated) as blocker:
        qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert blocker.args == [view.model.case(0).id]


def test_answers_after_a_lock_do_no_harm(store, session, qtbot):
    case_list = CaseListView(session)
    case_file = CaseFileView(session)
    case_id = store.list_cases()[0].id
    case_file.open_case(case_id)  # its reads are under way...
    case_list.deleteLater()  # ...when the window locks and throws its views away
    case_file.deleteLater()
    QApplication.sendPostedEvents(None, 0)
    qtbot.waitUntil(lambda: not session.busy)
    QThreadPool.globalInstance().waitForDone(5000)
