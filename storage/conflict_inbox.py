"""The conflict inbox: conflicts the service reported, and the worker's resolutions,
queued here (offline too) until the next sync sends them.

A queued resolution shows the chosen value at once and takes the conflict out of the open
list; the service's answer closes it (or, when refused, opens it again).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, func, select, update

from storage import access_log, incoming, timeline
from storage.errors import RecordNotFound
from storage.models import RECORD_TABLES, ConflictRow, QueuedResolution
from sync.protocol import DELETED, Conflict, Result
from sync.schema import validate_fields

C = ConflictRow.__table__
Q = QueuedResolution.__table__


def listed(conn: Connection, open_only: bool, case_id: str | None) -> list[Conflict]:
    query = select(C).order_by(C.c.created_at, C.c.id)
    if open_only:
        query = query.where(C.c.resolved.is_(False), ~C.c.id.in_(select(Q.c.conflict_id)))
    if case_id is not None:
        query = query.where(C.c.case_id == case_id)
    return [Conflict(**dict(r._mapping)) for r in conn.execute(query)]


def count_open(conn: Connection) -> int:
    return conn.execute(
        select(func.count()).select_from(C)
        .where(C.c.resolved.is_(False), ~C.c.id.in_(select(Q.c.conflict_id)))
    ).scalar_one()


def queue(conn: Connection, conflict_id: str, value: Any, *, stamp: str,
          user_id: str | None, device_id: str | None) -> str:
    """Queue the worker's choice and show it locally; returns the resolution's change id."""
    conflict = conn.execute(select(C).where(C.c.id == conflict_id)).first()
    if conflict is None:
        raise RecordNotFound("no such conflict")
    if conflict.field is not None:
        value = validate_fields(conflict.kind, {conflict.field: value})[conflict.field]
    elif value != DELETED:
        value = validate_fields(conflict.kind, value if isinstance(value, dict) else {})
    change_id = str(uuid.uuid4())
    conn.execute(Q.delete().where(Q.c.conflict_id == conflict_id))
    conn.execute(Q.insert().values(conflict_id=conflict_id, change_id=change_id, value=value,
                                   created_at=stamp))
    resolve_locally(conn, conflict, value, stamp, user_id)
    access_log.append(conn, "resolve", user_id=user_id, device_id=device_id,
                      case_id=conflict.case_id, record_id=conflict.record_id)
    return change_id


def queued(conn: Connection) -> list[tuple[str, str, Any]]:
    """(conflict_id, change_id, value), oldest first."""
    rows = conn.execute(select(Q).order_by(Q.c.created_at))
    return [(r.conflict_id, r.change_id, r.value) for r in rows]


def finish(conn: Connection, conflict_id: str, result: Result, stamp: str) -> None:
    conn.execute(Q.delete().where(Q.c.conflict_id == conflict_id))
    if result.status == "rejected":
        return  # the conflict stays open for the worker to decide again
    conn.execute(update(C).where(C.c.id == conflict_id).values(resolved=True))
    if result.record is not None:
        incoming.accept_record(conn, result.record, stamp, action="resolve")
    incoming.store_conflicts(conn, result.conflicts)


def remove_case(conn: Connection, case_id: str) -> None:
    ids = list(conn.execute(select(C.c.id).where(C.c.case_id == case_id)).scalars())
    conn.execute(Q.delete().where(Q.c.conflict_id.in_(ids)))
    conn.execute(C.delete().where(C.c.case_id == case_id))


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
