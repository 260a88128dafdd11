"""Benchmarks of the central service, on SQLite and on a throwaway PostgreSQL 15 with
durability on (fsync, synchronous_commit and full_page_writes as a deployment runs), through
the real service (uvicorn, two worker processes) over loopback HTTP. Prints figures, each
beside its reference from the same run; asserts nothing.

- push: 10,000 new records in batches of 1,000 (one device), timed per batch;
- first pull: 100,000 records (1,000 cases of 100) by a new device, pages of 5,000;
- under load, driven by `wrk` in a process of its own (see bench/wrk.py), 200 connections:
  the floor (a bare FastAPI route reading the bearer token and running one indexed SELECT on
  SQLite, served the same way), then the no-change sync (each of 200 workers with their own
  device and cases pulls with its cursor at the end), then pushes of one change each
  (3 runs, each printed, then their spread).
  The CPU of wrk, the service (and PostgreSQL) and the rest of the machine is printed beside.

The 100,000 records and the 200 workers' cases are written straight into the database (the
push path is measured on its own); everything measured goes through HTTP.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import insert, text, update

from bench.floor_app import make_floor_db
from bench.options import size
from bench.per_process import watch_processes
from bench.pg_watch import watch_locks
from bench.stats import describe, median
from bench.wrk import LoadResult, WrkSettings, find_wrk, run_wrk
from sync.service.accounts import add_device, add_team, add_user
from sync.service.db import make_engine, make_sessionmaker, migrate, transaction
from sync.service.models import CaseAccess, Device, Membership, RecordRow, RevCounter, User
from sync.service.process import ServiceProcess, free_port, listening_sockets
from sync.service.security import new_token, token_hash

ROOT = Path(__file__).resolve().parents[1]
LUA = Path(__file__).with_name("sync_load.lua")
PUSH_TOTAL = size(10_000, 1_000)
PUSH_BATCH = size(1_000, 250)
PULL_CASES = size(1_000, 50)
PULL_PER_CASE = 100
CLIENTS = size(200, 20)
CLIENT_CASES = 2  # each of the CLIENTS workers has their own cases
CLIENT_RECORDS = 10  # per case
WORKERS = 2
# Connections each service process keeps. Its sync routes run in anyio's thread pool of 40,
# so up to 40 hold a connection at once; a smaller pool hands out overflow connections and
# closes them when they come back: at 20, 150-280 new PostgreSQL sessions in 10 s under wrk
# and twice the PostgreSQL CPU of a pool of 40 (5 sessions) (bench_scale.py prints them).
POOL_SIZE = 40
LOAD = WrkSettings(threads=2, connections=CLIENTS, seconds=size(10, 3), timeout_s=2)
# The push under load runs this often per database, a pause apart, and prints its spread.
PUSH_RUNS = size(3, 1)
PUSH_PAUSE_S = 3
PASSWORD = "bench-wachtwoord"


@dataclass
class Client:
    user_id: str
    token: str
    case_ids: list[str]


@dataclass
class Cast:
    team_id: str
    pusher: tuple[str, str]  # (user id, token): pushes 10,000 changes into its own case
    puller: tuple[str, str]  # holds the 100,000 records; a new device pulls them
    clients: list[Client]  # the syncing workers under load, each with one device


def _prepare(db_url: str) -> Cast:
    """Migrate; a team, the pusher, the puller and CLIENTS workers with a device each."""
    engine = make_engine(db_url)
    migrate(engine)
    with transaction(make_sessionmaker(engine)) as session:
        team = add_team(session, "Wijkteam Bench")
        pusher = add_user(session, "pusher", PASSWORD, "worker", [team.name])
        puller = add_user(session, "puller", PASSWORD, "worker", [team.name])
        now = dt.datetime.now(dt.UTC)
        # No one logs in with these: they share one Argon2id hash instead of 200 of them.
        users = [User(id=str(uuid.uuid4()), username=f"werker{i}", display_name=f"Werker {i}",
                      role="worker", password_hash=pusher.password_hash, created_at=now)
                 for i in range(CLIENTS)]
        session.add_all(users)
        session.flush()
        session.add_all(Membership(user_id=u.id, team_id=team.id) for u in users)
        clients = []
        for user in users:
            token = new_token()
            session.add(Device(id=str(uuid.uuid4()), user_id=user.id, name="laptop",
                               token_hash=token_hash(token), created_at=now, revoked_at=None))
            clients.append(Client(user.id, token, []))
        cast = Cast(team.id, (pusher.id, add_device(session, pusher, "laptop")[1]),
                    (puller.id, add_device(session, puller, "laptop")[1]), clients)
    engine.dispose()
    return cast


def _bulk_cases(db_url: str, team_id: str, owners: list[tuple[str, int, int]]) -> list[list[str]]:
    """For each (user id, cases, records per case) that many cases straight into the tables;
    returns each owner's case ids."""
    engine = make_engine(db_url)
    now = dt.datetime.now(dt.UTC)
    made: list[list[str]] = []
    with transaction(make_sessionmaker(engine)) as session:
        rev = session.get(RevCounter, 1).value  # type: ignore[union-attr]
        access, rows = [], []
        for user_id, cases, per_case in owners:
            made.append([])
            for c in range(cases):
                case_id = str(uuid.uuid4())
                made[-1].append(case_id)
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
    return made


