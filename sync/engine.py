"""One sync of a laptop with the service (protocol v1), in the order that loses nothing.

1. Send the conflict resolutions the worker made offline, before the outbox: an edit made
   after a resolution is based on the resolved value, so it must reach the service after it
   (or it would meet the old value and end as a conflict). A resolution that lost a race to
   someone else's, or whose conflict the service no longer shows this laptop, comes back as
   a rejected change, never as resolved.
2. Push the outbox in batches of at most 1,000, the next one sent while the last one's
   results are stored (unless it edits a record of that batch). The store removes an
   outbox entry only in the transaction that stores its result, so a crash anywhere
   re-sends at most those two batches with the same change ids, and the service answers
   what it has `duplicate`. An edit of a case
   that left the worker's view since still arrives (the held-case rule, docs/protocol.md);
   whatever the service refuses is kept as a rejected change, which the purge leaves alone.
3. Push the laptop's access-log entries.
4. Pull pages until `more` is false; each page is applied together with its cursor, in one
   store transaction with the pages that arrive within a second after it, so a crash
   re-pulls at most that group.
5. Fetch the team directory and keep it in the store (colleagues by name).

A 401 `device_revoked` wipes the local store (database, WAL, wrapped key) and is raised to
the caller, who says so; any other 401 raises `EnrolmentRequired` and keeps everything.
A winner is never decided by a clock: the service merges values, the store rebases pulled
records on the worker's unpushed edits.

This module knows no Qt: the desktop wraps `SyncEngine.run` in a worker thread and turns the
`SyncListener` callbacks into signals.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, NamedTuple

from sync import own_revs
from sync.client import PullAnswer, SyncClient
from sync.crashpoints import crash_inside, crash_point
from sync.errors import DeviceRevoked, NotEnrolled, RequestRejected, ServiceUnavailable, SyncError
from sync.pages_ahead import PagesAhead
from sync.protocol import (
    LAPTOP_PULL_LIMIT,
    MAX_PUSH_CHANGES,
    AuditEntry,
    Change,
    Conflict,
    ErrorDetail,
    PullResponse,
    Result,
)
from sync.schema import UNKNOWN_KIND

log = logging.getLogger(__name__)

Stage = Literal["resolve", "push", "audit", "pull", "done"]

AUDIT_BATCH = 1000
# Records of pull pages that may commit in one transaction (see `_pull`): six of the
# laptop's pages (eight of the 1,500 it asked for when this was measured). A first sync of
# 93,758 records, one page a transaction against four: its commits 3.5-4.4 -> 2.2 s of
# CPU, the whole sync 7.2-8.5 -> 6.5-7.3 s; four against eight (once the binding of None
# and the service's page had become cheaper, so that the commits weighed more): commits
# 1.9-2.1 -> 1.2-1.4 s when the pages are replayed, the whole sync 6.7-7.8 -> 6.3-7.3 s,
# peak memory the same (A/B, alternating). A transaction this size holds the store's write
# lock for about a second; the window's own saves wait that long at most, on their worker
# thread.
PULL_GROUP_RECORDS = 12000
# The longest a pull's transaction stays open waiting for its next page. Ending it whenever
# the next page was not here yet made one commit a page against a real service: the page
# after is seldom here the moment the one before is written (a first sync of 93,758
# records, 62 commits of 63 pages, 3.7 s of its 6.4 s).
PULL_GROUP_SECONDS = 1.0
# Pages that may wait, fetched, while one is written (`PagesAhead`); the next is fetched
# meanwhile. Fetching went on through the commits then; three instead of one held 9 MiB
# more at peak for no gain measured.
PULL_AHEAD = 1


@dataclass
class SyncProgress:
    """Where a running sync is; handed to `SyncListener.progress` after every step."""

    stage: Stage
    pushed: int = 0
    pending: int | None = None  # outbox entries left, when known
    pulled: int = 0
    more: bool = False


@dataclass
class SyncReport:
    """What one sync did. `conflicts` counts the conflicts this sync brought to the laptop
    (from push results and pulled pages) that are still open."""

    pushed: int = 0
    pulled: int = 0
    merged: int = 0
    conflicts: int = 0
    rejected: int = 0
    resolved: int = 0
    audit_entries: int = 0
    purged_cases: int = 0
    # Records of this sync's pushes whose echo came as a stamp (writer and time), not whole.
    stamped: int = 0
    cursor: str = ""
    duration: float = 0.0
    open_conflicts: int = 0
    # Rejected changes kept on the laptop after this sync (this sync's and older ones, until
    # the worker dismisses them): the desktop and the CLI say so in words.
    rejected_kept: int = 0
    # Changes of a kind the service does not know yet (it is older than this laptop): kept
    # in the outbox and tried again at every sync; the desktop and the CLI say so.
    held: int = 0
    touched_case_ids: set[str] = field(default_factory=set)
    touched_kinds: set[str] = field(default_factory=set)
    conflict_ids: set[str] = field(default_factory=set)
    # The team directory came back different: screens that name colleagues read it again.
    colleagues_changed: bool = False

    def note_conflicts(self, conflicts: Iterable[Conflict]) -> None:
        # A conflict comes back in the push result and again in the pull: count it once.
        for conflict in conflicts:
            if conflict.resolved:
                self.conflict_ids.discard(conflict.id)
            else:
                self.conflict_ids.add(conflict.id)
        self.conflicts = len(self.conflict_ids)

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["duration"] = round(self.duration, 4)
        # for the desktop's refresh only
        del out["touched_case_ids"], out["touched_kinds"], out["conflict_ids"]
        del out["colleagues_changed"]
        return out


class SyncListener:
    """Callbacks of a running sync; override what you need. They run on the sync's thread."""

    def progress(self, progress: SyncProgress) -> None:
        """Called after every batch pushed and every page applied."""

    def finished(self, report: SyncReport) -> None:
        """Called once when the sync completed."""

    def failed(self, error: BaseException) -> None:
        """Called once when the sync stopped early; the error is raised to the caller too."""


