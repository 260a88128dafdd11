"""Line merges computed before a push takes the write lock (issue 8, section 5).

A text merge may take up to its step budget (sync/merge.py); holding the global rev lock
(records.lock_revs) meanwhile would stall every other push. So the push first reads the
records its changes touch in a short transaction of its own, merges their text fields with
no transaction open, and under the lock uses a merge only if the record still holds the
very text it was computed against. If the record changed meanwhile, the merge is done
again under the lock, but only within LOCKED_STEP_BUDGET steps; beyond that it is a
conflict for a person to decide.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sync import merge
from sync.protocol import Change
from sync.schema import KINDS
from sync.service.db import transaction
from sync.service.models import RecordRow

# Steps a merge may take while the lock is held (a twentieth of the full budget).
LOCKED_STEP_BUDGET = merge.MERGE_STEP_BUDGET // 20

Key = tuple[str | None, str | None, str | None]


class PreparedMerges:
    """Text merges by (base, current, incoming); a `merge.TextMerger` for `merge_change`."""

    def __init__(self) -> None:
        self._merged: dict[Key, str | None] = {}

    @classmethod
    def prepare(cls, factory: sessionmaker[Session], changes: list[Change],
                ids: frozenset[str]) -> PreparedMerges:
        """`ids`: the well-formed ids of the batch (push_checks.well_formed_ids)."""
        prepared = cls()
        wanted = [
            (change.record_id, name, change.base.get(name), value)
            for change in changes
            # base_rev 0: the laptop never had a service version of the record (it is new,
            # or the service holds only this laptop's own writes, which equal its base), so
            # no merge is to be prepared; a batch of new records opens no transaction here.
            if not change.delete and change.base_rev > 0 and change.record_id in ids
            and change.kind in KINDS
            for name, value in change.set.items()
            if isinstance(value, str) and _mergeable(change.kind, name)
        ]
        if not wanted:
            return prepared
        with transaction(factory) as session:
            current = {
                row.id: dict(row.fields) for row in session.scalars(
                    select(RecordRow).where(RecordRow.id.in_(sorted({w[0] for w in wanted})))
                )
            }
        # The transaction is over: no lock is held while merging.
        for record_id, name, base, incoming in wanted:
            now = current.get(record_id, {}).get(name)
            if (now != incoming and now != base and (base is None or isinstance(base, str))
                    and (now is None or isinstance(now, str))):
                key = (base, now, incoming)
                if key not in prepared._merged:
                    prepared._merged[key] = merge.merge_text(base, now, incoming)
        return prepared

    def __call__(self, base: str | None, current: str | None, incoming: str | None
                 ) -> str | None:
        key = (base, current, incoming)
        if key in self._merged:
            return self._merged[key]
        # The record changed after the merges were prepared (or an earlier change of this
        # push edited it): merge again, but only within the small budget.
        return merge.merge_text(base, current, incoming, merge.MergeBudget(LOCKED_STEP_BUDGET))


def _mergeable(kind: str, name: str) -> bool:
    spec = KINDS[kind].fields.get(name)
    return spec is not None and spec.mergeable
