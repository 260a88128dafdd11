"""The pull: records and conflicts changed since the cursor, in the cases a device may see.

Why the cursor never skips a record, also when pushes commit concurrently on PostgreSQL:
every transaction that writes a record or conflict first takes the next rev by updating the
single `rev_counter` row (records.next_rev) and holds that row lock until it commits. So
the transaction with rev N cannot commit before the one with rev N-1 has committed, and when
the counter reads N, every rev up to N is committed and visible. A pull therefore reads the
counter *first* (its high-water mark) and then only asks for revs above the cursor and at
most that mark; under READ COMMITTED each later statement sees at least everything the
first one saw, so no rev at or below the mark can still appear after this page. The next
cursor is that mark (or the last rev of a full page). On SQLite, BEGIN IMMEDIATE (db.py)
serialises writers, which gives the same order, and a pull reads one WAL snapshot.

What a device holds is kept in `device_cases`: a case that enters its view is sent whole
(its older records too), and a case that leaves it (reassigned, `shared_with` changed,
closed past retention) is listed in `revoked_case_ids` until the device pulls with a cursor
past that page, so a lost answer does not lose the purge either.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import Connection, Select, and_, case, false, or_, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from sync.own_revs import Ranges
from sync.protocol import PullResponse
from sync.service import access_log
from sync.service.access_log import AccessEvent
from sync.service.db import among, is_postgres, transaction
from sync.service.deps import viewer_from_rows
from sync.service.errors import ApiError
from sync.service.models import ConflictRow, DeviceCase, RecordRow, RevCounter
from sync.service.page_json import page_bytes, record_json, stamp_json
from sync.service.records import hold_cases, to_conflict
from sync.service.security import token_hash
from sync.service.visibility import Viewer, service_today, visible_case_ids

_PREFIX = "v1:"
# How many rows a page may hold, per record of its `limit`, when they are stamps.
STAMPS_PER_RECORD = 10
_RECORDS = RecordRow.__table__


def encode_cursor(rev: int) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{rev}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The rev a cursor stands for; an empty cursor is the start. ApiError 400 `bad_cursor`."""
    if not cursor:
        return 0
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        text = base64.urlsafe_b64decode(padded.encode("ascii")).decode("ascii")
        if not text.startswith(_PREFIX):
            raise ValueError(text)
        rev = int(text[len(_PREFIX):])
        if rev < 0:
            raise ValueError(text)
        return rev
    except (ValueError, UnicodeError, binascii.Error):
        raise ApiError(400, "bad_cursor", "the cursor is not one this service gave") from None


@dataclass(frozen=True)
class PullContext:
    viewer: Viewer
    retention_days: int


def check_and_quiet(connection: Connection, token: str, address: str | None,
                    cursor: str | None, retention_days: int
                    ) -> tuple[PullContext, PullResponse | None]:
    """The viewer behind `token` and, when there is nothing to send and nothing to note,
    the answer to their pull (else None: `pull` must run), from ONE statement: the usual
    sync costs one round trip to the database (issue 15). ApiError 401 for an unknown token
    and a revoked device."""
    try:
        since = decode_cursor(cursor)
    except ApiError:
        since = -1  # no counter reads -1: `pull` says 400, after the token was checked
    rows = connection.execute(_FAST_SQL, {
        "digest": token_hash(token), "since": since,
        # As visibility._retained counts: ISO dates compare as strings.
        "cutoff": (service_today() - dt.timedelta(days=retention_days)).isoformat(),
    }).all()
    viewer = viewer_from_rows(rows, address)  # refuses an unknown token, a revoked device
    ctx = PullContext(viewer=viewer, retention_days=retention_days)
    if not rows[0][7]:
        return ctx, None
    return ctx, PullResponse(records=[], conflicts=[], revoked_case_ids=[],
                             cursor=encode_cursor(since), more=False)


class PulledPage(NamedTuple):
    body: bytes  # the `PullResponse` JSON
    cursor: str  # the body's `cursor` and `more`, for the answer's header
    more: bool


