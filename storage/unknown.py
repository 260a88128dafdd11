"""What a newer release wrote that this one does not know, and taking it in once it does.

A laptop one release behind keeps a newer laptop's fields in each record's `unknown_fields`
column and its records of unknown kinds in `unknown_record` (see storage/incoming.py). When
the laptop is updated to a release that declares them, `adopt` moves them where that release
reads them: the pull cursor is long past those records, so the service would never send them
again. It runs when the store is opened with a registry other than the one it was last
opened with (`registry_mark`), so no migration has to remember it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import Connection

from storage import records
from storage.models import RECORD_TABLES, UNKNOWN_FIELDS
from sync.protocol import Record
from sync.schema import KINDS

MARK_SETTING = "registry_mark"


def registry_mark() -> str:
    """A short digest of the kinds and fields the registry declares now."""
    shape = {kind: sorted(spec.fields) for kind, spec in sorted(KINDS.items())}
    return hashlib.sha256(json.dumps(shape).encode()).hexdigest()[:16]


def adopt(conn: Connection) -> int:
    """Move kept fields and records that the registry now declares into their columns and
    tables; returns how many records moved or changed. A column the record already fills
    keeps its value (written by this release, so newer than what was kept)."""
    moved = 0
    for kind, table in RECORD_TABLES.items():
        if kind not in KINDS:
            continue
        declared = KINDS[kind].fields
        rows = conn.exec_driver_sql(
            f"SELECT * FROM {table.name} WHERE {UNKNOWN_FIELDS} IS NOT NULL").all()
        for row in rows:
            kept: dict[str, Any] = json.loads(row._mapping[UNKNOWN_FIELDS])
            known = {k: v for k, v in kept.items()
                     if k in declared and row._mapping[k] is None}
            if not known and all(k not in declared for k in kept):
                continue
            rest = {k: v for k, v in kept.items() if k not in declared}
            sets = ", ".join(f'"{k}" = ?' for k in (*known, UNKNOWN_FIELDS))
            values = [json.dumps(v) if declared[k].type == "list[str]" and v is not None else v
                      for k, v in known.items()]
            conn.exec_driver_sql(f"UPDATE {table.name} SET {sets} WHERE id = ?",
                                 (*values, json.dumps(rest) if rest else None, row.id))
            moved += 1
    rows = conn.exec_driver_sql("SELECT * FROM unknown_record").all()
    for row in rows:
        if row.kind not in KINDS:
            continue
        record = Record(id=row.id, kind=row.kind, case_id=row.case_id, rev=row.rev,
                        deleted=bool(row.deleted), fields=json.loads(row.fields),
                        updated_by=row.updated_by, updated_at=row.updated_at)
        if not records.load_many(conn, row.kind, [row.id]):
            records.insert_many(conn, row.kind, [record])
        conn.exec_driver_sql("DELETE FROM unknown_record WHERE id = ?", (row.id,))
        moved += 1
    return moved