class SyncEngine:
    """Runs syncs of one open store against one service.

    `store` has the CaseStore sync API (take_outbox, apply_push_results, apply_pull_page,
    take_resolutions, finish_resolution, take_audit_batch, mark_audit_pushed, get_setting,
    set_setting, list_conflicts). `wipe` removes the local store when the service revoked the
    device; by default the store is closed and `CaseStore.wipe(store.data_dir)` called.
    """

    def __init__(
        self,
        store: Any,
        client: SyncClient,
        *,
        pull_limit: int = LAPTOP_PULL_LIMIT,
        push_batch: int = MAX_PUSH_CHANGES,
        pull_group_records: int = PULL_GROUP_RECORDS,
        wipe: Callable[[], None] | None = None,
        clock: Callable[[], float] = time.perf_counter,
        crash: Callable[[str], None] | None = None,
    ) -> None:
        self.store = store
        self.client = client
        self.pull_limit = pull_limit
        self.push_batch = min(push_batch, MAX_PUSH_CHANGES)
        self.pull_group_records = pull_group_records
        self._wipe = wipe or self._wipe_store
        self._clock = clock
        # The kill tests' hook: by default KEUKENTAFEL_CRASH_AT; an in-process test passes
        # its own function, which raises to stand for the process dying at that point.
        self._crash_hook = crash
        self._own_revs: set[int] = set()

    @classmethod
    def for_store(cls, store: Any, **client_options: Any) -> SyncEngine:
        """An engine with a client made from the service URL and token kept in the store."""
        url = store.get_setting("server_url")
        token = store.get_setting("token")
        if not url or not token:
            raise NotEnrolled("this laptop is not enrolled: run `keukentafel enrol` first")
        return cls(store, SyncClient(url, token, **client_options))

    def run(self, listener: SyncListener | None = None) -> SyncReport:
        listener = listener or SyncListener()
        started = self._clock()
        # The revs at which this sync's pushes wrote records as sent: the laptop holds
        # them, so the pull brings only their writer and time ("The echo of a push").
        self._own_revs = set()
        report = SyncReport(cursor=self.store.get_setting("cursor") or "")
        try:
            self._send_resolutions(report, listener)
            audit = self._push(report, listener)
            self._send_audit(report, listener, audit)
            self._pull(report, listener)
            report.colleagues_changed = self._fetch_directory()
            self._crash("after_sync")
            report.open_conflicts = len(self.store.list_conflicts(open_only=True))
            report.rejected_kept = self.store.rejected_count()
            report.held = self.store.held_count()
            self.store.set_setting("last_sync", _utc_now())
        except DeviceRevoked as exc:
            log.warning("the service revoked this device; wiping the local store")
            self._wipe()
            listener.failed(exc)
            raise
        except BaseException as exc:
            listener.failed(exc)
            raise
        report.duration = self._clock() - started
        listener.progress(SyncProgress("done", report.pushed, 0, report.pulled))
        listener.finished(report)
        return report

    # -- the four steps -----------------------------------------------------------------

    def _push(self, report: SyncReport, listener: SyncListener) -> _AuditAhead | None:
        """Push the outbox; returns the first access-log batch when it went out already."""
        self._crash("before_push")
        if not self.store.pending_count():
            return None  # a read, not a write transaction: a sync with nothing to do stays quick
        self.store.release_held()  # the service may know their kind by now
        sent: set[str] = set()
        audit: _AuditAhead | None = None
        finished = False
        # One request at a time, on a thread of its own: while the service works on a batch,
        # the laptop stores the previous batch's results and takes the next one from the
        # outbox, so the service's time and the store's overlap instead of adding up.
        sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kt-push")
        try:
            batch = self._take(sent)
            if not batch:
                return None
            self._mark_sent(batch, sent)
            answer = sender.submit(self._send, batch)
            upcoming = self._take(sent, after=batch)
            while True:
                results = answer.result()
                self._crash("after_push_response")
                ahead = bool(upcoming) and _independent(upcoming, batch)
                if ahead:
                    # Batch N+1 goes out before batch N's results are stored: it touches none
                    # of batch N's records, so nothing in those results changes it. A crash
                    # now re-sends both batches (both are in flight), answered `duplicate`.
                    self._mark_sent(upcoming, sent)
                    answer = sender.submit(self._send, upcoming)
                    self._crash("after_push_ahead")
                elif not upcoming:
                    audit = self._audit_ahead(sender)
                # Storing N takes the batch behind the one in flight in the same transaction;
                # a batch not sent ahead is taken again: storing N's results moved the
                # base_rev of its change of N's record, and it goes out on that rev, as a
                # serial push would send it.
                taken = self._store_results(batch, results, report, listener,
                                            take=self.push_batch if upcoming else 0,
                                            after=upcoming[-1].change_id if ahead else None)
                if not upcoming:
                    finished = True
                    return audit
                self._check_taken(taken, sent)
                if ahead:
                    batch, upcoming = upcoming, taken
                    continue
                if not taken:
                    return None
                batch = taken
                self._mark_sent(batch, sent)
                answer = sender.submit(self._send, batch)
                upcoming = self._take(sent, after=batch)
        finally:
            # After an early stop the request in flight is waited for, so that no thread
            # still uses the client when the caller closes it, and a queued one is dropped;
            # after the last batch the access-log upload queued behind it must still go.
            sender.shutdown(wait=True, cancel_futures=not finished)

    def _audit_ahead(self, sender: ThreadPoolExecutor) -> _AuditAhead | None:
        # Every push is answered, so the service holds every case these entries may name:
        # the first access-log batch goes out while the last push results are stored.
        entries = self.store.take_audit_batch(AUDIT_BATCH)
        if not entries:
            return None
        return _AuditAhead(entries, sender.submit(self.client.upload_audit, entries))

    def _take(self, sent: set[str], after: list[Change] | None = None) -> list[Change]:
        """The next batch from the outbox; with `after`, the one behind that batch (still in
        flight, its results not stored)."""
        last = after[-1].change_id if after else None
        batch = self.store.take_outbox(limit=self.push_batch, after=last)
        self._check_taken(batch, sent)
        return batch

    def _check_taken(self, batch: list[Change], sent: set[str]) -> None:
        if any(change.change_id in sent for change in batch):
            # The store handed back a change whose result it already took: pushing again
            # would loop for ever. Stop this sync; nothing is lost, the entry stays.
            raise SyncError("the outbox did not drain after a push; sync stopped")
        if batch:
            self._crash("after_take_outbox")

    @staticmethod
    def _mark_sent(batch: list[Change], sent: set[str]) -> None:
        sent.update(change.change_id for change in batch)

    def _send(self, batch: list[Change]) -> list[Result]:
        """The service's results for `batch`, in its order."""
        try:
            return self.client.push(batch)
        except RequestRejected as exc:
            if exc.status != 413 or len(batch) == 1:
                raise
            # Above 8 MiB (long texts): sent in halves; the change ids stay the same, and the
            # results are stored together, in one transaction, as for any batch.
            half = len(batch) // 2
            return self._send(batch[:half]) + self._send(batch[half:])

    def _store_results(self, batch: list[Change], results: list[Result], report: SyncReport,
                       listener: SyncListener, take: int = 0, after: str | None = None
                       ) -> list[Change]:
        with crash_inside("mid_push_commit", _store_engine(self.store), self._crash_hook):
            taken = self.store.apply_push_results(results, take, after)
        self._crash("after_push_commit")
        sent = {change.change_id for change in batch}
        self._own_revs.update(
            r.rev for r in results
            if r.status == "applied" and r.record is None and r.error is None and r.rev > 0
            and r.change_id in sent)
        self._count_results(report, results, {c.change_id: c for c in batch})
        listener.progress(
            SyncProgress("push", report.pushed, self.store.pending_count(), report.pulled)
        )
        return taken or []

    def _send_resolutions(self, report: SyncReport, listener: SyncListener) -> None:
        for conflict_id, change_id, value in self.store.take_resolutions():
            try:
                result = self.client.resolve(conflict_id, change_id, value)
            except RequestRejected as exc:
                # Refused (say, the value no longer fits): the conflict opens again for the
                # worker to decide, instead of blocking every later sync.
                log.warning("the service refused a conflict resolution (%s)", exc.code)
                result = Result(change_id=change_id, status="rejected", rev=0,
                                error=ErrorDetail(code=exc.code, message="resolution refused"))
            self._crash("after_resolve_sent")
            outcome = self.store.finish_resolution(conflict_id, result)
            if outcome == "resolved":
                report.resolved += 1
            elif outcome == "rejected":
                report.rejected += 1
                log.warning("a conflict resolution could not be delivered; kept as rejected")
            else:
                # Opened again, or (came too late) replaced by a new conflict on the service.
                reopened = {conflict_id, *(c.id for c in result.conflicts)}
                open_again = [c for c in self.store.list_conflicts(open_only=True)
                              if c.id in reopened]
                report.note_conflicts(open_again)
                # A refused choice is no longer shown: the record changed back.
                for conflict in open_again:
                    report.touched_case_ids.add(conflict.case_id)
                    report.touched_kinds.add(conflict.kind)
            if result.record is not None:
                report.touched_case_ids.add(result.record.case_id)
                report.touched_kinds.add(result.record.kind)
        if report.resolved:
            listener.progress(SyncProgress("resolve", report.pushed, None, report.pulled))

    def send_resolutions(self) -> SyncReport:
        """Only the queued conflict resolutions (the CLI's `conflicts resolve` when online):
        the report's `resolved`, `rejected` (kept as a rejected change) and `conflicts`
        (opened again)."""
        report = SyncReport()
        try:
            self._send_resolutions(report, SyncListener())
        except DeviceRevoked:
            log.warning("the service revoked this device; wiping the local store")
            self._wipe()
            raise
        return report

    def _send_audit(self, report: SyncReport, listener: SyncListener,
                    ahead: _AuditAhead | None = None) -> None:
        while True:
            if ahead is not None:
                entries, upload = ahead.entries, ahead.upload
                ahead = None
            else:
                entries, upload = self.store.take_audit_batch(AUDIT_BATCH), None
                if not entries:
                    return
            try:
                if upload is not None:
                    upload.result()
                else:
                    self.client.upload_audit(entries)
            except RequestRejected as exc:
                # The entries stay unpushed and go with the next sync; the records still sync.
                log.warning("the service refused the access-log batch (%s)", exc.code)
                return
            self._crash("after_audit_sent")
            self.store.mark_audit_pushed([entry.id for entry in entries])
            report.audit_entries += len(entries)
            listener.progress(SyncProgress("audit", report.pushed, None, report.pulled))
            if len(entries) < AUDIT_BATCH:
                return

    def _pull(self, report: SyncReport, listener: SyncListener) -> None:
        self._crash("before_pull")
        cursor = self.store.get_setting("cursor") or ""
        own = own_revs.encode(own_revs.ranges(self._own_revs)) or None
        # Every page makes thousands of objects that live through a few young collections,
        # so the collector's full passes came every few pages, each walking every object of
        # the process (the libraries, the store's engine): 0.6 s of 7 s of CPU in applying a
        # first sync of 93,758 records. What lived before the pull is left out of them until
        # it ends; what the pull makes is collected as always.
        gc.freeze()
        # While one page is being applied, the next are already on their way: over a phone's
        # hotspot the round trip, not the store, is what a first sync waits for.
        pages = PagesAhead(lambda at: self.client.pull_answer(at, self.pull_limit, own),
                           lambda fetched: fetched.page.cursor if fetched.page.more else None,
                           cursor, PULL_AHEAD, finish=lambda at, answer: self._read(
                               at, answer, own),
                           named=lambda answer: answer.next_cursor)
        try:
            more = True
            while more:
                cursor, more = self._pull_group(pages, cursor, report, listener)
                if more:
                    self._crash("after_pull_commit")
        finally:
            # After an early stop (a store error, a crash hook) the request in flight is
            # waited for, so that no thread still uses the client when the caller closes it.
            pages.close()
            gc.unfreeze()

    def _read(self, cursor: str, answer: PullAnswer, own: str | None) -> _Fetched:
        """On the fetching thread: the page, and what applying it can build beforehand
        (that thread's Python runs while the applying thread is in SQLite)."""
        try:
            page = self.client.parse_pull(answer)
        except ServiceUnavailable:
            # A body cut short on its way (a proxy, a dying service): asked again, with the
            # client's retries.
            page = self.client.pull(cursor, self.pull_limit, own)
        return _Fetched(page, self.store.prepare_pull_page(page))

    def _pull_group(self, pages: PagesAhead[_Fetched], cursor: str, report: SyncReport,
                    listener: SyncListener) -> tuple[str, bool]:
        """Apply the next page and those that arrive after it in one transaction; returns
        the cursor reached and whether more pages follow.

        Pages that arrive while the transaction is open commit with it (up to
        `pull_group_records`, PULL_GROUP_RECORDS by default): a commit writes every page of
        the store that its transaction touched, encrypted, and the records of a first sync
        land all over the id indexes, so each commit rewrote most of the pages the one
        before it wrote. The transaction waits for the next page, but holds the write lock
        PULL_GROUP_SECONDS at most: a page still on its way then ends it, so a slow network
        never keeps the window's saves waiting longer than that.
        """
        taken = 0
        began = 0.0
        with (crash_inside("mid_pull_apply", _store_engine(self.store), self._crash_hook),
              self.store.applying_pull() as apply):
            while True:
                page, prepared = pages.take()
                if not taken:  # the transaction begins with the first page applied
                    began = time.monotonic()
                if page.more and page.cursor == cursor and not page.records:
                    # A page that neither moves the cursor nor brings anything would loop.
                    raise SyncError("the service's pull did not advance; sync stopped")
                self._crash("after_pull_received")
                self._apply_page(apply, page, prepared, cursor, report)
                cursor = report.cursor = page.cursor
                listener.progress(
                    SyncProgress("pull", report.pushed, None, report.pulled, more=page.more)
                )
                if not page.more:
                    return cursor, False
                # An empty page counts as one, so that a group of one record is one page.
                taken += max(1, len(page.records) + len(page.stamps))
                # A next page that failed is met outside this transaction: what came before
                # it is kept.
                left = began + PULL_GROUP_SECONDS - time.monotonic()
                if taken >= self.pull_group_records or not pages.ready(max(0.0, left)):
                    return cursor, True

    @staticmethod
    def _apply_page(apply: Callable[[PullResponse, Any], int], page: PullResponse,
                    prepared: Any, cursor: str, report: SyncReport) -> None:
        if (page.records or page.stamps or page.conflicts or page.revoked_case_ids
                or page.cursor != cursor):
            # Unsent changes of a purged case are kept as rejected changes.
            report.rejected += apply(page, prepared) or 0
        report.pulled += len(page.records)
        report.stamped += len(page.stamps)
        report.note_conflicts(page.conflicts)
        report.purged_cases += len(page.revoked_case_ids)
        report.touched_case_ids.update(r.case_id for r in page.records)
        report.touched_case_ids.update(page.revoked_case_ids)
        report.touched_kinds.update(r.kind for r in page.records)

    def _fetch_directory(self) -> bool:
        """Colleagues by name (docs/protocol.md, "Directory"); True when they changed. A
        service from before the directory answers 404: the laptop keeps the list it has and
        the sync goes on."""
        try:
            answer = self.client.directory()
        except RequestRejected as exc:
            log.warning("the service gave no directory (%s)", exc.code)
            return False
        changed = False
        # Compared first, a read and not a write: a sync with nothing to do stays quick.
        if sorted(answer.users, key=lambda u: u.id) != sorted(self.store.colleagues(),
                                                              key=lambda u: u.id):
            self.store.set_colleagues(answer.users)
            changed = True
        # None: a service that does not name teams; the laptop keeps the names it has.
        if answer.teams is not None and sorted(answer.teams, key=lambda t: t.id) != sorted(
                self.store.teams(), key=lambda t: t.id):
            self.store.set_teams(answer.teams)
            changed = True
        return changed

    # -- helpers ------------------------------------------------------------------------

    def _crash(self, point: str) -> None:
        (self._crash_hook or crash_point)(point)

    @staticmethod
    def _count_results(report: SyncReport, results: list[Result], changes: dict[str, Any]) -> None:
        for result in results:
            report.pushed += 1
            if result.status == "merged":
                report.merged += 1
            elif result.error is not None and result.error.code == UNKNOWN_KIND:
                log.warning("the service does not know a kind yet; the change waits")
            elif result.status == "rejected" or result.error is not None:
                report.rejected += 1
                # The code says which rule; the change itself may hold personal data.
                code = result.error.code if result.error else "unknown"
                log.warning("the service rejected a change (%s)", code)
            report.note_conflicts(result.conflicts)
            change = changes.get(result.change_id)
            if change is not None:
                report.touched_case_ids.add(change.case_id)
                report.touched_kinds.add(change.kind)

    def _wipe_store(self) -> None:
        from storage.store import CaseStore  # the store is imported only when really wiped

        data_dir = self.store.data_dir
        self.store.close()
        CaseStore.wipe(data_dir)


class _AuditAhead(NamedTuple):
    """An access-log batch sent while the last push results were stored."""

    entries: list[AuditEntry]
    upload: Future[int]


class _Fetched(NamedTuple):
    page: PullResponse
    prepared: Any  # the store's `prepare_pull_page(page)`


def _independent(later: list[Change], earlier: list[Change]) -> bool:
    """Does `later` touch none of the records of `earlier`?"""
    records = {change.record_id for change in earlier}
    return not any(change.record_id in records for change in later)


def _store_engine(store: Any) -> Any:
    """The store's SQLAlchemy engine, for the crash hooks of the kill tests only."""
    database = getattr(store, "db", None) or getattr(store, "_db", None)
    return getattr(database, "engine", None)


def _utc_now() -> str:
    # For display ("last sync") only; never compared to decide anything.
    import datetime as dt

    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