def pull(
    factory: sessionmaker[Session], read_factory: sessionmaker[Session], ctx: PullContext,
    cursor: str | None, limit: int, own: Ranges | None = None,
) -> PulledPage:
    """The page as `PullResponse` JSON. Read in a read-only transaction, then, only when
    there is something to note (cases given or taken away, data delivered), write that in
    a short second one. A sync with nothing new (see `check_and_quiet`) therefore writes
    nothing and waits for no writer.

    `own`: revs at which this device's pushes wrote records as sent; such a record, still
    at that rev, comes as a stamp (its writer and time), not whole ("The echo of a push")."""
    since = decode_cursor(cursor)
    viewer = ctx.viewer
    with _page_reads(factory, read_factory) as session:
        page = _read_page(session, ctx, since, limit, own)
    records = [row for row in page.records if not row[4]]
    upper = encode_cursor(page.upper)
    body = page_bytes([row[3] for row in records],
                      [to_conflict(c) for c in page.conflicts], sorted(page.view.revoked),
                      upper, page.more,
                      None if own is None else [row[3] for row in page.records if row[4]])
    # A stamp delivers no case data: ids, and who wrote them and when (the device itself).
    events = _delivery_events(viewer, records, page.conflicts, page.view.revoked)
    if events or page.view.writes:
        with transaction(factory) as session:
            _note_view(session, viewer.device_id, page.view)
            access_log.append(session, events)
    return PulledPage(body, upper, page.more)


@contextmanager
def _page_reads(factory: sessionmaker[Session], read_factory: sessionmaker[Session]
                ) -> Iterator[Session]:
    """Where a page is read. On PostgreSQL: a READ COMMITTED transaction (each statement
    sees at least what the one before it saw, as in the autocommit of other reads) in which
    every statement is planned for its own values.

    psycopg prepares a statement the service runs often, and after five runs PostgreSQL
    may plan it once for any values. In such a generic plan `case_id = ANY(:cases)`, the
    thousand cases of a first sync, is a filter that compares each record with every case
    in turn: 30 ms of the 50 ms PostgreSQL took for a page of 1,500 records. Planned for
    its values the array is a constant, which PostgreSQL hashes: the page took 12 ms, and
    the planning 2 ms. `SET LOCAL` ends with the transaction, so the pooled connection
    goes back to generic plans for every other statement."""
    if not is_postgres(factory.kw["bind"]):
        with transaction(read_factory) as session:
            yield session
        return
    with transaction(factory) as session:
        session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
        yield session


# The token lookup of deps.viewer_for_token, and beside it whether a pull at :since has
# nothing to send and nothing to note.
#
# Nothing to send: the rev counter equals the cursor, so nothing was committed since (every
# record and conflict write takes the next rev). Nothing to note: the cases the device may
# see now are exactly the ones it holds unrevoked. The view is computed live, not cached, so
# whatever changes it without a commit of a record - a membership, a share, the retention
# date passing - reaches the laptop at its next sync, on every service process alike. (When
# the counter equals the cursor, no held row can carry a rev above it, so the re-sends of
# `_follow_view` cannot be due.) A revoked device is refused on the same row.
#
# The device's role and teams come from the tables in the same statement rather than from
# a first query, which is what saves the round trip. Each way of reaching a case is its
# own join from the one device row, so each walks an index (contact worker, shares, the
# teams of a team lead): one query with ORs of subqueries over `dev` made PostgreSQL scan
# every case and run the subqueries per row (about 1.5 ms of its CPU per sync with 1,400
# cases in the team). Plain SQL: building and hashing the SQLAlchemy statement cost more
# than running it. It states visibility.visible_cases' rules again;
# tests/service/test_pull_fast_path.py holds the two to the same answers.
#
# As visibility._retained counts: ISO dates compare as strings.
_RETAINED = (
    "(ca.status IS NULL OR ca.status <> 'closed' OR ca.closed_seen_on IS NULL "
    "OR ca.closed_seen_on >= :cutoff OR ca.closed_on >= :cutoff)"
)
_FAST_SQL = text(
    "WITH dev AS (SELECT d.id AS device_id, u.id AS user_id, u.role AS role "
    "FROM devices d JOIN users u ON u.id = d.user_id WHERE d.token_hash = :digest), "
    f"visible AS (SELECT ca.case_id FROM dev JOIN case_access ca "
    f"ON ca.contact_worker_id = dev.user_id WHERE dev.role <> 'admin' AND {_RETAINED} "
    f"UNION SELECT ca.case_id FROM dev JOIN case_shares cs ON cs.user_id = dev.user_id "
    f"JOIN case_access ca ON ca.case_id = cs.case_id "
    f"WHERE dev.role <> 'admin' AND {_RETAINED} "
    f"UNION SELECT ca.case_id FROM dev JOIN memberships m ON m.user_id = dev.user_id "
    f"JOIN case_access ca ON ca.team_id = m.team_id "
    f"WHERE dev.role = 'teamlead' AND {_RETAINED}), "
    "held AS (SELECT dc.case_id FROM device_cases dc JOIN dev ON dc.device_id = dev.device_id "
    "WHERE dc.revoked_rev IS NULL) "
    "SELECT d.id, d.revoked_at, u.id, u.username, u.display_name, u.role, m.team_id, "
    "CASE WHEN (SELECT value FROM rev_counter WHERE id = 1) = :since "
    "AND NOT EXISTS (SELECT case_id FROM visible EXCEPT SELECT case_id FROM held) "
    "AND NOT EXISTS (SELECT case_id FROM held EXCEPT SELECT case_id FROM visible) "
    "THEN 1 ELSE 0 END "
    "FROM devices d JOIN users u ON u.id = d.user_id "
    "LEFT OUTER JOIN memberships m ON m.user_id = u.id WHERE d.token_hash = :digest"
)


