"""Reading a case's safety plan off the UI thread: the plan, its items and versions, the
people of the case (to pick who) and who is using the app (a team lead decides)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from desktop.colleagues import Names, read_names
from desktop.safetyplan.positions import sort_key
from storage.case_list import CURRENT_PLAN_ORDER
from sync.protocol import Record

STATUS_ORDER = CURRENT_PLAN_ORDER  # the case list marks the same plan the tab shows


@dataclass(frozen=True)
class PlanData:
    plan: Record | None
    items: list[Record] = field(default_factory=list)
    versions: list[Record] = field(default_factory=list)
    people: list[Record] = field(default_factory=list)
    user: dict[str, Any] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)  # version id -> the service's code
    refused_versions: list[Record] = field(default_factory=list)  # what the lead saw then
    other_plans: int = 0  # more live plans in the case (made on two laptops): not shown
    # The map, for checking the plan against it: its ties, and people removed from it (a
    # line may still name one).
    relationships: list[Record] = field(default_factory=list)
    removed_people: list[Record] = field(default_factory=list)
    plans: list[Record] = field(default_factory=list)  # every live plan, the current first
    # Plans a team lead decided on (a plan_version names them): history, never merged away.
    decided_plans: frozenset[str] = frozenset()
    line_counts: dict[str, int] = field(default_factory=dict)  # plan id -> its live lines
    names: Names = Names()  # who decided on a version, by name

    @property
    def is_teamlead(self) -> bool:
        return self.user.get("role") == "teamlead"


def current_plan(plans: list[Record]) -> Record | None:
    """The plan the tab shows when a case has more than one (two laptops each made one):
    the one furthest in review, then the newest version, then by id so every laptop agrees."""
    live = [p for p in plans if not p.deleted]
    if not live:
        return None

    def rank(plan: Record) -> tuple[int, int, str]:
        status = plan.fields.get("status") or "draft"
        order = STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER)
        return (order, -(plan.fields.get("version") or 1), plan.id)

    return min(live, key=rank)


def read_plan(store: Any, case_id: str, chosen: str | None = None) -> PlanData:
    """`chosen`: the plan the worker picked when the case holds more than one (else, or when
    it is gone, the current one)."""
    plans = [p for p in store.list_records(kind="safety_plan", case_id=case_id)
             if not p.deleted]
    first = current_plan(plans)
    plan = next((p for p in plans if p.id == chosen), first)
    plans.sort(key=lambda p: (p is not first, p.id))
    user = store.get_setting("user")
    everyone = store.list_records(kind="person", case_id=case_id, include_deleted=True)
    people = sorted((p for p in everyone if not p.deleted),
                    key=lambda p: (str(p.fields.get("name") or ""), p.id))
    removed = [p for p in everyone if p.deleted]
    ties = store.list_records(kind="relationship", case_id=case_id)
    if plan is None:
        return PlanData(None, people=people, user=user if isinstance(user, dict) else {},
                        relationships=ties, removed_people=removed, names=read_names(store))
    every_item = store.list_records(kind="plan_item", case_id=case_id)
    items = [i for i in every_item if i.fields.get("plan_id") == plan.id]
    items.sort(key=lambda i: sort_key(i.fields.get("position"), i.id))
    line_counts = Counter(str(i.fields.get("plan_id")) for i in every_item if not i.deleted)
    every_version = store.list_records(kind="plan_version", case_id=case_id)
    versions = sorted(
        (v for v in every_version if v.fields.get("plan_id") == plan.id),
        key=lambda v: (v.fields.get("decided_at") or "", v.id),
    )
    # A decision the service refused stays on this laptop: it is no version of the plan.
    refused = {change.record_id: code for change, code in store.rejected_changes()
               if change.kind == "plan_version"}
    return PlanData(plan, items, [v for v in versions if v.id not in refused], people,
                    user if isinstance(user, dict) else {},
                    {v.id: refused[v.id] for v in versions if v.id in refused},
                    [v for v in versions if v.id in refused], len(plans) - 1,
                    relationships=ties, removed_people=removed, plans=plans,
                    decided_plans=frozenset(str(v.fields.get("plan_id"))
                                            for v in every_version),
                    line_counts=dict(line_counts), names=read_names(store))
