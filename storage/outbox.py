"""The outbox: every local edit as a `Change`, written in the edit's own transaction.

Edits to one record coalesce into its pending change, which keeps the base of its first
edit: the values the device last saw from the service. A change that a push has taken
(`in_flight`) is never altered again, so a re-send after a crash is byte-for-byte the
same change (the service answers `duplicate`); an edit made meanwhile starts a new one.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from sqlalchemy import Connection, func, select, update

from storage.models import OutboxEntry
from storage.records import now
from sync import schema
from sync.protocol import Change

T = OutboxEntry.__table__
PENDING, IN_FLIGHT, REJECTED = "pending", "in_flight", "rejected"
# The service does not know the change's kind yet (it is older than this laptop): the
# change waits, untouched, and goes again at the next sync (design.md, "Compatibility
# across versions": "keeps the change pending").
HELD = "held"
UNACKNOWLEDGED = (PENDING, IN_FLIGHT)
# Every change still to be delivered: what the worker is told is waiting.
UNDELIVERED = (PENDING, IN_FLIGHT, HELD)
UNKNOWN_KIND = schema.UNKNOWN_KIND
# In `edited_fields`: the worker deleted the record and the service does not know yet.
DELETING = "\x00delete"


def record_change(
    conn: Connection,
    *,
    record_id: str,
    kind: str,
    case_id: str,
    base_rev: int,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    delete: bool = False,
    creating: bool = False,
) -> str:
    """Add an edit of one record to the outbox; returns the change id it went into.

    `old` holds the fields' values before the edit, `new` the edited values.
    """
    pending = conn.execute(
        select(T.c.seq, T.c.change_id, T.c.base, T.c.set, T.c.delete)
        .where(T.c.record_id == record_id, T.c.state == PENDING)
        .order_by(T.c.seq.desc()).limit(1)
    ).first()
    if pending is None:
        change_id = str(uuid.uuid4())
        conn.execute(T.insert().values(
            change_id=change_id, record_id=record_id, kind=kind, case_id=case_id,
            base_rev=base_rev, base={} if creating else {n: old.get(n) for n in new},
            set=dict(new), delete=delete, state=PENDING, created_at=now(),
        ))
        return change_id
    base = dict(pending.base)
    changed = dict(pending.set)
    # A create (empty base) stays a create: the service has no earlier values to compare.
    # A delete's base is empty too when nothing was edited before it; one taken back by a
    # resolution that keeps the record becomes an edit with the bases it lacked.
    is_create = not base and not pending.delete
    for name, value in new.items():
        # The first base wins: a field already edited in this change keeps its old base.
        if not is_create and name not in changed and name not in base:
            base[name] = old.get(name)
        changed[name] = value
    if delete:
        changed = {}
    conn.execute(
        update(T).where(T.c.seq == pending.seq).values(base=base, set=changed, delete=delete)
    )
    return pending.change_id


def drop_pending(conn: Connection, record_id: str) -> bool:
    """Forget the pending change of a record the service has never seen (created, then
    deleted, before any push); True if there was one and nothing of it is in flight."""
    states = {s for (s,) in conn.execute(select(T.c.state).where(T.c.record_id == record_id))}
    if states != {PENDING}:
        return False
    conn.execute(T.delete().where(T.c.record_id == record_id))
    return True


_TAKE_SQL = (
    'SELECT seq, change_id, record_id, kind, case_id, base_rev, base, "set", "delete" '
    "FROM outbox WHERE state IN (?, ?) AND seq > ? ORDER BY seq LIMIT ?"
)


def take(conn: Connection, limit: int, after: str | None = None) -> list[Change]:
    """The next `limit` undelivered changes, oldest first, now `in_flight`; with `after`
    (a change id), only those behind that change: the engine takes the next batch while the
    one ending there is still in flight. Read in one plain query and built without
    validation: every value was checked when the edit was saved, and a push of 1,000
    changes spent more on SQLAlchemy's rows and pydantic's checks than on the query."""
    start = 0
    if after is not None:
        row = conn.exec_driver_sql("SELECT seq FROM outbox WHERE change_id = ?",
                                   (after,)).first()
        start = row[0] if row is not None else 0  # answered since: so is all before it
    rows = conn.exec_driver_sql(_TAKE_SQL, (*UNACKNOWLEDGED, start, limit)).fetchall()
    if rows:
        # The rows are the first by seq: every pending change up to the last one is taken.
        conn.exec_driver_sql("UPDATE outbox SET state = ? WHERE state = ? AND seq <= ?",
                             (IN_FLIGHT, PENDING, rows[-1][0]))
    if not rows:
        return []
    # Every base and set of the batch parsed in one call (each is a JSON text the store
    # wrote): a `json.loads` per value cost more than the parsing.
    parsed = iter(json.loads(
        "[" + ",".join("null" if text is None else text
                       for row in rows for text in (row[6], row[7])) + "]"
    ))
    return [
        Change.model_construct(
            change_id=change_id, record_id=record_id, kind=kind, case_id=case_id,
            base_rev=base_rev, base=next(parsed) or {}, set=next(parsed) or {},
            delete=bool(delete),
        )
        for _, change_id, record_id, kind, case_id, base_rev, _, _, delete in rows
    ]


def _loads(text: str | None) -> dict[str, Any]:
    return json.loads(text) or {} if text is not None else {}


def to_change(row: Any) -> Change:
    return Change(
        change_id=row.change_id, record_id=row.record_id, kind=row.kind, case_id=row.case_id,
        base_rev=row.base_rev, base=row.base, set=row.set, delete=row.delete,
    )


class Entry(NamedTuple):
    """What storing a push result needs of its outbox entry. The values stay JSON text until
    asked for: only a refused change needs them (kept for the worker to see)."""

    change_id: str
    record_id: str
    kind: str
    case_id: str
    set_json: str | None
    delete: bool

    @property
    def set(self) -> dict[str, Any]:
        return _loads(self.set_json)


def entries(conn: Connection, change_ids: list[str]) -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for start in range(0, len(change_ids), 500):
        chunk = change_ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        for change_id, record_id, kind, case_id, values, delete in conn.exec_driver_sql(
            'SELECT change_id, record_id, kind, case_id, "set", "delete" FROM outbox '
            f"WHERE change_id IN ({marks})", tuple(chunk),
        ):
            out[change_id] = Entry(change_id, record_id, kind, case_id, values, bool(delete))
    return out


def acknowledge_many(conn: Connection, answered: list[tuple[str, str, int]]) -> None:
    """Remove answered changes (change_id, record_id, rev), in order; each record's later
    changes now build on the rev the service gave it."""
    if not answered:
        return
    conn.exec_driver_sql("DELETE FROM outbox WHERE change_id = ?",
                         [(change_id,) for change_id, _, _ in answered])
    conn.exec_driver_sql(
        "UPDATE outbox SET base_rev = ? WHERE record_id = ? AND state IN (?, ?)",
        [(rev, record_id, PENDING, IN_FLIGHT) for _, record_id, rev in answered],
    )


def reject(conn: Connection, change_id: str, error_code: str | None) -> None:
    conn.execute(
        update(T).where(T.c.change_id == change_id)
        .values(state=REJECTED, error_code=error_code or "rejected")
    )


def hold(conn: Connection, change_id: str) -> None:
    """Keep a change the service refused only for not knowing its kind. It goes again under
    a new change id: the older service keeps its refusal under the old one and would answer
    a re-send `duplicate` with that refusal, even after it was updated."""
    conn.execute(update(T).where(T.c.change_id == change_id)
                 .values(state=HELD, change_id=str(uuid.uuid4())))


def release_held(conn: Connection) -> int:
    """At the start of a sync: held changes are tried again (the service may know their
    kind by now). Returns how many."""
    return conn.execute(update(T).where(T.c.state == HELD).values(state=PENDING)).rowcount


def edited_fields(conn: Connection, record_ids: Iterable[str],
                  states: Iterable[str] = (PENDING,)) -> dict[str, set[str]]:
    """For each record with unpushed edits: the names of the fields the worker changed
    (DELETING among them for a delete), in changes of `states`.

    For a pulled record only pending changes count. An in-flight change may already be on
    the service (its answer lost) and overwritten there since; keeping its values over a
    pulled record would then leave the laptop out of step for good, as the re-sent change
    comes back `duplicate` with an older record. If it never arrived, its re-send brings
    the worker's values back (or a conflict), so nothing is lost either way.
    """
    out: dict[str, set[str]] = {}
    ids = list(record_ids)
    for start in range(0, len(ids), 500):
        rows = conn.execute(
            select(T.c.record_id, T.c.set, T.c.delete)
            .where(T.c.record_id.in_(ids[start:start + 500]), T.c.state.in_(list(states)))
        )
        for row in rows:
            out.setdefault(row.record_id, set()).update(row.set)
            if row.delete:
                out[row.record_id].add(DELETING)
    return out


def count(conn: Connection, state: Iterable[str] = UNDELIVERED) -> int:
    return conn.execute(
        select(func.count()).select_from(T).where(T.c.state.in_(list(state)))
    ).scalar_one()


def remove_case(conn: Connection, case_id: str) -> None:
    conn.execute(T.delete().where(T.c.case_id == case_id))
