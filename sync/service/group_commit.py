"""Group commit of an SQLite database's pushes (docs/protocol.md, "Push under load").

Each push's locked part is a job: a function of a Session that writes. The pushes of a
process queue in arrival order; the one at the head leads: it takes the write turn
(write_turns.py), begins one `BEGIN IMMEDIATE` transaction and runs every job queued at
that moment (at most `GROUP_MOST`), each in a SAVEPOINT of its own, then commits and hands
each its outcome. A job that raises has its savepoint rolled back: nothing of it stays, and
the others go on. Should the commit fail, every job of the group fails with it and nothing
of any stays: each push answers an error and is sent again (change ids make that safe).

Under load (2 processes, 200 connections) a turn handed from one thread to the next waited
for the next one to get the interpreter (the GIL) among the process's busy threads: 0.8 ms
between two processes, 3-4 ms within one. A leader that runs the queued jobs itself hands
over once per group, and begins and commits once per group.

Revs still commit in order: the jobs of a group take their revs one after the other from
the counter inside the one transaction, which commits them together.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session, sessionmaker

from sync.service.write_turns import DatabaseBusy, WriteTurns

T = TypeVar("T")

# The most jobs one transaction runs, and the most changes (a job's `size`) beyond its
# first: every job of a group waits for the group's commit, so a push of a thousand changes
# goes in a group of its own rather than holding up the small pushes before it.
GROUP_MOST = 32
GROUP_CHANGES = 64


class _Job(Generic[T]):
    def __init__(self, work: Callable[[Session], T], size: int) -> None:
        self.work = work
        self.size = size
        # Set when the job is done, or when it came to the head of the queue and leads.
        self.ready = threading.Event()
        self.running = False  # in a leader's group: its outcome will come
        self.done = False
        self.result: T | None = None
        self.error: BaseException | None = None

    def outcome(self) -> T:
        if self.error is not None:
            raise self.error
        return self.result  # type: ignore[return-value]


class GroupCommit:
    """The group commit of one SQLite database's writes in this process."""

    def __init__(self, turns: WriteTurns, most: int = GROUP_MOST) -> None:
        self._turns = turns
        self._most = most
        self._mutex = threading.Lock()
        self._queue: deque[_Job[Any]] = deque()

    @property
    def queued(self) -> int:
        """Jobs waiting or running."""
        return len(self._queue)

    def run(self, factory: sessionmaker[Session], work: Callable[[Session], T],
            timeout: float, size: int = 1) -> T:
        """`work(session)` in a savepoint of a transaction that commits before this
        returns; what it returns, or what it raised. DatabaseBusy when it did not get to
        run within `timeout` s (nothing of it written). `size`: its changes."""
        job: _Job[T] = _Job(work, size)
        with self._mutex:
            self._queue.append(job)
            leads = len(self._queue) == 1
        if not leads and not job.ready.wait(timeout):
            with self._mutex:
                if not job.ready.is_set() and not job.running:
                    self._queue.remove(job)
                    raise DatabaseBusy("the database stayed busy with other writes")
            job.ready.wait()  # it runs in a group now: its outcome comes with the commit
        if not job.done:
            self._lead(factory, job, timeout)
        return job.outcome()

    def _lead(self, factory: sessionmaker[Session], first: _Job[Any], timeout: float
              ) -> None:
        group: list[_Job[Any]] = []
        try:
            if not self._turns.acquire(timeout):
                raise DatabaseBusy("the database stayed busy with other writes")
            try:
                with self._mutex:
                    group = self._take_group()
                self._run_group(factory, group)
            finally:
                self._turns.release()
        except BaseException as exc:  # noqa: BLE001 - handed to every job of the group
            for job in group or [first]:
                job.error, job.result = exc, None
        finally:
            with self._mutex:
                for job in group or [first]:
                    self._queue.remove(job)
                    job.done = True
                    if job is not first:
                        job.ready.set()
                if self._queue:
                    self._queue[0].ready.set()  # the next leader

    def _take_group(self) -> list[_Job[Any]]:
        """The jobs at the head of the queue that go together (the first always)."""
        group: list[_Job[Any]] = []
        changes = 0
        for job in self._queue:
            if group and (len(group) == self._most or changes + job.size > GROUP_CHANGES):
                break
            group.append(job)
            changes += job.size
            job.running = True
        return group

    def _run_group(self, factory: sessionmaker[Session], group: list[_Job[Any]]) -> None:
        engine = factory.kw["bind"]
        with engine.connect() as connection, connection.begin():
            for job in group:
                session = factory(bind=connection, join_transaction_mode="create_savepoint")
                try:
                    session.begin()
                    try:
                        job.result = job.work(session)
                        session.commit()  # RELEASE: kept, committed with the group
                    except Exception as exc:  # noqa: BLE001 - the job's own outcome
                        # ROLLBACK TO its savepoint; should that fail, the group fails.
                        session.rollback()
                        job.error = exc
                finally:
                    session.close()
