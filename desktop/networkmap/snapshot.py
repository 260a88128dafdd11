"""Snapshots of the map (`map_snapshot.content`) and the comparison of two of them. Pure.

The content is JSON of the people and ties as they stood, so that any laptop holding the
case can compare the network at two moments without the records' history. Content from
another laptop that does not parse counts as empty and says so (`readable`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from desktop.networkmap.model import DANGER_QUALITIES, NetworkModel, build

FORMAT = 1
PERSON_KEYS = ("name", "gender", "circle", "ring", "index_person", "deceased", "birth_date")
TIE_KEYS = ("a", "b", "type", "quality", "direction", "support")


def content_of(model: NetworkModel) -> str:
    people = [{"id": p.id, "name": p.name, "gender": p.gender, "circle": p.circle,
               "ring": p.ring, "index_person": p.index_person, "deceased": p.deceased,
               "birth_date": p.birth_date} for p in model.people.values()]
    ties = [{"id": t.id, "a": t.a, "b": t.b, "type": t.type, "quality": t.quality,
             "direction": t.direction, "support": list(t.support)} for t in model.ties]
    return json.dumps({"format": FORMAT, "people": sorted(people, key=lambda p: p["id"]),
                       "ties": sorted(ties, key=lambda t: t["id"])},
                      ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class Snapshot:
    people: dict[str, dict[str, Any]]
    ties: dict[str, dict[str, Any]]
    readable: bool = True


def parse(content: str | None) -> Snapshot:
    try:
        data = json.loads(content or "")
        people = {str(p["id"]): p for p in data["people"] if isinstance(p, dict)}
        ties = {str(t["id"]): t for t in data["ties"] if isinstance(t, dict)}
    except (ValueError, KeyError, TypeError):
        return Snapshot({}, {}, readable=False)
    return Snapshot(people, ties)


@dataclass(frozen=True)
class TieChange:
    tie_id: str
    a: str  # names, as they stood in the later snapshot (else the earlier)
    b: str
    field: str
    before: Any
    after: Any


# The circle of support around the children (docs/architecture.md, "The network over
# time"): a tie supports when its band is good, or when it carries support letters and is
# not a harmful one (a weak tie that brings practical help still helps; a violent one never).
SUPPORTIVE_QUALITIES = frozenset({"strong", "close", "normal"})
HARMFUL_QUALITIES = DANGER_QUALITIES | {"violence", "hostile", "conflict", "cut_off"}
SUPPORT_LETTERS = frozenset({"P", "G", "A", "E"})


def supportive(tie: dict[str, Any]) -> bool:
    quality = tie.get("quality")
    if quality in HARMFUL_QUALITIES:
        return False
    letters = tie.get("support")
    helps = isinstance(letters, list) and any(x in SUPPORT_LETTERS for x in letters)
    return quality in SUPPORTIVE_QUALITIES or helps


@dataclass(frozen=True)
class Circle:
    around: str  # "children" (index persons), "household" (none marked) or "nobody"
    members: frozenset[str]  # person ids


def circle_of(snapshot: Snapshot) -> Circle:
    """The living people outside the centre with a supportive tie to someone in it; the
    centre is the index children, or the household when no child is marked."""
    people = snapshot.people
    centre = {pid for pid, p in people.items() if p.get("index_person") is True}
    around = "children"
    if not centre:
        centre = {pid for pid, p in people.items() if p.get("circle") == "household"}
        around = "household"
    if not centre:
        return Circle("nobody", frozenset())
    members: set[str] = set()
    for tie in snapshot.ties.values():
        a, b = str(tie.get("a")), str(tie.get("b"))
        if a == b or a not in people or b not in people or not supportive(tie):
            continue
        for inside, other in ((a, b), (b, a)):
            if inside in centre and other not in centre \
                    and people[other].get("deceased") is not True:
                members.add(other)
    return Circle(around, frozenset(members))


@dataclass
class Comparison:
    added: list[str] = field(default_factory=list)  # person names
    left: list[str] = field(default_factory=list)
    begun: list[tuple[str, str, Any]] = field(default_factory=list)  # (a, b, type)
    ended: list[tuple[str, str, Any]] = field(default_factory=list)
    changed: list[TieChange] = field(default_factory=list)
    # The same by id, for drawing the comparison on the map.
    added_ids: frozenset[str] = frozenset()
    left_ids: frozenset[str] = frozenset()
    begun_ids: frozenset[str] = frozenset()
    ended_ids: frozenset[str] = frozenset()
    changed_ids: frozenset[str] = frozenset()
    circle_before: Circle = Circle("nobody", frozenset())
    circle_after: Circle = Circle("nobody", frozenset())
    circle_joined: list[str] = field(default_factory=list)  # names
    circle_left: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.left or self.begun or self.ended or self.changed)


def compare(before: Snapshot, after: Snapshot) -> Comparison:
    names = {pid: str(p.get("name") or "") for pid, p in before.people.items()}
    names.update({pid: str(p.get("name") or "") for pid, p in after.people.items()})

    def name(pid: Any) -> str:
        return names.get(str(pid), "?")

    added = after.people.keys() - before.people.keys()
    left = before.people.keys() - after.people.keys()
    circle_before, circle_after = circle_of(before), circle_of(after)
    result = Comparison(
        added=sorted(name(p) for p in added),
        left=sorted(name(p) for p in left),
        added_ids=frozenset(added), left_ids=frozenset(left),
        begun_ids=frozenset(after.ties.keys() - before.ties.keys()),
        ended_ids=frozenset(before.ties.keys() - after.ties.keys()),
        circle_before=circle_before, circle_after=circle_after,
        circle_joined=sorted(name(p) for p in circle_after.members - circle_before.members),
        circle_left=sorted(name(p) for p in circle_before.members - circle_after.members),
    )
    for tid in sorted(after.ties.keys() - before.ties.keys()):
        tie = after.ties[tid]
        result.begun.append((name(tie.get("a")), name(tie.get("b")), tie.get("type")))
    for tid in sorted(before.ties.keys() - after.ties.keys()):
        tie = before.ties[tid]
        result.ended.append((name(tie.get("a")), name(tie.get("b")), tie.get("type")))
    for tid in sorted(before.ties.keys() & after.ties.keys()):
        old, new = before.ties[tid], after.ties[tid]
        for key in ("type", "quality", "direction", "support"):
            if old.get(key) != new.get(key):
                result.changed.append(TieChange(tid, name(new.get("a")), name(new.get("b")),
                                                key, old.get(key), new.get(key)))
    result.changed_ids = frozenset(c.tie_id for c in result.changed)
    return result


def union_model(before: Snapshot, after: Snapshot) -> NetworkModel:
    """The later moment with what has gone since the earlier one put back, so that one
    drawing shows both: who is new, who has left, which ties ended."""
    people = {**before.people, **after.people}
    ties = {**before.ties, **after.ties}
    return build(
        [_Row(pid, p) for pid, p in people.items()],
        [_Row(tid, {**t, "from_person_id": t.get("a"), "to_person_id": t.get("b")})
         for tid, t in ties.items()],
    )


@dataclass(frozen=True)
class _Row:
    """A person or tie of a snapshot, shaped as the records `build` reads."""

    id: str
    fields: dict[str, Any]
    deleted: bool = False
