"""The network map and the plan checked against each other.

A person with a violent, abusive, hostile or cut-off tie to a child cannot safely carry an
agreement or a safety-network role for that child (safety-plan.md, "The safety network");
a network member should be someone on the map; a signal needs someone who acts, and a step
for when it goes wrong needs a number to call. Pure: the plan tab and the tests ask the same
question over the case's records (person, relationship, plan_item).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.ages import is_minor
from desktop.safetyplan.positions import sort_key
from sync.protocol import Record
from sync.schema import PLAN_SECTIONS, is_uuid

# Ties that make a person unsafe to lean on for a child: the genogram's abuse lines and the
# ecogram's violence, open hostility and broken contact.
UNSAFE_QUALITIES = (
    "violence", "abuse_physical", "abuse_emotional", "abuse_sexual", "neglect", "hostile",
    "cut_off",
)
# The lines whose `who` carries something for the children.
CARRIERS = ("agreement", "network_commitment")


@dataclass(frozen=True)
class CrossCheck:
    """One warning: `code`, the plan line it is about, and for an unsafe tie who and what.

    Codes: unsafe_tie (person_id rests the line, child_id the child, quality the tie),
    not_on_map (a network member named freely), removed_from_map (the person was removed),
    signal_without_actor, step_without_number.
    """

    code: str
    item_id: str
    person_id: str | None = None
    child_id: str | None = None
    quality: str | None = None


def is_child(person: Record, today: dt.date) -> bool:
    """A child the worry is about, or anyone under 18 on `today`."""
    if person.fields.get("index_person") is True:
        return True
    # Anyone under 18, not only the household's (children_data.is_child): a violent tie to
    # a cousin on the map matters to the plan as much.
    return is_minor(person.fields.get("birth_date"), today)


def _filled(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def cross_checks(
    items: Iterable[Record], people: Iterable[Record], relationships: Iterable[Record],
    today: dt.date | None = None,
) -> list[CrossCheck]:
    """Every warning, in the plan's order. `people` may hold removed (deleted) people: a line
    naming one is told apart from a line naming someone never on the map."""
    day = today or dt.date.today()
    everyone = {p.id: p for p in people}
    live = {pid: p for pid, p in everyone.items() if not p.deleted}
    children = {pid for pid, p in live.items() if is_child(p, day)}
    # person id -> [(child id, quality)], each unsafe tie once, whichever way it is drawn
    unsafe: dict[str, list[tuple[str, str]]] = {}
    for tie in relationships:
        quality = tie.fields.get("quality")
        if tie.deleted or quality not in UNSAFE_QUALITIES:
            continue
        ends = (tie.fields.get("from_person_id"), tie.fields.get("to_person_id"))
        for person, other in (ends, ends[::-1]):
            if person in live and other in children and other != person:
                pair = (str(other), str(quality))
                if pair not in unsafe.setdefault(str(person), []):
                    unsafe[str(person)].append(pair)

    found: list[CrossCheck] = []
    def order(item: Record) -> tuple[int, tuple[str, str]]:
        section = item.fields.get("section")
        number = PLAN_SECTIONS.index(section) if section in PLAN_SECTIONS else len(PLAN_SECTIONS)
        return number, sort_key(item.fields.get("position"), item.id)

    lines = sorted((i for i in items if not i.deleted), key=order)
    for line in lines:
        section = line.fields.get("section")
        who = line.fields.get("who")
        if section in CARRIERS and _filled(who):
            assert isinstance(who, str)
            if who in live:
                found.extend(CrossCheck("unsafe_tie", line.id, who, child, quality)
                             for child, quality in unsafe.get(who, []))
            elif who in everyone or is_uuid(who):
                found.append(CrossCheck("removed_from_map", line.id, who))
            elif section == "network_commitment":
                found.append(CrossCheck("not_on_map", line.id))
        elif section == "signal" and not _filled(who):
            found.append(CrossCheck("signal_without_actor", line.id))
        elif section == "emergency_step" and not _filled(line.fields.get("phone")):
            found.append(CrossCheck("step_without_number", line.id))
    return found
