"""Pull pages fetched ahead of the store, in order, on a thread of their own.

A page's request needs the cursor of the page before it, so pages are fetched one after
another; what overlaps is fetching and writing. With one page fetched ahead, the fetching
thread stood idle through every commit: a commit took longer than a page's round trip. So
the thread goes on fetching until `ahead` pages wait (and the one after them is fetched),
and the writing side asks for each page in turn, waiting as long as it chooses.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")


class _Failed(NamedTuple):
    error: BaseException


class PagesAhead(Generic[T]):
    """`fetch(cursor)` on a thread of its own, from `cursor` on, each next cursor given by
    `follow(page)` (None after the last page), until `ahead` pages wait to be taken. A
    fetch that fails ends the fetching; `take` raises its error in the page's turn."""

    def __init__(self, fetch: Callable[[str], T], follow: Callable[[T], str | None],
                 cursor: str, ahead: int, name: str = "kt-pull") -> None:
        self._fetch = fetch
        self._follow = follow
        self._arrived: queue.Queue[T | _Failed] = queue.Queue(maxsize=ahead)
        self._next: T | _Failed | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(cursor,), name=name,
                                        daemon=True)
        self._thread.start()

    def _run(self, cursor: str) -> None:
        while not self._stop.is_set():
            try:
                page = self._fetch(cursor)
            except BaseException as exc:  # noqa: BLE001 - handed to the taking thread
                self._arrived.put(_Failed(exc))
                return
            self._arrived.put(page)
            following = self._follow(page)
            if following is None:
                return
            cursor = following

    def ready(self, timeout: float | None) -> bool:
        """Whether the next page is here within `timeout` seconds: False when it is not yet,
        or when fetching it failed (then `take` raises why)."""
        if self._next is None:
            try:
                self._next = self._arrived.get(timeout=timeout)
            except queue.Empty:
                return False
        return not isinstance(self._next, _Failed)

    def take(self) -> T:
        """The next page, waited for as long as it takes."""
        arrived = self._next if self._next is not None else self._arrived.get()
        self._next = None
        if isinstance(arrived, _Failed):
            raise arrived.error
        return arrived

    def close(self) -> None:
        """Stop fetching, and wait for a request in flight to end, so that no thread still
        uses the client when the caller closes it."""
        self._stop.set()
        # A fetch blocked on a full queue is let go; it then sees the stop.
        while True:
            try:
                self._arrived.get_nowait()
            except queue.Empty:
                break
        self._thread.join()
