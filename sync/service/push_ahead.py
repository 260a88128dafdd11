"""A push that goes ahead of the rev lock (docs/protocol.md, "Push under load").

On PostgreSQL a push reads, checks and merges with provisional revs, outside any
transaction, and makes every row it will write; then one message (push_commit.py) takes
the lock, checks that what it read still holds (`expected`), writes with the revs moved to
their real values and commits. Should anything have changed, push.py starts it again the
old way, lock first. Every rev is still handed out and committed under the lock, so revs
commit in order.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session, sessionmaker

from sync.protocol import Change, Result

if TYPE_CHECKING:
    from sync.service.push import _Batch

# The revs a push that goes ahead of the lock hands out meanwhile: far above any real rev,
# so that they tell themselves apart from the revs it read. They are never stored: the
# database moves them down to the counter's in the statements that write them
# (push_commit.py), and `move_revs` does the same to the push's answers.
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


def expected(batch: _Batch, created: Collection[str], storing: Collection[str]
             ) -> dict[str, Any]:
    """What the recheck under the lock (`push_recheck`, migration 0007_push_lock) must find
    for the push to stand: the records and cases the batch read with the revs it read (a
    record created meanwhile counts), and of its change ids only those it found applied.

    The records the push creates and the change ids it stores are left out: one that
    appeared meanwhile fails the push's INSERT on its unique key, which push_commit.py
    takes as stale as well. Checked here, the 29,000 ids of a laptop's thousand new cases
    cost 50-120 ms in the lock."""
    return {"records": batch.read_revs,
            "read": [i for i in batch.read_ids if i not in created],
            "stored": sorted(batch.stored),
            "changes": [c for c in batch.change_ids if c not in storing]}


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
