"""Going from case to case in the workspace (issue 8): looking through two families of the
same name writes nothing, and what the worker typed lands in the family it was typed in, by
a pause, Tab, a click elsewhere or a click on another case; the wheel and values no longer on
offer change nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.acting import (
    COLLEAGUE,
    activate,
    changed_records,
    choose,
    click,
    click_case,
    click_record,
    click_row,
    click_tab,
    filled_family,
    settle,
    snapshot,
    type_into,
    wheel,
)
from tests.gui.conftest import signed_in

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"
ME = "11111111-1111-4111-8111-111111111111"

pytestmark = pytest.mark.gui

SIGNED_IN = signed_in(ME, TEAM_ID)  # the store of every test here


@pytest.fixture
def two_families(store):
    """Two families of the same name, every field of every kind filled in (issue 8)."""
    return (filled_family(store, "Familie Hoekstra", "Hoekstra", 1),
            filled_family(store, "Familie Hoekstra", "Hoekstra-de Wit", 2))


@pytest.fixture
def workspace(two_families, session, qtbot):
    """The case list beside the case file, over the two families."""
    from desktop.mainwindow.workspace import Workspace

    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    workspace.resize(1400, 900)
    workspace.show()
    activate(qtbot, workspace)
    qtbot.waitUntil(lambda: workspace.case_list.model.rowCount() > 0)
    return workspace


def open_by_click(qtbot, workspace, case_id):
    view = workspace.case_file
    click_case(qtbot, workspace.case_list, case_id)
    qtbot.waitUntil(lambda: view.head is not None and view.head.case.id == case_id
                    and not view._waiting)


def look_through_every_tab(qtbot, view, case_id):
    """Click every tab and every row of it, as a worker reading the file does."""
    for index in range(view.tabs.count()):
        page = view.tabs.widget(index)
        click_tab(qtbot, view.tabs, page)
        if hasattr(page, "loaded_case"):
            qtbot.waitUntil(lambda page=page: page.loaded_case == case_id)
        table = getattr(page, "table", None)
        for row in range(table.model().rowCount() if table is not None else 0):
            click_row(qtbot, table, row)


def test_looking_through_records_writes_nothing(workspace, two_families, store, session,
                                                qtbot):
    a, b = two_families
    view = workspace.case_file
    before = snapshot(store)
    open_by_click(qtbot, workspace, a["case"])
    look_through_every_tab(qtbot, view, a["case"])
    # The other Familie Hoekstra, from whichever tab was open, then back, tab by tab.
    for case in (b, a, b):
        for index in range(view.tabs.count()):
            click_tab(qtbot, view.tabs, view.tabs.widget(index))
            open_by_click(qtbot, workspace, case["case"])
        look_through_every_tab(qtbot, view, case["case"])
    # The people on offer are the open family's, and what the records hold is shown.
    click_tab(qtbot, view.tabs, view.tasks)
    assert view.tasks.model.data(view.tasks.model.index(0, 1)) == "Me (Demo Werker)"
    workspace.clear()  # as at the lock
    settle(session, qtbot)
    assert changed_records(before, snapshot(store)) == {}
    assert store.pending_count() == len(before)


def test_typing_then_clicking_another_case_saves_it_to_the_first(workspace, two_families,
                                                                   store, session, qtbot):
    a, b = two_families
    view = workspace.case_file
    open_by_click(qtbot, workspace, a["case"])
    summary = view.overview.form.editors["summary"]
    type_into(qtbot, summary.widget, "Zorgen over de slaap van Bram.", replace=False)
    assert summary.pending
    open_by_click(qtbot, workspace, b["case"])  # no pause: the click on the list saves it
    settle(session, qtbot)
    first, second = (store.get_record(c["case"]).fields["summary"] for c in (a, b))
    assert first.endswith("gepland.Zorgen over de slaap van Bram.")
    assert second == "Zorgen over de veiligheid thuis.\nGesprek 2 gepland."
    assert summary.value() == store.get_record(b["case"]).fields["summary"]
    # Undo never reaches back into the other family's file.
    assert not view.undo_action.isEnabled()
    # The same from a person's notes, clicking another person and then another case.
    click_tab(qtbot, view.tabs, view.people)
    qtbot.waitUntil(lambda: view.people.loaded_case == b["case"])
    bram = b["people"]["Bram"]
    click_record(qtbot, view.people, bram)
    notes = view.people.form.editors["notes"]
    type_into(qtbot, notes.widget, "Slaapt slecht.")
    click_record(qtbot, view.people, b["people"]["Anna"])
    role = view.people.form.editors["role"]
    type_into(qtbot, role.widget, "pleegmoeder")
    open_by_click(qtbot, workspace, a["case"])
    settle(session, qtbot)
    assert store.get_record(bram).fields["notes"] == "Slaapt slecht."
    assert store.get_record(b["people"]["Anna"]).fields["role"] == "pleegmoeder"
    assert store.get_record(a["people"]["Anna"]).fields["role"] == "moeder"


def test_leaving_a_field_by_tab_or_click_saves_it_without_a_pause(workspace, two_families,
                                                                   store, session, qtbot):
    a, _ = two_families
    view = workspace.case_file
    open_by_click(qtbot, workspace, a["case"])
    click_tab(qtbot, view.tabs, view.visits)
    qtbot.waitUntil(lambda: view.visits.loaded_case == a["case"])
    visit = a["visits"][1]
    click_record(qtbot, view.visits, visit)
    notes = view.visits.form.editors["notes"]
    type_into(qtbot, notes.widget, " Moeder was open.", replace=False)
    qtbot.keyClick(notes.widget, Qt.Key.Key_Tab)  # Tab leaves the notes, and saves them
    assert not notes.pending
    location = view.visits.form.editors["location"]
    type_into(qtbot, location.widget, "Bij oma")
    click(qtbot, view.visits.form.editors["observations"].widget)  # a click elsewhere saves
    assert not location.pending
    settle(session, qtbot)
    saved = store.get_record(visit).fields
    assert saved["notes"] == "Bezoek 1. Moeder was open."
    assert saved["location"] == "Bij oma"


def test_the_wheel_over_a_field_without_focus_changes_nothing(workspace, two_families, store,
                                                              session, qtbot):
    a, _ = two_families
    view = workspace.case_file
    before = snapshot(store)
    open_by_click(qtbot, workspace, a["case"])
    looked_at = 0
    for tab, record_id, names in (
        (view.people, a["people"]["Bram"], ("gender", "circle", "birth_date", "deceased")),
        (view.visits, a["visits"][0], ("date", "shared_with_family")),
        (view.tasks, a["tasks"][0], ("assignee_id", "due_on")),
        (view.consent, a["consent"], ("person_id", "given_on")),
    ):
        click_tab(qtbot, view.tabs, tab)
        qtbot.waitUntil(lambda tab=tab: tab.loaded_case == a["case"])
        click_record(qtbot, tab, record_id)
        editors = [tab.form.editors[n] for n in names]
        if tab is view.visits:
            qtbot.waitUntil(lambda: len(view.visits.scores.editors) == 2)
            editors += list(view.visits.scores.editors.values())
        for editor in editors:
            shown = editor.value()
            assert not editor.widget.hasFocus()
            for steps in (1, -2):  # up, and down past where it started
                wheel(editor.widget, steps)
                assert editor.value() == shown, editor.widget.accessibleName()
            looked_at += 1
    assert looked_at == 12
    settle(session, qtbot)
    assert changed_records(before, snapshot(store)) == {}
    # With the focus in it (clicked), the wheel is the worker's and steps the score.
    click_tab(qtbot, view.tabs, view.visits)
    score = view.visits.scores.editors[("", a["people"]["Bram"])]
    click(qtbot, score.widget)
    assert score.widget.hasFocus()
    wheel(score.widget, 1)
    qtbot.keyClick(score.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    values = {s.fields["person_id"]: s.fields["value"] for s in
              store.list_records(kind="scaling_score", case_id=a["case"])
              if s.fields["visit_id"] == a["visits"][0]}
    assert values[a["people"]["Bram"]] == 7


def test_a_value_the_list_does_not_offer_is_kept_and_shown(workspace, two_families, store,
                                                           session, qtbot):
    a, b = two_families
    view = workspace.case_file
    open_by_click(qtbot, workspace, a["case"])
    click_tab(qtbot, view.tabs, view.tasks)
    qtbot.waitUntil(lambda: view.tasks.loaded_case == a["case"])
    click_record(qtbot, view.tasks, a["tasks"][2])  # assigned to a colleague
    combo = view.tasks.assignee_editor.combo
    assert combo.currentText() == "(not in this list)"
    # Choosing someone and choosing the colleague back is the worker's doing, and saved.
    choose(qtbot, combo, a["people"]["Bram"])
    settle(session, qtbot)
    assert store.get_record(a["tasks"][2]).fields["assignee_id"] == a["people"]["Bram"]
    choose(qtbot, combo, COLLEAGUE)
    settle(session, qtbot)
    assert store.get_record(a["tasks"][2]).fields["assignee_id"] == COLLEAGUE
    # Another task shows its own assignee, and the colleague is no longer on offer.
    click_record(qtbot, view.tasks, a["tasks"][0])
    assert combo.currentText() == "Me (Demo Werker)"
    assert combo.findText("(not in this list)") < 0


def test_nothing_can_be_typed_while_another_case_loads(workspace, two_families, store,
                                                       session, qtbot):
    a, b = two_families
    view = workspace.case_file
    open_by_click(qtbot, workspace, a["case"])
    title = view.overview.form.editors["title"]
    assert view.overview.form.isEnabled()
    store.update_record(b["case"], {"title": "Familie Hoekstra-de Wit"})
    click_case(qtbot, workspace.case_list, b["case"])
    # Before the new family's record is read, the form holds neither family's text.
    assert not view.overview.form.isEnabled()
    assert title.value() is None
    qtbot.keyClicks(title.widget, "verloren")  # keys in that moment reach nothing
    qtbot.waitUntil(lambda: view.overview.form.isEnabled())
    assert title.value() == "Familie Hoekstra-de Wit"
    settle(session, qtbot)
    assert store.get_record(a["case"]).fields["title"] == "Familie Hoekstra"
    assert store.get_record(b["case"]).fields["title"] == "Familie Hoekstra-de Wit"
