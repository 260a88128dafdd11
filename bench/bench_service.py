"""Benchmarks of the central service, on SQLite and on a throwaway PostgreSQL 15, through a
real uvicorn (two worker processes) over loopback HTTP. Prints figures; asserts nothing.

- push: 10,000 new records in batches of 1,000 (one device);
- first pull: 100,000 records (1,000 cases of 100) by a new device, pages of 5,000;
- no-change sync: 200 concurrent clients, each its own device, pulling with an up-to-date
  cursor; syncs per second and p50/p99 latency.

The 100,000 records (and the 200 clients' small caseload) are written straight into the
database (the push path is measured on its own above); everything measured goes through
HTTP. A no-change sync is the pull a laptop makes when it has nothing to push.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import socket
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import insert, update

from sync.service.accounts import add_device, add_team, add_user
from sync.service.db import make_engine, make_sessionmaker, migrate, transaction
from sync.service.models import CaseAccess, RecordRow, RevCounter
from sync.service.process import ServiceProcess

PUSH_TOTAL = 10_000
PUSH_BATCH = 1_000
PULL_CASES = 1_000
PULL_PER_CASE = 100
CLIENTS = 200
QUIET_CASES = 5  # the caseload of the 200 syncing clients' worker
QUIET_PER_CASE = 20
SYNCS_PER_CLIENT = 5
PASSWORD = "bench-wachtwoord"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _server(db_url: str, workers: int = 2) -> Iterator[str]:
    with ServiceProcess(db_url, workers=workers, env={"KEUKENTAFEL_DB_POOL_SIZE": "20"}) as service:
        try:
            yield service.url
        except Exception:
            print("   server log, last lines:\n" + service.log_tail())
            raise


@dataclass
class Cast:
    team_id: str
    pusher: tuple[str, str]  # (user id, token): pushes 10,000 changes into its own case
    puller: tuple[str, str]  # holds the 100,000 records; a new device pulls them
    quiet: tuple[str, list[str]]  # (user id, tokens of CLIENTS devices): small caseload


def _prepare(db_url: str) -> Cast:
    """Migrate; make a team and three workers with their devices (directly, no Argon2 per
    device)."""
    engine = make_engine(db_url)
    migrate(engine)
    with transaction(make_sessionmaker(engine)) as session:
        team = add_team(session, "Wijkteam Bench")
        users = [add_user(session, name, PASSWORD, "worker", [team.name])
                 for name in ("pusher", "puller", "rustig")]
        cast = Cast(
            team_id=team.id,
            pusher=(users[0].id, add_device(session, users[0], "laptop")[1]),
            puller=(users[1].id, add_device(session, users[1], "laptop")[1]),
            quiet=(users[2].id, [add_device(session, users[2], f"laptop {i}")[1]
                                 for i in range(CLIENTS)]),
        )
    engine.dispose()
    return cast


def _bulk_records(db_url: str, team_id: str, user_id: str, cases: int, per_case: int) -> None:
    """`cases` cases of `per_case` records each for `user_id`, straight into the tables."""
    engine = make_engine(db_url)
    factory = make_sessionmaker(engine)
    now = dt.datetime.now(dt.UTC)
    with transaction(factory) as session:
        rev = session.get(RevCounter, 1).value  # type: ignore[union-attr]
        access, rows = [], []
        for c in range(cases):
            case_id = str(uuid.uuid4())
            access.append({"case_id": case_id, "team_id": team_id,
                           "contact_worker_id": user_id, "status": "active",
                           "closed_on": None})
            rev += 1
            rows.append({"id": case_id, "kind": "case", "case_id": case_id, "rev": rev,
                         "deleted": False, "updated_by": user_id, "updated_at": now,
                         "fields": {"title": f"Familie Bench {c}", "team_id": team_id,
                                    "contact_worker_id": user_id, "status": "active"}})
            for i in range(per_case - 1):
                rev += 1
                rows.append({"id": str(uuid.uuid4()), "kind": "task", "case_id": case_id,
                             "rev": rev, "deleted": False, "updated_by": user_id,
                             "updated_at": now,
                             "fields": {"title": f"Taak {i}", "done": i % 3 == 0}})
        session.execute(insert(CaseAccess), access)
        for start in range(0, len(rows), 10_000):
            session.execute(insert(RecordRow), rows[start:start + 10_000])
        session.execute(update(RevCounter).where(RevCounter.id == 1).values(value=rev))
    engine.dispose()


def _bench_push(base: str, token: str, team_id: str, user_id: str) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    case_id = str(uuid.uuid4())
    with httpx.Client(base_url=base, timeout=300, headers=headers) as client:
        client.post("/api/v1/sync/push", json={"changes": [{
            "change_id": str(uuid.uuid4()), "record_id": case_id, "kind": "case",
            "case_id": case_id, "base_rev": 0,
            "set": {"title": "Familie Push", "team_id": team_id,
                    "contact_worker_id": user_id}}]}).raise_for_status()
        times = []
        started = time.perf_counter()
        for b in range(PUSH_TOTAL // PUSH_BATCH):
            changes = [{"change_id": str(uuid.uuid4()), "record_id": str(uuid.uuid4()),
                        "kind": "task", "case_id": case_id, "base_rev": 0,
                        "set": {"title": f"Taak {b}.{i}", "done": False}}
                       for i in range(PUSH_BATCH)]
            t0 = time.perf_counter()
            response = client.post("/api/v1/sync/push", json={"changes": changes})
            response.raise_for_status()
            times.append(time.perf_counter() - t0)
            assert all(r["status"] == "applied" for r in response.json()["results"])
        total = time.perf_counter() - started
    print(f"   push {PUSH_TOTAL:,} changes in batches of {PUSH_BATCH:,}: {total:.1f} s, "
          f"{PUSH_TOTAL / total:,.0f} changes/s, per batch p50 "
          f"{statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms",
          flush=True)


def _bench_first_pull(base: str, token: str) -> None:
    headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "gzip"}
    count, pages, wire = 0, 0, 0
    cursor = ""
    started = time.perf_counter()
    with httpx.Client(base_url=base, timeout=300, headers=headers) as client:
        while True:
            response = client.get("/api/v1/sync/pull",
                                  params={"cursor": cursor, "limit": 5000})
            response.raise_for_status()
            wire += int(response.headers.get("content-length", 0))
            page = response.json()
            count += len(page["records"])
            pages += 1
            cursor = page["cursor"]
            if not page["more"]:
                break
    total = time.perf_counter() - started
    print(f"   first pull: {count:,} records in {pages} pages, {total:.1f} s, "
          f"{count / total:,.0f} records/s, {wire / 1e6:.1f} MB gzipped on the wire",
          flush=True)


async def _client(
    base: str, token: str, barrier: asyncio.Barrier, latencies: list[float], errors: list[str]
) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    cursor = ""
    async with httpx.AsyncClient(base_url=base, timeout=120, headers=headers) as client:
        while True:  # catch up first (not measured)
            page = (await client.get("/api/v1/sync/pull",
                                     params={"cursor": cursor, "limit": 5000})).json()
            cursor = page["cursor"]
            if not page["more"]:
                break
    await barrier.wait()  # all caught up: start together
    # A new connection, as a laptop's next sync minutes later would open (and because the
    # service closes idle keep-alive connections after 5 s while the others catch up).
    async with httpx.AsyncClient(base_url=base, timeout=120, headers=headers) as client:
        for _ in range(SYNCS_PER_CLIENT):
            t0 = time.perf_counter()
            response = await client.get("/api/v1/sync/pull", params={"cursor": cursor})
            latencies.append(time.perf_counter() - t0)
            if response.status_code != 200 or response.json()["records"]:
                errors.append(str(response.status_code))


async def _bench_no_change(base: str, tokens: list[str]) -> None:
    barrier = asyncio.Barrier(len(tokens) + 1)
    latencies: list[float] = []
    errors: list[str] = []
    tasks = [asyncio.create_task(_client(base, t, barrier, latencies, errors))
             for t in tokens]
    await barrier.wait()
    started = time.perf_counter()
    await asyncio.gather(*tasks)
    total = time.perf_counter() - started
    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1000
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    print(f"   no-change sync, {len(tokens)} concurrent clients x {SYNCS_PER_CLIENT}: "
          f"{len(latencies) / total:,.0f} syncs/s, p50 {p50:.0f} ms, p99 {p99:.0f} ms"
          + (f", {len(errors)} errors" if errors else ""), flush=True)


def _run(name: str, db_url: str) -> None:
    print(f"-- {name}", flush=True)
    cast = _prepare(db_url)
    with _server(db_url) as base:
        _bench_push(base, cast.pusher[1], cast.team_id, cast.pusher[0])
    _bulk_records(db_url, cast.team_id, cast.puller[0], PULL_CASES, PULL_PER_CASE)
    _bulk_records(db_url, cast.team_id, cast.quiet[0], QUIET_CASES, QUIET_PER_CASE)
    with _server(db_url) as base:
        _bench_first_pull(base, cast.puller[1])
        asyncio.run(_bench_no_change(base, cast.quiet[1]))


def main() -> None:
    # tests/pg.py holds the throwaway-cluster code the test suite uses as well.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.pg import start_cluster

    with tempfile.TemporaryDirectory() as folder:
        _run("SQLite", f"sqlite:///{folder}/bench.sqlite3")
    cluster = start_cluster()
    try:
        _run("PostgreSQL 15", cluster.create_database("bench"))
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
