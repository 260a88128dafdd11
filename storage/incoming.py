"""What the service sends back: push results, pull pages and conflicts, applied to the
store in the caller's transaction.

A pulled record that meets unpushed local edits keeps the worker's values for the fields
they edited (`sync.merge.rebase_local`); the pending change keeps its own base, so the
next push lets the service merge or report a conflict. Nothing local is overwritten
silently.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, update

from storage import outbox, records, rejected
from storage.models import RECORD_TABLES, ConflictRow, QueuedResolution
from storage.pulled_rows import NewRows, json_text, rows_of
from sync.merge import rebase_local
from sync.protocol import Conflict, PullResponse, Record, Result, Stamp
from sync.schema import KINDS, full_fields

C = ConflictRow.__table__
Q = QueuedResolution.__table__


def store_conflicts(conn: Connection, conflicts: Iterable[Conflict]) -> int:
    """Insert or update conflicts by id (a pull also delivers the resolved ones)."""
    n = 0
    for c in conflicts:
        values = c.model_dump()
        done = conn.execute(update(C).where(C.c.id == c.id).values(**values))
        if done.rowcount == 0:
            conn.execute(C.insert().values(**values))
        if c.resolved:
            conn.execute(Q.delete().where(Q.c.conflict_id == c.id))
        n += 1
    return n


# Positions in a row of `records.held_rows` (records.COMMON, then the field values).
_CASE, _REV, _DELETED, _FIELDS = 1, 2, 3, 6

_HISTORY_SQL = (
    "INSERT INTO history (at, case_id, record_id, kind, action, changes, by, source) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, 'sync')"
)


def accept_records(
    conn: Connection, incoming: Iterable[Record], stamp: str, action: str = "sync",
    built: Mapping[str, NewRows] | None = None,
) -> int:
    """Take the service's version of records, keeping the worker's pending field edits and
    pending deletes. A revision older than the one held is ignored. Returns how many were
    taken. Written in bulk, straight to the driver: a first pull brings tens of thousands,
    and an SQLAlchemy statement or a model copy per record cost more than the writes.
    `built`: rows of pulled records made beforehand (`pulled_rows.new_rows`).
    """
    newest: dict[str, Record] = {}
    for record in incoming:
        held = newest.get(record.id)
        if held is None or record.rev >= held.rev:
            newest[record.id] = record
    if not newest:
        return 0
    edited_by_id = outbox.edited_fields(conn, newest) if _has_pending(conn) else {}
    by_kind: dict[str, list[Record]] = {}
    unknown: list[Record] = []
    for record in newest.values():
        if record.kind in KINDS:
            by_kind.setdefault(record.kind, []).append(record)
        else:
            unknown.append(record)
    history: list[tuple[Any, ...]] = []
    taken = keep_unknown_kind(conn, unknown)
    for kind, recs in by_kind.items():
        current = records.held_rows(conn, kind, [r.id for r in recs])
        inserts: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        moved: list[tuple[Any, ...]] = []  # same fields, only the rev and writer moved
        for rec in recs:
            row = current.get(rec.id)
            if row is not None and row[_REV] > rec.rev:
                continue
            edited = edited_by_id.get(rec.id)
            if row is None and not edited:
                # Built beforehand when it came in a pull page as this very object.
                rows = built.get(rec.id) if built and action == "sync" else None
                if rows is None or rows.record is not rec:
                    rows = rows_of(rec, action, stamp)
                inserts.append(rows.insert)
                history.append(rows.history)
                taken += 1
                continue
            held = None
            fields: Mapping[str, Any] = rec.fields
            deleted = rec.deleted
            if edited:
                edited = set(edited)
                deleted = deleted or outbox.DELETING in edited
                edited.discard(outbox.DELETING)
                if row is not None and edited:
                    held = records.held_record(kind, row)
                    # The newer release's fields of the record ride along untouched.
                    fields = rebase_local({**full_fields(kind, fields), **fields},
                                          held.fields, edited)
            values = records.field_values(kind, fields)
            if (row is not None and not edited and bool(row[_DELETED]) == deleted
                    and row[_CASE] == rec.case_id and list(row[_FIELDS:]) == values):
                taken += 1
                if row[_REV:_FIELDS] != (rec.rev, row[_DELETED], rec.updated_by,
                                         rec.updated_at):
                    # This laptop's own push coming back, or a page pulled again: no field
                    # to write (nor the search column's triggers to fire), nothing for the
                    # timeline. Its echo in the next pull finds even these the same and
                    # writes nothing at all.
                    moved.append((rec.rev, rec.updated_by, rec.updated_at, rec.id))
                continue
            common = (rec.case_id, rec.rev, deleted, rec.updated_by, rec.updated_at)
            if row is None:  # new here, yet with a local edit (a pending delete)
                inserts.append((rec.id, *common, *values))
                changes = {k: v for k, v in rec.fields.items() if v is not None}
            else:
                updates.append((*common, *values, rec.id))
                before = (held or records.held_record(kind, row)).fields
                changes = {k: v for k, v in rec.fields.items() if before.get(k) != v}
            if changes or row is None or bool(row[_DELETED]) != rec.deleted:
                history.append((
                    rec.updated_at or stamp, rec.case_id, rec.id, kind,
                    "delete" if rec.deleted else action,
                    "{}" if rec.deleted else json_text(changes), rec.updated_by,
                ))
            taken += 1
        if inserts:
            conn.exec_driver_sql(records.insert_sql(kind), inserts)
        if updates:
            conn.exec_driver_sql(records.update_sql(kind), updates)
        if moved:
            conn.exec_driver_sql(
                f"UPDATE {RECORD_TABLES[kind].name} SET rev = ?, updated_by = ?, updated_at = ? "
                "WHERE id = ?", moved)
    if history:
        conn.exec_driver_sql(_HISTORY_SQL, history)
    return taken


_UNKNOWN_UPSERT = (
    "INSERT INTO unknown_record (id, kind, case_id, rev, deleted, fields, updated_by, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
    "kind = excluded.kind, case_id = excluded.case_id, rev = excluded.rev, "
    "deleted = excluded.deleted, fields = excluded.fields, updated_by = excluded.updated_by, "
    "updated_at = excluded.updated_at WHERE excluded.rev >= unknown_record.rev"
)


def keep_unknown_kind(conn: Connection, items: list[Record]) -> int:
    """Records of a kind this release does not know (a newer laptop made them): kept as
    they came, never shown, never sent, until a release that knows the kind takes them
    into its own table. Skipping them instead would lose them for good: the pull cursor
    moves past them. A record's older revision never replaces a newer one."""
    if items:
        conn.exec_driver_sql(_UNKNOWN_UPSERT, [
            (r.id, r.kind, r.case_id, r.rev, r.deleted, json.dumps(r.fields), r.updated_by,
             r.updated_at)
            for r in items
        ])
    return len(items)


