"""What the plan for the family holds, as data: read from the plan once, then written as
PDF, on paper or as JSON, so the three never say different things.

A line's `who` is a person of the case (by id) or a name typed in; the family reads a name,
never an id. No Qt here: the JSON export runs without a display.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from desktop.safetyplan.children_data import OTHER, PARTS, ChildWords, child_words
from desktop.safetyplan.data import PlanData
from sync.protocol import Record

ALWAYS_OFFERED = ("112", "0800-2000")  # danger now, and Veilig Thuis: on every plan


@dataclass(frozen=True)
class Worry:
    text: str
    goal: str
    family_view: str


@dataclass(frozen=True)
class Agreement:
    who: str
    what: str
    when: str
    how_checked: str
    if_not_kept: str


@dataclass(frozen=True)
class Line:
    """A line of another part: its text and who (signals, steps, network, next steps)."""

    text: str
    who: str = ""
    when: str = ""
    phone: str = ""


@dataclass
class FamilyPlan:
    title: str
    version: int
    made_on: dt.date  # the day this copy was made: in every page's footer
    agreed_on: str = ""
    review_on: str = ""
    harm: str = ""
    worries: str = ""
    working_well: str = ""
    complicating_factors: str = ""
    dangers: list[Worry] = field(default_factory=list)
    conditions: list[Line] = field(default_factory=list)  # who: who set it
    agreements: list[Agreement] = field(default_factory=list)
    signals: list[Line] = field(default_factory=list)
    emergency: list[Line] = field(default_factory=list)
    missing_numbers: list[str] = field(default_factory=list)  # 112 / 0800-2000 not in a step
    network: list[Line] = field(default_factory=list)
    next_steps: list[Line] = field(default_factory=list)
    signers: list[str] = field(default_factory=list)  # agreed_by, by name
    children: list[ChildWords] = field(default_factory=list)
    story: str = ""


def _text(value: Any) -> str:
    return str(value).strip() if value is not None else ""


def _is_id(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return "-" in text  # a typed name is never a UUID with its dashes


def family_plan(data: PlanData, today: dt.date) -> FamilyPlan | None:
    """The family's copy of the plan the tab shows (None: the case has no plan)."""
    plan = data.plan
    if plan is None:
        return None
    names = {p.id: _text(p.fields.get("name"))
             for p in (*data.removed_people, *data.people)}

    def who(value: Any) -> str:
        text = _text(value)
        if text in names:
            return names[text]
        return "" if _is_id(text) else text  # a person no laptop knows: never an id

    fields = plan.fields
    lines: dict[str, list[Record]] = {}
    for item in data.items:
        if not item.deleted:
            lines.setdefault(str(item.fields.get("section")), []).append(item)

    def simple(section: str, who_field: str = "who") -> list[Line]:
        return [Line(_text(i.fields.get("text")), who(i.fields.get(who_field)),
                     _text(i.fields.get("when")), _text(i.fields.get("phone")))
                for i in lines.get(section, [])]

    emergency = simple("emergency_step")
    written = " ".join(f"{s.text} {s.phone}" for s in emergency)
    return FamilyPlan(
        title=_text(fields.get("title")), version=int(fields.get("version") or 1),
        made_on=today, agreed_on=_text(fields.get("agreed_on")),
        review_on=_text(fields.get("review_on")), harm=_text(fields.get("harm")),
        worries=_text(fields.get("worries")), working_well=_text(fields.get("working_well")),
        complicating_factors=_text(fields.get("complicating_factors")),
        dangers=[Worry(_text(i.fields.get("text")), _text(i.fields.get("goal")),
                       _text(i.fields.get("family_view"))) for i in lines.get("danger", [])],
        conditions=[Line(_text(i.fields.get("text")), _text(i.fields.get("set_by")))
                    for i in lines.get("condition", [])],
        agreements=[Agreement(who(i.fields.get("who")), _text(i.fields.get("text")),
                              _text(i.fields.get("when")), _text(i.fields.get("how_checked")),
                              _text(i.fields.get("if_not_kept")))
                    for i in lines.get("agreement", [])],
        signals=simple("signal"), emergency=emergency,
        missing_numbers=[n for n in ALWAYS_OFFERED if n not in written],
        network=simple("network_commitment"), next_steps=simple("next_step"),
        signers=[name for name in map(who, fields.get("agreed_by") or ()) if name],
        children=[g for g in child_words(data.items, data.people, today) if g.count],
        story=_text(fields.get("children_version")),
    )


def children_json(plan: FamilyPlan) -> dict[str, Any]:
    return {
        "children": [
            {"name": group.name, "words": {part or "other": [
                _text(item.fields.get("text")) for item in group.room(part)]
                for part in (*PARTS, OTHER) if group.room(part)}}
            for group in plan.children],
        "story": plan.story,
    }


def plan_json(plan: FamilyPlan) -> dict[str, Any]:
    """The same content as the PDF, structured: field names in English, the words as
    written (the family's language)."""

    def lines(items: list[Line]) -> list[dict[str, str]]:
        return [{k: v for k, v in vars(line).items() if v} for line in items]

    return {
        "title": plan.title, "version": plan.version, "made_on": plan.made_on.isoformat(),
        "agreed_on": plan.agreed_on or None, "review_on": plan.review_on or None,
        "what_happened": plan.harm, "worries": plan.worries,
        "working_well": plan.working_well, "what_makes_it_harder": plan.complicating_factors,
        "biggest_worries": [vars(w) for w in plan.dangers],
        "conditions": [{"text": c.text, "set_by": c.who} for c in plan.conditions],
        "agreements": [vars(a) for a in plan.agreements],
        "signals": lines(plan.signals),
        "when_it_goes_wrong": [*lines(plan.emergency),
                               *({"phone": n} for n in plan.missing_numbers)],
        "safety_network": lines(plan.network), "next_steps": lines(plan.next_steps),
        "signatures": plan.signers,
        "children_version": children_json(plan),
    }
