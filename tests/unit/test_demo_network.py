"""The demo shows all of the network map and the safety plan: every relationship type and
quality and every plan status appear in the first five cases, the same for the same seed."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from storage.demo import demo_records
from sync.schema import PLAN_STATUSES, QUALITIES, RELATIONSHIP_TYPES, validate_fields

TEAM = "00000000-0000-4000-8000-000000000001"


def _records(seed: int, cases: int = 5, start: int = 0):
    return list(demo_records(cases, team_id=TEAM, contact_worker_id=None, seed=seed,
                             start=start))


@pytest.mark.parametrize(("seed", "start"), [(2026, 0), (7, 0), (2026, 6)])
def test_five_demo_cases_show_every_type_quality_and_plan_status(seed, start):
    records = _records(seed, start=start)
    assert records == _records(seed, start=start)  # deterministic
    ties = [r.fields for r in records if r.kind == "relationship"]
    assert {t["type"] for t in ties} == set(RELATIONSHIP_TYPES)
    assert {t["quality"] for t in ties} == set(QUALITIES)
    assert {t["direction"] for t in ties} >= {"from", "both"}
    assert any(t["support"] for t in ties)
    plans = [r.fields for r in records if r.kind == "safety_plan"]
    assert sorted(p["status"] for p in plans) == sorted(PLAN_STATUSES)


def test_each_demo_network_has_three_generations_and_all_four_groups():
    by_case = defaultdict(list)
    for r in _records(2026, cases=10):
        validate_fields(r.kind, r.fields, creating=True)
        by_case[r.case_id].append(r)
    for rs in by_case.values():
        people = [r.fields for r in rs if r.kind == "person"]
        assert 10 <= len(people) <= 25
        firsts = [p["name"].split()[0] for p in people]
        assert len(set(firsts)) == len(firsts)  # no son named as his father
        assert {p["circle"] for p in people} == {"household", "family", "network",
                                                  "professional"}
        roles = {p["role"] for p in people}
        assert {"oma", "moeder", "vader"} <= roles and roles & {"dochter", "zoon"}
        assert {p["ring"] for p in people} == {1, 2, 3}
        index = [p for p in people if p.get("index_person")]
        assert index and all(p["role"] in ("dochter", "zoon") for p in index)


def test_each_demo_plan_is_complete_and_decided_plans_keep_their_version():
    by_case = defaultdict(list)
    for r in _records(2026):
        by_case[r.case_id].append(r)
    for rs in by_case.values():
        plan = next(r for r in rs if r.kind == "safety_plan")
        items = [r.fields for r in rs if r.kind == "plan_item"]
        conditions = {r.record_id for r in rs if r.kind == "plan_item"
                      and r.fields["section"] == "condition"}
        assert all(i.get("goal") for i in items if i["section"] == "danger")
        agreements = [i for i in items if i["section"] == "agreement"]
        assert agreements and all(set(a["addresses"]) <= conditions for a in agreements)
        assert {a for ag in agreements for a in ag["addresses"]} == conditions
        goals_meet = {c for i in items if i["section"] == "danger" and i.get("goal")
                      for c in i.get("addresses") or ()}
        # Only a draft may still miss something before it can be agreed.
        assert (goals_meet == conditions) == (plan.fields["status"] != "draft")
        assert {"112", "0800-2000"} <= {i.get("phone") for i in items}
        assert any(i["section"] == "signal" for i in items)
        visits = [r for r in rs if r.kind == "visit"]
        scores = [r.fields for r in rs if r.kind == "scaling_score"]
        assert len(visits) >= 2 and len({s["visit_id"] for s in scores}) == len(visits)
        versions = [r.fields for r in rs if r.kind == "plan_version"]
        if plan.fields["status"] in ("approved", "returned"):
            (version,) = versions
            assert version["decision"] == plan.fields["status"]
            seen = json.loads(version["content"])
            assert seen["plan"]["fields"]["status"] == "submitted"
            assert len(seen["items"]) == len(items)
        else:
            assert versions == []
