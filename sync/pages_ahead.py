"""Pull pages fetched ahead of the store, in order, on threads of their own.

A page's request needs the cursor of the page before it, so pages are asked for one after
another; what overlaps is fetching and writing. With one page fetched ahead, the fetching
thread stood idle through every commit: a commit took longer than a page's round trip. So
the thread goes on fetching until `ahead` pages wait (and the one after them is fetched),
and the writing side asks for each page in turn, waiting as long as it chooses.

Reading an answer (parsing it, building its rows) took the fetching thread a quarter of
each page's time, during which nothing was asked of the service. When an answer names the
next cursor before it is read (`named`), the next request goes out at once, on a thread of
its own, and comes back while this answer is read.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, NamedTuple, TypeVar

T = TypeVar("T")


class _Failed(NamedTuple):
    error: BaseException


def _as_is(_cursor: str, answer: Any) -> Any:
    return answer


def _not_named(_answer: Any) -> str | None:
    return None


class PagesAhead(Generic[T]):
    """`request(cursor)` then `finish(cursor, answer)` make the page at `cursor`, from
    `cursor` on, each next cursor given by `follow(page)` (None after the last page), until
    `ahead` pages wait to be taken. `named(answer)`: the next cursor as the answer names it
    before it is finished, or None; the page's own `follow` still decides (a next page asked
    for at another cursor is not used). A request or finish that fails ends the fetching;
    `take` raises its error in the page's turn."""

    def __init__(self, request: Callable[[str], Any], follow: Callable[[T], str | None],
                 cursor: str, ahead: int, name: str = "kt-pull", *,
                 finish: Callable[[str, Any], T] = _as_is,
                 named: Callable[[Any], str | None] = _not_named) -> None:
        self._request = request
        self._finish = finish
        self._named = named
        self._follow = follow
        self._arrived: queue.Queue[T | _Failed] = queue.Queue(maxsize=ahead)
        self._next: T | _Failed | None = None
        self._stop = threading.Event()
        self._name = name
        self._thread = threading.Thread(target=self._run, args=(cursor,), name=name,
                                        daemon=True)
        self._thread.start()

    def _run(self, cursor: str) -> None:
        asking = ThreadPoolExecutor(1, thread_name_prefix=f"{self._name}-ask")
        try:
            asked: Future[Any] = asking.submit(self._request, cursor)
            while not self._stop.is_set():
                asked_next: tuple[str, Future[Any]] | None = None
                try:
                    answer = asked.result()
                    named = self._named(answer)
                    if named is not None:
                        asked_next = named, asking.submit(self._request, named)
                    page = self._finish(cursor, answer)
                except BaseException as exc:  # noqa: BLE001 - handed to the taking thread
                    self._arrived.put(_Failed(exc))
                    return
                self._arrived.put(page)
                following = self._follow(page)
                if following is None or self._stop.is_set():
                    return
                if asked_next is not None and asked_next[0] == following:
                    asked = asked_next[1]
                else:
                    asked = asking.submit(self._request, following)
                cursor = following
        finally:
            # A request still in flight is waited for: no thread uses the client after.
            asking.shutdown(wait=True, cancel_futures=True)

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