@dataclass
class _View:
    """How the device's view changed: cases to send whole, to purge, and the rows to note."""

    backfill: set[str] = field(default_factory=set)
    revoked: set[str] = field(default_factory=set)
    new: dict[str, int] = field(default_factory=dict)  # case id -> since_rev
    regranted: dict[str, int] = field(default_factory=dict)  # case id -> since_rev
    taken: dict[str, int] = field(default_factory=dict)  # case id -> revoked_rev

    @property
    def writes(self) -> bool:
        return bool(self.new or self.regranted or self.taken)


@dataclass
class _Page:
    records: list[Any]  # (id, case_id, rev, json, own): `_page_rows`
    conflicts: list[ConflictRow]
    upper: int
    more: bool
    view: _View


def _read_page(session: Session, ctx: PullContext, since: int, limit: int,
               own: Ranges | None = None) -> _Page:
    # First, before anything else is read: see the module's docstring.
    high = session.scalar(select(RevCounter.value).where(RevCounter.id == 1)) or 0
    if since > high:
        raise ApiError(400, "bad_cursor", "the cursor is ahead of this service")
    # Read once and used for every query below, so the page, the grants and the
    # revocations all agree on one view. A first sync asks for a page of a thousand cases
    # many times: `among` sends them as one array on PostgreSQL, where an IN of a thousand
    # placeholders was rendered by SQLAlchemy and parsed again by psycopg for every page.
    visible = visible_case_ids(session, ctx.viewer, ctx.retention_days)
    in_view = among(session, _RECORDS.c.case_id, visible)
    # Plain rows, not ORM objects: a page is read-only and may hold thousands. Nothing
    # committed since the cursor (the usual sync): no rev can match, skip the queries.
    writer = ctx.viewer.user_id
    # A stamp is a few ids: a page holds `limit` records and, beside them, stamps up to
    # STAMPS_PER_RECORD times that in all, so the echo of a thousand new cases is a few
    # pages, not twenty.
    rows = limit * STAMPS_PER_RECORD if own else limit
    found = [] if since == high else session.execute(_page_rows(
        session,
        select(_RECORDS)
        .where(_RECORDS.c.rev > since, _RECORDS.c.rev <= high, in_view)
        .order_by(_RECORDS.c.rev)
        .limit(rows + 1),
        own, writer,
    )).all()
    records = _first(found, limit, rows)
    more = len(records) < len(found)
    upper = records[-1].rev if more else high
    conflicts = [] if since == upper else list(
        session.scalars(
            select(ConflictRow)
            .where(ConflictRow.rev > since, ConflictRow.rev <= upper,
                   among(session, ConflictRow.case_id, visible))
            .order_by(ConflictRow.rev)
        )
    )
    # Plain rows, not ORM objects, fetched at once: a device holds a row per case, read on
    # every page.
    held = {
        row[0]: row
        for row in session.execute(
            select(DeviceCase.case_id, DeviceCase.since_rev, DeviceCase.revoked_rev)
            .where(DeviceCase.device_id == ctx.viewer.device_id)
        ).all()
    }
    view = _follow_view(held, visible, since, upper)
    if view.backfill and since > 0:
        # Cases that just entered the view: their records from before the cursor too.
        records = session.execute(_page_rows(
            session,
            select(_RECORDS)
            .where(among(session, _RECORDS.c.case_id, view.backfill), _RECORDS.c.rev <= since)
            .order_by(_RECORDS.c.rev),
            own, writer,
        )).all() + records
        seen = {c.id for c in conflicts}
        conflicts = [
            c for c in session.scalars(
                select(ConflictRow).where(
                    among(session, ConflictRow.case_id, view.backfill),
                    ConflictRow.rev <= since,
                    ConflictRow.resolved.is_(False),
                ).order_by(ConflictRow.rev)
            ) if c.id not in seen
        ] + conflicts
    return _Page(records, conflicts, upper, more, view)


