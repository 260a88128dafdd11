"""The service on two processes beside one, on one throwaway PostgreSQL 15 with durability
on: the no-change sync of 200 workers (each their own device and cases, their cursor at the
end) driven by `wrk` in a process of its own (bench/wrk.py, bench/sync_load.lua), 200
connections. Printed beside each other: syncs per second, p50 and p99, and the CPU of wrk,
the service's processes and PostgreSQL over the run. Asserts nothing.

"Two processes" is `keukentafel-server serve --workers 2` (as installer/service/ runs it):
two uvicorn processes on one socket, sharing nothing but PostgreSQL, the same as two hosts
behind a proxy minus the proxy. The accounts and cases are written straight into the
tables (bench_service.py's helpers), the same database serves both runs, and each run starts
its service afresh.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.bench_service import (
    CLIENT_CASES,
    CLIENT_RECORDS,
    LOAD,
    LUA,
    _bulk_cases,
    _clients_file,
    _postmaster,
    _prepare,
    _settings_line,
)
from bench.wrk import LoadResult, find_wrk, run_wrk
from sync.service.process import ServiceProcess

ROOT = Path(__file__).resolve().parents[1]
PROCESSES = (1, 2)


def _measure(db_url: str, processes: int, clients_file: Path, database: dict[str, int]
             ) -> LoadResult:
    with ServiceProcess(db_url, workers=processes,
                        env={"KEUKENTAFEL_DB_POOL_SIZE": "20"}) as service:
        try:
            # One short warm-up pass: each process opens its pool and fills its caches.
            run_wrk(replace(LOAD, seconds=1), LUA,
                    service.url, ["pull", str(clients_file), str(LOAD.threads)], {})
            return run_wrk(LOAD, LUA, service.url,
                           ["pull", str(clients_file), str(LOAD.threads)],
                           {"service": service.proc.pid, **database})  # type: ignore[union-attr]
        except Exception:
            print("   server log, last lines:\n" + service.log_tail())
            raise


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
            results = {n: _measure(db_url, n, clients_file, database) for n in PROCESSES}
            for n, result in results.items():
                label = f"{n} process{'es' if n > 1 else ''}"
                print(f"   {label:<12}: {result.line()}", flush=True)
                print(f"   {'':<12}  {result.cpu_line()}", flush=True)
            one, two = results[1], results[2]
            print(f"   2 beside 1  : {two.rate / one.rate:.2f}x the syncs per second, "
                  f"p99 {two.p99_ms / max(one.p99_ms, 0.001):.2f}x", flush=True)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
