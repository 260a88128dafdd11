"""Is the service there? A small GET /healthz every few seconds, off the UI thread.

A sync every few minutes is too slow to tell the worker that the service went away or came
back, and a sync is too heavy to run that often. The probe only asks /healthz (no token, no
data); `SyncRunner` decides what an answer means for the status bar and for pending changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

if TYPE_CHECKING:
    from sync.client import SyncClient

log = logging.getLogger(__name__)

ClientFactory = Callable[[str, Any], "SyncClient"]

PROBE_TIMEOUT_S = 5.0

# Asks for the service address and hands it to the callback (None: not enrolled).
UrlReader = Callable[[Callable[[str | None], None]], None]


class _Signals(QObject):
    answered = Signal(bool)


class _ProbeJob(QRunnable):
    def __init__(self, url: str, client_factory: ClientFactory, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.url = url
        self.client_factory = client_factory
        self.signals = signals

    def run(self) -> None:
        # Through the sync's own client factory: the same TLS settings and transport.
        reachable = False
        try:
            client = self.client_factory(self.url, None)
            try:
                answer = client.http.get(f"{client.server_url}/healthz",
                                         timeout=PROBE_TIMEOUT_S)
                reachable = answer.status_code == 200
            finally:
                client.close()
        except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
            log.debug("health probe failed: %s", type(exc).__name__)
        self.signals.answered.emit(reachable)


class HealthProbe(QObject):
    """Every `interval_seconds` while started, emits `answered(reachable)`."""

    answered = Signal(bool)

    def __init__(self, interval_seconds: int, read_url: UrlReader,
                 client_factory: ClientFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.read_url = read_url
        self.client_factory = client_factory
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._job: _ProbeJob | None = None
        self._signals = _Signals(self)
        self._signals.answered.connect(self._on_answer)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.probe_now)
        self.set_interval(interval_seconds)

    def set_interval(self, seconds: int) -> None:
        self._timer.setInterval(max(1, seconds) * 1000)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def probe_now(self) -> None:
        if self._job is None:  # one probe at a time: a slow answer is not asked twice
            self.read_url(self._probe)

    def _probe(self, url: str | None) -> None:
        if not url or self._job is not None or not self.active:
            return
        self._job = _ProbeJob(url, self.client_factory, self._signals)
        self._pool.start(self._job)

    @Slot(bool)
    def _on_answer(self, reachable: bool) -> None:
        self._job = None
        if self.active:  # stopped meanwhile (locked): the answer belongs to no one
            self.answered.emit(reachable)
