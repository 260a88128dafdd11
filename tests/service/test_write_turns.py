"""SQLite's writers take turns in the order they came (write_turns.py): a writer that lets
go and writes again at once, in the same process or in another, goes behind the one that
was waiting; a waiter that gives up leaves the queue; a write that fails leaves nothing and
lets the next one go (docs/protocol.md, "Push under load")."""

from __future__ import annotations

import multiprocessing
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from sync.service.db import make_engine, make_sessionmaker, transaction
from sync.service.write_turns import TurnQueue

# The writer that holds on writes back to back, each write holding the turn a moment as a
# push does, until the other has written ROUNDS times (or LIMIT writes, should it starve),
# so that the other, waiting, would have to win a race for the gap between two of them.
ROUNDS = 5
LIMIT = 400
HOLD_S = 0.002
# The writes of the one holding on that may commit after the other began to wait: the one
# it is in, and one it may have begun before the other reached the queue.
AHEAD = 3
WAITERS = 6  # threads of one process waiting at once


def _database(path: Path) -> str:
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TABLE writes (seq INTEGER PRIMARY KEY AUTOINCREMENT, who TEXT)")
    engine.dispose()
    return url


def _write(factory, who: str, hold_s: float = 0.0) -> None:  # type: ignore[no-untyped-def]
    with transaction(factory) as session:
        session.execute(text("INSERT INTO writes (who) VALUES (:who)"), {"who": who})
        if hold_s:
            time.sleep(hold_s)


def _order(url: str) -> list[str]:
    engine = make_engine(url)
    with engine.connect() as connection:
        order = [w for (w,) in connection.exec_driver_sql(
            "SELECT who FROM writes ORDER BY seq")]
    engine.dispose()
    return order


def _waiting_rounds(url: str, factory, who: str = "B") -> list[int]:  # type: ignore[no-untyped-def]
    """Write ROUNDS times as `who`, each time after a look at how many writes were in; those
    counts."""
    reads = make_engine(url, read_only=True)
    seen = []
    with reads.connect() as connection:
        for _ in range(ROUNDS):
            time.sleep(HOLD_S * 2)  # A goes on meanwhile
            seen.append(int(connection.exec_driver_sql(
                "SELECT count(*) FROM writes").scalar_one()))
            connection.rollback()  # the next look is a fresh snapshot
            _write(factory, who)
    reads.dispose()
    return seen


def _holding_on(factory, first_done, stop) -> int:  # type: ignore[no-untyped-def]
    for n in range(LIMIT):
        _write(factory, "A", HOLD_S)
        first_done.set()
        if stop.is_set():
            return n + 1
    return LIMIT


def _most_ahead(url: str, seen: list[int], who: str = "B") -> int:
    """The most writes that committed after `who`, having seen `seen[i]` writes, began to
    wait in its round i."""
    order = _order(url)
    mine = [at for at, name in enumerate(order) if name == who]
    assert len(mine) == ROUNDS
    return max(at - s for at, s in zip(mine, seen, strict=True))


def test_threads_that_let_go_go_behind_the_ones_waiting(tmp_path):
    url = _database(tmp_path / "turns.sqlite3")
    factory = make_sessionmaker(make_engine(url))
    first_done, stop = threading.Event(), threading.Event()
    a = threading.Thread(target=_holding_on, args=(factory, first_done, stop))
    a.start()
    assert first_done.wait(30)
    seen: dict[str, list[int]] = {}

    def waiting(who: str) -> None:
        seen[who] = _waiting_rounds(url, factory, who)

    others = [threading.Thread(target=waiting, args=(f"B{i}",)) for i in range(WAITERS)]
    for other in others:
        other.start()
    for other in others:
        other.join(60)
    stop.set()
    a.join(60)
    # Ahead of each: the other waiters, A's write under way and one more A may have begun.
    assert max(_most_ahead(url, s, who) for who, s in seen.items()) <= WAITERS - 1 + AHEAD


def _other_process(url: str, ready, go, stop, seen) -> None:  # type: ignore[no-untyped-def]
    factory = make_sessionmaker(make_engine(url))
    ready.set()
    go.wait(60)
    seen[:] = _waiting_rounds(url, factory)
    stop.set()


def test_a_process_that_lets_go_goes_behind_the_one_waiting(tmp_path):
    url = _database(tmp_path / "turns.sqlite3")
    factory = make_sessionmaker(make_engine(url))
    spawn = multiprocessing.get_context("spawn")  # a process of its own, as uvicorn's workers
    ready, go, stop = spawn.Event(), spawn.Event(), spawn.Event()
    seen = spawn.Array("i", ROUNDS)
    other = spawn.Process(target=_other_process, args=(url, ready, go, stop, seen))
    other.start()
    try:
        assert ready.wait(60)
        _holding_on(factory, go, stop)
        other.join(60)
        assert other.exitcode == 0
    finally:
        if other.is_alive():
            other.kill()
    assert _most_ahead(url, list(seen)) <= AHEAD
    # The turn and its gate are flocks on files beside the database.
    assert {p.name for p in tmp_path.iterdir()} >= {"turns.sqlite3-writer",
                                                   "turns.sqlite3-writer-gate"}


def test_a_waiter_that_gives_up_leaves_the_queue():
    queue = TurnQueue()
    assert queue.acquire(1)
    assert queue.acquire(1)  # again, by the thread that holds it
    late: list[bool] = []
    gave_up = threading.Thread(target=lambda: late.append(queue.acquire(0.05)))
    gave_up.start()
    gave_up.join(30)
    assert late == [False]
    got = threading.Event()

    def waiting() -> None:
        if queue.acquire(30):
            got.set()
            queue.release()

    waiter = threading.Thread(target=waiting)
    waiter.start()
    assert not queue.release()  # held once more: the waiter still waits
    assert not got.wait(0.05)
    assert queue.release()
    waiter.join(30)
    assert got.is_set()  # handed to the waiter, not to the one that gave up
    assert queue.acquire(1)


def test_a_write_that_fails_leaves_nothing_and_the_next_one_goes(tmp_path):
    url = _database(tmp_path / "turns.sqlite3")
    factory = make_sessionmaker(make_engine(url))
    inside, waiting = threading.Event(), threading.Event()

    def failing() -> None:
        with pytest.raises(RuntimeError), transaction(factory) as session:
            session.execute(text("INSERT INTO writes (who) VALUES ('X')"))
            inside.set()
            waiting.wait(30)
            time.sleep(0.05)  # the other is in the queue by now
            raise RuntimeError("the push failed half-way")

    broken = threading.Thread(target=failing)
    broken.start()
    assert inside.wait(30)
    waiting.set()
    _write(factory, "B")
    broken.join(30)
    _write(factory, "A")  # the failed one's thread let go of its turn
    assert _order(url) == ["B", "A"]
