"""Failed-login throttling per username and per address (in process memory).

An attempt is counted when it begins, before its password is checked, in one step under
the lock: however many guesses arrive at once, at most `lock_after` of them are ever
checked. A guess that turns out right is taken off the counts again. After `slow_after`
counted attempts within the window the next is slowed (a growing delay); on reaching
`lock_after` the key is refused with 429 for `lock_s` seconds.

Each key has its own limits: the username strictly, the address far more loosely, since
behind a reverse proxy or a shared office NAT many workers share one address and one
guesser must not lock them all out.

This is the one piece of state that lives in memory: with several workers each keeps its
own count, which only makes a guesser's budget a small multiple larger.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Limit:
    slow_after: int
    lock_after: int


@dataclass
class _Track:
    attempts: deque[float] = field(default_factory=deque)
    locked_until: float = 0.0


@dataclass(frozen=True)
class Attempt:
    """One counted login attempt: wait `delay` seconds before checking the password.

    `retry_after` > 0 means refused (not counted, the password must not be checked).
    """

    at: float
    delay: float = 0.0
    retry_after: float = 0.0
    keys: tuple[str, ...] = ()
    locked: frozenset[str] = frozenset()

    @property
    def refused(self) -> bool:
        return self.retry_after > 0


class LoginThrottle:
    def __init__(
        self,
        window_s: float,
        lock_s: float,
        delay_s: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.window_s = window_s
        self.lock_s = lock_s
        self.delay_s = delay_s
        self._clock = clock
        self._tracks: dict[str, _Track] = {}
        self._lock = threading.Lock()

    def _prune(self, track: _Track, now: float) -> None:
        while track.attempts and track.attempts[0] < now - self.window_s:
            track.attempts.popleft()

    def begin(self, keys: Mapping[str, Limit]) -> Attempt:
        """Count an attempt for every key, or refuse it if any key is locked."""
        now = self._clock()
        with self._lock:
            retry_after = 0.0
            for key in keys:
                track = self._tracks.get(key)
                if track is not None and track.locked_until > now:
                    retry_after = max(retry_after, track.locked_until - now)
            if retry_after > 0:
                return Attempt(at=now, retry_after=retry_after)
            delay = 0.0
            locked = set()
            for key, limit in keys.items():
                track = self._tracks.setdefault(key, _Track())
                self._prune(track, now)
                extra = len(track.attempts) - limit.slow_after + 1
                if extra > 0:
                    delay = max(delay, min(self.delay_s * 2 ** (extra - 1), 8 * self.delay_s))
                track.attempts.append(now)
                if len(track.attempts) >= limit.lock_after:
                    track.locked_until = now + self.lock_s
                    locked.add(key)
            self._bound(now)
        return Attempt(at=now, delay=delay, keys=tuple(keys), locked=frozenset(locked))

    def succeeded(self, attempt: Attempt, clear: str) -> None:
        """The password was right: `clear` (the username) starts afresh; the other keys
        forget this one attempt, and a lock that it alone set."""
        with self._lock:
            for key in attempt.keys:
                if key == clear:
                    self._tracks.pop(key, None)
                    continue
                track = self._tracks.get(key)
                if track is None:
                    continue
                try:
                    track.attempts.remove(attempt.at)
                except ValueError:
                    pass  # already out of the window
                if key in attempt.locked:
                    track.locked_until = 0.0

    def _bound(self, now: float) -> None:
        # Bounded memory under a spray of usernames or addresses.
        if len(self._tracks) > 100_000:
            for key in [k for k, t in self._tracks.items() if t.locked_until <= now][:50_000]:
                del self._tracks[key]
