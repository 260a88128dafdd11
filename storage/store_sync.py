"""The sync side of `CaseStore`: the outbox, what the service answers, conflicts, the team
directory and the access log's upload; each method one transaction, as in `storage.store`.

A mixin, so that `CaseStore` stays the one way into the store while its sync methods live
apart from making, unlocking and editing. The transactions and the worker's identity come
from `CaseStore` (`_read`, `_write`, `_who`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, ExitStack, contextmanager
from typing import Any

from sqlalchemy import Connection, select

from storage import (
    access_log,
    colleagues,
    conflict_inbox,
    incoming,
    outbox,
    pulled_rows,
    records,
    rejected,
    timeline,
)
from storage.pulled_rows import NewRows
from storage.settings import put_setting
from sync.protocol import (
    AuditEntry,
    Change,
    Colleague,
    Conflict,
    PullResponse,
    Result,
    TeamName,
)

ApplyPage = Callable[[PullResponse, Mapping[str, NewRows] | None], int]


class SyncSide:
    """`CaseStore`'s methods for the sync engine (and the screens of what it brought)."""

    def _read(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def _who(self, conn: Connection) -> tuple[str | None, str | None]:
        raise NotImplementedError

    # -- the outbox and sync ---------------------------------------------------------

    def pending_count(self) -> int:
        with self._read() as conn:
            return outbox.count(conn)

    def held_count(self) -> int:
        """Changes waiting for a service that knows their kind (outbox.HELD)."""
        with self._read() as conn:
            return outbox.count(conn, (outbox.HELD,))

    def release_held(self) -> int:
        with self._write() as conn:
            return outbox.release_held(conn)

    def take_outbox(self, limit: int = 1000, after: str | None = None) -> list[Change]:
        with self._write() as conn:
            return outbox.take(conn, limit, after)

    def rejected_changes(self) -> list[tuple[Change, str]]:
        """Changes the service refused, with its error code: kept for a person to see."""
        with self._read() as conn:
            rows = conn.execute(select(outbox.T).where(outbox.T.c.state == outbox.REJECTED)
                                .order_by(outbox.T.c.seq)).all()
            return [(outbox.to_change(r), r.error_code) for r in rows]

    def list_rejected(self) -> list[rejected.RejectedChange]:
        """Every change kept for the worker because it could not be delivered (refused by
        the service, or its case left this laptop first), oldest first."""
        with self._read() as conn:
            return rejected.listed(conn)

    def rejected_count(self) -> int:
        with self._read() as conn:
            return rejected.count(conn)

    def dismiss_rejected(self, change_id: str) -> bool:
        """The worker read (and copied) a rejected change and lets it go."""
        with self._write() as conn:
            gone = rejected.dismiss(conn, change_id)
            if gone:
                user_id, device_id = self._who(conn)
                # Without the case id: the case may have left this laptop, and the service
                # takes access-log entries only about cases the device may see.
                access_log.append(conn, "edit", user_id=user_id, device_id=device_id,
                                  detail="dismiss rejected change")
            return gone

    def apply_push_results(self, results: Iterable[Result], take: int = 0,
                           after: str | None = None) -> list[Change]:
        """Store one push's results; with `take`, the next batch (`take_outbox(take, after)`)
        is taken in the same transaction: one commit, and its wait for the disk, less."""
        stamp = records.now()
        with self._write() as conn:
            incoming.apply_push_results(conn, list(results), stamp)
            return outbox.take(conn, take, after) if take else []

    def apply_pull_page(self, page: PullResponse) -> int:
        """Returns how many unsent changes of purged cases were kept as rejected changes."""
        with self.applying_pull() as apply:
            return apply(page)

    @staticmethod
    def prepare_pull_page(page: PullResponse) -> Mapping[str, NewRows]:
        """What applying `page` can build before its transaction, on any thread: it reads
        nothing of the store (`pulled_rows`)."""
        return pulled_rows.new_rows(page.records)

    @contextmanager
    def applying_pull(self) -> Iterator[ApplyPage]:
        """`apply(page, prepared)` for pages of one pull that commit together, each with its
        cursor: the block is one write transaction, begun by the first page applied (a sync
        that applies none writes nothing). `prepared`: `prepare_pull_page(page)`, or None.
        `apply` returns how many unsent changes of purged cases were kept as rejected
        changes."""
        with ExitStack() as stack:
            conn: Connection | None = None

            def apply(page: PullResponse, prepared: Mapping[str, NewRows] | None = None
                      ) -> int:
                nonlocal conn
                if conn is None:
                    conn = stack.enter_context(self._write())
                kept = 0
                for case_id in incoming.apply_pull_page(conn, page, records.now(), prepared):
                    kept += self._purge(conn, case_id)
                put_setting(conn, "cursor", page.cursor)
                return kept

            yield apply

    def purge_case(self, case_id: str) -> None:
        with self._write() as conn:
            self._purge(conn, case_id)

    def _purge(self, conn: Connection, case_id: str) -> int:
        # What was never delivered stays, as rejected changes, until the worker dismisses it.
        kept = rejected.keep_unsent(conn, case_id, records.now())
        # The timeline first: its entries that point at a record's row would otherwise be
        # given their copy as the row goes (storage/as_pulled.py), only to go too.
        timeline.remove_case(conn, case_id)
        records.delete_case_rows(conn, case_id)
        outbox.remove_case(conn, case_id)
        conflict_inbox.remove_case(conn, case_id)
        user_id, device_id = self._who(conn)
        access_log.append(conn, "purge", user_id=user_id, device_id=device_id,
                          case_id=case_id)
        return kept

    # -- conflicts -------------------------------------------------------------------

    def list_conflicts(self, open_only: bool = True, case_id: str | None = None
                       ) -> list[Conflict]:
        """Open conflicts are unresolved and have no resolution queued on this laptop."""
        with self._read() as conn:
            return conflict_inbox.listed(conn, open_only, case_id)

    def queue_resolution(self, conflict_id: str, value: Any) -> str:
        """Resolve a conflict here and now; the next sync sends it. Returns its change id."""
        with self._write() as conn:
            user_id, device_id = self._who(conn)
            return conflict_inbox.queue(conn, conflict_id, value, stamp=records.now(),
                                        user_id=user_id, device_id=device_id)

    def take_resolutions(self) -> list[tuple[str, str, Any]]:
        """Queued resolutions to send: (conflict_id, change_id, value), oldest first."""
        with self._read() as conn:
            return conflict_inbox.queued(conn)

    def finish_resolution(self, conflict_id: str, result: Result) -> conflict_inbox.Finished:
        """The service answered a resolution: close the conflict and take its record, or
        open it again, or keep a value that lost a race as a rejected change."""
        with self._write() as conn:
            return conflict_inbox.finish(conn, conflict_id, result, records.now())

    # -- the team directory ------------------------------------------------------------

    def set_colleagues(self, users: Iterable[Colleague]) -> None:
        with self._write() as conn:
            colleagues.replace(conn, users)

    def colleagues(self) -> list[Colleague]:
        with self._read() as conn:
            return colleagues.listed(conn)

    def set_teams(self, teams: Iterable[TeamName]) -> None:
        with self._write() as conn:
            colleagues.replace_teams(conn, teams)

    def teams(self) -> list[TeamName]:
        with self._read() as conn:
            return colleagues.listed_teams(conn)

    # -- the access log to the service ------------------------------------------------

    def take_audit_batch(self, limit: int = 1000) -> list[AuditEntry]:
        with self._read() as conn:
            return access_log.take_batch(conn, limit)

    def mark_audit_pushed(self, ids: Iterable[str]) -> None:
        with self._write() as conn:
            access_log.mark_pushed(conn, list(ids))