def _has_pending(conn: Connection) -> bool:
    # A first sync, and most syncs, meet an empty outbox: then no record has local edits.
    return conn.exec_driver_sql(
        "SELECT 1 FROM outbox WHERE state = ? LIMIT 1", (outbox.PENDING,)
    ).first() is not None


def accept_record(conn: Connection, incoming: Record, stamp: str, action: str = "sync") -> bool:
    return accept_records(conn, [incoming], stamp, action) == 1


def accept_stamps(conn: Connection, stamps: Iterable[Stamp]) -> None:
    """The writer and time of records this laptop pushed as they were (the echo of its own
    push, docs/protocol.md): what the whole record's echo would have moved, nothing else,
    and only while the laptop holds the record at that very rev (the push's answer moved
    it there); it has no field to write, so nothing for the timeline either."""
    by_kind: dict[str, list[tuple[Any, ...]]] = {}
    for s in stamps:
        if s.kind in RECORD_TABLES:  # the laptop pushed it, so it knows the kind
            by_kind.setdefault(s.kind, []).append((s.updated_by, s.updated_at, s.id, s.rev))
    for kind, rows in by_kind.items():
        conn.exec_driver_sql(
            f"UPDATE {RECORD_TABLES[kind].name} SET updated_by = ?, updated_at = ? "
            "WHERE id = ? AND rev = ?", rows)


def apply_push_results(conn: Connection, results: list[Result], stamp: str) -> None:
    """Store the service's answers to one push, in the order of the changes."""
    entries = outbox.entries(conn, [r.change_id for r in results])
    acknowledged: list[tuple[str, str, int]] = []  # (change_id, record_id, rev)
    bumps: dict[str, list[tuple[int, str, int]]] = {}  # kind -> (rev, record_id, rev)
    with_record: dict[str, list[Record]] = {}
    conflicts: list[Conflict] = []
    for result in results:
        entry = entries.get(result.change_id)
        if entry is None:
            continue  # answered before (a re-sent batch): nothing left to do
        # A re-sent change comes back `duplicate` with the first answer's error, if any.
        if result.error is not None and result.error.code == outbox.UNKNOWN_KIND:
            outbox.hold(conn, result.change_id)
            continue
        if result.status == "rejected" or result.error is not None:
            # Kept for the worker to see, with its family's name while the laptop still
            # holds the case (the pull of this same sync may purge it); the record shows the
            # service's version again.
            code = result.error.code if result.error else "rejected"
            outbox.reject(conn, result.change_id, code)
            rejected.keep(conn, change_id=result.change_id, case_id=entry.case_id,
                          record_id=entry.record_id, kind=entry.kind, values=entry.set,
                          delete=entry.delete, error_code=code, stamp=stamp)
            if result.record is not None:
                with_record.setdefault("rejected", []).append(result.record)
            continue
        acknowledged.append((result.change_id, entry.record_id, result.rev))
        if result.record is not None:
            with_record.setdefault(result.status, []).append(result.record)
        else:
            bumps.setdefault(entry.kind, []).append((result.rev, entry.record_id, result.rev))
        conflicts += result.conflicts
    # The records' own revs move to the service's; their later changes build on them.
    outbox.acknowledge_many(conn, acknowledged)
    for kind, rows in bumps.items():
        conn.exec_driver_sql(
            f"UPDATE {RECORD_TABLES[kind].name} SET rev = ? WHERE id = ? AND rev < ?", rows
        )
    for status, recs in with_record.items():
        accept_records(conn, recs, stamp, action=status)
    store_conflicts(conn, conflicts)


def apply_pull_page(conn: Connection, page: PullResponse, stamp: str,
                    built: Mapping[str, NewRows] | None = None) -> list[str]:
    """Upsert the page's records and conflicts; returns the case ids to purge. `built`:
    `pulled_rows.new_rows(page.records)`, made beforehand (or not)."""
    revoked = set(page.revoked_case_ids)
    accept_records(conn, (r for r in page.records if r.case_id not in revoked), stamp,
                   built=built)
    accept_stamps(conn, page.stamps)
    store_conflicts(conn, page.conflicts)
    return list(page.revoked_case_ids)
