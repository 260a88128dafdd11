"""What PostgreSQL's backends wait for while a load runs: lock waits and the transaction
that holds them up, sampled from pg_stat_activity; and the WAL flushes from pg_stat_wal.

Every push takes the row lock of `rev_counter` and holds it to its commit
(sync/service/push.py), so pushes under load queue on that one lock. A sample every
SAMPLE_S says how many backends wait on a lock, how long the transaction they wait for has
been open (on PostgreSQL a push's transaction is one message that begins by queueing for
the lock, push_commit.py, so this includes its own wait) and what that transaction is
doing at the moment: running a statement ("active"), waiting for the service to send the
next one ("idle in transaction": the lock is held while Python works or waits for the GIL;
a lock-first push), or flushing the WAL of its commit (wait event WALSync/WALWrite).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import text

from bench.stats import percentile
from sync.service.db import make_engine

SAMPLE_S = 0.02

# Waiters queue on the row lock behind the first of them (who holds the tuple lock), so a
# waiter's blockers may be waiters too: the holder is the blocker that waits on no lock.
_SAMPLE = text("""
    WITH waiting AS (
        SELECT pg_blocking_pids(pid) AS blockers FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'),
    holders AS (
        SELECT a.state, a.wait_event, a.pid, a.xact_start,
               extract(epoch FROM clock_timestamp() - a.xact_start) AS age
        FROM pg_stat_activity a
        WHERE a.pid IN (SELECT unnest(blockers) FROM waiting)
          AND a.wait_event_type IS DISTINCT FROM 'Lock')
    SELECT (SELECT count(*) FROM waiting), h.state, h.wait_event, h.age, h.pid, h.xact_start,
           extract(epoch FROM clock_timestamp())
    FROM (SELECT 1) AS one LEFT JOIN holders h ON true
""")
_WAL = text("SELECT wal_sync, wal_sync_time FROM pg_stat_wal")


@dataclass
class LockWatch:
    samples: int = 0
    waiting: list[int] = field(default_factory=list)  # backends waiting on a lock, per sample
    held_s: list[float] = field(default_factory=list)  # the blocking transaction's age
    doing: Counter[str] = field(default_factory=Counter)  # what the blocker was doing
    # (pid, transaction start) -> [first, last] sample time it was seen holding the lock
    seen: dict[tuple[int, object], list[float]] = field(default_factory=dict)
    wal_syncs: int = 0
    wal_sync_ms: float = 0.0
    wall: float = 0.0

    def line(self) -> str:
        if not self.samples:
            return "no samples of PostgreSQL's locks"
        share = sum(1 for w in self.waiting if w) / self.samples
        every_ms = self.wall / self.samples * 1000
        parts = [f"{self.samples} samples of pg_stat_activity (one per {every_ms:.0f} ms): "
                 f"backends waiting on a lock "
                 f"median {percentile(self.waiting, 50):.0f}, max {max(self.waiting)} "
                 f"({share:.0%} of the samples had a wait)"]
        if self.held_s:
            median_ms = percentile(self.held_s, 50) * 1000
            p99_ms = percentile(self.held_s, 99) * 1000
            parts.append(f"the lock holder's transaction open {median_ms:.0f} ms (median), "
                         f"p99 {p99_ms:.0f} ms (its own wait in the queue included)")
            spans = [last - first for first, last in self.seen.values()]
            span_ms = [span * 1000 for span in spans]
            parts.append(f"{len(spans)} holders seen, each holding for "
                         f"{percentile(span_ms, 50):.0f} ms (median), p99 "
                         f"{percentile(span_ms, 99):.0f} ms, from the first to the last sample "
                         f"that saw it (0: seen in one sample only)")
            total = sum(self.doing.values())
            parts.append("it was " + ", ".join(f"{what} {n / total:.0%}"
                                               for what, n in self.doing.most_common(4)))
        if self.wal_syncs:
            each_ms = self.wal_sync_ms / self.wal_syncs
            parts.append(f"{self.wal_syncs} WAL flushes of {each_ms:.1f} ms on average "
                         f"(pg_stat_wal)")
        return "; ".join(parts)


def _doing(state: str | None, wait_event: str | None) -> str:
    if state == "active" and wait_event:
        return f"waiting on {wait_event}"
    return state or "?"


@contextmanager
def watch_locks(db_url: str) -> Iterator[LockWatch]:
    """Sample PostgreSQL's lock waits on `db_url`'s database while the block runs (the
    yielded LockWatch is filled in when it ends). Turns on track_wal_io_timing for the
    cluster (a throwaway one) to time the WAL flushes."""
    engine = make_engine(db_url, 1)
    watch = LockWatch()
    stop = threading.Event()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ALTER SYSTEM SET track_wal_io_timing = on"))
        conn.execute(text("SELECT pg_reload_conf()"))
        time.sleep(0.2)  # the backends read the new setting at their next statement
        wal_before = conn.execute(_WAL).one()

    def sample() -> None:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            while not stop.wait(SAMPLE_S):
                rows = conn.execute(_SAMPLE).all()
                watch.samples += 1
                watch.waiting.append(int(rows[0][0]))
                for _, state, wait_event, age, pid, xact_start, now in rows:
                    if pid is None:
                        continue
                    watch.doing[_doing(state, wait_event)] += 1
                    if age is not None:
                        watch.held_s.append(float(age))
                    watch.seen.setdefault((pid, xact_start), [float(now), 0.0])[1] = float(now)

    sampler = threading.Thread(target=sample, daemon=True)
    started = time.perf_counter()
    sampler.start()
    try:
        yield watch
    finally:
        stop.set()
        sampler.join()
        watch.wall = time.perf_counter() - started
        with engine.connect() as conn:
            syncs, sync_ms = conn.execute(_WAL).one()
        watch.wal_syncs = int(syncs - wal_before[0])
        watch.wal_sync_ms = float(sync_ms - wal_before[1])
        engine.dispose()
