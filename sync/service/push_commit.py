"""The locked part of a push that went ahead of the rev lock, as one message to PostgreSQL
(docs/protocol.md, "Push under load").

The push reads, checks, merges and makes every row it will write before the lock, with
provisional revs (push_ahead.PROVISIONAL and up). Then one simple-query message: BEGIN,
take the revs (the counter's row lock), recheck what was read (`push_recheck`), write every
row with its provisional revs moved to the real ones by the database, append the access
log (`access_log_append`; both functions come with migration 0007_push_lock), COMMIT. The
lock is held while the server runs those statements and flushes the commit: no round trip
to the service and no wait for its Python (under load, for the GIL or a CPU) falls inside
it. Under load that wait, between the statements of the old locked part, was most of the
time the lock was held.

A message of several statements is only possible without parameters, so the values go in
as literals, quoted by psycopg: one JSON text per table, taken apart by the server
(`jsonb_to_recordset`).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import orjson
import psycopg
from psycopg import sql

from sync.service.push_ahead import PROVISIONAL, Stale
from sync.service.records import ALL_FIELDS

# push_recheck's SQLSTATE when what the push read has changed (migration 0007_push_lock).
STALE_STATE = "KT409"
UNIQUE_VIOLATION = "23505"


@dataclass
class Writes:
    """Everything a push writes, as plain values, revs provisional where it handed them out."""

    count: int  # revs handed out: PROVISIONAL .. PROVISIONAL + count - 1
    expected: dict[str, Any]  # push_recheck's argument (push_ahead.expected)
    new: list[dict[str, Any]] = field(default_factory=list)  # records to INSERT
    changed: list[dict[str, Any]] = field(default_factory=list)  # records to UPDATE
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    access: list[dict[str, Any]] = field(default_factory=list)  # case_access, new or changed
    shares: dict[str, list[str]] = field(default_factory=dict)  # case id -> user ids, all
    holds: list[dict[str, Any]] = field(default_factory=list)  # device_cases to add
    applied: list[dict[str, Any]] = field(default_factory=list)  # applied_changes rows
    # (user id, device id, time) of every applied_changes row: the push's own.
    applied_by: tuple[str, str, dt.datetime | None] = ("", "", None)
    log: list[dict[str, Any]] = field(default_factory=list)  # access_log.contents + tail


def _moved(rev: str) -> str:
    """SQL: `rev` moved from provisional to real (the CTE `d` holds the distance)."""
    return f"(CASE WHEN {rev} >= {PROVISIONAL} THEN {rev} + d.delta ELSE {rev} END)"


def _moved_revs(revs: str, rev: str) -> str:
    """SQL: a `field_revs` object with every provisional rev in it moved; null in the rows
    stands for every field at the record's rev (`{"*": rev}`, see `_field_revs`)."""
    return (f"(CASE WHEN {revs} IS NULL THEN jsonb_build_object('*', {_moved(rev)}) "
            f"ELSE (SELECT jsonb_object_agg(f.key, {_moved('f.value::bigint')}) "
            f"FROM jsonb_each_text({revs}) AS f) END)")


def _field_revs(row: dict[str, Any]) -> dict[str, Any]:
    """The row with its field revs left out when they are every field at its rev, as for
    every new record: moving them is a subquery per row in the lock (29,000 for a
    thousand new cases)."""
    revs = row["field_revs"]
    if revs is not None and revs != {ALL_FIELDS: row["rev"]}:
        return row
    if revs is None:
        raise ValueError("a record written by a push has field revs")
    return {**row, "field_revs": None}


REV_OF_RESULT = "((v.result->>'rev')::bigint)"
_RECORD_COLUMNS = ("id varchar, kind varchar, case_id varchar, rev bigint, deleted boolean, "
                   "fields jsonb, field_revs jsonb, updated_by varchar, "
                   "updated_at timestamptz")


