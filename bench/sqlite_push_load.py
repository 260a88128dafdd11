"""The SQLite half of bench_service.py's load figures, alone: the no-change sync and the
push of one new task under wrk (200 connections, 2 service processes), for A/B runs of the
SQLite write path (docs/protocol.md, "Push under load"). The data is bench_service's
(the puller's 100,000 records and the 200 workers' cases, written straight into the
tables); the push-of-batches, first-pull and floor figures are left out.

    flock /tmp/kt-bench.lock .venv/bin/python -m bench.sqlite_push_load [rounds [connections]]

`rounds` (default 1) runs the push load that many times on the same service; `connections`
(default bench_service's 200) sets wrk's.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench import bench_service as bs
from bench.per_process import watch_processes
from bench.wrk import find_wrk


def main(rounds: int = 1, connections: int | None = None) -> None:
    if connections is not None:  # e.g. 1: the write path without contention
        bs.LOAD = bs.WrkSettings(threads=1, connections=connections,
                                 seconds=bs.LOAD.seconds, timeout_s=bs.LOAD.timeout_s)
    find_wrk()
    with tempfile.TemporaryDirectory(prefix="kt-bench-sqlite-push-") as tmp:
        folder = Path(tmp)
        db_url = f"sqlite:///{folder}/bench.sqlite3"
        print(f"-- SQLite ({bs._settings_line(db_url)})", flush=True)
        started = time.perf_counter()
        cast = bs._prepare(db_url)
        owners = [(cast.puller[0], bs.PULL_CASES, bs.PULL_PER_CASE)]
        owners += [(c.user_id, bs.CLIENT_CASES, bs.CLIENT_RECORDS) for c in cast.clients]
        made = bs._bulk_cases(db_url, cast.team_id, owners)
        for client, case_ids in zip(cast.clients, made[1:], strict=True):
            client.case_ids = case_ids
        print(f"   (prepared in {time.perf_counter() - started:.1f} s)", flush=True)
        with bs._server(db_url) as service:
            clients_file = folder / "clients.tsv"
            bs._clients_file(service.url, cast.clients, clients_file)
            watch = {"service": service.proc.pid}  # type: ignore[union-attr]
            quiet = bs._load("pull", service.url, clients_file, watch)
            bs._print_load("no-change sync", quiet)
            for _ in range(rounds):
                with watch_processes(service.proc.pid, service.port) as per_process:  # type: ignore[union-attr]
                    pushes = bs._load("push", service.url, clients_file, watch)
                bs._print_load("push of 1 change (new task)", pushes)
                print(f"   {'':<38}  = {pushes.requests:,} pushes in {pushes.seconds:.1f} s; "
                      f"{per_process.line()}", flush=True)


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
