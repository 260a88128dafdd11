"""New records in bulk: validated against the registry, then written with one
`executemany` per table (records, outbox, timeline, access log) in the caller's transaction.

This is the path every create takes, one record or ten thousand; it talks to the driver
directly because per-row statement building would cost more than the writes themselves.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from sqlalchemy import Connection

from storage import access_log, records
from sync.protocol import Record
from sync.schema import KINDS, SchemaError, full_fields, is_uuid, validate_fields

NewRecord = tuple[str, Mapping[str, Any], str | None, str | None]

_OUTBOX_SQL = (
    'INSERT INTO outbox (change_id, record_id, kind, case_id, base_rev, base, "set", '
    "\"delete\", state, created_at) VALUES (?, ?, ?, ?, 0, '{}', ?, 0, 'pending', ?)"
)
_HISTORY_SQL = (
    "INSERT INTO history (at, case_id, record_id, kind, action, changes, by, source) "
    "VALUES (?, ?, ?, ?, 'create', ?, ?, 'local')"
)


@cache
def _required(kind: str) -> frozenset[str]:
    return KINDS[kind].required


def prepare(items: Iterable[NewRecord]) -> list[tuple[str, str, str, dict[str, Any]]]:
    """Check every new record: (kind, record_id, case_id, clean fields), or SchemaError."""
    out = []
    for kind, fields, case_id, record_id in items:
        clean = validate_fields(kind, fields)
        missing = sorted(n for n in _required(kind) if clean.get(n) is None)
        if missing:
            raise SchemaError("missing_field", f"a new {kind} needs: {', '.join(missing)}")
        record_id = record_id or str(uuid.uuid4())
        if not is_uuid(record_id):
            raise SchemaError("invalid_id", "a record id must be a UUID")
        if kind == "case":
            case_id = record_id
        elif not case_id:
            raise SchemaError("missing_field", f"a new {kind} needs a case_id")
        out.append((kind, record_id, case_id, clean))
    return out


def write(
    conn: Connection,
    prepared: list[tuple[str, str, str, dict[str, Any]]],
    *,
    user_id: str | None,
    device_id: str | None,
    stamp: str,
) -> list[Record]:
    """Insert the records with their outbox entries, timeline rows and access-log entries."""
    by_kind: dict[str, list[Record]] = {}
    outbox_rows, history_rows, created = [], [], []
    kinds_per_case: dict[str, set[str]] = {}
    for kind, record_id, case_id, clean in prepared:
        record = Record.model_construct(
            id=record_id, kind=kind, case_id=case_id, rev=0, deleted=False,
            fields=full_fields(kind, clean), updated_by=user_id, updated_at=stamp,
        )
        by_kind.setdefault(kind, []).append(record)
        created.append(record)
        given = json.dumps({k: v for k, v in clean.items() if v is not None})
        outbox_rows.append((str(uuid.uuid4()), record_id, kind, case_id, given, stamp))
        history_rows.append((stamp, case_id, record_id, kind, given, user_id))
        kinds_per_case.setdefault(case_id, set()).add(kind)
    for kind, items in by_kind.items():
        records.insert_many(conn, kind, items)
    conn.exec_driver_sql(_OUTBOX_SQL, outbox_rows)
    conn.exec_driver_sql(_HISTORY_SQL, history_rows)
    access_log.append_many(conn, [
        {"action": "edit", "case_id": case_id, "record_id": None,
         "detail": "create " + ",".join(sorted(kinds))}
        for case_id, kinds in kinds_per_case.items()
    ], user_id=user_id, device_id=device_id)
    return created
