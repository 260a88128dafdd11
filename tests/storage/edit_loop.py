"""A worker editing as fast as they can, until the test kills the process (SIGKILL).

Run as `python -m tests.storage.edit_loop DATA_DIR SNAPSHOT` with the passphrase on
standard input. It makes a store with a few records that the "service" has taken (rev 1),
writes their fields to SNAPSHOT and then edits, creates and deletes in a loop for ever,
printing `editing` once five rounds are in.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from storage.store import CaseStore
from sync.protocol import Result

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"


def main() -> None:
    data_dir, snapshot = Path(sys.argv[1]), Path(sys.argv[2])
    store = CaseStore.create(data_dir, sys.stdin.readline().rstrip("\n"))
    case_id = store.create_record("case", {"title": "Familie Lus", "team_id": TEAM_ID}).id
    people = [
        store.create_record("person", {"name": f"Persoon {i}", "map_x": 0}, case_id=case_id).id
        for i in range(5)
    ]
    store.apply_push_results([
        Result(change_id=c.change_id, status="applied", rev=1) for c in store.take_outbox()
    ])
    snapshot.write_text(json.dumps({r.id: r.fields for r in store.list_records()}))
    i = 0
    while True:
        i += 1
        if i == 6:  # some edits are in, however slow the machine: the kill may come now
            print("editing", flush=True)
        store.update_record(people[i % 4], {"map_x": i, "notes": f"bewerking {i}"})
        task = store.create_record("task", {"title": f"taak {i}"}, case_id=case_id)
        store.update_record(task.id, {"done": i % 2 == 0})
        if i % 3 == 0:
            store.delete_record(task.id)
        if i == 50:
            store.delete_record(people[4])  # a record the service has: a tombstone change


if __name__ == "__main__":
    main()
