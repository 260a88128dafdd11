"""The team lead's decision on a safety plan (`plan_version`): who may make it, that it is
of exactly what the lead saw (`plan_changed`), that it sets the plan's status in the same
transaction, and that a version is never changed or deleted (`immutable`)."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from sync.service.db import transaction
from sync.service.models import AccessLogRow
from tests.service.world import change, new_id


@pytest.fixture
def review(world):
    """A submitted plan with two items in worker anouk's case of team Noord."""
    anouk = world.device("anouk", "worker", ("Noord",))
    lead = world.device("karin", "teamlead", ("Noord",))
    case = anouk.new_case(world.team("Noord"))
    plan = anouk.new_record(case["id"], "safety_plan", title="Plan", status="submitted",
                            version=1)
    goal = anouk.new_record(case["id"], "plan_item", plan_id=plan["id"], section="danger",
                            text="Zorg", goal="Doel", position="a0")
    rule = anouk.new_record(case["id"], "plan_item", plan_id=plan["id"], section="condition",
                            text="Voorwaarde", set_by="Veilig Thuis", position="a1")
    return world, anouk, lead, case, plan, goal, rule


def seen_rev(device, plan_id: str) -> int:
    device.sync()
    return max(r["rev"] for r in device.records.values()
               if r["id"] == plan_id or r["fields"].get("plan_id") == plan_id)


def decision(device, case_id: str, plan_id: str, decision: str = "approved", *,
             based_on_rev: int | None = None, **extra) -> dict:
    rev = seen_rev(device, plan_id) if based_on_rev is None else based_on_rev
    fields = {"plan_id": plan_id, "version": 1, "decision": decision, "comment": "Helder",
              "section_comments": json.dumps({"agreement": "Concreet"}),
              "content": json.dumps({"plan": plan_id}), "based_on_rev": rev,
              "decided_by": device.user_id, "decided_at": "2026-11-29T10:00:00Z", **extra}
    return change(new_id(), "plan_version", case_id, fields)


@pytest.mark.parametrize("choice", ["approved", "returned"])
def test_a_decision_sets_the_plan_status_with_it(review, choice):
    world, anouk, lead, case, plan, _, _ = review
    sent = decision(lead, case["id"], plan["id"], choice)
    result = lead.push_one(sent)
    assert result["status"] == "applied", result
    anouk.sync()
    fields = anouk.records[plan["id"]]["fields"]
    assert fields["status"] == choice
    assert fields["review_comment"] == "Helder"
    assert fields["reviewed_by"] == lead.user_id
    assert anouk.records[sent["record_id"]]["fields"]["decision"] == choice
    # the plan's own change is logged as a write of its own (NEN 7513)
    with transaction(world.factory) as session:
        logged = session.scalars(sa.select(AccessLogRow).where(
            AccessLogRow.record_id == plan["id"], AccessLogRow.user_id == lead.user_id,
            AccessLogRow.action.like("push.%"))).all()
    assert [row.action for row in logged] == ["push.applied"]
    assert "status" in (logged[0].detail or "")


def test_only_a_team_lead_of_the_case_decides(review, world):
    _, anouk, _, case, plan, _, _ = review
    colleague = world.device("bram", "worker", ("Noord",))
    other_lead = world.device("joost", "teamlead", ("Zuid",))
    assert anouk.push_one(decision(anouk, case["id"], plan["id"]))["error"]["code"] == (
        "plan_review_forbidden")
    assert colleague.push_one(decision(anouk, case["id"], plan["id"]))["error"]["code"] == (
        "case_not_visible")
    assert other_lead.push_one(decision(anouk, case["id"], plan["id"]))["error"]["code"] == (
        "case_not_visible")
    anouk.sync()
    assert anouk.records[plan["id"]]["fields"]["status"] == "submitted"


@pytest.mark.parametrize("edit", ["item", "new_item", "deleted_item", "plan"])
def test_a_decision_on_what_changed_since_is_refused(review, edit):
    _, anouk, lead, case, plan, goal, _ = review
    seen = seen_rev(lead, plan["id"])
    if edit == "item":
        assert anouk.edit(goal, goal="Ander doel")["status"] == "applied"
    elif edit == "new_item":
        anouk.new_record(case["id"], "plan_item", plan_id=plan["id"], section="signal")
    elif edit == "deleted_item":
        assert anouk.push_one(change(goal["id"], "plan_item", case["id"], delete=True,
                                     base_rev=goal["rev"]))["status"] == "applied"
    else:
        assert anouk.edit(plan, harm="Nieuw")["status"] == "applied"
    result = lead.push_one(decision(lead, case["id"], plan["id"], based_on_rev=seen))
    assert result["status"] == "rejected"
    assert result["error"]["code"] == "plan_changed"
    anouk.sync()
    assert anouk.records[plan["id"]]["fields"]["status"] == "submitted"
    # seeing the change, the lead decides again and it holds
    assert lead.push_one(decision(lead, case["id"], plan["id"]))["status"] == "applied"


