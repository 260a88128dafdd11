"""End to end: a team lead's laptop approves a submitted plan offline and the approval syncs;
an approval of a plan the worker changed meanwhile is refused with `plan_changed`."""

from __future__ import annotations

import pytest

from desktop.safetyplan.positions import key_between, new_salt, sort_key
from desktop.safetyplan.review import decision_fields
from tests.sync.harness import service_records

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def _plan(store, case_id):
    [plan] = store.list_records(kind="safety_plan", case_id=case_id)
    items = store.list_records(kind="plan_item", case_id=case_id)
    return plan, items


def _decide(laptop, case_id, decision="approved"):
    plan, items = _plan(laptop.store, case_id)
    user = laptop.store.get_setting("user")
    return laptop.store.create_record(
        "plan_version", decision_fields(plan, items, decision, "Goed zo", {}, user["id"]),
        case_id=case_id)


@pytest.fixture
def plan_case(laptops, service, service_db):
    worker_account = service_db.add_user()
    lead_account = service_db.add_user(worker_account.team_name, role="teamlead")
    worker = laptops("werker").enrol(service.url, worker_account)
    lead = laptops("teamleider").enrol(service.url, lead_account)
    case_id = worker.new_case(worker_account)
    plan = worker.store.create_record("safety_plan", {"title": "Plan", "status": "submitted",
                                                      "version": 1}, case_id=case_id)
    item = worker.store.create_record("plan_item", {"plan_id": plan.id, "section": "signal",
                                                    "text": "Stil", "position": "V"},
                                      case_id=case_id)
    worker.sync()
    lead.sync()
    return worker, lead, case_id, plan, item


def test_an_offline_approval_syncs_and_reaches_the_worker(plan_case, service):
    worker, lead, case_id, plan, _ = plan_case
    version = _decide(lead, case_id)  # no connection needed: it waits in the outbox
    report = lead.sync()
    assert report.pushed == 1 and lead.store.rejected_changes() == []
    worker.sync()
    fields = worker.store.get_record(plan.id).fields
    assert fields["status"] == "approved" and fields["review_comment"] == "Goed zo"
    assert worker.store.get_record(version.id).fields["decision"] == "approved"
    on_service = service_records(service.url, worker.store.get_setting("token"))
    assert on_service[plan.id].fields["status"] == "approved"


def test_an_approval_after_a_workers_edit_is_refused_until_decided_again(plan_case):
    worker, lead, case_id, plan, item = plan_case
    _decide(lead, case_id)  # what the lead saw: "Stil"
    worker.store.update_record(item.id, {"text": "Stil en boos"})
    worker.sync()
    lead.sync()
    [(change, code)] = lead.store.rejected_changes()
    assert change.kind == "plan_version" and code == "plan_changed"
    assert lead.store.get_record(item.id).fields["text"] == "Stil en boos"
    worker.sync()
    assert worker.store.get_record(plan.id).fields["status"] == "submitted"
    # the lead looks again, now at the changed plan, and decides again
    _decide(lead, case_id, "returned")
    lead.sync()
    worker.sync()
    assert worker.store.get_record(plan.id).fields["status"] == "returned"


def test_two_laptops_placing_lines_at_the_same_place_keep_one_order(plan_case):
    worker, lead, case_id, plan, first = plan_case
    last = worker.store.create_record("plan_item", {"plan_id": plan.id, "section": "signal",
                                                    "text": "Laatste", "position": "k"},
                                      case_id=case_id)
    worker.sync()
    lead.sync()
    # offline, each laptop puts a line between the same two: a new one, and a moved one
    between = [first.fields["position"], last.fields["position"]]
    worker.store.create_record("plan_item", {
        "plan_id": plan.id, "section": "signal", "text": "Nieuw",
        "position": key_between(*between, new_salt())}, case_id=case_id)
    lead.store.update_record(last.id, {"position": key_between(None, between[0], new_salt())})
    lead.store.create_record("plan_item", {
        "plan_id": plan.id, "section": "signal", "text": "Ook nieuw",
        "position": key_between(*between, new_salt())}, case_id=case_id)
    for laptop in (worker, lead, worker):
        laptop.sync()

    def order(laptop):
        items = laptop.store.list_records(kind="plan_item", case_id=case_id)
        return [i.fields["text"] for i in sorted(
            items, key=lambda i: sort_key(i.fields.get("position"), i.id))]

    assert order(worker) == order(lead)
    assert order(worker)[:2] == ["Laatste", "Stil"]
    assert set(order(worker)[2:]) == {"Nieuw", "Ook nieuw"}
    positions = [i.fields["position"] for i in worker.store.list_records(kind="plan_item")]
    assert len(set(positions)) == len(positions)
