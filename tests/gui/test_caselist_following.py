"""The case list follows the worker: a new case shows up selected even under a search, the
open case's row stays put while it is edited, and two families of one name can be told
apart. Driven through the real workspace, wizard and store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard

from desktop.caselist.model import FAMILY, NEXT_REVIEW
from desktop.mainwindow.workspace import Workspace
from desktop.newcase.wizard import NewCaseWizard

TEAM_NOORD = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"  # ids are UUIDs

pytestmark = pytest.mark.gui

ME = "11111111-1111-4111-8111-111111111111"


def seed(store) -> dict[str, str]:
    store.set_setting("user", {"id": ME, "username": "demo", "display_name": "Demo Werker",
                               "role": "worker", "team_ids": [TEAM_NOORD]})
    ids = {}
    for title in ("Familie Jansen", "Familie Bakker", "Familie El Amrani"):
        case = store.create_record("case", {"title": title, "team_id": TEAM_NOORD,
                                            "status": "active", "contact_worker_id": ME})
        ids[title] = case.id
    return ids


@pytest.fixture
def workspace(store, session, qtbot):
    ids = seed(store)
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    workspace.resize(1200, 800)
    workspace.show()
    qtbot.waitUntil(lambda: workspace.case_list.model.rowCount() == 3)
    workspace.ids = ids
    return workspace


def titles(workspace) -> list[str]:
    model = workspace.case_list.model
    return [model.case(r).title for r in range(model.rowCount())]


def selected(workspace) -> list[str]:
    view = workspace.case_list
    return [view.model.case(i.row()).id for i in view.table.selectionModel().selectedRows()]


def click_row(workspace, row: int) -> None:
    table = workspace.case_list.table
    rect = table.visualRect(workspace.case_list.model.index(row, FAMILY))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_case_made_while_searching_is_shown_and_selected(workspace, session, qtbot):
    qtbot.keyClicks(workspace.case_list.search, "Jansen")
    qtbot.waitUntil(lambda: titles(workspace) == ["Familie Jansen"])

    # As the window's "Nieuw dossier" does: the wizard's case opens in the workspace.
    wizard = NewCaseWizard(session)
    qtbot.addWidget(wizard)
    wizard.case_created.connect(workspace.open_case)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.user is not None)
    qtbot.keyClicks(wizard.family_page.title, "Familie Smit")
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    QTest.mouseClick(next_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(next_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(wizard.case_created, timeout=10_000) as created:
        QTest.mouseClick(wizard.button(QWizard.WizardButton.FinishButton),
                         Qt.MouseButton.LeftButton)
    new_id = created.args[0]

    qtbot.waitUntil(lambda: "Familie Smit" in titles(workspace), timeout=5000)
    qtbot.waitUntil(lambda: selected(workspace) == [new_id])
    assert workspace.case_list.search.text() == ""  # the search that hid it is gone


def test_the_open_case_keeps_its_row_while_edited(workspace, store, session, qtbot):
    view = workspace.case_list
    order = view.order
    order.setFocus()
    order.setCurrentIndex(order.findData("title"))  # Familie Bakker, El Amrani, Jansen
    qtbot.waitUntil(lambda: titles(workspace) == [
        "Familie Bakker", "Familie El Amrani", "Familie Jansen"])
    click_row(workspace, 0)  # open Familie Bakker
    bakker = workspace.ids["Familie Bakker"]
    qtbot.waitUntil(lambda: workspace.case_file.controller.case_id == bakker)

    # Renamed to something that sorts last, as the case file's form saves it: the row stays
    # on top.
    workspace.case_file.controller.edit_field(bakker, "case", "title", "Familie Bakker",
                                              "Familie Zwart")
    qtbot.waitUntil(lambda: view.model.case(0).title == "Familie Zwart", timeout=5000)
    assert titles(workspace) == ["Familie Zwart", "Familie El Amrani", "Familie Jansen"]
    assert selected(workspace) == [bakker]

    # Leaving the case (opening another) sorts the list anew.
    click_row(workspace, 1)
    qtbot.waitUntil(lambda: titles(workspace) == [
        "Familie El Amrani", "Familie Jansen", "Familie Zwart"])
    assert selected(workspace) == [workspace.ids["Familie El Amrani"]]


def test_two_families_of_one_name_are_told_apart(store, session, qtbot):
    for child, born, opened in (("Mila Jansen", "2016-05-01", "2025-03-12"),
                                ("Daan Jansen", "2019-09-30", "2026-01-08")):
        case = store.create_record("case", {"title": "Familie Jansen", "team_id": TEAM_NOORD,
                                            "opened_on": opened})
        store.create_record("person", {"name": "Eva Jansen", "circle": "household",
                                       "birth_date": "1985-02-02"}, case_id=case.id)
        store.create_record("person", {"name": child, "circle": "household",
                                       "birth_date": born}, case_id=case.id)
        store.create_record("person", {"name": "Oma Jansen", "circle": "family",
                                       "birth_date": "2020-01-01"}, case_id=case.id)
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    workspace.resize(853, 600)  # 1280 px at 150 %
    workspace.show()
    model = workspace.case_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    shown = sorted(model.data(model.index(r, FAMILY)) for r in range(2))
    assert shown == ["Familie Jansen\nDaan · since 2026", "Familie Jansen\nMila · since 2025"]
    words = sorted(model.data(model.index(r, FAMILY), Qt.ItemDataRole.AccessibleTextRole)
                   for r in range(2))
    assert words[1] == "Familie Jansen Youngest in the household: Mila. Started on 12-03-2025."
    # Both lines fit the row, and the family column keeps room for them.
    table = workspace.case_list.table
    assert table.rowHeight(0) >= 2 * table.fontMetrics().lineSpacing()
    assert table.columnWidth(FAMILY) >= table.fontMetrics().horizontalAdvance(
        "Mila · since 2025")


def test_an_overdue_review_is_said_in_words(store, session, qtbot):
    for title, review in (("Familie Laat", "2026-01-05"), ("Familie Vroeg", "2999-01-01")):
        case = store.create_record("case", {"title": title, "team_id": TEAM_NOORD})
        store.create_record("safety_plan", {"title": "Plan", "review_on": review},
                            case_id=case.id)
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    workspace.show()
    model = workspace.case_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    by_title = {model.case(r).title: model.index(r, NEXT_REVIEW) for r in range(2)}
    assert model.data(by_title["Familie Laat"]) == "05-01-2026\noverdue"
    assert model.data(by_title["Familie Laat"], Qt.ItemDataRole.AccessibleTextRole) == \
        "Review overdue since 05-01-2026"
    assert model.data(by_title["Familie Vroeg"]) == "01-01-2999"


def test_choosing_a_case_keeps_the_column_titles_whole(workspace, qtbot):
    click_row(workspace, 0)
    header = workspace.case_list.table.horizontalHeader()
    assert not header.highlightSections()  # bold titles would no longer fit their columns
    for column in range(header.count()):
        title = workspace.case_list.model.headerData(column, Qt.Orientation.Horizontal)
        if column != FAMILY:
            assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title)
