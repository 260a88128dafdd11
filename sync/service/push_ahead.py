"""A push that goes ahead of the rev lock (docs/protocol.md, "Push under load").

On PostgreSQL a push reads, checks and merges with provisional revs before it takes the
lock; under the lock it checks in one query that what it read still holds (`recheck`),
gives its revs their real values (`move_revs`) and writes. Should anything have changed,
push.py starts it again the old way, lock first. Every rev is still handed out and
committed under the lock, so revs commit in order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import literal, select
from sqlalchemy.orm import Session, sessionmaker

from sync.protocol import Change, Result
from sync.service.db import among
from sync.service.models import AppliedChange, RecordRow

if TYPE_CHECKING:
    from sync.service.push import _Batch

# The revs a push that goes ahead of the lock hands out meanwhile: far above any real rev,
# so that they tell themselves apart from the revs it read, and never written (finish()
# moves them down to the counter's before the first write).
PROVISIONAL = 1 << 52


class Stale(Exception):
    """A push that went ahead of the lock read something that changed before it took it."""


def may_go_ahead(factory: sessionmaker[Session], changes: list[Change]) -> bool:
    """Whether the push does its reads, checks and merges before the rev lock: on
    PostgreSQL, where the lock is one row and other pushes wait for it. On SQLite the
    transaction's BEGIN IMMEDIATE holds the whole database anyway. A plan decision reads the
    plan's items with a query that must see the push's own writes, so a push with one takes
    the lock first."""
    bind = factory.kw.get("bind")
    return (bind is not None and bind.dialect.name == "postgresql"
            and all(change.kind != "plan_version" for change in changes))


def recheck(batch: _Batch) -> None:
    """Under the lock: raise Stale unless the records and cases the batch read still have
    the revs it read (a record created meanwhile counts) and no change id of the batch was
    applied meanwhile: one query."""
    session = batch.session
    now = session.execute(
        select(RecordRow.id, RecordRow.rev)
        .where(among(session, RecordRow.id, batch.read_ids))
        .union_all(select(AppliedChange.change_id, literal(-1)).where(
            among(session, AppliedChange.change_id, batch.change_ids)))
    ).all()
    revs = {key: rev for key, rev in now if rev != -1}
    applied_ids = {key for key, rev in now if rev == -1}
    if revs != batch.read_revs or applied_ids != set(batch.stored):
        raise Stale


def move_revs(batch: _Batch, delta: int, results: list[Result]) -> None:
    """Give the revs handed out ahead of the lock their real values: every one is
    PROVISIONAL or above, every rev the batch read below it; order is kept."""
    def moved(rev: int) -> int:
        return rev + delta if rev >= PROVISIONAL else rev

    for row in batch.records.values():
        if row.rev >= PROVISIONAL:
            row.rev = moved(row.rev)
        revs = row.field_revs
        if revs is not None and any(v >= PROVISIONAL for v in revs.values()):
            row.field_revs = {k: moved(v) for k, v in revs.items()}
    for conflict in batch.conflicts:
        conflict.rev = moved(conflict.rev)
    batch.to_hold = {c: moved(rev) for c, rev in batch.to_hold.items()}
    seen: set[int] = set()  # an answer and its in-batch `duplicate` share the record
    for result in results:
        result.rev = moved(result.rev)
        if result.record is not None and id(result.record) not in seen:
            seen.add(id(result.record))
            result.record.rev = moved(result.record.rev)
    batch.first_rev, batch.rev = moved(batch.first_rev), moved(batch.rev)
