"""The safety plan's review as a person does it: a team lead's decision on exactly what is on
screen, a refused decision, versions compared part by part, and editing an approved plan,
which starts the next version."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from desktop.safetyplan.review import decision_fields
from sync.protocol import ErrorDetail, Result
from tests.gui.acting import choose
from tests.gui.plan_tab import (
    ME,
    click,
    make_plan,
    new_case,
    open_plan,
    plan_view,
    settle,
    user,
)
from tests.gui.toolbar_acting import press

pytestmark = pytest.mark.gui

SIGNED_IN = user()  # the store of every test here


case = pytest.fixture(new_case, name="case")
tab = pytest.fixture(plan_view, name="tab")


def test_editing_an_approved_plan_starts_the_next_version(tab, case, store, qtbot):
    plan, line = make_plan(store, case, status="approved")
    signal = line("signal", "a", text="Stil")
    plan_tab = open_plan(tab, case, qtbot)
    assert "Approved" in plan_tab.status_label.text()
    click(plan_tab.tree, plan_tab.model.index_of(signal.id))
    edit = plan_tab.items.forms["signal"].editors["text"].widget
    edit.setFocus()
    QTest.keyClicks(edit, " en boos")
    edit.clearFocus()
    settle(tab, qtbot)
    fields = store.get_record(plan.id).fields
    assert (fields["status"], fields["version"]) == ("draft", 2)
    assert "version 2" in plan_tab.status_label.text()
    plan_tab.controller.undo_stack.undo()  # one step: the edit and the new version
    settle(tab, qtbot)
    fields = store.get_record(plan.id).fields
    assert (fields["status"], fields["version"]) == ("approved", 1)
    assert store.get_record(signal.id).fields["text"] == "Stil"


def test_a_team_lead_decides_on_exactly_what_is_on_screen(tab, case, store, qtbot):
    store.set_setting("user", user("teamlead"))
    plan, line = make_plan(store, case, status="submitted")
    line("signal", "a", text="Stil")
    plan_tab = open_plan(tab, case, qtbot)
    review = plan_tab.review
    assert review.decision.isVisible()
    assert not plan_tab.plan_actions.agree.isVisible()
    QTest.keyClicks(review.comment, "Maak de afspraken concreter")
    QTest.keyClicks(review.section_comments["agreement"], "Wie belt wie?")
    QTest.mouseClick(review.return_button, Qt.MouseButton.LeftButton)
    settle(tab, qtbot)
    [version] = store.list_records(kind="plan_version", case_id=case.id)
    fields = version.fields
    assert fields["decision"] == "returned" and fields["decided_by"] == ME
    assert fields["comment"] == "Maak de afspraken concreter"
    assert json.loads(fields["section_comments"]) == {"agreement": "Wie belt wie?"}
    assert fields["based_on_rev"] == 0  # nothing of it has been synced yet
    seen = json.loads(fields["content"])
    assert seen["plan"]["id"] == plan.id and [i["fields"]["text"] for i in seen["items"]] == [
        "Stil"]
    assert "waits to be sent" in plan_tab.status_label.text()
    assert not review.decision.isVisible()  # decided: not twice before it is sent
    assert review.last.isVisible() and "Wie belt wie?" in review.last.text()


def test_a_decision_the_service_refused_asks_to_look_again(tab, case, store, qtbot):
    store.set_setting("user", user("teamlead"))
    make_plan(store, case, status="submitted")
    plan_tab = open_plan(tab, case, qtbot)
    QTest.mouseClick(plan_tab.review.approve_button, Qt.MouseButton.LeftButton)
    settle(tab, qtbot)
    [sent] = [c for c in store.take_outbox() if c.kind == "plan_version"]
    store.apply_push_results([Result(change_id=sent.change_id, status="rejected", rev=0,
                                     error=ErrorDetail(code="plan_changed", message="x"))])
    plan_tab.reload()
    qtbot.waitUntil(lambda: "changed after you looked" in plan_tab.status_label.text())
    assert "waits to be sent" not in plan_tab.status_label.text()
    assert plan_tab.review.decision.isVisible()  # to decide again
    assert not plan_tab.review.last.isVisible()  # a refused decision is no version
    # what the lead saw stays to compare with the plan as it is now
    labels = [label for label, _ in plan_tab.compare_states()]
    assert len(labels) == 2 and labels[0].endswith("(what you saw; not accepted)")


def test_a_worker_is_offered_no_decision(tab, case, store, qtbot):
    make_plan(store, case, status="submitted")
    plan_tab = open_plan(tab, case, qtbot)
    assert not plan_tab.review.decision.isVisible()


def test_two_versions_and_the_plan_now_are_compared_part_by_part(tab, case, store, qtbot,
                                                                  qtmodeltester):
    plan, line = make_plan(store, case, status="submitted", harm="Klap gegeven")
    signal = line("signal", "a", text="Stil")
    items = [signal]
    store.create_record("plan_version", decision_fields(
        plan, items, "approved", None, {}, ME,
        now=dt.datetime(2026, 10, 1, tzinfo=dt.UTC)), case_id=case.id)
    store.update_record(signal.id, {"text": "Stil en boos"})
    line("agreement", "a", text="Oma belt")
    plan_tab = open_plan(tab, case, qtbot)
    assert plan_tab.plan_actions.compare.isEnabled()
    press(qtbot, plan_tab.toolbar, plan_tab.plan_actions.compare)
    dialog = plan_tab.compare_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert [dialog.before.itemText(i) for i in range(dialog.before.count())] == [
        "Version 1, Approved on 01-10-2026", "The plan now"]
    model = dialog.model
    qtmodeltester.check(model)
    rows = {model.index(r, 0).data(): (model.index(r, 1).data(), model.index(r, 2).data())
            for r in range(model.rowCount())}
    assert rows["Signals that it goes wrong (changed)"] == ("Stil", "Stil en boos")
    assert rows["Agreements (changed)"] == ("", "Oma belt")
    assert rows["What has happened"] == ("Klap gegeven", "Klap gegeven")
    # the same state on both sides: nothing is marked
    dialog.after.setFocus()
    QTest.keyClick(dialog.after, Qt.Key.Key_Up)
    assert not any(model.index(r, 0).data(model.ChangedRole) for r in range(model.rowCount()))
    dialog.reject()


def test_an_approved_plan_edited_elsewhere_says_so_and_starts_the_next_version(
        tab, case, store, qtbot):
    plan, line = make_plan(store, case, status="submitted")
    agreement = line("agreement", "a", text="Oma belt elke avond")
    seen = store.get_record(plan.id)
    store.create_record("plan_version", decision_fields(seen, [agreement], "approved", None,
                                                        {}, ME), case_id=case.id)
    store.update_record(plan.id, {"status": "approved"})  # as the service sets it
    # the worker's edit on the other laptop, made before the approval reached it
    store.update_record(agreement.id, {"text": "Oma belt elke avond om acht uur"})
    plan_tab = open_plan(tab, case, qtbot)
    notes = plan_tab.notes_label.text()
    assert "changed after the team lead approved it (Agreements)" in notes
    assert plan_tab.plan_actions.next_version.isVisible()
    press(qtbot, plan_tab.toolbar, plan_tab.plan_actions.next_version)
    settle(tab, qtbot)
    stored = store.get_record(plan.id).fields
    assert (stored["status"], stored["version"]) == ("draft", 2)
    assert not plan_tab.plan_actions.next_version.isVisible()
    assert "approved it" not in plan_tab.notes_label.text()


def test_a_plan_a_team_lead_decided_on_is_not_merged_away(tab, case, store, qtbot):
    plan, _ = make_plan(store, case)
    other, _ = make_plan(store, case, status="approved", title="Eerste plan")
    store.create_record("plan_version", decision_fields(other, [], "approved", None, {}, ME),
                        case_id=case.id)
    plan_tab = open_plan(tab, case, qtbot)
    choose(qtbot, plan_tab.plan_choice, plan.id)
    qtbot.waitUntil(lambda: plan_tab.data.plan.id == plan.id)
    assert not plan_tab.plan_actions.merge.isVisible() and plan_tab.plan_choice.isVisible()
    assert ("A team lead decided on “Eerste plan · Approved · version 1”"
            in plan_tab.notes_label.text())
    # The other way round it can: merged into the approved plan, that becomes the draft of
    # its next version, in the same undo step.
    choose(qtbot, plan_tab.plan_choice, other.id)
    qtbot.waitUntil(lambda: plan_tab.data.plan.id == other.id)
    press(qtbot, plan_tab.toolbar, plan_tab.plan_actions.merge)
    QTest.mouseClick(plan_tab.confirm_box.button(QMessageBox.StandardButton.Yes),
                     Qt.MouseButton.LeftButton)
    settle(tab, qtbot)
    assert store.get_record(plan.id).deleted
    assert (store.get_record(other.id).fields["status"],
            store.get_record(other.id).fields["version"]) == ("draft", 2)
    plan_tab.controller.undo_stack.undo()
    settle(tab, qtbot)
    assert not store.get_record(plan.id).deleted
    assert (store.get_record(other.id).fields["status"],
            store.get_record(other.id).fields["version"]) == ("approved", 1)
