"""The monitor's figures equal what plain Python counts over the records read back from the
store, and only a team lead gets them."""

from __future__ import annotations

import datetime as dt
import json
import statistics
from collections import Counter
from typing import Any

import pytest

from storage.demo import seed_store
from storage.monitor import NotTeamLead
from storage.store import CaseStore
from tests.storage.conftest import TEAM_ID

OTHER_TEAM = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a99"
LEAD = {"id": "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a10", "role": "teamlead",
        "team_ids": [TEAM_ID], "display_name": "Teamleider Test"}
TODAY = dt.date(2026, 11, 29)


def _when(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def _fill(store: CaseStore) -> None:
    """Demo households, plus what the demo lacks: another team's case, a deleted case, an
    open-ended case of years ago, and plans submitted here and then decided."""
    seed_store(store, 8, team_id=TEAM_ID, contact_worker_id=None, seed=7)
    store.create_record("case", {"title": "Familie Anders", "team_id": OTHER_TEAM,
                                 "status": "active", "legal_framework": "ots",
                                 "opened_on": "2025-01-03"})
    gone = store.create_record("case", {"title": "Familie Weg", "team_id": TEAM_ID,
                                        "status": "active", "opened_on": "2025-02-01"})
    store.delete_record(gone.id)
    old = store.create_record("case", {"title": "Familie Oud", "team_id": TEAM_ID,
                                       "legal_framework": "guardianship",
                                       "opened_on": "2024-06-15"})
    closed = store.create_record("case", {"title": "Familie Dicht", "team_id": TEAM_ID,
                                          "status": "closed", "legal_framework": "ots",
                                          "opened_on": "2025-03-10", "closed_on": "2025-09-02"})
    store.create_record("safety_plan", {"title": "Plan", "status": "draft",
                                        "review_on": "2025-10-01"}, case_id=closed.id)
    store.create_record("task", {"title": "Bellen", "due_on": "2025-10-01"}, case_id=closed.id)
    soon = dt.datetime.now(dt.UTC)
    for days, decision in ((3, "approved"), (10, "returned"), (4, "approved")):
        plan = store.create_record("safety_plan", {"title": "Plan", "status": "submitted"},
                                   case_id=old.id)
        store.create_record("plan_version", {
            "plan_id": plan.id, "version": 1, "decision": decision, "content": "{}",
            "based_on_rev": 0,
            "decided_at": (soon + dt.timedelta(days=days)).isoformat(timespec="seconds"),
        }, case_id=old.id)


def _independent(store: CaseStore) -> dict[str, Any]:
    """The figures, counted record by record in plain Python: no SQL of the monitor's."""
    cases = {c.id: c.fields for c in store.list_records(kind="case")
             if c.fields.get("team_id") == TEAM_ID}
    open_cases = {cid for cid, f in cases.items() if f.get("status") != "closed"}
    plans = [p for p in store.list_records(kind="safety_plan") if p.case_id in cases]
    today = TODAY.isoformat()
    months: dict[str, Counter[str]] = {}
    for f in cases.values():
        if not f.get("opened_on"):
            continue
        day = dt.date.fromisoformat(f["opened_on"]).replace(day=1)
        end = dt.date.fromisoformat(f.get("closed_on") or today)
        while day <= end:
            months.setdefault(day.isoformat()[:7], Counter())[
                f.get("legal_framework") or "unknown"] += 1
            day = (day + dt.timedelta(days=32)).replace(day=1)
    first = min(months)
    filled = {}
    day = dt.date.fromisoformat(first + "-01")
    while day <= TODAY:
        filled[day.isoformat()[:7]] = dict(sorted(months.get(day.isoformat()[:7], {}).items()))
        day = (day + dt.timedelta(days=32)).replace(day=1)
    versions = [v for v in store.list_records(kind="plan_version") if v.case_id in cases
                and v.fields.get("decision") in ("approved", "returned")]
    days = []
    for v in versions:
        submitted = [_when(h.at) for h in store.history(v.case_id)
                     if h.record_id == v.fields["plan_id"]
                     and h.changes.get("status") == "submitted"
                     and _when(h.at) <= _when(v.fields["decided_at"])]
        if submitted:
            days.append((_when(v.fields["decided_at"]) - max(submitted)).total_seconds() / 86400)
    items = store.list_records(kind="plan_item")
    voiced = {i.fields.get("plan_id") for i in items if i.fields.get("part")}
    return {
        "cases_by_status": dict(sorted(Counter(
            f.get("status") or "unknown" for f in cases.values()).items())),
        "plans_by_status": dict(sorted(Counter(
            p.fields.get("status") or "unknown" for p in plans).items())),
        "cases_by_legal_framework": filled,
        "overdue_reviews": sum(1 for p in plans if p.case_id in open_cases
                               and (p.fields.get("review_on") or "9") < today),
        "median_days_to_decision": round(statistics.median(days), 1) if days else None,
        "share_returned": round(sum(1 for v in versions if v.fields["decision"] == "returned")
                                / len(versions), 3),
        "share_with_child_voice": round(sum(1 for p in plans if p.id in voiced)
                                        / len(plans), 3),
        "overdue_tasks": sum(1 for t in store.list_records(kind="task")
                             if t.case_id in open_cases and not t.fields.get("done")
                             and (t.fields.get("due_on") or "9") < today),
    }


def test_figures_equal_an_independent_count_and_lead_to_their_cases(store: CaseStore) -> None:
    _fill(store)
    store.set_setting("user", LEAD)
    figures = store.monitor(TODAY)
    expected = _independent(store)
    assert {**figures.contract(), "overdue_tasks": figures.overdue_tasks} == expected
    assert list(json.loads(json.dumps(figures.contract()))) == [
        "cases_by_status", "plans_by_status", "cases_by_legal_framework", "overdue_reviews",
        "median_days_to_decision", "share_returned", "share_with_child_voice"]
    # The data reach every figure, so none of them is trivially zero.
    assert expected["median_days_to_decision"] is not None
    assert expected["overdue_reviews"] and expected["overdue_tasks"]
    assert 0 < expected["share_with_child_voice"] < 1
    assert "2024-06" in figures.cases_by_legal_framework
    assert figures.cases_by_legal_framework["2025-09"].get("ots", 0) >= 1
    # The cases behind a figure are the ones it counts.
    for status, n in figures.cases_by_status.items():
        assert len(store.monitor_cases("cases_by_status", status, TODAY)) == n
    for framework, n in figures.cases_by_legal_framework["2025-06"].items():
        behind = store.monitor_cases("cases_by_legal_framework", ("2025-06", framework), TODAY)
        assert len(behind) == n
    names = [name for _, name in store.monitor_cases("overdue_reviews", None, TODAY)]
    assert "Familie Dicht" not in names and "Familie Anders" not in names


def test_only_a_team_lead_gets_the_monitor(store: CaseStore) -> None:
    store.create_record("case", {"title": "Familie Jansen", "team_id": TEAM_ID})
    for user in (None, {"id": "w", "role": "worker", "team_ids": [TEAM_ID]},
                 {"id": "a", "role": "admin", "team_ids": []}):
        if user is not None:
            store.set_setting("user", user)
        with pytest.raises(NotTeamLead):
            store.monitor(TODAY)
        with pytest.raises(NotTeamLead):
            store.monitor_cases("cases_by_status", "active", TODAY)
