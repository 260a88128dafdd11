"""The service on two processes beside one, on one throwaway PostgreSQL 15 with durability
on: the no-change sync of 200 workers (each their own device and cases, their cursor at the
end) driven by `wrk` in a process of its own (bench/wrk.py, bench/sync_load.lua), 200
connections. Beside it, from the same run, the floor: the bare FastAPI route of
bench/floor_app.py (bearer token, one indexed SELECT on SQLite) on 1 and 2 processes, served
the way the service is. Printed for each: requests per second, p50 and p99, requests per
CPU second of the server (and PostgreSQL), the CPU of wrk, the service, PostgreSQL and the
rest of the machine, the PostgreSQL sessions opened, and per serving process its share of
the requests, its CPU and the connections it held (bench/per_process.py), so a reader sees
whether the pair was balanced. The rounds are repeated to show the noise. Asserts nothing.

"Two processes" is `keukentafel-server serve --workers 2` (as installer/service/ runs it):
two uvicorn processes sharing nothing but PostgreSQL, the same as two hosts behind a proxy
minus the proxy. The accounts and cases are written straight into the tables
(bench_service.py's helpers), the same database serves every run, and each run starts its
service afresh.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from sqlalchemy import text

from bench.bench_service import (
    CLIENT_CASES,
    CLIENT_RECORDS,
    LOAD,
    LUA,
    POOL_SIZE,
    Client,
    _bulk_cases,
    _clients_file,
    _floor_server,
    _postmaster,
    _prepare,
    _settings_line,
)
from bench.options import size
from bench.per_process import PerProcess, watch_processes
from bench.wrk import LoadResult, find_wrk, run_wrk
from sync.service.db import make_engine
from sync.service.process import ServiceProcess

ROOT = Path(__file__).resolve().parents[1]
PROCESSES = (1, 2)
ROUNDS = size(2, 1)


def _drive(mode: str, url: str, clients_file: Path, watch: dict[str, int], root: int,
           db_url: str | None = None) -> tuple[LoadResult, PerProcess]:
    args = [mode, str(clients_file), str(LOAD.threads)]
    # One short warm-up pass: each process opens its pool and fills its caches.
    run_wrk(replace(LOAD, seconds=1), LUA, url, args, {})
    before = _sessions(db_url) if db_url else 0
    with watch_processes(root, int(url.rsplit(":", 1)[1])) as per_process:
        result = run_wrk(LOAD, LUA, url, args, watch)
    if db_url:
        time.sleep(1.0)  # a PostgreSQL 15 backend publishes its statistics up to 1 s late
        per_process.note = (f"{_sessions(db_url) - before - 1} PostgreSQL sessions opened "
                            f"during the run (pools of {POOL_SIZE})")
    return result, per_process


def _sync(db_url: str, processes: int, clients_file: Path, database: dict[str, int]
          ) -> tuple[LoadResult, PerProcess]:
    with ServiceProcess(db_url, workers=processes,
                        env={"KEUKENTAFEL_DB_POOL_SIZE": str(POOL_SIZE)}) as service:
        root = service.proc.pid  # type: ignore[union-attr]
        try:
            return _drive("pull", service.url, clients_file, {"service": root, **database},
                          root, db_url)
        except Exception:
            print("   server log, last lines:\n" + service.log_tail())
            raise


def _sessions(db_url: str) -> int:
    """Sessions PostgreSQL has opened on the database so far: a pool smaller than the
    requests in flight opens and closes connections all through the run."""
    engine = make_engine(db_url, 1)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(
                "SELECT sessions FROM pg_stat_database WHERE datname = current_database()"
            )).scalar_one())
    finally:
        engine.dispose()


def _floor(folder: Path, clients: list[Client], processes: int, clients_file: Path
           ) -> tuple[LoadResult, PerProcess]:
    with _floor_server(folder, clients, processes) as (url, root):
        return _drive("floor", url, clients_file, {"floor app": root}, root)


def _per_core_second(result: LoadResult) -> float:
    """Requests per CPU second of the server's processes (and PostgreSQL's). On a machine
    shared with other work the requests per second follow the CPU the others leave over;
    this does not, so it says whether a second process costs more per request."""
    return result.requests / max(sum(result.service_cpu.values()), 1e-9)


def _print(label: str, measured: tuple[LoadResult, PerProcess]) -> None:
    result, per_process = measured
    print(f"   {label:<27}: {result.line()}, {_per_core_second(result):,.0f} requests per "
          f"CPU second of the server{' and PostgreSQL' if len(result.service_cpu) > 1 else ''}",
          flush=True)
    print(f"   {'':<27}  {result.cpu_line()}", flush=True)
    print(f"   {'':<27}  {per_process.line()}", flush=True)


def main() -> None:
    find_wrk()
    sys.path.insert(0, str(ROOT))
    from tests.pg import start_cluster

    cluster = start_cluster(durable=True)
    try:
        with tempfile.TemporaryDirectory(prefix="kt-bench-scale-") as tmp:
            db_url = cluster.create_database("scale")
            print(f"-- PostgreSQL 15 ({_settings_line(db_url)})", flush=True)
            started = time.perf_counter()
            cast = _prepare(db_url)
            made = _bulk_cases(db_url, cast.team_id,
                               [(c.user_id, CLIENT_CASES, CLIENT_RECORDS) for c in cast.clients])
            for client, case_ids in zip(cast.clients, made, strict=True):
                client.case_ids = case_ids
            clients_file = Path(tmp) / "clients.tsv"
            with ServiceProcess(db_url) as service:  # cursors to the end, not measured
                _clients_file(service.url, cast.clients, clients_file)
            print(f"   ({len(cast.clients)} workers, {CLIENT_CASES} cases of "
                  f"{CLIENT_RECORDS} records each, prepared in "
                  f"{time.perf_counter() - started:.1f} s); no-change sync under {LOAD}; "
                  f"{len(os.sched_getaffinity(0))} cores",
                  flush=True)
            database = _postmaster(db_url)
            for round_ in range(1, ROUNDS + 1):
                print(f"   round {round_} of {ROUNDS}:", flush=True)
                ratios = {}
                for name, measure in (
                        ("floor", lambda n: _floor(Path(tmp), cast.clients, n, clients_file)),
                        ("no-change sync",
                         lambda n: _sync(db_url, n, clients_file, database))):
                    runs = {}
                    for n in PROCESSES:
                        measured = measure(n)
                        _print(f"{name}, {n} process{'es' if n > 1 else ''}", measured)
                        runs[n] = measured[0]
                    ratios[name] = (runs[2].rate / runs[1].rate,
                                    _per_core_second(runs[2]) / _per_core_second(runs[1]))
                for name, (rate, efficiency) in ratios.items():
                    print(f"   {'2 processes beside 1':<27}: {name} {rate:.2f}x the requests "
                          f"per second, {efficiency:.2f}x the requests per CPU second",
                          flush=True)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
