"""The network over time, as the worker meets it: saving a home visit keeps the map with it,
and the comparison of two visits draws and lists exactly what changed, with the circle of
support around the children."""

# ruff: noqa: F811 - the map's fixtures are shared with test_network_map by import

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from tests.gui.acting import activate, click, click_tab, pick_date, type_into
from tests.gui.test_network_map import (  # noqa: F401 - fixtures and the signed-in user
    SIGNED_IN,
    case,
    opened,
    settle,
)
from tests.gui.test_network_map import click as click_person

pytestmark = pytest.mark.gui


def snapshots_of(kept_in, case_id):
    return kept_in.list_records("map_snapshot", case_id)


def save_a_visit(view, tab, session, qtbot, notes: str):
    """Add a visit and type its notes, as a worker does; returns the visit's id."""
    visits = view.visits
    click_tab(qtbot, view.tabs, visits)
    qtbot.waitUntil(lambda: visits.loaded_case == view.controller.case_id)
    rows = visits.model.rowCount()
    click(qtbot, visits.add_button)
    qtbot.waitUntil(lambda: visits.model.rowCount() == rows + 1)
    visit = visits.current_record()
    type_into(qtbot, visits.form.editors["notes"].widget, notes)
    QTest.keyClick(visits.form.editors["notes"].widget, Qt.Key.Key_Tab)
    settle(view, tab, session, qtbot)
    return visit.id


def test_saving_a_visit_keeps_the_map_once_until_the_map_changes(
        opened, case, store, session, qtbot):
    view, tab = opened
    record, people, ties = case
    visit_id = save_a_visit(view, tab, session, qtbot, "Aan de keukentafel getekend.")
    [kept] = snapshots_of(store, record.id)
    assert kept.fields["visit_id"] == visit_id
    assert kept.fields["taken_on"] == dt.date.today().isoformat()
    assert "Buurman Jansen" in kept.fields["content"]
    # More typing in the same visit, the map as it was: no second copy of the same map.
    notes = view.visits.form.editors["notes"].widget
    type_into(qtbot, notes, " Oma was er ook.", replace=False)
    QTest.keyClick(notes, Qt.Key.Key_Tab)
    settle(view, tab, session, qtbot)
    assert len(snapshots_of(store, record.id)) == 1
    # The visit was on another day: its snapshot follows the date.
    pick_date(qtbot, view.visits.form.editors["date"].widget, "2026-03-12")
    settle(view, tab, session, qtbot)
    assert {s.fields["taken_on"] for s in snapshots_of(store, record.id)} == {
        dt.date.today().isoformat(), "2026-03-12"}
    # Opening, refreshing and undoing never take one; only what the worker saves does.
    view.controller.undo_stack.undo()
    settle(view, tab, session, qtbot)
    click_tab(qtbot, view.tabs, tab)
    qtbot.waitUntil(lambda: tab.loaded_case == record.id)
    assert len(snapshots_of(store, record.id)) == 2
    tab.compare_action.trigger()
    qtbot.waitUntil(lambda: tab.compare_dialog is not None)
    labels = [tab.compare_dialog.before.itemText(i)
              for i in range(tab.compare_dialog.before.count())]
    assert labels == ["Home visit 12-03-2026", "Now"]  # the newest snapshot stands for it
    tab.compare_dialog.close()


def test_comparing_two_visits_draws_and_lists_exactly_the_differences(
        opened, case, store, session, qtbot):
    view, tab = opened
    record, people, ties = case
    first = save_a_visit(view, tab, session, qtbot, "Eerste tekening.")
    pick_date(qtbot, view.visits.form.editors["date"].widget, "2026-03-12")
    settle(view, tab, session, qtbot)
    # Between the visits: the neighbour leaves, the grandmother's band turns close.
    click_tab(qtbot, view.tabs, tab)
    qtbot.waitUntil(lambda: tab.loaded_case == record.id)
    activate(qtbot, view)  # back from the calendar: shortcuts reach the active window only
    tab.view.setFocus()
    click_person(tab, people["Buurman Jansen"].id)
    assert tab.scene.selected_people() == [people["Buurman Jansen"].id]
    QTest.keyClick(tab.view, Qt.Key.Key_Delete)
    settle(view, tab, session, qtbot)
    tab.set_tie_field(ties["oma"].id, "quality", "close")
    settle(view, tab, session, qtbot)
    second = save_a_visit(view, tab, session, qtbot, "Tweede tekening.")
    assert {s.fields["visit_id"] for s in snapshots_of(store, record.id)} == {first, second}
    click_tab(qtbot, view.tabs, tab)
    qtbot.waitUntil(lambda: tab.loaded_case == record.id)
    tab.compare_action.trigger()
    qtbot.waitUntil(lambda: tab.compare_dialog is not None)
    dialog = tab.compare_dialog
    today = dt.date.today().strftime("%d-%m-%Y")
    assert [dialog.before.itemText(i) for i in range(dialog.before.count())] == [
        "Home visit 12-03-2026", f"Home visit {today}", "Now"]
    dialog.before.setCurrentIndex(0)
    dialog.after.setCurrentIndex(1)
    assert dialog.texts() == [
        "Buurman Jansen is no longer in the network",
        "Tie ended: Buurman Jansen – Moeder Testdorp (Neighbour)",
        "Oma Testdorp – Moeder Testdorp: bond was Quarrelling, is now Close",
    ]
    # The mother cares for the son either way; the neighbour never helped the child himself.
    assert dialog.circle.text() == "The circle around the children has stayed the same: 1 person(s)"
    # On the map: the neighbour drawn faded with "gone", the changed tie marked in words.
    scene = dialog.scene
    assert scene.marks == {people["Buurman Jansen"].id: "gone", ties["buur"].id: "gone",
                           ties["oma"].id: "changed"}
    assert scene.people[people["Buurman Jansen"].id].opacity() < 1
    assert scene.people[people["Moeder Testdorp"].id].opacity() == 1
    words = sorted(i.text() for i in scene.items() if isinstance(i, QGraphicsSimpleTextItem)
                   and i.text() in ("new", "gone", "changed"))
    assert words == ["changed", "gone", "gone"]
    # The other way round, the neighbour is new (and drawn so); nothing changed from a visit
    # to itself.
    dialog.before.setCurrentIndex(1)
    dialog.after.setCurrentIndex(0)
    assert scene.marks[people["Buurman Jansen"].id] == "new"
    assert scene.people[people["Buurman Jansen"].id].opacity() == 1
    dialog.after.setCurrentIndex(1)
    assert dialog.texts() == ["Nothing changed between these two moments."]
    assert not scene.marks
    dialog.close()