def test_an_item_of_another_plan_changes_nothing(review):
    _, anouk, lead, case, plan, _, _ = review
    seen = seen_rev(lead, plan["id"])
    other = anouk.new_record(case["id"], "safety_plan", title="Ander plan")
    anouk.new_record(case["id"], "plan_item", plan_id=other["id"], section="signal")
    result = lead.push_one(decision(lead, case["id"], plan["id"], based_on_rev=seen))
    assert result["status"] == "applied", result


def test_an_edit_earlier_in_the_same_batch_counts(review):
    _, _, lead, case, plan, goal, _ = review
    seen = seen_rev(lead, plan["id"])
    results = lead.push(
        change(goal["id"], "plan_item", case["id"], {"text": "Anders"},
               base={"text": "Zorg"}, base_rev=goal["rev"]),
        decision(lead, case["id"], plan["id"], based_on_rev=seen),
    )
    assert results[0]["status"] == "applied"
    assert results[1]["error"]["code"] == "plan_changed"


def test_a_second_decision_on_the_same_sight_is_refused(review):
    _, _, lead, case, plan, _, _ = review
    seen = seen_rev(lead, plan["id"])
    assert lead.push_one(decision(lead, case["id"], plan["id"], based_on_rev=seen))[
        "status"] == "applied"
    again = lead.push_one(decision(lead, case["id"], plan["id"], "returned", based_on_rev=seen))
    assert again["error"]["code"] == "plan_changed"


@pytest.mark.parametrize("target", ["missing", "other_case", "not_a_plan", "deleted"])
def test_a_decision_must_name_a_plan_of_the_case(review, target):
    _, anouk, lead, case, plan, goal, _ = review
    plan_id = plan["id"]
    case_id = case["id"]
    if target == "missing":
        plan_id = new_id()
    elif target == "other_case":
        case_id = anouk.new_case(review[0].team("Noord"))["id"]
    elif target == "not_a_plan":
        plan_id = goal["id"]
    else:
        assert anouk.push_one(change(plan["id"], "safety_plan", case["id"], delete=True,
                                     base_rev=plan["rev"]))["status"] == "applied"
    result = lead.push_one(decision(lead, case_id, plan_id, based_on_rev=10**6))
    assert result["status"] == "rejected"
    assert result["error"]["code"] == "plan_not_found"


def test_a_decision_is_in_the_name_of_the_one_deciding(review):
    _, anouk, lead, case, plan, _, _ = review
    result = lead.push_one(decision(lead, case["id"], plan["id"], decided_by=anouk.user_id))
    assert result["error"]["code"] == "invalid_value"


def test_a_version_is_never_changed_or_deleted(review):
    _, anouk, lead, case, plan, _, _ = review
    sent = decision(lead, case["id"], plan["id"])
    version = lead.held(lead.push_one(sent), sent)
    for who in (lead, anouk):
        edited = who.edit(version, comment="Toch anders")
        assert edited["status"] == "rejected" and edited["error"]["code"] == "immutable"
        deleted = who.push_one(change(version["id"], "plan_version", case["id"], delete=True,
                                      base_rev=version["rev"]))
        assert deleted["status"] == "rejected" and deleted["error"]["code"] == "immutable"
    # the same values again (a laptop that lost the answer) change nothing and are no error
    again = lead.push_one({**sent, "change_id": new_id()})
    assert again["status"] == "applied" and again["rev"] == version["rev"]
    lead.sync()
    assert lead.records[version["id"]]["fields"]["comment"] == "Helder"


def test_who_agreed_and_what_if_not_kept_travel_and_are_checked(review):
    """Additions beyond design.md: `safety_plan.agreed_by` (person ids) and
    `plan_item.if_not_kept` (text) are stored and pulled; a name instead of an id is a 4xx
    per change, not a 500."""
    world, anouk, lead, case, plan, goal, _ = review
    person = anouk.new_record(case["id"], "person", name="Sanne")
    agreement = anouk.new_record(case["id"], "plan_item", plan_id=plan["id"],
                                 section="agreement", text="Afspraak", position="a2",
                                 if_not_kept="Oma haalt de kinderen op")
    result = anouk.edit(plan, agreed_by=[person["id"]])
    assert result["status"] == "applied", result
    lead.sync()
    assert lead.records[plan["id"]]["fields"]["agreed_by"] == [person["id"]]
    assert lead.records[agreement["id"]]["fields"]["if_not_kept"] == "Oma haalt de kinderen op"
    refused = anouk.push_one(change(new_id(), "safety_plan", case["id"],
                                    {"title": "Plan 2", "agreed_by": ["Sanne"]}))
    assert refused["status"] == "rejected" and refused["error"]["code"] == "invalid_id"
