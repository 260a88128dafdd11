"""`plan_item.with_family` (an addition beyond design.md): a line written together with the
family in kitchen-table mode is marked so, and the mark travels like any field; a value that
is not a bool is a 4xx per change, never a 500."""

from __future__ import annotations

from tests.service.world import change, new_id


def test_a_line_written_with_the_family_keeps_its_mark_on_the_way(world):
    anouk = world.device("anouk", "worker", ("Noord",))
    karin = world.device("karin", "teamlead", ("Noord",))
    case = anouk.new_case(world.team("Noord"))
    plan = anouk.new_record(case["id"], "safety_plan", title="Plan", status="draft",
                            version=1)
    words = anouk.new_record(case["id"], "plan_item", plan_id=plan["id"],
                             section="child_voice", part="dreams", text="Een hond",
                             position="a0", with_family=True)
    danger = anouk.new_record(case["id"], "plan_item", plan_id=plan["id"], section="danger",
                              text="Zorg", position="a1")
    result = anouk.edit(danger, family_view="Wij zien het anders", with_family=True)
    assert result["status"] == "applied", result
    karin.sync()
    assert karin.records[words["id"]]["fields"]["with_family"] is True
    assert karin.records[danger["id"]]["fields"]["with_family"] is True
    assert karin.records[danger["id"]]["fields"]["family_view"] == "Wij zien het anders"
    refused = anouk.push_one(change(new_id(), "plan_item", case["id"], {
        "plan_id": plan["id"], "section": "danger", "text": "Zorg", "with_family": "ja"}))
    assert refused["status"] == "rejected" and refused["error"]["code"] == "wrong_type"
