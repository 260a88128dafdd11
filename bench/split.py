"""Where a sync's time went: waiting for the service, or the laptop's own work.

`TimedHttp` is the httpx client the benchmark hands to `SyncClient`: it notes when each
request was in flight (sending, the service working, the body read back). `Split` times one
stretch of work and divides it: the part with at least one request in flight is waiting for
the service (the pull fetches the next page while the current one is written, so requests
overlap the laptop's work and are counted once), the rest is the laptop alone: the engine,
the store, parsing and encrypting with no request outstanding. Beside both stands the
process's CPU time (every thread), which says how much the laptop worked in all.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx


class TimedHttp(httpx.Client):
    """An httpx client that keeps the (start, end) of every request, on the perf clock."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._lock = threading.Lock()
        self.spans: list[tuple[float, float]] = []

    def request(self, *args: Any, **kwargs: Any) -> httpx.Response:
        started = time.perf_counter()
        try:
            return super().request(*args, **kwargs)
        finally:
            ended = time.perf_counter()
            with self._lock:
                self.spans.append((started, ended))

    def in_flight(self, start: float, end: float) -> float:
        """Seconds within [start, end] with at least one request in flight."""
        with self._lock:
            spans = sorted((max(a, start), min(b, end)) for a, b in self.spans
                           if b > start and a < end)
        total, reach = 0.0, start
        for a, b in spans:
            if b > reach:
                total += b - max(a, reach)
                reach = b
        return total


class Split:
    """`with Split(http) as split:` times the block; then `wall`, `service`, `laptop`, `cpu`."""

    def __init__(self, http: TimedHttp) -> None:
        self.http = http
        self.wall = self.service = self.laptop = self.cpu = 0.0

    def __enter__(self) -> Split:
        self._started = time.perf_counter()
        self._cpu = time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        ended = time.perf_counter()
        self.cpu = time.process_time() - self._cpu
        self.wall = ended - self._started
        self.service = self.http.in_flight(self._started, ended)
        self.laptop = self.wall - self.service

    def line(self) -> str:
        share = self.laptop / self.wall * 100 if self.wall else 0.0
        return (f"     where the time went: waiting for the service {self.service:.2f} s "
                f"(a request in flight), the laptop alone {self.laptop:.2f} s ({share:.0f}%); "
                f"the laptop's CPU {self.cpu:.2f} s (all its threads)")
