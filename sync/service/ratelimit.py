"""Failed-login throttling per username and per address (in process memory).

After `slow_after` failures within the window a login attempt is slowed (a growing delay);
after `lock_after` it is refused with 429 for `lock_s` seconds. This is the one piece of
state that lives in memory: with several workers each keeps its own count, which only makes
a guesser's budget a small multiple larger.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class _Track:
    failures: deque[float] = field(default_factory=deque)
    locked_until: float = 0.0


class LoginThrottle:
    def __init__(
        self,
        slow_after: int,
        lock_after: int,
        window_s: float,
        lock_s: float,
        delay_s: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.slow_after = slow_after
        self.lock_after = lock_after
        self.window_s = window_s
        self.lock_s = lock_s
        self.delay_s = delay_s
        self._clock = clock
        self._tracks: dict[str, _Track] = {}
        self._lock = threading.Lock()

    def _prune(self, track: _Track, now: float) -> None:
        while track.failures and track.failures[0] < now - self.window_s:
            track.failures.popleft()

    def check(self, keys: list[str]) -> tuple[float, float]:
        """(seconds to wait before trying the password, seconds refused for; 0 if not)."""
        now = self._clock()
        delay = 0.0
        retry_after = 0.0
        with self._lock:
            for key in keys:
                track = self._tracks.get(key)
                if track is None:
                    continue
                self._prune(track, now)
                if track.locked_until > now:
                    retry_after = max(retry_after, track.locked_until - now)
                extra = len(track.failures) - self.slow_after + 1
                if extra > 0:
                    delay = max(delay, min(self.delay_s * 2 ** (extra - 1), 8 * self.delay_s))
        return delay, retry_after

    def failed(self, keys: list[str]) -> None:
        now = self._clock()
        with self._lock:
            for key in keys:
                track = self._tracks.setdefault(key, _Track())
                self._prune(track, now)
                track.failures.append(now)
                if len(track.failures) >= self.lock_after:
                    track.locked_until = now + self.lock_s
            if len(self._tracks) > 100_000:  # bounded memory under a spray of addresses
                for key in [k for k, t in self._tracks.items() if t.locked_until <= now][:50_000]:
                    del self._tracks[key]

    def succeeded(self, keys: list[str]) -> None:
        with self._lock:
            for key in keys:
                self._tracks.pop(key, None)
