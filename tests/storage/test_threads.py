"""Every method is safe to call from any thread: the window reads while edits are written."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from tests.storage.conftest import new_case


def test_concurrent_edits_and_reads_keep_records_and_outbox_in_step(store):
    case_id = new_case(store)
    people = [
        store.create_record("person", {"name": f"Persoon {i}"}, case_id=case_id).id
        for i in range(4)
    ]

    def edit(i: int) -> None:
        for n in range(25):
            store.update_record(people[i], {"map_x": n, "notes": f"regel {n}"})

    def read(_: int) -> None:
        for _ in range(25):
            assert store.list_cases()[0].pending >= 1
            store.list_records("person", case_id=case_id)

    with ThreadPoolExecutor(max_workers=6) as pool:
        futures = [pool.submit(edit, i) for i in range(4)]
        futures += [pool.submit(read, i) for i in range(2)]
        for future in futures:
            future.result()
    changes = {c.record_id: c for c in store.take_outbox()}
    assert len(changes) == 5  # the case and four people, each one coalesced create
    for person_id in people:
        assert changes[person_id].set["map_x"] == 24
        assert store.get_record(person_id).fields["notes"] == "regel 24"
    assert store.verify_access_log()
    assert len(store.access_log(case_id)) == 1 + 4 + 4 * 25
