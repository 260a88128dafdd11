"""Benchmarks of the laptop's sync engine against the real service (uvicorn on loopback,
a throwaway PostgreSQL 15). Prints figures; asserts nothing.

- first sync: 1,000 fictional cases (about 50,000 records) into an empty laptop;
- a sync with nothing to do (target: under 50 ms on loopback);
- pushing 1,000 edits (and pulling their echo).

The service's records are written straight into its tables (the service's own benchmark
measures its push path); everything measured here goes through the engine, HTTP and the
encrypted store. The laptop runs in a process of its own; peak memory is its maximum resident
set size, reset after unlocking (Argon2id alone takes 64 MiB).
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert, update

CASES = 1_000
RECORDS_PER_CASE = 50
EDITS = 1_000
NOOP_RUNS = 30
PASSWORD = "bench-wachtwoord"
PASSPHRASE = "bench-wachtzin"


def _rss_mib() -> float:
    """Peak resident set size since the last `_reset_peak` (Linux), else since start."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _reset_peak() -> None:
    # Unlocking the store runs Argon2id with 64 MiB: without this, that would be the peak.
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _fill_service(db_url: str) -> tuple[str, str]:
    """Migrate; one team and worker; CASES demo cases topped up to RECORDS_PER_CASE records."""
    from storage.demo import demo_case
    from sync.service.accounts import add_team, add_user
    from sync.service.db import make_engine, make_sessionmaker, migrate, transaction
    from sync.service.models import CaseAccess, RecordRow, RevCounter

    engine = make_engine(db_url)
    migrate(engine)
    factory = make_sessionmaker(engine)
    with transaction(factory) as session:
        team = add_team(session, "Wijkteam Bench")
        user = add_user(session, "bench", PASSWORD, "worker", [team.name])
        team_id, user_id = team.id, user.id
    now = dt.datetime.now(dt.UTC)
    with transaction(factory) as session:
        rev = session.get(RevCounter, 1).value  # type: ignore[union-attr]
        access, rows = [], []
        for index in range(CASES):
            records = list(demo_case(7, index, team_id=team_id, contact_worker_id=user_id))
            case_id = records[0].case_id
            extra = RECORDS_PER_CASE - len(records)
            for n in range(extra):
                if n % 2:
                    fields = {"title": f"Taak {n}: afspraak nakomen", "done": n % 3 == 0}
                    kind = "task"
                else:
                    fields = {"date": "2026-01-05", "location": "thuis",
                              "notes": "Gesprek aan de keukentafel.\nAfspraken doorgenomen.\n"}
                    kind = "visit"
                records.append(type(records[0])(kind, case_id, str(uuid.uuid4()), fields))
            first = records[0].fields
            access.append({"case_id": case_id, "team_id": team_id, "contact_worker_id": user_id,
                           "status": first.get("status"), "closed_on": None})
            for r in records:
                rev += 1
                rows.append({"id": r.record_id, "kind": r.kind, "case_id": r.case_id,
                             "rev": rev, "deleted": False, "updated_by": user_id,
                             "updated_at": now,
                             "fields": {k: v for k, v in r.fields.items() if v is not None}})
        session.execute(insert(CaseAccess), access)
        for start in range(0, len(rows), 10_000):
            session.execute(insert(RecordRow), rows[start:start + 10_000])
        session.execute(update(RevCounter).where(RevCounter.id == 1).values(value=rev))
    engine.dispose()
    print(f"   service holds {len(rows):,} records in {CASES:,} cases", flush=True)
    return team_id, user_id


def _line(name: str, seconds: float, records: int | None = None) -> None:
    rate = f", {records / seconds:,.0f} records/s" if records else ""
    count = f"{records:,} records, " if records is not None else ""
    print(f"   {name}: {count}{seconds:.2f} s{rate}, peak RSS {_rss_mib():.0f} MiB", flush=True)


def laptop(base: str) -> None:
    """The laptop's side, in a process of its own so that its peak memory is its own."""
    from storage.store import CaseStore
    from sync.client import SyncClient
    from sync.engine import SyncEngine
    from sync.enrolment import enrol_store

    data_dir = Path(tempfile.mkdtemp(prefix="kt-bench-laptop-"))
    store = CaseStore.create(data_dir / "store", PASSPHRASE)
    try:
        enrol_store(store, base, "bench", PASSWORD, "bench laptop")
        client = SyncClient(base, store.get_setting("token"))
        engine = SyncEngine(store, client)
        print(f"   laptop process after unlocking and enrolling: peak RSS {_rss_mib():.0f} MiB",
              flush=True)
        _reset_peak()

        started = time.perf_counter()
        report = engine.run()
        _line("first sync into an empty laptop", time.perf_counter() - started, report.pulled)

        times, pulls = [], []
        cursor = store.get_setting("cursor")
        for _ in range(NOOP_RUNS):
            started = time.perf_counter()
            engine.run()
            times.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            client.pull(cursor)
            pulls.append((time.perf_counter() - started) * 1000)
        times.sort()
        print(f"   sync with nothing to do: median {statistics.median(times):.1f} ms, "
              f"p95 {times[int(len(times) * 0.95) - 1]:.1f} ms, min {times[0]:.1f} ms "
              f"(target < 50 ms), {NOOP_RUNS} runs; the service's pull answer alone: "
              f"median {statistics.median(pulls):.1f} ms", flush=True)

        tasks = store.list_records(kind="task")[:EDITS]
        started = time.perf_counter()
        for n, task in enumerate(tasks):
            store.update_record(task.id, {"title": f"Taak bijgewerkt {n}"})
        saving = time.perf_counter() - started
        print(f"   saving {len(tasks):,} edits locally (one transaction each): {saving:.2f} s",
              flush=True)
        started = time.perf_counter()
        report = engine.run()
        _line(f"pushing {report.pushed:,} edits (batches of 1,000)",
              time.perf_counter() - started, report.pushed)
        print(f"     (then pulled back: {report.pulled:,} records)", flush=True)
        client.close()
    finally:
        store.close()
        CaseStore.wipe(data_dir / "store")


def main() -> None:
    # No developer keyring is touched: the wrapped key goes to a file in the temp folder.
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from sync.service.process import ServiceProcess
    from tests.pg import start_cluster

    cluster = start_cluster()
    try:
        db_url = cluster.create_database("kt_bench_sync")
        started = time.perf_counter()
        _fill_service(db_url)
        print(f"   (filling the service took {time.perf_counter() - started:.1f} s)", flush=True)
        with ServiceProcess(db_url) as service:
            base = service.url
            subprocess.run([sys.executable, "-m", "bench.bench_sync", base], check=True,
                           cwd=Path(__file__).resolve().parents[1])
    finally:
        cluster.stop()


if __name__ == "__main__":
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    if len(sys.argv) > 1:
        laptop(sys.argv[1])
    else:
        main()
