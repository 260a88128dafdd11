"""What keeps a plan from being agreed, and which goals and agreements meet a condition."""

from __future__ import annotations

import uuid

from desktop.safetyplan.rules import (
    Blocker,
    blockers,
    danger_nudges,
    dangling,
    highest_rev,
    met_by,
)
from sync.protocol import Record

PLAN = str(uuid.uuid4())


def item(section, rev=1, deleted=False, **fields):
    return Record(id=str(uuid.uuid4()), kind="plan_item", case_id="c", rev=rev,
                  deleted=deleted, fields={"plan_id": PLAN, "section": section, **fields})


def test_an_empty_plan_lacks_its_emergency_steps():
    assert blockers([]) == [Blocker("no_emergency_steps")]


def test_a_complete_plan_has_no_blockers():
    condition = item("condition", text="Geen alcohol")
    items = [
        condition,
        item("danger", text="Zorg", goal="Doel", addresses=[condition.id]),
        item("agreement", text="Afspraak", addresses=[condition.id]),
        item("emergency_step", text="Bel 112", phone="112"),
    ]
    assert blockers(items) == []


def test_every_gap_is_named_with_its_item():
    condition = item("condition", text="Geen alcohol")
    danger = item("danger", text="Zorg", goal="  ", addresses=[condition.id])
    found = blockers([condition, danger])
    assert found == [
        Blocker("danger_without_goal", danger.id),
        Blocker("condition_without_goal", condition.id),
        Blocker("condition_without_agreement", condition.id),
        Blocker("no_emergency_steps"),
    ]


def test_deleted_items_and_dangling_addresses_count_for_nothing():
    condition = item("condition")
    gone = item("condition", deleted=True)
    agreement = item("agreement", addresses=[condition.id, gone.id, "elders"])
    step = item("emergency_step", deleted=True)
    assert met_by([condition, gone, agreement, step]) == {condition.id: [agreement]}
    assert Blocker("no_emergency_steps") in blockers([condition, agreement, step])


def test_more_than_three_danger_statements_nudge():
    assert not danger_nudges([item("danger") for _ in range(3)])
    assert danger_nudges([item("danger") for _ in range(4)])


def test_the_decision_is_based_on_the_highest_rev_of_plan_and_items():
    plan = Record(id=PLAN, kind="safety_plan", case_id="c", rev=4, fields={})
    assert highest_rev(plan, [item("danger", rev=9), item("signal", rev=2)]) == 9
    assert highest_rev(plan, []) == 4


def test_what_names_a_removed_condition_is_found():
    condition = item("condition")
    gone = item("condition", deleted=True)
    fine = item("agreement", addresses=[condition.id])
    stale = item("danger", goal="Doel", addresses=[gone.id])
    assert dangling([condition, gone, fine, stale]) == [stale]