def _first(found: list[Any], limit: int, rows: int) -> list[Any]:
    """The page's rows: up to `rows` of `found`, of which at most `limit` records whole."""
    whole = 0
    for index, row in enumerate(found[:rows]):
        if not row[4]:
            whole += 1
            if whole > limit:
                return found[:index]
    return found[:rows]


def _page_rows(session: Session, chosen: Select[Any], own: Ranges | None, writer: str
               ) -> Select[Any]:
    """Of the records `chosen` selects (whole rows, in rev order), the columns a page
    needs: the ids for the access log, the rev for the cursor, the JSON the database
    writes of it (page_json.py), and whether that is a stamp: the record is still at a
    rev of `own`, written by this user (a rev is one write, so that is the device's own,
    and the device holds its fields; the writer is asked as well, so that no device
    learns another's writer and time by naming their revs).

    The JSON is written in an outer query, for the chosen rows only: asked beside the
    WHERE, ORDER BY and LIMIT, PostgreSQL may write it for every matching record before
    sorting and keeping the page (a bitmap scan by case, then a sort), so that each page
    of a first sync wrote the JSON of every record still to come."""
    page = chosen.subquery("records")  # the name record_json's SQL refers to
    dialect = session.get_bind().dialect.name
    if not own:
        return select(page.c.id, page.c.case_id, page.c.rev,
                      record_json(dialect).label("json"), false().label("own")
                      ).order_by(page.c.rev)
    stamped = and_(page.c.updated_by == writer,
                   or_(*(page.c.rev.between(first, last) for first, last in own)))
    return select(page.c.id, page.c.case_id, page.c.rev,
                  case((stamped, stamp_json(dialect)), else_=record_json(dialect)
                       ).label("json"),
                  stamped.label("own")).order_by(page.c.rev)


def _follow_view(
    held: dict[str, Any], visible: set[str], since: int, upper: int
) -> _View:
    """Compare what the device holds with what it may see now."""
    view = _View()
    for case_id in visible:
        row = held.get(case_id)
        if row is None:
            view.new[case_id] = upper
            view.backfill.add(case_id)
        elif row.revoked_rev is not None:
            view.regranted[case_id] = upper
            view.backfill.add(case_id)
        elif row.since_rev > since:
            view.backfill.add(case_id)  # the page that first sent it was not acknowledged
    for case_id, row in held.items():
        if case_id in visible:
            continue
        if row.revoked_rev is None:
            view.taken[case_id] = upper
            view.revoked.add(case_id)
        elif row.revoked_rev > since:
            view.revoked.add(case_id)  # not yet acknowledged: say it again
    return view


def _note_view(session: Session, device_id: str, view: _View) -> None:
    hold_cases(session, device_id, view.new)
    for case_id, since_rev in view.regranted.items():
        session.execute(
            update(DeviceCase)
            .where(DeviceCase.device_id == device_id, DeviceCase.case_id == case_id)
            .values(since_rev=since_rev, revoked_rev=None)
        )
    for case_id, revoked_rev in view.taken.items():
        session.execute(
            update(DeviceCase)
            .where(DeviceCase.device_id == device_id, DeviceCase.case_id == case_id)
            .values(revoked_rev=revoked_rev)
        )


def _delivery_events(
    viewer: Viewer, records: list[Any], conflicts: list[ConflictRow], revoked: set[str]
) -> list[AccessEvent]:
    """What this page delivered, for the access log: one `pull.records` row per case with
    the ids of the records sent (in page order) in its detail, rather than a row per
    record - a first sync sends tens of thousands, and each row is hashed into the chain.
    The log still answers, per case, which records went to which device and when."""
    base = {"user_id": viewer.user_id, "device_id": viewer.device_id, "address": viewer.address}
    by_case: dict[str, list[str]] = {}
    for record_id, case_id, _, _, _ in records:  # unpacked: a Row's attributes cost more
        by_case.setdefault(case_id, []).append(record_id)
    events = [
        AccessEvent(action="pull.records", case_id=case_id, detail=" ".join(ids), **base)
        for case_id, ids in by_case.items()
    ]
    events += [
        AccessEvent(action="pull.conflict", case_id=c.case_id, record_id=c.record_id,
                    detail=f"conflict {c.id}", **base)
        for c in conflicts
    ]
    events += [AccessEvent(action="pull.revoke", case_id=c, **base) for c in sorted(revoked)]
    return events
