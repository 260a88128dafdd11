"""The map kept with a home visit: which `map_snapshot` a visit saved by the worker gets.

Runs on the store's writer thread (no Qt). A visit has a new snapshot only when the map (or
the visit's date) differs from every snapshot already kept for it, so editing the notes of a
visit again and again does not pile up copies of the same map.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from desktop.networkmap.model import build
from desktop.networkmap.reading import read_network
from desktop.networkmap.snapshot import content_of
from sync.protocol import Record


def snapshot_fields(store: Any, case_id: str, visit_id: str,
                    visit_date: str | None) -> dict[str, Any] | None:
    """The fields of the snapshot that `visit_id` needs now, or None if it has it already."""
    people, ties, _conflicted = read_network(store, case_id)
    content = content_of(build(people, ties))
    taken_on = visit_date or dt.date.today().isoformat()
    for kept in store.list_records(kind="map_snapshot", case_id=case_id):
        if (kept.fields.get("visit_id"), kept.fields.get("taken_on"),
                kept.fields.get("content")) == (visit_id, taken_on, content):
            return None
    return {"visit_id": visit_id, "taken_on": taken_on, "content": content}


def create_visit(store: Any, case_id: str, fields: dict[str, Any]) -> list[Record]:
    """A new visit and its snapshot, in one transaction: [visit, snapshot]."""
    visit_id = str(uuid.uuid4())
    snapshot = snapshot_fields(store, case_id, visit_id, fields.get("date"))
    items: list[tuple[str, dict[str, Any], str | None, str | None]] = [
        ("visit", dict(fields), case_id, visit_id)]
    if snapshot is not None:
        items.append(("map_snapshot", snapshot, case_id, None))
    return list(store.create_records(items))


def keep_for_visit(store: Any, case_id: str, visit_id: str) -> Record | None:
    """After the worker changed a visit: its snapshot, if the map changed since the last."""
    visit = store.get_record(visit_id)
    if visit is None or visit.deleted or visit.kind != "visit":
        return None
    fields = snapshot_fields(store, case_id, visit_id, visit.fields.get("date"))
    if fields is None:
        return None
    return store.create_record("map_snapshot", fields, case_id=case_id)
