"""A process killed in the middle of a series of edits leaves records and outbox in step."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from storage.store import CaseStore
from tests.storage.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def _edit_then_kill(data_dir: Path, snapshot: Path, delay: float) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.storage.edit_loop", str(data_dir), str(snapshot)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        child.stdin.write(PASSPHRASE + "\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "editing"
        time.sleep(delay)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


def _check_in_step(store: CaseStore, pushed: dict[str, dict]) -> int:
    changes = store.take_outbox(limit=100_000)
    by_record = {}
    for change in changes:
        assert change.record_id not in by_record, "one pending change per record"
        by_record[change.record_id] = change
    records = {r.id: r for r in store.list_records(include_deleted=True)}
    assert set(by_record) <= set(records), "an outbox entry without its record"
    edits = 0
    for record in records.values():
        change = by_record.get(record.id)
        if record.id in pushed:
            # Known to the service: every local difference must be in its change.
            differs = {k for k, v in record.fields.items() if pushed[record.id].get(k) != v}
            if record.deleted:
                assert change is not None and change.delete
                continue
            if change is None:
                assert differs == set()
                continue
            assert change.base_rev == 1 and not change.delete
            assert differs <= set(change.set)
            assert all(record.fields[k] == v for k, v in change.set.items())
            assert all(pushed[record.id].get(k) == v for k, v in change.base.items())
            edits += 1
        elif record.deleted:
            assert change is None  # created and deleted before any push: nothing to send
        else:
            assert change is not None and change.base == {} and change.base_rev == 0
            assert change.set == {k: v for k, v in record.fields.items() if v is not None}
        # The timeline holds the record's latest values too.
        history = [h for h in store.history(record.case_id) if h.record_id == record.id]
        assert history, "an edit without its timeline entry"
        if not record.deleted:
            latest: dict = {}
            for h in history:
                latest.update(h.changes)
            assert all(record.fields[k] == v for k, v in latest.items())
    return edits


def test_a_killed_editor_leaves_records_and_outbox_in_step(tmp_path):
    rng = random.Random(7513)
    for attempt in range(3):
        data_dir, snapshot = tmp_path / f"data{attempt}", tmp_path / f"pushed{attempt}.json"
        _edit_then_kill(data_dir, snapshot, rng.uniform(0.05, 0.6))
        pushed = json.loads(snapshot.read_text())
        with CaseStore.open(data_dir, PASSPHRASE) as store:  # integrity checks at open
            with store._db.read() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert store.verify_access_log()
            assert _check_in_step(store, pushed) >= 1
            assert len(store.list_records("task", include_deleted=True)) > 3
