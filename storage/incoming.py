"""What the service sends back: push results, pull pages and conflicts, applied to the
store in the caller's transaction.

A pulled record that meets unpushed local edits keeps the worker's values for the fields
they edited (`sync.merge.rebase_local`); the pending change keeps its own base, so the
next push lets the service merge or report a conflict. Nothing local is overwritten
silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select, update

from storage import outbox, records, timeline
from storage.models import RECORD_TABLES, ConflictRow, QueuedResolution
from sync.merge import rebase_local
from sync.protocol import DELETED, Conflict, PullResponse, Record, Result

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


def accept_record(conn: Connection, incoming: Record, stamp: str, action: str = "sync") -> bool:
    """Take the service's version of a record, keeping unpushed local field edits.

    Returns False (and changes nothing) when the store already holds a newer revision.
    """
    current = records.load_many(conn, incoming.kind, [incoming.id]).get(incoming.id)
    if current is not None and current.rev > incoming.rev:
        return False
    edited = outbox.edited_fields(conn, [incoming.id]).get(incoming.id, set())
    deleting = outbox.DELETING in edited
    edited.discard(outbox.DELETING)
    fields = dict(incoming.fields)
    if current is not None and edited:
        fields = rebase_local(incoming.fields, current.fields, edited)
    # A tombstone the worker made stays until its push is answered.
    merged = incoming.model_copy(update={"fields": fields,
                                         "deleted": incoming.deleted or deleting})
    records.upsert(conn, merged)
    before = current.fields if current is not None else {}
    changes = {k: v for k, v in incoming.fields.items() if before.get(k) != v}
    if changes or current is None or current.deleted != incoming.deleted:
        timeline.add(conn, [{
            "at": incoming.updated_at or stamp, "case_id": incoming.case_id,
            "record_id": incoming.id, "kind": incoming.kind,
            "action": "delete" if incoming.deleted else action,
            "changes": {} if incoming.deleted else changes,
            "by": incoming.updated_by, "source": "sync",
        }])
    return True


def apply_push_result(conn: Connection, result: Result, stamp: str) -> None:
    entry = outbox.entry(conn, result.change_id)
    if entry is None:
        return  # answered before (a re-sent batch): nothing left to do
    if result.status == "rejected":
        outbox.reject(conn, result.change_id, result.error.code if result.error else None)
        return
    # The record's own rev moves to the service's; its later changes build on it.
    outbox.acknowledge(conn, result.change_id, entry.record_id, result.rev)
    if result.record is not None:
        accept_record(conn, result.record, stamp, action=result.status)
    else:
        table = RECORD_TABLES[entry.kind]
        conn.execute(
            update(table).where(table.c.id == entry.record_id, table.c.rev < result.rev)
            .values(rev=result.rev)
        )
    store_conflicts(conn, result.conflicts)


def apply_pull_page(conn: Connection, page: PullResponse, stamp: str) -> list[str]:
    """Upsert the page's records and conflicts; returns the case ids to purge."""
    for record in page.records:
        if record.case_id in page.revoked_case_ids:
            continue
        accept_record(conn, record, stamp)
    store_conflicts(conn, page.conflicts)
    return list(page.revoked_case_ids)


def resolve_locally(
    conn: Connection, conflict: Any, value: Any, stamp: str, by: str | None
) -> None:
    """Show the chosen value at once, before the service has confirmed it.

    Written without an outbox entry: the queued resolution is what reaches the service.
    """
    table = RECORD_TABLES[conflict.kind]
    if conflict.field is None:
        if value == DELETED:
            values: dict[str, Any] = {"deleted": True}
        else:
            values = {"deleted": False, **(value if isinstance(value, dict) else {})}
    else:
        values = {conflict.field: value}
    conn.execute(update(table).where(table.c.id == conflict.record_id).values(**values))
    timeline.add(conn, [{
        "at": stamp, "case_id": conflict.case_id, "record_id": conflict.record_id,
        "kind": conflict.kind, "action": "resolve",
        "changes": {} if conflict.field is None else {conflict.field: value},
        "by": by, "source": "local",
    }])


def queued(conn: Connection) -> list[Any]:
    return conn.execute(select(Q).order_by(Q.c.created_at)).all()
