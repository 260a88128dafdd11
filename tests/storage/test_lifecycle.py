"""Open in two processes at once, lock, wipe, purge."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from storage.errors import StoreLocked
from storage.store import CaseStore
from tests.storage.conftest import PASSPHRASE, new_case

ROOT = Path(__file__).resolve().parents[2]


def test_the_command_line_reads_while_the_window_has_the_store_open(store, data_dir):
    case_id = new_case(store)
    store.update_record(case_id, {"status": "active"})
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), "status",
         "--passphrase-stdin"],
        input=PASSPHRASE + "\n", text=True, cwd=ROOT, env=dict(os.environ),
        capture_output=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["counts"]["case"] == 1
    store.update_record(case_id, {"status": "closed"})  # and the window goes on writing
    assert store.get_record(case_id).fields["status"] == "closed"


def test_a_closed_store_is_locked(store):
    case_id = new_case(store)
    store.close()
    with pytest.raises(StoreLocked):
        store.get_record(case_id)
    with pytest.raises(StoreLocked):
        store.rekey()


def test_wipe_leaves_nothing_of_the_store(store, data_dir):
    new_case(store)
    store.close()
    CaseStore.wipe(data_dir)
    assert not CaseStore.exists(data_dir)
    assert sorted(p.name for p in data_dir.iterdir()) == []


def test_purge_case_removes_everything_of_it_but_the_access_log(store):
    keep = new_case(store, "Familie Blijft")
    gone = new_case(store, "Familie Weg")
    person = store.create_record("person", {"name": "Iemand Weg"}, case_id=gone)
    store.log_access("open_case", case_id=gone)
    store.purge_case(gone)
    assert store.get_record(person.id) is None
    assert [c.id for c in store.list_cases()] == [keep]
    assert store.history(gone) == []
    assert {c.case_id for c in store.take_outbox()} == {keep}
    assert [e.action for e in store.access_log(gone)] == ["edit", "edit", "open_case", "purge"]
    assert store.verify_access_log()
