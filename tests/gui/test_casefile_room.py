"""Room in the case file at the default window size, with the app's own font and style: the
header keeps one height from case to case (the tabs never jump), the Personen list shows more
than five people, and overdue dates and tasks are marked in words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.app import apply_calm_style
from desktop.caselist.model import FAMILY
from desktop.mainwindow.window import MainWindow
from desktop.settings import Settings
from storage.store import CaseStore

TEAM_NOORD = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"  # ids are UUIDs

pytestmark = pytest.mark.gui

PASSPHRASE = "blauwe fiets onder de lindeboom"
ME = "11111111-1111-4111-8111-111111111111"
LONG = "Familie Van Oudenhoven-Wijnbergen tot Nederhorst den Berg en Kortenhoef"  # fictional


def _no_sync(store):
    from sync.errors import NotEnrolled

    raise NotEnrolled("not enrolled in this test")


@pytest.fixture
def calm(qapp):
    """The application's font and style sheet, as `make run` has them; restored after."""
    font, sheet = QApplication.font(), qapp.styleSheet()
    apply_calm_style(qapp)
    yield
    qapp.setStyleSheet(sheet)
    QApplication.setFont(font)


@pytest.fixture
def cases(tmp_path: Path) -> dict[str, str]:
    store = CaseStore.create(tmp_path / "data", PASSPHRASE)
    store.set_setting("user", {"id": ME, "username": "demo", "display_name": "Demo Werker",
                               "role": "worker", "team_ids": [TEAM_NOORD]})
    short = store.create_record("case", {"title": "Familie Kok", "team_id": TEAM_NOORD})
    full = store.create_record("case", {
        "title": LONG, "team_id": TEAM_NOORD, "status": "active", "contact_worker_id": ME,
        "legal_framework": "ots", "opened_on": "2025-02-03"})
    for n, name in enumerate(("Eva", "Jan", "Mila", "Daan", "Sem", "Noor", "Lieke", "Finn")):
        store.create_record("person", {"name": f"{name} Kok", "circle": "household",
                                       "birth_date": f"{1980 + 3 * n}-01-01"}, case_id=short.id)
    store.create_record("safety_plan", {"title": "Plan", "review_on": "2026-01-05"},
                        case_id=full.id)
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    for title, due, done in (("Schuldhulp inschakelen", yesterday, False),
                             ("School bellen", tomorrow, False),
                             ("Huisarts bellen", yesterday, True)):
        store.create_record("task", {"title": title, "due_on": due, "done": done},
                            case_id=full.id)
    store.close()
    return {"short": short.id, "full": full.id}


@pytest.fixture
def window(qtbot, tmp_path: Path, cases, calm):
    data_dir = tmp_path / "data"
    w = MainWindow(data_dir, Settings(data_dir), engine_factory=_no_sync)
    qtbot.addWidget(w)
    w.resize(1280, 820)  # as desktop/app.py opens it
    w.show()
    qtbot.keyClicks(w.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(w.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.workspace is not None
                    and w.workspace.case_list.model.rowCount() == 2, timeout=10_000)
    yield w
    w.close()


def open_case(qtbot, w: MainWindow, case_id: str) -> None:
    case_list = w.workspace.case_list
    row = case_list.model.row_of(case_id)
    rect = case_list.table.visualRect(case_list.model.index(row, FAMILY))
    QTest.mouseClick(case_list.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = w.workspace.case_file
    qtbot.waitUntil(lambda: view.controller.case_id == case_id
                    and bool(view.header.family.text()))


def visible_rows(table) -> int:
    height = table.viewport().height()
    return sum(1 for r in range(table.model().rowCount())
               if table.visualRect(table.model().index(r, 0)).bottom() <= height)


def test_the_header_keeps_one_height_from_case_to_case(qtbot, window, cases):
    view = window.workspace.case_file
    open_case(qtbot, window, cases["short"])
    header_height, tabs_top = view.header.height(), view.tabs.geometry().top()
    open_case(qtbot, window, cases["full"])
    assert (view.header.height(), view.tabs.geometry().top()) == (header_height, tabs_top)


def test_the_people_list_shows_more_than_five_people(qtbot, window, cases):
    view = window.workspace.case_file
    open_case(qtbot, window, cases["short"])
    QTest.keyClick(view.tabs, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.people.loaded_case == cases["short"])
    assert view.tabs.currentWidget() is view.people
    assert visible_rows(view.people.table) > 5


def test_an_overdue_review_is_marked_in_the_header(qtbot, window, cases):
    view = window.workspace.case_file
    open_case(qtbot, window, cases["full"])
    assert "Next review: 05-01-2026 (overdue)" in view.header.details.text()


def test_overdue_open_tasks_are_marked_in_words(qtbot, window, cases):
    view = window.workspace.case_file
    open_case(qtbot, window, cases["full"])
    QTest.keyClick(view.tabs, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.tasks.loaded_case == cases["full"])
    model = view.tasks.model
    due = {model.record(r).fields["title"]: model.data(model.index(r, 2))
           for r in range(model.rowCount())}
    assert due["Schuldhulp inschakelen"].endswith(" · overdue")
    assert "overdue" not in due["School bellen"]
    assert "overdue" not in due["Huisarts bellen"]  # done: no longer late


def test_the_demo_tasks_overdue_since_january_show_it(store, session, qtbot):
    from desktop.casefile.view import CaseFileView, open_and_wait
    from storage.demo import seed_store

    seed_store(store, 1, team_id=TEAM_NOORD, contact_worker_id=ME)
    case_id = store.list_cases()[0].id
    late = [t for t in store.list_records(kind="task", case_id=case_id)
            if not t.fields.get("done") and t.fields["due_on"] < dt.date.today().isoformat()]
    assert late  # the demo's tasks fall due from January 2026
    view = CaseFileView(session)
    qtbot.addWidget(view)
    view.resize(1000, 800)
    view.show()
    assert open_and_wait(view, case_id)
    view.tabs.setCurrentWidget(view.tasks)
    qtbot.waitUntil(lambda: view.tasks.loaded_case == case_id)
    model = view.tasks.model
    marked = {model.record(r).id for r in range(model.rowCount())
              if model.data(model.index(r, 2)).endswith(" · overdue")}
    assert marked == {t.id for t in late}


def test_the_consent_column_titles_are_whole(qtbot, window, cases):
    """Issue 9: the consent table's "Purpose (what may be shared with whom)" was cut off."""
    view = window.workspace.case_file
    open_case(qtbot, window, cases["full"])
    view.tabs.setCurrentWidget(view.consent)
    qtbot.waitUntil(lambda: view.consent.loaded_case == cases["full"])
    header = view.consent.table.horizontalHeader()
    metrics = header.fontMetrics()
    model = view.consent.table.model()
    for section in range(model.columnCount()):
        text = model.headerData(section, Qt.Orientation.Horizontal)
        assert metrics.horizontalAdvance(text) < header.sectionSize(section), text
