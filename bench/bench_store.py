"""Benchmarks of the local store; figures are printed, never asserted.

- unlock: Argon2id + unwrap + integrity check + open, as at every start;
- 10,000 record inserts with their outbox, timeline and access-log rows through the API
  (`create_records`, 500 a transaction), and single edits (`update_record`, one a transaction);
- the case list of 1,000 cases, plain and searched;
- the same workload on SQLCipher and on plain SQLite (same code, no key), as a ratio
  (target: at most 1.3);
- a first pull: one page of 5,000 records applied to an empty store;
- the same inserts written with the stdlib `sqlite3` module in the same transactions as the
  floor (target: the store's API at most 2x the floor).
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.options import size
from bench.stats import median

RECORDS = size(10_000, 1_000)
BATCH = 500
CASES_LISTED = size(1_000, 100)
SINGLE_EDITS = size(100, 20)
ROUNDS = size(3, 2)
PULLED = size(5_000, 500)
PASSPHRASE = "bench passphrase, not a secret"
TEAM = "0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
WORKER = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"


def _timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _workload() -> list[Any]:
    from storage.demo import demo_records

    out: list[Any] = []
    for record in demo_records(1_000, team_id=TEAM, contact_worker_id=WORKER, seed=99):
        out.append(record)
        if len(out) == RECORDS:
            return out
    raise RuntimeError("the demo generator ran out of records")


def _batches(items: list[Any]) -> list[list[Any]]:
    return [items[i:i + BATCH] for i in range(0, len(items), BATCH)]


def _fresh_store(folder: Path, encrypted: bool) -> Any:
    from storage import keys, migrations
    from storage.database import DB_NAME, Database
    from storage.store import CaseStore

    if encrypted:
        return CaseStore.create(folder, PASSPHRASE)
    # The plain twin: the same CaseStore code on a Database without a key (bench only).
    folder.mkdir(parents=True)
    db = Database(folder / DB_NAME, None)
    with db.write() as conn:
        migrations.upgrade(conn)
    return CaseStore(folder, db, keys.WrappingKey.derive(PASSPHRASE), "file")


def _insert_api(store: Any, workload: list[Any]) -> float:
    def run() -> None:
        for batch in _batches(workload):
            store.create_records([(r.kind, r.fields, r.case_id, r.record_id) for r in batch])

    return _timed(run)


def _single_edits(store: Any) -> float:
    people = store.list_records("person")[:SINGLE_EDITS]

    def run() -> None:
        for i, person in enumerate(people):
            store.update_record(person.id, {"map_x": i, "notes": f"regel {i}"})

    return _timed(run) / len(people)


def _seed_cases(store: Any) -> None:
    from storage.demo import seed_store

    have = len(store.list_cases())
    if have < CASES_LISTED:
        seed_store(store, CASES_LISTED - have, team_id=TEAM, contact_worker_id=WORKER, seed=5)


def _insert_floor(folder: Path, workload: list[Any]) -> float:
    """The same rows in the same transactions with the stdlib sqlite3 module and nothing else."""
    from sqlalchemy import create_engine, event

    from storage import access_log, migrations
    from storage.database import fold
    from storage.models import RECORD_TABLES
    from storage.records import now
    from sync.schema import KINDS

    folder.mkdir(parents=True)
    path = folder / "floor.db"
    engine = create_engine(f"sqlite:///{path}")
    # The store's triggers keep its search column with this function (migration 0007): the
    # floor pays for them as the store does.
    event.listen(engine, "connect", lambda dbapi, _: dbapi.create_function(
        "kt_fold", 1, fold, deterministic=True))
    with engine.begin() as conn:
        migrations.upgrade(conn)
    engine.dispose()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.create_function("kt_fold", 1, fold, deterministic=True)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "temp_store = MEMORY",
                   "foreign_keys = ON"):
        conn.execute(f"PRAGMA {pragma}")
    def record_sql(kind: str) -> str:
        columns = ", ".join(f'"{n}"' for n in KINDS[kind].fields)
        marks = ", ".join("?" * (6 + len(KINDS[kind].fields)))
        return (f"INSERT INTO {RECORD_TABLES[kind].name} (id, case_id, rev, deleted, "
                f"updated_by, updated_at, {columns}) VALUES ({marks})")

    record_sqls = {kind: record_sql(kind) for kind in KINDS}
    outbox_sql = ('INSERT INTO outbox (change_id, record_id, kind, case_id, base_rev, base, '
                  '"set", "delete", state, created_at) VALUES (?, ?, ?, ?, 0, \'{}\', ?, 0, '
                  "'pending', ?)")
    history_sql = ("INSERT INTO history (at, case_id, record_id, kind, action, changes, by, "
                   "source) VALUES (?, ?, ?, ?, 'create', ?, ?, 'local')")
    log_sql = ("INSERT INTO access_log (id, at, user_id, device_id, case_id, record_id, action, "
               "detail, prev_hash, hash, pushed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
    prev = access_log.GENESIS

    def run() -> None:
        nonlocal prev
        for batch in _batches(workload):
            stamp = now()
            rows: dict[str, list[tuple[Any, ...]]] = {}
            outbox, history, log = [], [], []
            for r in batch:
                values = [r.fields.get(n) for n in KINDS[r.kind].fields]
                values = [json.dumps(v) if isinstance(v, list) else v for v in values]
                rows.setdefault(r.kind, []).append(
                    (r.record_id, r.case_id, 0, 0, None, stamp, *values))
                given = json.dumps({k: v for k, v in r.fields.items() if v is not None})
                outbox.append((str(uuid.uuid4()), r.record_id, r.kind, r.case_id, given, stamp))
                history.append((stamp, r.case_id, r.record_id, r.kind, given, None))
            for case_id in dict.fromkeys(r.case_id for r in batch):
                entry = {"id": str(uuid.uuid4()), "at": stamp, "user_id": None,
                         "device_id": None, "case_id": case_id, "record_id": None,
                         "action": "edit", "detail": "create"}
                digest = access_log.entry_hash(prev, entry)
                log.append((*entry.values(), prev, digest))
                prev = digest
            conn.execute("BEGIN IMMEDIATE")
            for kind, kind_rows in rows.items():
                conn.executemany(record_sqls[kind], kind_rows)
            conn.executemany(outbox_sql, outbox)
            conn.executemany(history_sql, history)
            conn.executemany(log_sql, log)
            conn.execute("COMMIT")

    took = _timed(run)
    conn.close()
    return took


def _pull_page(workload: list[Any]) -> Any:
    from sync.protocol import PullResponse, Record
    from sync.schema import full_fields

    records = [
        Record(id=r.record_id, kind=r.kind, case_id=r.case_id, rev=i + 1,
               fields=full_fields(r.kind, r.fields), updated_by="someone",
               updated_at="2026-01-05T09:00:00Z")
        for i, r in enumerate(workload[:PULLED])
    ]
    return PullResponse(records=records, conflicts=[], revoked_case_ids=[], cursor="c",
                        more=False)


def _unlock_time(folder: Path) -> float:
    from storage.store import CaseStore

    return _timed(lambda: CaseStore.open(folder, PASSPHRASE).close())


def main() -> None:
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    workload = _workload()
    page = _pull_page(workload)
    best: dict[str, float] = {}

    def keep(key: str, seconds: float) -> None:
        best[key] = min(seconds, best.get(key, float("inf")))

    # The machine is shared: the variants take turns, and each figure is the best of its
    # rounds, so that a neighbour's burst of work does not land on one side only.
    with tempfile.TemporaryDirectory(prefix="kt-bench-") as tmp:
        root = Path(tmp)
        stores: dict[str, Any] = {}
        for round_ in range(ROUNDS):
            for name, encrypted in (("sqlcipher", True), ("plain", False)):
                store = _fresh_store(root / f"{name}{round_}", encrypted)
                keep(f"{name}.insert", _insert_api(store, workload))
                if round_ == ROUNDS - 1:
                    stores[name] = store
                else:
                    store.close()
            keep("floor.insert", _insert_floor(root / f"floor{round_}", workload))
            for name, encrypted in (("sqlcipher", True), ("plain", False)):
                store = _fresh_store(root / f"pull-{name}{round_}", encrypted)
                keep(f"{name}.pull", _timed(lambda s=store: s.apply_pull_page(page)))
                store.close()
        for store in stores.values():
            _seed_cases(store)
        for _ in range(ROUNDS):
            for name, store in stores.items():
                keep(f"{name}.single", _single_edits(store))
                keep(f"{name}.list", _timed(store.list_cases))
                keep(f"{name}.search", _timed(lambda s=store: s.list_cases(search="de boer")))
                keep(f"{name}.list", _timed(store.list_cases))
        for store in stores.values():
            store.close()
        unlocks = [_unlock_time(root / f"sqlcipher{ROUNDS - 1}") for _ in range(ROUNDS)]
        unlock = median(unlocks)

    floor = best["floor.insert"]
    print(f"(best of {ROUNDS} alternating rounds on a shared machine)")
    print(f"unlock (Argon2id 64 MiB t=3, unwrap, cipher_integrity_check, open; "
          f"{CASES_LISTED:,} cases): median {unlock * 1000:.0f} ms of {len(unlocks)}")
    print(f"insert {RECORDS:,} records + outbox/timeline/access log via API, "
          f"{BATCH} a transaction:")
    for name in ("sqlcipher", "plain"):
        took = best[f"{name}.insert"]
        print(f"  {name:<9} {took:6.2f} s  ({RECORDS / took:,.0f} records/s)")
    print(f"  raw sqlite3 floor, same rows and transactions: {floor:6.2f} s "
          f"({RECORDS / floor:,.0f} records/s)")
    print(f"single edit (update_record, own transaction, synchronous=FULL): "
          f"sqlcipher {best['sqlcipher.single'] * 1000:.2f} ms, "
          f"plain {best['plain.single'] * 1000:.2f} ms")
    print(f"list {CASES_LISTED:,} cases: sqlcipher {best['sqlcipher.list'] * 1000:.1f} ms, "
          f"plain {best['plain.list'] * 1000:.1f} ms; searched: sqlcipher "
          f"{best['sqlcipher.search'] * 1000:.1f} ms, plain {best['plain.search'] * 1000:.1f} ms")
    print(f"apply a pull page of {PULLED:,} records to an empty store: sqlcipher "
          f"{best['sqlcipher.pull']:.2f} s, plain {best['plain.pull']:.2f} s")
    print("ratios (targets: sqlcipher/plain <= 1.3, API/floor <= 2.0):")
    for key in ("insert", "single", "list", "search", "pull"):
        print(f"  sqlcipher/plain {key:<7} {best['sqlcipher.' + key] / best['plain.' + key]:.2f}")
    print(f"  API(sqlcipher)/floor insert {best['sqlcipher.insert'] / floor:.2f}")
    print(f"  API(plain)/floor insert     {best['plain.insert'] / floor:.2f}")


if __name__ == "__main__":
    main()