def _statements(count: int) -> dict[str, str]:
    """Each write as SQL with `{}` where its rows go (one JSON literal)."""
    delta = (f"WITH d AS (SELECT value - {count} + 1 - {PROVISIONAL} AS delta "
             f"FROM rev_counter WHERE id = 1) ")
    # JSON null comes out of jsonb_to_recordset as SQL NULL; the ORM stored JSON null.
    json_value = "coalesce(v.{0}, 'null'::jsonb)"
    return {
        "new": delta + (
            "INSERT INTO records (id, kind, case_id, rev, deleted, fields, field_revs, "
            "updated_by, updated_at) "
            f"SELECT v.id, v.kind, v.case_id, {_moved('v.rev')}, v.deleted, v.fields, "
            f"{_moved_revs('v.field_revs', 'v.rev')}, v.updated_by, v.updated_at "
            f"FROM d, jsonb_to_recordset({{}}::jsonb) AS v({_RECORD_COLUMNS})"),
        "changed": delta + (
            f"UPDATE records AS t SET rev = {_moved('v.rev')}, deleted = v.deleted, "
            f"fields = v.fields, field_revs = {_moved_revs('v.field_revs', 'v.rev')}, "
            "updated_by = v.updated_by, updated_at = v.updated_at "
            f"FROM d, jsonb_to_recordset({{}}::jsonb) AS v({_RECORD_COLUMNS}) "
            "WHERE t.id = v.id"),
        "conflicts": delta + (
            "INSERT INTO conflicts (id, record_id, case_id, kind, field, base, kept, incoming, "
            "kept_by, incoming_by, created_at, resolved, resolved_by, rev) "
            "SELECT v.id, v.record_id, v.case_id, v.kind, v.field, "
            f"{json_value.format('base')}, {json_value.format('kept')}, "
            f"{json_value.format('incoming')}, v.kept_by, v.incoming_by, v.created_at, "
            f"v.resolved, v.resolved_by, {_moved('v.rev')} "
            "FROM d, jsonb_to_recordset({}::jsonb) AS v(id varchar, record_id varchar, "
            "case_id varchar, kind varchar, field varchar, base jsonb, kept jsonb, "
            "incoming jsonb, kept_by varchar, incoming_by varchar, created_at timestamptz, "
            "resolved boolean, resolved_by varchar, rev bigint)"),
        "access": (
            "INSERT INTO case_access (case_id, team_id, contact_worker_id, status, closed_on, "
            "closed_seen_on) "
            "SELECT * FROM jsonb_to_recordset({}::jsonb) AS v(case_id varchar, "
            "team_id varchar, contact_worker_id varchar, status varchar, closed_on varchar, "
            "closed_seen_on varchar) "
            "ON CONFLICT (case_id) DO UPDATE SET team_id = excluded.team_id, "
            "contact_worker_id = excluded.contact_worker_id, status = excluded.status, "
            "closed_on = excluded.closed_on, closed_seen_on = excluded.closed_seen_on"),
        # A join, not `= ANY(ARRAY(...))`: an array of unknown length the planner searches
        # once per row of a sequential scan (see push_recheck in 0007_push_lock).
        "unshare": ("DELETE FROM case_shares AS s USING jsonb_array_elements_text("
                    "{}::jsonb) AS e(case_id) WHERE s.case_id = e.case_id"),
        "shares": ("INSERT INTO case_shares (case_id, user_id) SELECT * FROM "
                   "jsonb_to_recordset({}::jsonb) AS v(case_id varchar, user_id varchar)"),
        "holds": delta + (
            "INSERT INTO device_cases (device_id, case_id, since_rev, revoked_rev) "
            f"SELECT v.device_id, v.case_id, {_moved('v.since_rev')}, NULL "
            "FROM d, jsonb_to_recordset({}::jsonb) AS v(device_id varchar, case_id varchar, "
            "since_rev bigint) ON CONFLICT DO NOTHING"),
        # The user, device and time are the push's, the same in every row: given once.
        "applied": delta + (
            "INSERT INTO applied_changes (change_id, user_id, device_id, result, created_at) "
            "SELECT v.change_id, {}, {}, jsonb_set(v.result, '{{rev}}', "
            f"to_jsonb({_moved(REV_OF_RESULT)})), "
            "{}::timestamptz FROM d, jsonb_to_recordset({}::jsonb) "
            "AS v(change_id varchar, result jsonb)"),
        "log": "SELECT access_log_append({}::jsonb)",
    }


