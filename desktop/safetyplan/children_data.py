"""The children's version of the plan, as data: who the case's children are, and each
child's own words sorted into the rooms of the Three Houses and the Safety House.

Nothing a child said is dropped: words whose `who` is no longer a person of the case (the
child was removed on this or another laptop), a name typed in, or nobody, get a group of
their own, and words in a room this version does not know go under "other".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from desktop.ages import is_minor
from desktop.safetyplan.positions import sort_key
from sync.protocol import Record

THREE_HOUSES = ("worries", "good_things", "dreams")
SAFETY_HOUSE = ("safe_people", "rules", "path")
PARTS = THREE_HOUSES + SAFETY_HOUSE
OTHER = ""  # the room of words whose `part` is empty or unknown here

Whose = Literal["child", "person", "named", "removed", "nobody"]


@dataclass
class ChildWords:
    """One child and what they said. `kind`: a child of the case; another person of the
    case; a name typed in; a person id no longer in the case; or no one chosen."""

    kind: Whose
    name: str
    person_id: str | None = None  # whom new words are written for (a child of the case)
    words: dict[str, list[Record]] = field(default_factory=dict)

    def room(self, part: str) -> list[Record]:
        return self.words.get(part, [])

    @property
    def count(self) -> int:
        return sum(len(items) for items in self.words.values())


def is_child(person: Record, today: dt.date) -> bool:
    """A child the worry is about, or someone under 18 in the household."""
    fields = person.fields
    if person.deleted:
        return False
    if fields.get("index_person") is True:
        return True
    if fields.get("circle") != "household":
        return False
    return is_minor(fields.get("birth_date"), today)


def children_of(people: Sequence[Record], today: dt.date) -> list[Record]:
    return [p for p in people if is_child(p, today)]


def child_words(items: Sequence[Record], people: Sequence[Record],
                today: dt.date) -> list[ChildWords]:
    """Every child of the case (also one who said nothing yet), then every other `who`
    that has words, each with its words by room in the plan's order."""
    live = {p.id: p for p in people if not p.deleted}
    groups: dict[str, ChildWords] = {}
    for child in children_of(people, today):
        groups[child.id] = ChildWords("child", _name(child), child.id)
    voices = [i for i in items if not i.deleted and i.fields.get("section") == "child_voice"]
    for item in sorted(voices, key=lambda i: sort_key(i.fields.get("position"), i.id)):
        who = item.fields.get("who")
        key = who if isinstance(who, str) and who.strip() else ""
        if key not in groups:
            groups[key] = _stranger(key, live)
        part = item.fields.get("part")
        room = part if part in PARTS else OTHER
        groups[key].words.setdefault(room, []).append(item)
    return list(groups.values())


def _name(person: Record) -> str:
    return str(person.fields.get("name") or "").strip()


def _stranger(key: str, live: dict[str, Record]) -> ChildWords:
    if not key:
        return ChildWords("nobody", "")
    if key in live:
        return ChildWords("person", _name(live[key]), key)
    if _looks_like_id(key):
        return ChildWords("removed", "")
    return ChildWords("named", key)


def _looks_like_id(value: str) -> bool:
    """A person id (a UUID) rather than a name typed in: the name of a removed person is
    not known here, so it must not be shown as if it were one."""
    parts = value.split("-")
    return [len(p) for p in parts] == [8, 4, 4, 4, 12] and all(
        c in "0123456789abcdefABCDEF" for p in parts for c in p)
