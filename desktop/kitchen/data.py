"""What kitchen-table mode may show, read off the UI thread: one case, and of it only what
the family may see.

This is the one place that decides: every record is copied with only the fields the
family reads (`*_FIELDS` below), so a field the views do not mean to show (a person's
notes, a visit's observations, a review comment, a field added later) never reaches a
widget of the mode. Visits come only when shared with the family, and then only their
date and notes. Nothing of another case is read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from desktop.safetyplan.data import current_plan
from desktop.safetyplan.positions import sort_key
from sync.protocol import Record

CASE_FIELDS = ("title",)
PLAN_FIELDS = ("title", "harm", "worries", "complicating_factors", "working_well",
               "children_version")
ITEM_FIELDS = ("plan_id", "section", "text", "goal", "family_view", "who", "when", "phone",
               "part", "if_not_kept", "position", "with_family")
PERSON_FIELDS = ("name", "gender", "birth_date", "deceased", "index_person", "circle", "ring",
                 "role", "map_x", "map_y", "eco_x", "eco_y")
TIE_FIELDS = ("from_person_id", "to_person_id", "type", "quality", "direction", "support",
              "since", "until", "according_to")
VISIT_FIELDS = ("date", "notes")
SCORE_FIELDS = ("person_id", "plan_item_id", "visit_id", "value", "date")
# The worker's own view of a tie is their assessment: the family sees the ties they and
# nobody in particular recorded.
WORKER_VIEW = "worker"


@dataclass(frozen=True)
class KitchenData:
    case_id: str
    title: str = ""
    plan: Record | None = None
    items: list[Record] = field(default_factory=list)
    people: list[Record] = field(default_factory=list)
    ties: list[Record] = field(default_factory=list)
    visits: list[Record] = field(default_factory=list)  # shared with the family, oldest first
    scores: list[Record] = field(default_factory=list)


def only(record: Record, names: Iterable[str]) -> Record:
    """`record` with no field but `names`."""
    kept = {name: record.fields[name] for name in names if name in record.fields}
    return record.model_copy(update={"fields": kept})


def read_kitchen(store: Any, case_id: str) -> KitchenData:
    case = store.get_record(case_id)
    if case is None or case.deleted or case.kind != "case":
        return KitchenData(case_id)

    def live(kind: str) -> list[Record]:
        return [r for r in store.list_records(kind=kind, case_id=case_id) if not r.deleted]

    plan = current_plan(live("safety_plan"))
    items = []
    if plan is not None:
        items = sorted((i for i in live("plan_item") if i.fields.get("plan_id") == plan.id),
                       key=lambda i: sort_key(i.fields.get("position"), i.id))
    people = sorted(live("person"), key=lambda p: (str(p.fields.get("name") or ""), p.id))
    ties = [t for t in live("relationship") if t.fields.get("according_to") != WORKER_VIEW]
    visits = sorted((v for v in live("visit") if v.fields.get("shared_with_family") is True),
                    key=lambda v: (str(v.fields.get("date") or ""), v.id))
    return KitchenData(
        case_id, str(case.fields.get("title") or ""),
        only(plan, PLAN_FIELDS) if plan is not None else None,
        [only(i, ITEM_FIELDS) for i in items],
        [only(p, PERSON_FIELDS) for p in people],
        [only(t, TIE_FIELDS) for t in ties],
        [only(v, VISIT_FIELDS) for v in visits],
        [only(s, SCORE_FIELDS) for s in live("scaling_score")],
    )
