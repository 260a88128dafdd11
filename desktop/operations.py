"""The one pair of helpers through which every screen reads and writes the store.

As Anki's CollectionOp/QueryOp: a screen hands a function of the store to `query()` (a
read) or `change()` (a write); it runs off the UI thread, its result comes back on the UI
thread, every error goes to one handler (`failed`), and after each write `changed` says
what changed so that every view can refresh itself. No screen opens a thread or a
database session of its own.

Writes run one at a time, in the order they were asked for, so that quick successive edits
of one field (typing) reach the store in order. Reads run on Qt's global pool.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class ChangeNotice:
    """What a write (or a sync) touched: views refresh when it concerns them."""

    kinds: frozenset[str] = field(default_factory=frozenset)
    case_ids: frozenset[str] = field(default_factory=frozenset)
    source: str = "edit"  # "edit", "undo", "sync"

    def concerns(self, case_id: str | None = None, kind: str | None = None) -> bool:
        if case_id is not None and self.case_ids and case_id not in self.case_ids:
            return False
        if kind is not None and self.kinds and kind not in self.kinds:
            return False
        return True


class _JobSignals(QObject):
    done = Signal(object)
    error = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the StoreSession keeps it alive until its signal lands
        self.fn = fn
        self.signals = _JobSignals()

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - every failure goes to the one handler
            self.signals.error.emit(exc)
        else:
            self.signals.done.emit(result)


class StoreSession(QObject):
    """The window's handle on the open store (any object with the CaseStore API)."""

    changed = Signal(object)  # ChangeNotice
    failed = Signal(object)  # the exception of a query or change nobody else handled
    busy_changed = Signal(bool)

    def __init__(self, store: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._reads = QThreadPool.globalInstance()
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._jobs: set[_Job] = set()
        self._generation = 0  # bumped by abandon_pending (locking)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def query(
        self,
        fn: Callable[[Any], T],
        on_done: Callable[[T], None] | None = None,
        *,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run `fn(store)` off the UI thread and hand its result to `on_done` on the UI thread."""
        self._start(self._reads, fn, on_done, on_error, notice=None)

    def change(
        self,
        fn: Callable[[Any], T],
        on_done: Callable[[T], None] | None = None,
        *,
        kinds: Iterable[str] = (),
        case_ids: Iterable[str] = (),
        source: str = "edit",
        on_error: Callable[[BaseException], None] | None = None,
        announce: bool = True,
    ) -> None:
        """Run the write `fn(store)` in order with the other writes; then announce `changed`.

        `announce=False` for opening or creating the store: it runs in order with the writes
        (opening may migrate) but changes nothing a view shows, and the views it opens read
        the store themselves; an empty notice would make every view read everything again."""
        notice = ChangeNotice(frozenset(kinds), frozenset(c for c in case_ids if c), source) \
            if announce else None
        self._start(self._writes, fn, on_done, on_error, notice=notice)

    def announce(self, notice: ChangeNotice) -> None:
        """For changes made elsewhere (the sync engine): views refresh the same way."""
        self.changed.emit(notice)

    def abandon_pending(self) -> None:
        """Locking: jobs still running finish (writes are kept), but their results and errors
        are handed to nobody, so no view that is being thrown away shows a family again."""
        self._generation += 1

    def wait_for_writes(self, msecs: int = 10_000) -> bool:
        """Block until queued writes are done (before locking or quitting, so no edit is lost)."""
        return self._writes.waitForDone(msecs)

    def _start(
        self,
        pool: QThreadPool,
        fn: Callable[[Any], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        notice: ChangeNotice | None,
    ) -> None:
        store = self.store
        generation = self._generation
        job = _Job(lambda: fn(store))
        was_busy = self.busy
        self._jobs.add(job)

        @Slot(object)
        def finished(result: Any) -> None:
            self._finish(job)
            if generation != self._generation:
                return
            if on_done is not None:
                on_done(result)
            if notice is not None:
                self.changed.emit(notice)

        @Slot(object)
        def errored(exc: BaseException) -> None:
            self._finish(job)
            if generation != self._generation:
                return
            # English, without values: exceptions from the store carry no personal data.
            log.warning("store operation failed: %s", type(exc).__name__)
            if on_error is not None:
                on_error(exc)
            else:
                self.failed.emit(exc)

        job.signals.done.connect(finished)
        job.signals.error.connect(errored)
        if not was_busy:
            self.busy_changed.emit(True)
        pool.start(job)

    def _finish(self, job: _Job) -> None:
        self._jobs.discard(job)
        if not self._jobs:
            self.busy_changed.emit(False)