def message(connection: psycopg.Connection[Any], writes: Writes) -> str:
    """The push's whole transaction as one SQL text: its first result with rows is the last
    rev handed out before this push's."""
    def literal(value: Any) -> sql.Composable:
        return sql.Literal(_json_text(value))

    count = writes.count
    statements = _statements(count)
    shares = [{"case_id": c, "user_id": u} for c, users in writes.shares.items()
              for u in users]

    applied = [{"change_id": row["change_id"], "result": row["result"]}
               for row in writes.applied]
    scalars = {"applied": tuple(sql.Literal(v) for v in writes.applied_by)}

    def writing(*names_rows: tuple[str, list[Any]]) -> list[sql.Composable]:
        return [sql.SQL(statements[name]).format(*scalars.get(name, ()), literal(rows))
                for name, rows in names_rows if rows]

    # Every write after the lock, even of what carries no rev: a row written before it
    # would stay locked while the push waits in the queue, and a lock-first push or a
    # resolve holding the rev lock that wants the row would deadlock with it.
    parts: list[sql.Composable] = [
        sql.SQL("BEGIN"),
        sql.SQL(f"UPDATE rev_counter SET value = value + {count} WHERE id = 1 "
                f"RETURNING value - {count}"),
        sql.SQL("SELECT push_recheck({}::jsonb)").format(literal(writes.expected)),
        *writing(("new", [_field_revs(r) for r in writes.new]),
                 ("changed", [_field_revs(r) for r in writes.changed]),
                 ("conflicts", writes.conflicts), ("access", writes.access),
                 ("unshare", sorted(writes.shares)), ("shares", shares),
                 ("holds", writes.holds), ("applied", applied), ("log", writes.log)),
        sql.SQL("COMMIT"),
    ]
    return sql.SQL("; ").join(parts).as_string(connection)


# The messages of one process that may be at the server at once, each waiting for the rev
# lock or holding it; the others wait here, in arrival order, holding no lock. Under a load
# of 200 connections about 80 backends queued for the one row lock, and those that waited
# past deadlock_timeout (1 s) each ran PostgreSQL's deadlock check, which holds every lock
# partition (pg_watch saw the holder itself waiting on LockManager in a quarter of its
# samples): the CPU a push cost PostgreSQL under load was twice what it cost alone.
# A few waiting per process keep the lock handed over the moment it is let go.
MESSAGES_AT_ONCE = 4


class _Slots:
    """At most `size` holders at once; the others wait in the order they came, and a
    holder that lets go hands its slot to the first of them. threading.Semaphore lets a
    newcomer take a slot before the waiter it woke, and that waiter waits again at the
    back: under load some pushes would wait on and on while others went by."""

    def __init__(self, size: int) -> None:
        self._lock = threading.Lock()
        self._free = size
        self._waiting: deque[threading.Lock] = deque()

    def __enter__(self) -> None:
        with self._lock:
            if self._free and not self._waiting:
                self._free -= 1
                return
            gate = threading.Lock()
            gate.acquire()
            self._waiting.append(gate)
        gate.acquire()  # let go by the holder that hands this thread its slot

    def __exit__(self, *_exc: object) -> None:
        with self._lock:
            if self._waiting:
                self._waiting.popleft().release()
            else:
                self._free += 1


_turns = _Slots(MESSAGES_AT_ONCE)


def send(connection: psycopg.Connection[Any], writes: Writes) -> int:
    """Lock, recheck, write and commit in one message, on `connection` (in autocommit: the
    message is its own transaction; db.autocommit_connection drops it from the pool should
    it break); the first real rev of the push. Stale when the recheck found a change, with
    nothing written."""
    text = message(connection, writes)
    with _turns:
        return run(connection, text)


def run(connection: psycopg.Connection[Any], text: str) -> int:
    """Send the message; from here until it returns the push holds the rev lock (from the
    moment the server reaches its UPDATE of the counter, to be exact)."""
    with connection.cursor() as cursor:
        try:
            cursor.execute(text)  # no parameters: the simple protocol, several statements
        except psycopg.Error as exc:
            if not connection.closed:
                connection.rollback()  # the message's transaction is aborted: end it
            # A unique key taken meanwhile is a record or change id the push creates, which
            # the recheck leaves to the INSERT (push_ahead.expected): stale too.
            if exc.sqlstate in (STALE_STATE, UNIQUE_VIOLATION):
                raise Stale from None
            raise
        while cursor.description is None and cursor.nextset():
            pass
        row = cursor.fetchone()
    assert row is not None
    return int(row[0]) + 1


def _json_text(value: Any) -> str:
    """`value` as JSON text. orjson writes the rows of a push of 1,000 new records in a
    tenth of `json.dumps`' time (which took an eighth of the push's CPU), times as ISO 8601
    as `_json_default` does. An integer beyond 64 bits, which a change's base or a
    conflict's values may still hold (the schema bounds only the values written) and
    PostgreSQL's JSON holds, it refuses: that rare value goes the slow way."""
    try:
        return orjson.dumps(value).decode()
    except orjson.JSONEncodeError:
        return json.dumps(value, default=_json_default)


def _json_default(value: Any) -> Any:
    # A time as ISO 8601, which PostgreSQL reads back to the microsecond, offset included.
    if isinstance(value, dt.datetime):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")
