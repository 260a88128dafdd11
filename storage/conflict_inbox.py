"""The conflict inbox: conflicts the service reported, and the worker's resolutions,
queued here (offline too) until the next sync sends them.

A queued resolution shows the chosen value at once and takes the conflict out of the open
list; the service's answer closes it (or, when refused, opens it again).
"""

from __future__ import annotations

import uuid
from typing import Any, Literal

from sqlalchemy import Connection, func, select, update

from storage import access_log, incoming, outbox, records, rejected, timeline
from storage.errors import RecordNotFound
from storage.models import ConflictRow, QueuedResolution
from sync.protocol import DELETED, Conflict, Record, Result
from sync.schema import KINDS, validate_known

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
    # The service's own values come back here: a newer release's fields or kind among
    # them are passed on as they are (docs/protocol.md, "Mixed versions").
    if conflict.kind not in KINDS:
        pass
    elif conflict.field is not None:
        value = validate_known(conflict.kind, {conflict.field: value})[conflict.field]
    elif value != DELETED:
        value = validate_known(conflict.kind, value if isinstance(value, dict) else {})
    change_id = str(uuid.uuid4())
    before = conn.execute(select(Q.c.shown).where(Q.c.conflict_id == conflict_id)).first()
    shown = resolve_locally(conn, conflict, value, stamp, user_id)
    if before is not None and shown is not None:
        shown = before.shown  # chosen again: what the record showed before the first choice
    conn.execute(Q.delete().where(Q.c.conflict_id == conflict_id))
    conn.execute(Q.insert().values(conflict_id=conflict_id, change_id=change_id, value=value,
                                   created_at=stamp, shown=shown))
    access_log.append(conn, "resolve", user_id=user_id, device_id=device_id,
                      case_id=conflict.case_id, record_id=conflict.record_id)
    return change_id


def queued(conn: Connection) -> list[tuple[str, str, Any]]:
    """(conflict_id, change_id, value), oldest first."""
    rows = conn.execute(select(Q).order_by(Q.c.created_at))
    return [(r.conflict_id, r.change_id, r.value) for r in rows]


Finished = Literal["resolved", "reopened", "rejected"]
ALREADY_RESOLVED = "already_resolved"
# The service no longer shows this laptop the conflict (its case left the worker's view):
# deciding again would be refused again, and the purge would take the choice along.
NOT_FOUND = "conflict_not_found"


def finish(conn: Connection, conflict_id: str, result: Result, stamp: str) -> Finished:
    """Take the service's answer to a queued resolution. Returns what became of it:
    `resolved`; `reopened` (refused: the conflict is open again for the worker, or it came
    after a change of the value and the service made it a new conflict, open here); or
    `rejected` (someone else resolved it first with another value, or the service no longer
    shows this laptop the conflict: the worker's value is kept as a rejected change, and the
    laptop shows the value that stands)."""
    queued = conn.execute(
        select(Q.c.value, Q.c.shown).where(Q.c.conflict_id == conflict_id)).first()
    queued_value = queued.value if queued is not None else None
    conn.execute(Q.delete().where(Q.c.conflict_id == conflict_id))
    # A re-sent resolution comes back `duplicate` with the first answer's error, if any.
    refused = result.status == "rejected" or result.error is not None
    code = result.error.code if result.error else None
    if refused and code not in (ALREADY_RESOLVED, NOT_FOUND):
        if queued is not None and queued.shown is not None:
            _show_again(conn, conflict_id, queued.shown)
        return "reopened"
    conflict = conn.execute(select(C).where(C.c.id == conflict_id)).first()
    if code == NOT_FOUND:
        if conflict is not None:
            _keep_choice(conn, conflict, queued_value, result.change_id, NOT_FOUND, stamp)
        conn.execute(update(C).where(C.c.id == conflict_id).values(resolved=True))
        return "rejected"
    conn.execute(update(C).where(C.c.id == conflict_id).values(resolved=True))
    # Someone changed the value after the conflict was made: the service kept that change
    # and made the worker's choice a new conflict (docs/protocol.md), open here too.
    superseded = not refused and any(not c.resolved for c in result.conflicts)
    if result.record is not None:
        incoming.accept_record(conn, result.record, stamp, action="resolve")
        if not refused and not superseded:
            # The worker's pending edits of the record came after their own resolution: they
            # build on it (a delete would otherwise meet the resolution's rev as an edit).
            conn.execute(update(outbox.T).where(
                outbox.T.c.record_id == result.record.id, outbox.T.c.state == outbox.PENDING,
                outbox.T.c.base_rev < result.record.rev,
            ).values(base_rev=result.record.rev))
    incoming.store_conflicts(conn, result.conflicts)
    if superseded:
        return "reopened"
    if not refused or conflict is None or _stands(conflict, queued_value, result):
        return "resolved"
    _keep_choice(conn, conflict, queued_value, result.change_id, ALREADY_RESOLVED, stamp)
    return "rejected"


