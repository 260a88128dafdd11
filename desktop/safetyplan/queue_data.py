"""The team lead's review queue, read off the UI thread: every submitted plan of their
teams, oldest first, with the parts changed since its last approved version."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from desktop.safetyplan.compare import changed_since


@dataclass(frozen=True)
class QueueRow:
    case_id: str
    family: str
    plan_id: str
    version: int
    submitted_at: str  # when the plan last changed: for a submitted plan, its submission
    changed: tuple[str, ...] | None  # parts changed since the last approval; None: never one


def read_queue(store: Any) -> list[QueueRow]:
    user = store.get_setting("user")
    if not isinstance(user, dict) or user.get("role") != "teamlead":
        return []
    teams = set(user.get("team_ids") or [])
    cases = {c.id: c for c in store.list_records(kind="case")}
    plans = [p for p in store.list_records(kind="safety_plan")
             if p.fields.get("status") == "submitted" and p.case_id in cases
             and cases[p.case_id].fields.get("team_id") in teams]
    if not plans:
        return []
    wanted = {p.id for p in plans}
    items: dict[str, list[Any]] = defaultdict(list)
    for item in store.list_records(kind="plan_item"):
        if item.fields.get("plan_id") in wanted:
            items[item.fields["plan_id"]].append(item)
    approved: dict[str, Any] = {}
    for version in store.list_records(kind="plan_version"):
        plan_id = version.fields.get("plan_id")
        if plan_id in wanted and version.fields.get("decision") == "approved":
            best = approved.get(plan_id)
            if best is None or (version.fields.get("version") or 0) > (
                    best.fields.get("version") or 0):
                approved[plan_id] = version
    rows = [
        QueueRow(
            p.case_id, str(cases[p.case_id].fields.get("title") or ""), p.id,
            p.fields.get("version") or 1, p.updated_at or "",
            tuple(changed_since(approved[p.id].fields.get("content"), p, items[p.id]))
            if p.id in approved else None,
        )
        for p in plans
    ]
    return sorted(rows, key=lambda r: (r.submitted_at, r.plan_id))
