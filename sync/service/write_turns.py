"""Whose turn it is to write to one SQLite database: first come, first served, across the
threads of a process and across processes, with no polling (docs/protocol.md, "Push under
load").

SQLite lets one writer at a time in; the others wait in its busy handler, which polls with
sleeps of up to 100 ms. Under load (wrk, 200 connections, 2 service processes) a per-process
`threading.RLock` in front of it (which wakes an arbitrary waiter) left the writes' waits
spread from nothing to past the client's 2 s time-out, with the mean near 1 s: p50 208 ms,
p99 2.4 s for the lock, and 1 in 20 pushes waited longer than 1.5 s.

Here the threads of a process queue in arrival order (`TurnQueue`), and the one at its head
takes the database's turn among processes with `flock` on a file beside the database
(`<database>-writer`), the kernel waking it the moment the holder lets go; the kernel also
lets go for a process that dies. Two flocks make the hand-over between processes fair: a
process first takes the gate, then the turn, and only then lets the gate go. So while one
process writes, at most one other process waits for the turn (holding the gate), and the
writer's next thread queues for the gate behind it: with two processes they take turns.

The waits of a thread in its process's queue are bounded (`SQLITE_BUSY_S` in db.py). The
wait for the turn between processes is not: a `flock` cannot be given a time-out from a
thread. A process that hangs while it holds the turn (stopped, or stuck in a transaction)
holds SQLite's write lock as well, so no write could go in anyway; the other processes'
pushes then fail after their bounded wait in their own queue, except the one thread at
each queue's head, which waits until the hung process ends or goes on.

A database without a file (`:memory:`, or a file the service may not create the lock file
beside) has the queue only; SQLite's busy handler still keeps the writes apart.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
from collections import deque
from pathlib import Path

log = logging.getLogger(__name__)


class DatabaseBusy(TimeoutError):
    """A write did not get its turn within the wait: nothing of it was written, so it may
    be sent again (the service answers 503 with Retry-After)."""


class TurnQueue:
    """A re-entrant lock that hands itself to its waiters in the order they came."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._owner: int | None = None
        self._depth = 0
        self._waiting: deque[tuple[int, threading.Event]] = deque()

    def acquire(self, timeout: float) -> bool:
        """True once this thread holds it (again: it counts); False after `timeout` s."""
        me = threading.get_ident()
        with self._mutex:
            if self._owner == me:
                self._depth += 1
                return True
            if self._owner is None:
                self._owner, self._depth = me, 1
                return True
            ticket = (me, threading.Event())
            self._waiting.append(ticket)
        if ticket[1].wait(timeout):
            return True
        with self._mutex:
            if ticket[1].is_set():  # handed over while the wait ended
                return True
            self._waiting.remove(ticket)
            return False

    @property
    def depth(self) -> int:
        """How often its owner holds it: only the owner may ask (and get an answer that
        holds)."""
        return self._depth

    def release(self) -> bool:
        """True when this thread let it go altogether (the last of its nested holds)."""
        with self._mutex:
            if self._owner != threading.get_ident():
                raise RuntimeError("released by a thread that does not hold it")
            self._depth -= 1
            if self._depth:
                return False
            if self._waiting:
                # Handed to the first waiter here, so no thread that comes later (or that
                # just let go) can take it first.
                self._owner, event = self._waiting.popleft()
                self._depth = 1
                event.set()
            else:
                self._owner = None
            return True


class WriteTurns:
    """The turns of one SQLite database's writers; `database` is its file, None if none."""

    def __init__(self, database: str | None) -> None:
        self._queue = TurnQueue()
        self._path = Path(f"{database}-writer") if database else None
        self._files: tuple[int, int, int] | None = None  # (pid, gate fd, turn fd)

    def acquire(self, timeout: float) -> bool:
        if not self._queue.acquire(timeout):
            return False
        if self._queue.depth == 1:
            try:
                self._take_between_processes()
            except BaseException:
                self._queue.release()
                raise
        return True

    def release(self) -> None:
        files = self._files
        if self._queue.depth == 1 and files is not None and files[0] == os.getpid():
            fcntl.flock(files[2], fcntl.LOCK_UN)
        self._queue.release()

    def _take_between_processes(self) -> None:
        files = self._open()
        if files is None:
            return
        _, gate, turn = files
        fcntl.flock(gate, fcntl.LOCK_EX)
        try:
            fcntl.flock(turn, fcntl.LOCK_EX)
        finally:
            fcntl.flock(gate, fcntl.LOCK_UN)

    def _open(self) -> tuple[int, int, int] | None:
        """The two lock files' descriptors of this process. A child made by fork shares
        its parent's open files, and with them the parent's flocks: it opens its own."""
        if self._path is None:
            return None
        if self._files is not None:
            if self._files[0] == os.getpid():
                return self._files
            for fd in self._files[1:]:
                os.close(fd)  # the parent's flocks stay: they are its file's, not this fd's
            self._files = None
        database = self._path.with_name(self._path.name.removesuffix("-writer"))
        try:
            # The database's own mode, as SQLite gives its -wal and -shm files.
            mode = database.stat().st_mode if database.exists() else 0o600
            gate = os.open(f"{self._path}-gate", os.O_RDWR | os.O_CREAT, mode & 0o666)
            turn = os.open(self._path, os.O_RDWR | os.O_CREAT, mode & 0o666)
        except OSError as exc:
            log.warning("no lock file beside the database (%s): writers of other "
                        "processes wait in SQLite's busy handler", exc.strerror)
            self._path = None
            return None
        self._files = (os.getpid(), gate, turn)
        return self._files
