"""Pages fetched ahead of the store (sync/pages_ahead.py): in order, no further ahead than
asked, a failure met in its turn, and nothing left running after `close`."""

from __future__ import annotations

import threading
import time

import pytest

from sync.pages_ahead import PagesAhead

LAST = 5


class Source:
    """Pages "0".."5" by cursor; records which cursors were asked for, and can hold a
    cursor's answer until released or fail it."""

    def __init__(self, fail_at: int | None = None) -> None:
        self.asked: list[str] = []
        self.fail_at = fail_at
        self.held: dict[str, threading.Event] = {}
        self.changed = threading.Condition()

    def fetch(self, cursor: str) -> int:
        with self.changed:
            self.asked.append(cursor)
            self.changed.notify_all()
        if cursor in self.held:
            assert self.held[cursor].wait(timeout=10)
        page = int(cursor or 0)
        if page == self.fail_at:
            raise ConnectionError(f"page {page} did not come")
        return page

    @staticmethod
    def follow(page: int) -> str | None:
        return str(page + 1) if page < LAST else None

    def wait_asked(self, count: int) -> None:
        with self.changed:
            assert self.changed.wait_for(lambda: len(self.asked) >= count, timeout=10)


def test_pages_come_in_order_and_end_after_the_last():
    source = Source()
    pages = PagesAhead(source.fetch, source.follow, "", ahead=1)
    try:
        assert [pages.take() for _ in range(LAST + 1)] == list(range(LAST + 1))
    finally:
        pages.close()
    assert source.asked == ["", "1", "2", "3", "4", "5"]


def test_fetching_stops_when_the_pages_ahead_wait():
    source = Source()
    pages = PagesAhead(source.fetch, source.follow, "", ahead=2)
    try:
        source.wait_asked(3)  # two wait, the third is fetched and waits for room
        time.sleep(0.2)
        assert source.asked == ["", "1", "2"]
        assert pages.take() == 0
        source.wait_asked(4)
        assert source.asked[-1] == "3"
    finally:
        pages.close()


def test_ready_says_whether_the_next_page_is_here():
    source = Source()
    source.held["1"] = threading.Event()
    pages = PagesAhead(source.fetch, source.follow, "", ahead=1)
    try:
        assert pages.ready(timeout=10) and pages.take() == 0
        assert not pages.ready(timeout=0.1)  # page 1 is held on its way
        source.held["1"].set()
        assert pages.ready(timeout=10) and pages.take() == 1
    finally:
        pages.close()


def test_a_failed_fetch_is_met_in_its_turn_and_ends_the_fetching():
    source = Source(fail_at=2)
    pages = PagesAhead(source.fetch, source.follow, "", ahead=3)
    try:
        assert pages.take() == 0 and pages.take() == 1
        assert not pages.ready(timeout=10)  # here, but a failure
        with pytest.raises(ConnectionError, match="page 2"):
            pages.take()
        time.sleep(0.2)
        assert source.asked == ["", "1", "2"]
    finally:
        pages.close()


def test_close_waits_for_the_fetch_in_flight_and_stops():
    source = Source()
    source.held["1"] = threading.Event()
    pages = PagesAhead(source.fetch, source.follow, "", ahead=1)
    source.wait_asked(2)
    closing = threading.Thread(target=pages.close)
    closing.start()
    closing.join(timeout=0.3)
    assert closing.is_alive()  # page 1's request is still in flight
    source.held["1"].set()
    closing.join(timeout=10)
    assert not closing.is_alive()
    assert source.asked == ["", "1"]
    assert not [t for t in threading.enumerate() if t.name == "kt-pull"]


def test_a_named_next_page_is_asked_for_while_this_one_is_finished():
    source = Source()
    finishing = threading.Event()

    def finish(cursor: str, answer: int) -> int:
        if answer == 0:  # the next page's request goes out before this one is read
            source.wait_asked(2)
            finishing.set()
        return answer

    pages = PagesAhead(source.fetch, source.follow, "", ahead=1, finish=finish,
                       named=source.follow)
    try:
        assert [pages.take() for _ in range(LAST + 1)] == list(range(LAST + 1))
    finally:
        pages.close()
    assert finishing.is_set()
    assert source.asked == ["", "1", "2", "3", "4", "5"]


def test_a_next_page_named_wrongly_is_not_taken():
    source = Source()
    pages = PagesAhead(source.fetch, source.follow, "", ahead=1,
                       named=lambda page: str(page + 2) if page < LAST else None)
    try:
        assert [pages.take() for _ in range(LAST + 1)] == list(range(LAST + 1))
    finally:
        pages.close()
    # Page 2 named after page 0, page 1 asked for after it all the same.
    assert source.asked[:3] == ["", "2", "1"]


def test_close_waits_for_the_request_named_ahead():
    source = Source()
    source.held["1"] = threading.Event()
    pages = PagesAhead(source.fetch, source.follow, "", ahead=1, named=source.follow)
    assert pages.take() == 0
    source.wait_asked(2)
    closing = threading.Thread(target=pages.close)
    closing.start()
    closing.join(timeout=0.3)
    assert closing.is_alive()  # page 1, asked for ahead, is still in flight
    source.held["1"].set()
    closing.join(timeout=10)
    assert not closing.is_alive()
    assert not [t for t in threading.enumerate() if t.name.startswith("kt-pull")]
