"""How long a push holds the rev lock, in-process on a throwaway durable PostgreSQL 15:
from sending the statement that takes `rev_counter`'s row lock to the answer of the COMMIT
that releases it, seen from the service (so an upper bound of the server's own hold; the
COMMIT's WAL flush is inside by necessity). Quiet machine, one push at a time: the figure
under load is in bench_service.py (pg_watch).

Pushes: 1 new task into an existing case (the push of the load bench), 1,000 new tasks,
1,000 edits of existing tasks, 1,000 new cases of 29 records (3 of those). Run:
`python -m bench.push_lock_time [rounds]`; then once more with synchronous_commit off for
the bench's database, to show the share of the COMMIT's WAL flush (an operator's choice;
the service never changes it).
"""

from __future__ import annotations

import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from sync.protocol import Change
from sync.service import push as push_module
from sync.service.accounts import add_device, add_team, add_user
from sync.service.db import make_engines, make_sessionmaker, migrate, transaction
from sync.service.models import RecordRow
from sync.service.push import PushContext, push
from sync.service.visibility import Viewer

ROOT = Path(__file__).resolve().parents[1]


class LockClock:
    """The time from the lock's statement to the end of the COMMIT, per push: the lock is
    taken either by `records.take_revs`/`lock_revs` (then the session commits) or by the
    one message of `push_commit.run` (which commits itself)."""

    def __init__(self) -> None:
        self.started: float | None = None
        self.held: list[float] = []

    def start(self) -> None:
        if self.started is None:
            self.started = time.perf_counter()

    def stop(self) -> None:
        if self.started is not None:
            self.held.append(time.perf_counter() - self.started)
            self.started = None


@contextmanager
def clocked(factory: sessionmaker[Session]) -> Iterator[LockClock]:
    clock = LockClock()
    patched: list[tuple[Any, str, Any]] = []

    def wrap(module: Any, name: str, after: bool) -> None:
        original = getattr(module, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            clock.start()
            try:
                return original(*args, **kwargs)
            finally:
                if after:
                    clock.stop()

        patched.append((module, name, original))
        setattr(module, name, timed)

    for name in ("take_revs", "lock_revs"):
        if hasattr(push_module, name):
            wrap(push_module, name, after=False)
    try:
        from sync.service import push_commit  # the one-message commit, where it exists
        wrap(push_commit, "run", after=True)
    except ImportError:
        pass

    def committed(_session: Session) -> None:
        clock.stop()

    event.listen(Session, "after_commit", committed)
    try:
        yield clock
    finally:
        event.remove(Session, "after_commit", committed)
        for module, name, original in patched:
            setattr(module, name, original)


def _task(case_id: str, title: str, record_id: str | None = None, base_rev: int = 0,
          base: dict[str, Any] | None = None) -> Change:
    return Change(change_id=str(uuid.uuid4()), record_id=record_id or str(uuid.uuid4()),
                  kind="task", case_id=case_id, base_rev=base_rev, base=base or {},
                  set={"title": title, "done": False})


def _ms(values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    return (f"median {statistics.median(ms):.1f} ms, min {ms[0]:.1f}, max {ms[-1]:.1f} "
            f"({len(ms)} pushes)")


def run(db_url: str, rounds: int) -> None:
    engine, read_engine = make_engines(db_url, 4)
    migrate(engine)
    factory, read_factory = make_sessionmaker(engine), make_sessionmaker(read_engine)
    with transaction(factory) as session:
        team = add_team(session, "Wijkteam Slot")
        user = add_user(session, "slot", "bench-wachtwoord", "worker", [team.name])
        device = add_device(session, user, "laptop")[0]
        viewer = Viewer(user.id, user.username, user.display_name, user.role,
                        frozenset({team.id}), device.id)
    ctx = PushContext(viewer=viewer, retention_days=3650)
    case_id = str(uuid.uuid4())
    push(factory, ctx, [Change(
        change_id=str(uuid.uuid4()), record_id=case_id, kind="case", case_id=case_id,
        base_rev=0, set={"title": "Familie Slot", "team_id": team.id,
                         "contact_worker_id": user.id})], read_factory)

    def measure(label: str, make: Callable[[int], list[Change]],
                after: Callable[[list[Change], list[Any]], None] | None = None,
                times: int = rounds) -> None:
        with clocked(factory) as clock:
            for r in range(times):
                changes = make(r)
                answers = push(factory, ctx, changes, read_factory)
                if any(a.status != "applied" for a in answers):
                    raise RuntimeError(f"{label}: not applied: {answers[0]}")
                if after is not None:
                    after(changes, answers)
        print(f"   {label:<24}: rev lock held {_ms(clock.held)}", flush=True)

    measure("push of 1 new task", lambda r: [_task(case_id, f"Taak {r}")])
    measure("push of 1,000 new tasks",
            lambda r: [_task(case_id, f"Taak {r}.{i}") for i in range(1000)])
    with factory() as session:  # the last push's tasks, to edit
        rows = session.scalars(select(RecordRow).where(RecordRow.kind == "task")
                               .order_by(RecordRow.rev.desc()).limit(1000)).all()
        now = {r.id: (r.rev, r.fields["title"]) for r in rows}

    def edits(r: int) -> list[Change]:
        changes = [_task(case_id, f"{title} ({r})", record_id=rid, base_rev=rev,
                         base={"title": title}) for rid, (rev, title) in now.items()]
        for c in changes:  # what the service holds after this push
            now[c.record_id] = (0, c.set["title"])
        return changes

    answers_of: dict[str, int] = {}

    def edits_then_revs(r: int) -> list[Change]:
        for rid, rev in answers_of.items():
            now[rid] = (rev, now[rid][1])
        return edits(r)

    def record_revs(changes: list[Change], answers: list[Any]) -> None:
        for c, a in zip(changes, answers, strict=True):
            answers_of[c.record_id] = a.rev

    measure("push of 1,000 edits", edits_then_revs, record_revs)

    def new_cases(r: int) -> list[Change]:  # a laptop's thousand cases made offline
        changes = []
        for c in range(1000):
            made = str(uuid.uuid4())
            changes.append(Change(
                change_id=str(uuid.uuid4()), record_id=made, kind="case", case_id=made,
                base_rev=0, set={"title": f"Familie {r}.{c}", "team_id": team.id,
                                 "contact_worker_id": user.id}))
            changes += [_task(made, f"Taak {i}") for i in range(28)]
        return changes

    measure("push of 1,000 new cases", new_cases, times=3)
    engine.dispose()
    read_engine.dispose()


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    sys.path.insert(0, str(ROOT))
    from tests.pg import start_cluster

    cluster = start_cluster(durable=True)
    try:
        print("-- the rev lock, in-process, durable PostgreSQL 15", flush=True)
        run(cluster.create_database("lock"), rounds)
        print("-- the same with synchronous_commit = off (no WAL flush in the COMMIT)",
              flush=True)
        url = cluster.create_database("lock_async")
        engine = make_engines(url, 1)[0]
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ALTER DATABASE lock_async SET synchronous_commit = off")
        engine.dispose()
        run(url, rounds)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
