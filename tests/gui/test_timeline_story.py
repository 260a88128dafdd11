"""The Tijdlijn tells the story of the case in sentences, naming people, tasks and visits,
"you" for the worker and "a colleague" for anyone else; in English and in Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtTest import QTest

from desktop.casefile.timeline_model import BY, WHAT
from desktop.casefile.view import CaseFileView, open_and_wait
from sync.protocol import PullResponse, Record

TEAM_NOORD = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"  # ids are UUIDs

pytestmark = pytest.mark.gui

ME = "11111111-1111-4111-8111-111111111111"
COLLEAGUE = "22222222-2222-4222-8222-222222222222"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def case_id(store) -> str:
    store.set_setting("user", {"id": ME, "username": "demo", "display_name": "Demo Werker",
                               "role": "worker", "team_ids": [TEAM_NOORD]})
    case = store.create_record("case", {"title": "Familie De Boer", "team_id": TEAM_NOORD})
    sanne = store.create_record("person", {"name": "Sanne", "circle": "household"},
                                case_id=case.id)
    greet = store.create_record("person", {"name": "Oma Greet", "circle": "family"},
                                case_id=case.id)
    task = store.create_record("task", {"title": "Schuldhulp inschakelen"}, case_id=case.id)
    store.create_record("visit", {"date": "2026-03-12"}, case_id=case.id)
    store.update_record(sanne.id, {"birth_date": "2016-05-01", "phone": "0612345678"})
    store.update_record(task.id, {"assignee_id": greet.id})
    store.update_record(task.id, {"assignee_id": ME, "done": True})
    # A colleague's change, as a sync brings it.
    current = store.get_record(greet.id)
    store.apply_pull_page(PullResponse(
        records=[Record(id=greet.id, kind="person", case_id=case.id, rev=current.rev + 1,
                        fields={**current.fields, "role": "oma"}, updated_by=COLLEAGUE,
                        updated_at="2026-11-01T10:00:00Z")],
        conflicts=[], revoked_case_ids=[], cursor="c1", more=False))
    return case.id


def story(view) -> list[tuple[str, str]]:
    model = view.timeline.model
    return [(model.data(model.index(r, WHAT)), model.data(model.index(r, BY)))
            for r in range(model.rowCount())]


def open_timeline(view, qtbot, case_id) -> None:
    assert open_and_wait(view, case_id)
    bar = view.tabs.tabBar()
    index = view.tabs.indexOf(view.timeline)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: view.timeline.loaded_case == case_id)


@pytest.fixture
def view(session, qtbot):
    view = CaseFileView(session)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    return view


def test_the_timeline_reads_as_the_story_of_the_case(view, case_id, qtbot):
    open_timeline(view, qtbot, case_id)
    assert set(story(view)) >= {
        ("Case created", "you"),
        ("Sanne added", "you"),
        ("Task 'Schuldhulp inschakelen' added", "you"),
        ("Home visit of 12-03-2026 added", "you"),
        ("Date of birth and phone of Sanne changed", "you"),
        ("Task 'Schuldhulp inschakelen' assigned to Oma Greet", "you"),
        ("Task 'Schuldhulp inschakelen' assigned to you; Task 'Schuldhulp inschakelen' done",
         "you"),
        ("Role of Oma Greet changed", "a colleague"),
    }
    assert view.timeline.model.headerData(WHAT, Qt.Orientation.Horizontal) == "What happened"


def test_the_story_in_dutch(view, case_id, qtbot):
    translator = QTranslator()
    assert translator.load(str(ROOT / "resources/translations/keukentafel_nl.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        open_timeline(view, qtbot, case_id)
        sentences = dict(story(view))
    finally:
        QCoreApplication.removeTranslator(translator)
    assert sentences["Huisbezoek van 12-03-2026 toegevoegd"] == "jij"
    assert sentences["Geboortedatum en telefoon van Sanne gewijzigd"] == "jij"
    assert sentences["Taak 'Schuldhulp inschakelen' toegewezen aan Oma Greet"] == "jij"
    assert sentences["Rol van Oma Greet gewijzigd"] == "een collega"