def _settings_line(db_url: str) -> str:
    """What the database itself says about durability (read, not assumed)."""
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            if db_url.startswith("sqlite"):
                sync = conn.exec_driver_sql("PRAGMA synchronous").scalar()
                journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
                names = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}
                return f"journal_mode={journal}, synchronous={names.get(sync, sync)}"
            shown = [f"{name}={conn.execute(text(f'SHOW {name}')).scalar()}"
                     for name in ("fsync", "synchronous_commit", "full_page_writes")]
            return ", ".join(shown)
    finally:
        engine.dispose()


@contextmanager
def _server(db_url: str) -> Iterator[ServiceProcess]:
    with ServiceProcess(db_url, workers=WORKERS,
                        env={"KEUKENTAFEL_DB_POOL_SIZE": str(POOL_SIZE)}) as service:
        try:
            yield service
        except Exception:
            print("   server log, last lines:\n" + service.log_tail())
            raise


@contextmanager
def _floor_server(folder: Path, clients: list[Client], workers: int = WORKERS
                  ) -> Iterator[tuple[str, int]]:
    db = Path(tempfile.mkdtemp(dir=folder)) / "floor.sqlite3"
    make_floor_db(db, [(c.token, c.user_id) for c in clients])
    port = free_port()
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen([sys.executable, "-m", "bench.floor_app", str(db), str(port),
                             str(workers)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                # Every worker listening, as ServiceProcess waits for the service's.
                if (httpx.get(url + "/floor", timeout=1).status_code == 401
                        and listening_sockets(port) >= workers):
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(f"the floor app did not start: {log.read()[-800:]!r}")
            time.sleep(0.1)
        yield url, proc.pid
    finally:
        proc.terminate()
        proc.wait(30)
        log.close()


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
            if not all(r["status"] == "applied" for r in response.json()["results"]):
                raise RuntimeError("a benchmark push was not applied")
        total = time.perf_counter() - started
    print(f"   push {PUSH_TOTAL:,} new records in batches of {PUSH_BATCH:,}: {total:.1f} s, "
          f"{PUSH_TOTAL / total:,.0f} changes/s; per batch {describe(times, digits=0)}",
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


def _clients_file(base: str, clients: list[Client], path: Path) -> None:
    """Bring every client's cursor to the end (not measured) and write wrk's clients file."""
    lines = []
    with httpx.Client(base_url=base, timeout=120) as http:
        for client in clients:
            cursor = ""
            while True:
                page = http.get("/api/v1/sync/pull", params={"cursor": cursor, "limit": 5000},
                                headers={"Authorization": f"Bearer {client.token}"})
                page.raise_for_status()
                cursor = page.json()["cursor"]
                if not page.json()["more"]:
                    break
            lines.append(f"{client.token}\t{cursor}\t{client.case_ids[0]}\n")
    path.write_text("".join(lines))


def _load(mode: str, url: str, clients_file: Path, watch: dict[str, int]) -> LoadResult:
    return run_wrk(LOAD, LUA, url, [mode, str(clients_file), str(LOAD.threads)], watch)


def _print_load(label: str, result: LoadResult) -> None:
    print(f"   {label:<38}: {result.line()}", flush=True)
    print(f"   {'':<38}  {result.cpu_line()}", flush=True)


def _postmaster(db_url: str) -> dict[str, int]:
    """The PostgreSQL server's pid, for its CPU time (its backends are its children)."""
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            folder = conn.execute(text("SHOW data_directory")).scalar()
    finally:
        engine.dispose()
    return {"PostgreSQL": int(Path(str(folder), "postmaster.pid").read_text().split()[0])}


def _run(name: str, db_url: str, folder: Path) -> None:
    print(f"-- {name} ({_settings_line(db_url)})", flush=True)
    started = time.perf_counter()
    cast = _prepare(db_url)
    owners = [(cast.puller[0], PULL_CASES, PULL_PER_CASE)]
    owners += [(c.user_id, CLIENT_CASES, CLIENT_RECORDS) for c in cast.clients]
    # Before the service starts: whatever it may keep in memory, it finds them in place.
    made = _bulk_cases(db_url, cast.team_id, owners)
    for client, case_ids in zip(cast.clients, made[1:], strict=True):
        client.case_ids = case_ids
    print(f"   (accounts and {sum(o[1] * o[2] for o in owners):,} records written straight "
          f"into the tables in {time.perf_counter() - started:.1f} s)", flush=True)
    database = {} if db_url.startswith("sqlite") else _postmaster(db_url)
    with _server(db_url) as service:
        _bench_push(service.url, cast.pusher[1], cast.team_id, cast.pusher[0])
        _bench_first_pull(service.url, cast.puller[1])
        clients_file = folder / f"clients-{name.split()[0].lower()}.tsv"
        _clients_file(service.url, cast.clients, clients_file)
        print(f"   under load: {LOAD}; {len(cast.clients)} workers each with their own "
              f"device and {CLIENT_CASES} cases; {WORKERS} uvicorn workers for each server; "
              f"p50/p99 are wrk's (nearest rank over the answered requests; a time-out is "
              f"no answer within {LOAD.timeout_s} s and is counted apart)", flush=True)
        with _floor_server(folder, cast.clients) as (floor_url, floor_pid):
            floor = _load("floor", floor_url, clients_file, {"floor app": floor_pid})
        _print_load("floor: bare FastAPI route + 1 SELECT", floor)
        watch = {"service": service.proc.pid, **database}  # type: ignore[union-attr]
        quiet = _load("pull", service.url, clients_file, watch)
        _print_load("no-change sync", quiet)
        print(f"   {'':<38}  = {quiet.rate / floor.rate:.2f} of the floor's requests/s, "
              f"p99 {quiet.p99_ms / max(floor.p99_ms, 0.001):.1f}x the floor's", flush=True)
        _push_runs(service, clients_file, watch, db_url if database else None)


def _push_runs(service: ServiceProcess, clients_file: Path, watch: dict[str, int],
               pg_url: str | None) -> None:
    """The push under load PUSH_RUNS times, each printed, then their spread: one noisy run
    on the shared machine no longer decides the figure. CPU per push is each watched
    process tree's CPU seconds over the run divided by the pushes answered."""
    runs: list[LoadResult] = []
    for number in range(1, PUSH_RUNS + 1):
        if number > 1:
            time.sleep(PUSH_PAUSE_S)  # let the last run's stragglers and checkpoints settle
        with ExitStack() as stack:
            per_process = stack.enter_context(watch_processes(service.proc.pid,  # type: ignore[union-attr]
                                                              service.port))
            locks = stack.enter_context(watch_locks(pg_url)) if pg_url else None
            pushes = _load("push", service.url, clients_file, watch)
        runs.append(pushes)
        _print_load(f"push of 1 change (new task), run {number}/{PUSH_RUNS}", pushes)
        per_push = ", ".join(f"{name} {cpu * 1000 / max(pushes.requests, 1):.2f} ms"
                             for name, cpu in pushes.service_cpu.items())
        print(f"   {'':<38}  = {pushes.requests:,} pushes in {pushes.seconds:.1f} s; "
              f"CPU a push: {per_push}", flush=True)
        print(f"   {'':<38}  {per_process.line()}", flush=True)
        if locks is not None:
            print(f"   {'':<38}  {locks.line()}", flush=True)
            # With backends queued for the rev lock all along, it is never free: the time
            # between pushes is how long each held it, the hand-over included.
            print(f"   {'':<38}  the rev lock changed hands every "
                  f"{pushes.seconds * 1000 / max(pushes.requests, 1):.1f} ms on average",
                  flush=True)
    print(f"   {'push of 1 change, ' + str(PUSH_RUNS) + ' runs':<38}: {_spread(runs)}",
          flush=True)


def _spread(runs: list[LoadResult]) -> str:
    """'min/median/max' of requests/s, p99 and time-outs over the runs."""
    def three(values: list[float], digits: int = 0) -> str:
        return "/".join(f"{v:,.{digits}f}" for v in (min(values), median(values), max(values)))

    service_ms = [r.service_cpu["service"] * 1000 / max(r.requests, 1) for r in runs]
    return (f"min/median/max requests/s {three([r.rate for r in runs])}, "
            f"p99 {three([r.p99_ms for r in runs])} ms, "
            f"time-outs {three([float(r.timeouts) for r in runs])}, "
            f"service CPU a push {three(service_ms, 2)} ms")


def main() -> None:
    find_wrk()  # before minutes of preparation: stop at once when it is missing
    # tests/pg.py holds the throwaway-cluster code the test suite uses as well.
    sys.path.insert(0, str(ROOT))
    from tests.pg import start_cluster

    with tempfile.TemporaryDirectory(prefix="kt-bench-service-") as tmp:
        folder = Path(tmp)
        _run("SQLite", f"sqlite:///{folder}/bench.sqlite3", folder)
        cluster = start_cluster(durable=True)
        try:
            _run("PostgreSQL 15", cluster.create_database("bench"), folder)
        finally:
            cluster.stop()


if __name__ == "__main__":
    main()
