"""What the plan still lacks before it can be agreed, and which items meet which condition.

Pure functions over the plan's items (records of kind plan_item), so the editor, the review
and the tests ask the same questions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop.safetyplan.positions import sort_key
from sync.protocol import Record

# What may meet a condition (`addresses`): a danger statement's goal and an agreement.
MEETS = ("danger", "agreement")


@dataclass(frozen=True)
class Blocker:
    """One reason the plan cannot be agreed yet: `code`, and the item it is about."""

    code: str  # danger_without_goal, condition_without_goal, condition_without_agreement,
    #            no_emergency_steps
    item_id: str | None = None


def _live(items: Iterable[Record]) -> list[Record]:
    return [i for i in items if not i.deleted]


def _filled(fields: Mapping[str, Any], name: str) -> bool:
    value = fields.get(name)
    return isinstance(value, str) and bool(value.strip())


def met_by(items: Iterable[Record]) -> dict[str, list[Record]]:
    """For each condition, the goals and then the agreements that name it in `addresses`,
    each in the plan's order (a name of a condition that no longer exists is left out)."""
    live = _live(items)
    conditions: dict[str, list[Record]] = {
        i.id: [] for i in live if i.fields.get("section") == "condition"
    }
    meeting = sorted(
        (i for i in live if i.fields.get("section") in MEETS),
        key=lambda i: (MEETS.index(i.fields["section"]),
                       sort_key(i.fields.get("position"), i.id)),
    )
    for item in meeting:
        for condition_id in item.fields.get("addresses") or ():
            if condition_id in conditions and item not in conditions[condition_id]:
                conditions[condition_id].append(item)
    return conditions


def missing_for_condition(meeting: Iterable[Record]) -> list[str]:
    """What a condition lacks: at least one goal and one agreement must meet it."""
    sections = {
        i.fields.get("section") for i in meeting
        if i.fields.get("section") != "danger" or _filled(i.fields, "goal")
    }
    return [code for section, code in (("danger", "condition_without_goal"),
                                       ("agreement", "condition_without_agreement"))
            if section not in sections]


def blockers(items: Iterable[Record]) -> list[Blocker]:
    """Everything that keeps the plan from being agreed, in the plan's order."""
    live = _live(items)
    found = [
        Blocker("danger_without_goal", i.id) for i in live
        if i.fields.get("section") == "danger" and not _filled(i.fields, "goal")
    ]
    for condition_id, meeting in met_by(live).items():
        found.extend(Blocker(code, condition_id) for code in missing_for_condition(meeting))
    if not any(i.fields.get("section") == "emergency_step" for i in live):
        found.append(Blocker("no_emergency_steps"))
    return found


def dangling(items: Iterable[Record]) -> list[Record]:
    """Goals and agreements that name a condition no longer in the plan (removed on another
    laptop, say): shown in words, repaired by choosing what they meet again."""
    live = _live(items)
    conditions = {i.id for i in live if i.fields.get("section") == "condition"}
    return [i for i in live if i.fields.get("section") in MEETS
            and any(c not in conditions for c in i.fields.get("addresses") or ())]


def danger_nudges(items: Iterable[Record], most: int = 3) -> bool:
    """True when there are more danger statements than a plan can keep in view."""
    return sum(1 for i in _live(items) if i.fields.get("section") == "danger") > most


def highest_rev(plan: Record, items: Iterable[Record]) -> int:
    """The `based_on_rev` of a decision: the highest rev among the plan and its items."""
    return max([plan.rev, *(i.rev for i in items if i.fields.get("plan_id") == plan.id)])
