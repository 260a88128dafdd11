"""The demo generator: fictional households, the same for the same seed, valid records."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from storage.demo import DEMO_TODAY, demo_records
from sync.schema import validate_fields

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"
WORKER_ID = "5c3b2a10-6d4e-4f8a-b1c2-0d9e8f7a6b01"

SECTIONS = {"danger", "condition", "agreement", "signal", "emergency_step", "network_commitment",
            "child_voice"}


def test_same_seed_same_households_and_all_records_are_valid():
    first = list(demo_records(20, team_id=TEAM_ID, contact_worker_id=WORKER_ID, seed=7))
    assert first == list(demo_records(20, team_id=TEAM_ID, contact_worker_id=WORKER_ID, seed=7))
    assert first != list(demo_records(20, team_id=TEAM_ID, contact_worker_id=WORKER_ID, seed=8))
    for r in first:
        validate_fields(r.kind, r.fields, creating=True)
    assert len({r.record_id for r in first}) == len(first)


def test_every_household_has_what_the_issue_lists():
    by_case = defaultdict(list)
    for r in demo_records(40, team_id=TEAM_ID, contact_worker_id=WORKER_ID):
        by_case[r.case_id].append(r)
    assert len(by_case) == 40
    for rs in by_case.values():
        kinds = Counter(r.kind for r in rs)
        people = [r for r in rs if r.kind == "person"]
        assert 10 <= len(people) <= 25
        assert kinds["safety_plan"] == 1 and kinds["visit"] >= 1 and kinds["task"] >= 1
        assert kinds["relationship"] >= 1 and kinds["scaling_score"] >= 1
        assert SECTIONS <= {r.fields["section"] for r in rs if r.kind == "plan_item"}
        ids = {r.record_id for r in people}
        children = {r.record_id for r in people if r.fields.get("index_person")}
        voices = [r.fields for r in rs if r.kind == "plan_item"
                  and r.fields["section"] == "child_voice"]
        assert voices and {v["who"] for v in voices} == children and all(
            v["part"] and v["text"] for v in voices)
        for tie in (r for r in rs if r.kind == "relationship"):
            assert {tie.fields["from_person_id"], tie.fields["to_person_id"]} <= ids
            assert tie.fields["quality"]
    circles = {r.fields["circle"] for rs in by_case.values() for r in rs if r.kind == "person"}
    assert circles == {"household", "family", "network", "professional"}


def test_the_dates_follow_the_given_day_and_the_households_stay_the_same():
    # `make run` seeds around the day it runs; tests keep the fixed day. A leap day works.
    fixed = list(demo_records(10, team_id=TEAM_ID, contact_worker_id=WORKER_ID))
    for day in (dt.date(2027, 6, 1), dt.date(2028, 2, 29)):
        moved = list(demo_records(10, team_id=TEAM_ID, contact_worker_id=WORKER_ID, today=day))
        assert [(r.kind, r.record_id) for r in moved] == [(r.kind, r.record_id) for r in fixed]
        reviews = [dt.date.fromisoformat(r.fields["review_on"]) for r in moved
                   if r.kind == "safety_plan"]
        assert all(day <= d <= day + dt.timedelta(days=120) for d in reviews)
        births = [r.fields["birth_date"] for r in moved
                  if r.kind == "person" and r.fields.get("birth_date")]
        assert births and max(births) < day.isoformat()
    assert all(dt.date.fromisoformat(r.fields["review_on"]) >= DEMO_TODAY for r in fixed
               if r.kind == "safety_plan")
