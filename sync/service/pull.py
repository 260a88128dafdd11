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
serialises writers, which gives the same order.

What a device holds is kept in `device_cases`: a case that enters its view is sent whole
(its older records too), and a case that leaves it (reassigned, `shared_with` changed,
closed past retention) is listed in `revoked_case_ids` until the device pulls with a cursor
past that page, so a lost answer does not lose the purge either.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sync.protocol import PullResponse
from sync.service import access_log
from sync.service.access_log import AccessEvent
from sync.service.db import transaction
from sync.service.errors import ApiError
from sync.service.models import ConflictRow, DeviceCase, RecordRow, RevCounter
from sync.service.records import to_conflict, to_record
from sync.service.visibility import Viewer, visible_case_ids

_PREFIX = "v1:"


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


def pull(
    factory: sessionmaker[Session], ctx: PullContext, cursor: str | None, limit: int
) -> PullResponse:
    since = decode_cursor(cursor)
    viewer = ctx.viewer
    with transaction(factory) as session:
        # First, before anything else is read: see the module's docstring.
        high = session.scalar(select(RevCounter.value).where(RevCounter.id == 1)) or 0
        if since > high:
            raise ApiError(400, "bad_cursor", "the cursor is ahead of this service")
        # Read once and used for every query below, so the page, the grants and the
        # revocations all agree on one view.
        visible = visible_case_ids(session, viewer, ctx.retention_days)
        in_view = sorted(visible)
        page = list(
            session.scalars(
                select(RecordRow)
                .where(RecordRow.rev > since, RecordRow.rev <= high,
                       RecordRow.case_id.in_(in_view))
                .order_by(RecordRow.rev)
                .limit(limit + 1)
            )
        )
        more = len(page) > limit
        page = page[:limit]
        upper = page[-1].rev if more else high
        conflicts = list(
            session.scalars(
                select(ConflictRow)
                .where(ConflictRow.rev > since, ConflictRow.rev <= upper,
                       ConflictRow.case_id.in_(in_view))
                .order_by(ConflictRow.rev)
            )
        )
        backfill, revoked = _follow_view(session, ctx.viewer.device_id, visible, since, upper)
        if backfill and since > 0:
            # Cases that just entered the view: their records from before the cursor too.
            page = list(
                session.scalars(
                    select(RecordRow)
                    .where(RecordRow.case_id.in_(sorted(backfill)), RecordRow.rev <= since)
                    .order_by(RecordRow.rev)
                )
            ) + page
            seen = {c.id for c in conflicts}
            conflicts = [
                c for c in session.scalars(
                    select(ConflictRow).where(
                        ConflictRow.case_id.in_(sorted(backfill)), ConflictRow.rev <= since,
                        ConflictRow.resolved.is_(False),
                    ).order_by(ConflictRow.rev)
                ) if c.id not in seen
            ] + conflicts
        access_log.append(session, _delivery_events(viewer, page, conflicts, revoked))
        return PullResponse(
            records=[to_record(r) for r in page],
            conflicts=[to_conflict(c) for c in conflicts],
            revoked_case_ids=sorted(revoked),
            cursor=encode_cursor(upper),
            more=more,
        )


def _follow_view(
    session: Session, device_id: str, visible: set[str], since: int, upper: int
) -> tuple[set[str], set[str]]:
    """Update what the device holds; return (cases to send whole, cases to purge)."""
    held = {
        row.case_id: row
        for row in session.scalars(select(DeviceCase).where(DeviceCase.device_id == device_id))
    }
    backfill: set[str] = set()
    revoked: set[str] = set()
    for case_id in visible:
        row = held.get(case_id)
        if row is None:
            session.add(DeviceCase(device_id=device_id, case_id=case_id, since_rev=upper))
            backfill.add(case_id)
        elif row.revoked_rev is not None:
            row.since_rev, row.revoked_rev = upper, None
            backfill.add(case_id)
        elif row.since_rev > since:
            backfill.add(case_id)  # the page that first sent it was not acknowledged
    for case_id, row in held.items():
        if case_id in visible:
            continue
        if row.revoked_rev is None:
            row.revoked_rev = upper
            revoked.add(case_id)
        elif row.revoked_rev > since:
            revoked.add(case_id)  # not yet acknowledged: say it again
    return backfill, revoked


def _delivery_events(
    viewer: Viewer, records: list[RecordRow], conflicts: list[ConflictRow], revoked: set[str]
) -> list[AccessEvent]:
    base = {"user_id": viewer.user_id, "device_id": viewer.device_id, "address": viewer.address}
    events = [
        AccessEvent(action="pull.record", case_id=r.case_id, record_id=r.id, **base)
        for r in records
    ]
    events += [
        AccessEvent(action="pull.conflict", case_id=c.case_id, record_id=c.record_id,
                    detail=f"conflict {c.id}", **base)
        for c in conflicts
    ]
    events += [AccessEvent(action="pull.revoke", case_id=c, **base) for c in sorted(revoked)]
    return events
