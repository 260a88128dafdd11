"""A record as an export shows it: its fields by the schema, people named the way the export
names them (their name, a role, "moeder, 34"), other ids passed through `ref`, and the JSON
that plan versions and map snapshots carry opened up. No Qt."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from typing import Any

from sync.protocol import Record
from sync.schema import kind_spec

# Where a person sat on the map means nothing on paper.
MAP_PLACES = frozenset({"map_x", "map_y", "eco_x", "eco_y"})
EMBEDDED_JSON = frozenset({("plan_version", "content"), ("plan_version", "section_comments"),
                           ("map_snapshot", "content")})

Namer = Callable[[str], "str | None"]


def _opened(text: Any) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text


def export_fields(
    record: Record,
    *,
    person_name: Namer,
    ref: Namer,
    drop: Collection[str] = (),
    unknown_fields: bool = True,
) -> dict[str, Any]:
    """The record's fields for an export. A value that is a person's id becomes what
    `person_name` says; any other id what `ref` says (None drops it)."""
    spec = kind_spec(record.kind)
    out: dict[str, Any] = {}
    for name, value in record.fields.items():
        if value is None or name in drop or name in MAP_PLACES:
            continue
        field = spec.fields.get(name)
        if field is None:
            if unknown_fields:  # a newer laptop's field: shown as it came
                out[name] = value
            continue
        if (record.kind, name) in EMBEDDED_JSON:
            out[name] = _opened(value)
            continue
        if isinstance(value, list):
            named = [_named(v, person_name, ref, field.holds_id) for v in value]
            out[name] = [v for v in named if v is not None]
            continue
        named = _named(value, person_name, ref, field.holds_id)
        if named is not None:
            out[name] = named
    return out


def _named(value: Any, person_name: Namer, ref: Namer, holds_id: bool) -> Any:
    if isinstance(value, str):
        person = person_name(value)
        if person is not None:
            return person
        if holds_id:
            return ref(value)
    return value


def map_people(content: Any, person_name: Namer, drop: Collection[str],
               unknown: str | None = None) -> Any:
    """A map snapshot's people named by `person_name` and without the keys in `drop` (their
    birth dates, say); ties keep their people's new names too. Someone the case no longer
    holds is called `unknown`, or keeps their name when that is None."""
    if not isinstance(content, dict):
        return content
    people = []
    for person in content.get("people") or []:
        if not isinstance(person, dict):
            continue
        pid = str(person.get("id") or "")
        shown = {k: v for k, v in person.items() if k not in drop and k != "id"}
        shown["name"] = person_name(pid) or unknown or shown.get("name")
        people.append(shown)
    ties = []
    for tie in content.get("ties") or []:
        if isinstance(tie, dict):
            ties.append({k: (person_name(str(v)) or unknown or v) if k in ("a", "b") else v
                         for k, v in tie.items() if k != "id"})
    return {"people": people, "ties": ties}
