"""The team lead's review queue: the submitted plans of their teams, oldest first, with the
parts changed since the last approval; choosing one opens its plan."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.mainwindow.workspace import Workspace
from desktop.operations import ChangeNotice
from desktop.safetyplan.queue import ReviewQueueView
from desktop.safetyplan.review import decision_fields
from tests.gui.conftest import signed_in

TEAM_NOORD = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"  # ids are UUIDs
TEAM_ZUID = "5b2d9e70-3c1a-4f6b-8d2e-a1c3e5f7b9d2"  # ids are UUIDs

pytestmark = pytest.mark.gui

LEAD = "22222222-2222-4222-8222-222222222222"


SIGNED_IN = signed_in(LEAD, TEAM_NOORD, "teamlead")  # the store of every test here


def submitted_plan(store, family, team=TEAM_NOORD, status="submitted"):
    case = store.create_record("case", {"title": family, "team_id": team, "status": "active"})
    plan = store.create_record("safety_plan", {"title": "Plan", "status": "draft",
                                               "version": 1}, case_id=case.id)
    item = store.create_record("plan_item", {"plan_id": plan.id, "section": "signal",
                                             "text": "Stil", "position": "V"}, case_id=case.id)
    time.sleep(0.01)  # the store's clock counts milliseconds: submissions in a known order
    plan = store.update_record(plan.id, {"status": status})
    return case, plan, item


def make_workspace(session, qtbot):
    workspace = Workspace(session)  # at unlock: the queue reads itself
    qtbot.addWidget(workspace)
    workspace.resize(1400, 900)
    workspace.show()
    return workspace


def test_the_queue_lists_submitted_plans_of_the_own_teams_oldest_first(
        store, session, qtbot, qtmodeltester):
    first, plan, item = submitted_plan(store, "Familie Eerst")
    # approved once before, then a signal changed: that part is marked
    store.create_record("plan_version", decision_fields(plan, [item], "approved", None, {},
                                                        LEAD), case_id=first.id)
    store.update_record(item.id, {"text": "Stil en boos"})
    submitted_plan(store, "Familie Concept", status="draft")
    submitted_plan(store, "Familie Zuid", team=TEAM_ZUID)
    second, _, _ = submitted_plan(store, "Familie Later")
    view = ReviewQueueView(session)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded):
        view.load()
    model = view.model
    qtmodeltester.check(model)
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert [r[0] for r in rows] == ["Familie Eerst", "Familie Later"]
    assert rows[0][3] == "Signals that it goes wrong"
    assert rows[0][3] != rows[1][3] and rows[1][3] == "first version"
    assert model.index(0, 3).data(Qt.ItemDataRole.FontRole).bold()


def test_choosing_a_plan_in_the_queue_opens_it(store, session, qtbot):
    case, plan, _ = submitted_plan(store, "Familie Wachtend")
    workspace = make_workspace(session, qtbot)
    queue = workspace.review_queue
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1)
    assert queue.isVisible()
    table = queue.table
    table.setFocus()
    table.setCurrentIndex(queue.model.index(0, 0))
    QTest.keyClick(table.viewport(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: workspace.plan_tab.loaded_case == case.id)
    assert workspace.case_file.tabs.currentWidget() is workspace.plan_tab
    assert workspace.plan_tab.review.decision.isVisible()
    # once decided, the plan leaves the queue on this laptop only when the service has
    # set its status; the queue follows every change it hears of
    store.update_record(plan.id, {"status": "approved"})
    workspace.case_file.session.announce(
        ChangeNotice(frozenset({"safety_plan"}), frozenset({case.id}), "sync"))
    qtbot.waitUntil(lambda: queue.model.rowCount() == 0)
    assert not queue.isVisible()


def test_a_worker_sees_no_queue(store, session, qtbot):
    store.set_setting("user", {"id": LEAD, "role": "worker", "team_ids": [TEAM_NOORD]})
    submitted_plan(store, "Familie Wachtend")
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    workspace.show()
    with qtbot.waitSignal(workspace.review_queue.loaded):
        workspace.review_queue.load()
    assert workspace.review_queue.model.rowCount() == 0
    assert not workspace.review_queue.isVisible()
