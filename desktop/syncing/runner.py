"""The background sync: every few minutes and on "Nu synchroniseren", never on the UI thread.

`SyncRunner` wraps `sync.engine.SyncEngine.run` in a QThreadPool job of its own (one sync
at a time; a request while one runs is remembered and run after it), turns the engine's
listener callbacks into signals on the UI thread, and after each sync announces what it
touched through `StoreSession.announce`, so every view refreshes the same way as after an
edit. The status bar listens to `status_changed`.

A revoked device (401 `device_revoked`) emits `device_revoked`: the window then erases the
store and says so. Any other 401 emits `enrolment_required`; nothing is removed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from desktop.operations import ChangeNotice, StoreSession
from desktop.syncing.probe import HealthProbe
from desktop.syncing.status import (
    NOT_ENROLLED,
    OFFLINE,
    ONLINE,
    SYNCING,
    UNKNOWN,
    SyncStatus,
    read_status,
)

if TYPE_CHECKING:  # the sync client (httpx) loads with the first sync, not at start-up
    from sync.client import SyncClient
    from sync.engine import SyncEngine, SyncProgress, SyncReport

log = logging.getLogger(__name__)

EngineFactory = Callable[[Any], "SyncEngine"]
ClientFactory = Callable[[str, "str | None"], "SyncClient"]


def default_client(server_url: str, token: str | None) -> SyncClient:
    from sync.client import RetryPolicy, SyncClient

    # In the background a few quick attempts are enough: the next round comes in minutes.
    retry = RetryPolicy(attempts=3, base=0.5, cap=4.0)
    return SyncClient(server_url, token, retry=retry, timeout=20.0)


def engine_factory_for(client_factory: ClientFactory) -> EngineFactory:
    """Engines for the service the store is enrolled with. They do not wipe by themselves:
    the window erases the store on the UI thread, after closing every view."""

    def make(store: Any) -> SyncEngine:
        from sync.engine import SyncEngine
        from sync.errors import NotEnrolled

        url = store.get_setting("server_url")
        token = store.get_setting("token")
        if not url or not token:
            raise NotEnrolled("this laptop is not enrolled")
        return SyncEngine(store, client_factory(url, token), wipe=lambda: None)

    return make


default_engine = engine_factory_for(default_client)


class _Signals(QObject):
    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(object)


class _Listener:
    """The engine's SyncListener interface, as signals (emitted on the sync's thread)."""

    def __init__(self, signals: _Signals) -> None:
        self.signals = signals

    def progress(self, progress: SyncProgress) -> None:
        self.signals.progress.emit(progress)

    def finished(self, report: SyncReport) -> None:
        """The job emits `finished` itself, after closing the client."""

    def failed(self, error: BaseException) -> None:
        """The job emits `failed` itself."""


class _SyncJob(QRunnable):
    def __init__(self, engine_factory: EngineFactory, store: Any, signals: _Signals,
                 session: StoreSession) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.engine_factory = engine_factory
        self.store = store
        self.signals = signals
        self.session = session

    def run(self) -> None:
        engine = None
        outcome: tuple[Any, object]  # (signal to emit, its argument)
        # "Nu synchroniseren" right after typing: the edits still queued go out with this sync.
        self.session.wait_for_writes(15_000)
        try:
            engine = self.engine_factory(self.store)
            outcome = (
                self.signals.finished,
                engine.run(_Listener(self.signals)),  # type: ignore[arg-type]
            )
        except BaseException as exc:  # noqa: BLE001 - reported on the UI thread
            outcome = (self.signals.failed, exc)
        if engine is not None:
            try:
                engine.client.close()
            except Exception as exc:  # noqa: BLE001 - the outcome must reach the UI thread
                log.warning("closing the sync client failed: %s", type(exc).__name__)
        # The last thing this thread does: the UI thread may drop the job once it hears.
        outcome[0].emit(outcome[1])


class SyncRunner(QObject):
    """Runs syncs of the session's store; see the module docstring."""

    started = Signal()
    progress = Signal(object)  # SyncProgress
    finished = Signal(object)  # SyncReport
    failed = Signal(object)  # the exception
    status_changed = Signal(object)  # SyncStatus
    device_revoked = Signal()
    enrolment_required = Signal()

    def __init__(
        self,
        session: StoreSession,
        interval_minutes: int = 3,
        parent: QObject | None = None,
        *,
        engine_factory: EngineFactory = default_engine,
        probe_seconds: int = 15,
        client_factory: ClientFactory | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.engine_factory = engine_factory
        self.status = SyncStatus()
        self._connection = UNKNOWN
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._job: _SyncJob | None = None
        self._retired: list[_SyncJob] = []  # kept alive until their thread has let go
        self._close_when_done: Any = None  # a store locked away while its sync still ran
        self._asked = 0  # status reads asked for, and the newest that landed
        self._landed_last = 0
        self._again = False
        # Stopped for the lock or the window closing: a sync that ends after that reads
        # nothing more (the store is locked by then), until start() after the next unlock.
        self._stopped = False
        self._progress: tuple[int, int | None, int] = (0, None, 0)  # of the running sync
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.sync_now)
        self.set_interval(interval_minutes)
        # Edits change the pending count: refresh the status bar shortly after, not per key.
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(300)
        self._refresh_soon.timeout.connect(self.refresh_status)
        session.changed.connect(self._on_changed)
        # Between syncs the probe notices the service going away and coming back.
        self.probe = HealthProbe(probe_seconds, self._read_url, client_factory or default_client,
                                 self)
        self.probe.answered.connect(self._on_probe)

    # -- control ------------------------------------------------------------------------

    def set_interval(self, minutes: int) -> None:
        self._timer.setInterval(max(1, minutes) * 60_000)

    def start(self) -> None:
        """Begin background syncing (after unlock): one sync now, then every interval."""
        self._stopped = False
        self._timer.start()
        self.probe.start()
        self.refresh_status()
        self.sync_now()

    def stop(self) -> None:
        """The store is about to be locked or the window closes: no more syncs or status
        reads, even when a running sync ends later."""
        self._stopped = True
        self._pause()

    def _pause(self) -> None:
        """No syncs by the clock or the probe; the store stays open and the status bar
        keeps saying how things stand."""
        self._timer.stop()
        self.probe.stop()
        self._refresh_soon.stop()
        self._again = False

    @property
    def running(self) -> bool:
        return self._job is not None

    def close_after_sync(self, store: Any) -> bool:
        """Locking while a sync of `store` runs: close it when the sync ends (True), so that
        the window hides at once. False when no sync uses it."""
        if self._job is None or self._job.store is not store:
            return False
        self.stop()
        self._close_when_done = store
        return True

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until a running sync ends (locking closes the store underneath it)."""
        self.stop()
        return self._pool.waitForDone(msecs)

    @Slot()
    def sync_now(self) -> None:
        if self._stopped:
            return
        if self._job is not None:
            self._again = True
            return
        signals = _Signals()
        signals.progress.connect(self._on_progress)
        signals.finished.connect(self._on_finished)
        signals.failed.connect(self._on_failed)
        if self._pool.activeThreadCount() == 0:
            self._retired.clear()
        self._job = _SyncJob(self.engine_factory, self.session.store, signals, self.session)
        self._retired.append(self._job)
        self._progress = (0, None, 0)
        self._emit_status(self.status.with_connection(SYNCING))
        self.started.emit()
        self._pool.start(self._job)

    # -- results --------------------------------------------------------------------------

    @Slot(object)
    def _on_progress(self, progress: SyncProgress) -> None:
        # A first sync can take minutes over a phone's hotspot: the status bar counts along.
        if self._job is not None:
            self._progress = (progress.pushed, progress.pending, progress.pulled)
            self._emit_status(self.status)
        self.progress.emit(progress)

    @Slot(object)
    def _on_finished(self, report: SyncReport) -> None:
        self._job = None
        self._close_pending()  # first: a store locked away meanwhile drops its key now
        self._connection = ONLINE
        kinds = set(report.touched_kinds)
        if report.conflicts or report.resolved:
            kinds.add("conflict")
        # A sync that brought nothing stays quiet: views need not reload every few minutes.
        if kinds or report.touched_case_ids:
            self.session.announce(ChangeNotice(
                frozenset(kinds), frozenset(report.touched_case_ids), source="sync",
            ))
        if report.colleagues_changed:
            # Names show in every case, not only the touched ones: no case ids, every case.
            self.session.announce(ChangeNotice(frozenset({"colleague"}), source="sync"))
        self.finished.emit(report)
        self._after_run()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._job = None
        self._close_pending()
        code = getattr(exc, "code", "")
        log.info("sync did not complete: %s", type(exc).__name__)
        if code == "device_revoked":
            self.stop()
            self._close_pending()
            self.device_revoked.emit()
            return
        if code == "store_locked":
            self._after_run()  # locked while syncing: the next unlock syncs again
            return
        if code in ("enrolment_required", "not_enrolled"):
            self._connection = NOT_ENROLLED
            if code == "enrolment_required":
                self._pause()  # until enrolled again; the status bar says so
                self.enrolment_required.emit()
        else:
            self._connection = OFFLINE
        self.failed.emit(exc)
        self._after_run()

    def _close_pending(self) -> None:
        if self._close_when_done is not None:
            store, self._close_when_done = self._close_when_done, None
            try:
                store.close()  # the key leaves memory now that the sync let go
            except Exception as exc:  # noqa: BLE001 - closing must not fail the runner
                log.warning("closing the store after sync failed: %s", type(exc).__name__)

    def _after_run(self) -> None:
        self._close_pending()
        self.refresh_status()
        if self._again:
            self._again = False
            self.sync_now()

    def _read_url(self, then: Callable[[str | None], None]) -> None:
        self.session.query(lambda store: store.get_setting("server_url"), then,
                           on_error=lambda exc: None)  # locked meanwhile: no probe

    @Slot(bool)
    def _on_probe(self, reachable: bool) -> None:
        if self._job is not None or self._connection == NOT_ENROLLED:
            return  # a running sync tells more than the probe
        if reachable and self._connection != ONLINE:
            self.sync_now()  # back: what waited goes out now, and the sync says "online"
        elif not reachable and self._connection != OFFLINE:
            self._connection = OFFLINE
            self.refresh_status()

    @Slot(object)
    def _on_changed(self, notice: ChangeNotice) -> None:
        if notice.source != "sync":
            self._refresh_soon.start()

    @Slot()
    def refresh_status(self) -> None:
        # Reads run in parallel and may land out of order: only the newest counts, and the
        # connection is decided when it lands, not when it was asked.
        if self._stopped:
            return
        self._asked += 1
        asked = self._asked
        self.session.query(
            lambda store: read_status(store, UNKNOWN),
            lambda status: self._landed(asked, status),
            on_error=lambda exc: None,  # locked meanwhile: nothing to show
        )

    def _landed(self, asked: int, status: SyncStatus) -> None:
        if asked < self._landed_last:
            return
        self._landed_last = asked
        self._emit_status(status)

    def _emit_status(self, status: SyncStatus) -> None:
        if status.connection != NOT_ENROLLED or self._job is not None:
            status = status.with_connection(SYNCING if self._job is not None
                                            else self._connection)
        # A status read from the store while a sync runs keeps the sync's counts.
        status = status.with_progress(*(self._progress if self._job is not None
                                        else (0, None, 0)))
        self.status = status
        self.status_changed.emit(status)