def _keep_choice(conn: Connection, conflict: Any, value: Any, change_id: str, code: str,
                 stamp: str) -> None:
    values = {"deleted": True} if value == DELETED else (
        value if conflict.field is None and isinstance(value, dict)
        else {conflict.field: value})
    rejected.keep(conn, change_id=change_id, case_id=conflict.case_id,
                  record_id=conflict.record_id, kind=conflict.kind, values=values,
                  delete=value == DELETED, error_code=code, stamp=stamp)


def _stands(conflict: Any, value: Any, result: Result) -> bool:
    """Whether the value the worker chose is what the service kept after all."""
    record = result.record
    if record is None:
        return False
    if conflict.field is not None:
        return record.fields.get(conflict.field) == value
    if value == DELETED:
        return record.deleted
    return not record.deleted and isinstance(value, dict) and all(
        record.fields.get(k) == v for k, v in value.items())


def remove_case(conn: Connection, case_id: str) -> None:
    ids = list(conn.execute(select(C.c.id).where(C.c.case_id == case_id)).scalars())
    conn.execute(Q.delete().where(Q.c.conflict_id.in_(ids)))
    conn.execute(C.delete().where(C.c.case_id == case_id))


def _unsent(conn: Connection, record_id: str) -> set[str]:
    """What the worker's undelivered changes of the record touch: field names, and
    outbox.DELETING for a delete."""
    return outbox.edited_fields(conn, [record_id], outbox.UNDELIVERED).get(record_id, set())


def _show_again(conn: Connection, conflict_id: str, shown: dict[str, Any]) -> None:
    """The service refused the choice: the record shows what it showed before it, as the
    service still holds it. Not what the worker has changed since (their unsent change
    carries that, and its push settles the record)."""
    conflict = conn.execute(select(C).where(C.c.id == conflict_id)).first()
    if conflict is None or conflict.kind not in KINDS:
        return
    changed = _unsent(conn, conflict.record_id)
    if outbox.DELETING in changed:
        changed.add("deleted")
    values = {k: v for k, v in shown.items() if k not in changed}
    if values:
        records.write_fields(conn, conflict.kind, conflict.record_id, values)


def _supersede_own_edits(conn: Connection, conflict: Any, value: Any, current: Record) -> bool:
    """The worker's own unsent edits of what the conflict is about came before their choice,
    yet reach the service after it (the resolutions go first): the choice goes into the
    outbox too, or the earlier edit would overwrite it there while the laptop shows the
    choice. Into the pending change, or a new one behind a change already sent. Returns
    whether it did."""
    edited = _unsent(conn, conflict.record_id)
    if not edited:
        return False
    deleting = outbox.DELETING in edited
    edited.discard(outbox.DELETING)
    delete = False
    if conflict.field is not None:
        new = {conflict.field: value} if conflict.field in edited else {}
    elif value == DELETED:
        new, delete = {}, not deleting or bool(edited)
    else:
        chosen = value if isinstance(value, dict) else {}
        # Kept after the worker's own delete: every chosen field, or the delete would win.
        new = dict(chosen) if deleting else {k: v for k, v in chosen.items() if k in edited}
    if not new and not delete:
        return False
    outbox.record_change(
        conn, record_id=current.id, kind=current.kind, case_id=current.case_id,
        base_rev=current.rev, old=current.fields, new=new, delete=delete,
    )
    return True


def resolve_locally(
    conn: Connection, conflict: Any, value: Any, stamp: str, by: str | None
) -> dict[str, Any] | None:
    """Show the chosen value at once, before the service has confirmed it; returns what the
    record showed before (None when the outbox carries the choice, or there is no record).

    Written without an outbox entry, unless an unsent change of the worker's touches what
    the conflict is about: the queued resolution is what reaches the service.
    """
    if conflict.field is None:
        if value == DELETED:
            values: dict[str, Any] = {"deleted": True}
        else:
            values = {"deleted": False, **(value if isinstance(value, dict) else {})}
    else:
        values = {conflict.field: value}
    shown = None
    if conflict.kind in KINDS:  # a kind this release does not know shows the service's answer
        current = records.load(conn, conflict.record_id)
        if current is not None and not _supersede_own_edits(conn, conflict, value, current):
            shown = {k: current.deleted if k == "deleted" else current.fields.get(k)
                     for k in values}
        records.write_fields(conn, conflict.kind, conflict.record_id, values)
    timeline.add(conn, [{
        "at": stamp, "case_id": conflict.case_id, "record_id": conflict.record_id,
        "kind": conflict.kind, "action": "resolve",
        "changes": {} if conflict.field is None else {conflict.field: value},
        "by": by, "source": "local",
    }])
    return shown
