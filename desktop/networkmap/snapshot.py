"""Snapshots of the map (`map_snapshot.content`) and the comparison of two of them. Pure.

The content is JSON of the people and ties as they stood, so that any laptop holding the
case can compare the network at two moments without the records' history. Content from
another laptop that does not parse counts as empty and says so (`readable`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from desktop.networkmap.model import NetworkModel

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


@dataclass
class Comparison:
    added: list[str] = field(default_factory=list)  # person names
    left: list[str] = field(default_factory=list)
    begun: list[tuple[str, str, Any]] = field(default_factory=list)  # (a, b, type)
    ended: list[tuple[str, str, Any]] = field(default_factory=list)
    changed: list[TieChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.left or self.begun or self.ended or self.changed)


def compare(before: Snapshot, after: Snapshot) -> Comparison:
    names = {pid: str(p.get("name") or "") for pid, p in before.people.items()}
    names.update({pid: str(p.get("name") or "") for pid, p in after.people.items()})

    def name(pid: Any) -> str:
        return names.get(str(pid), "?")

    result = Comparison(
        added=sorted(name(p) for p in after.people.keys() - before.people.keys()),
        left=sorted(name(p) for p in before.people.keys() - after.people.keys()),
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
    return result
