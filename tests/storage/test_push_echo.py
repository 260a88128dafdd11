"""The answer to a push is stored once: the pull that follows brings the same records back
(the echo) and finds nothing to write, not even the rev (issue 15, the laptop's side of a
push). A record that differs at the same rev is still taken."""

from __future__ import annotations

from storage import incoming, records
from sync.protocol import Record, Result
from tests.storage.conftest import new_case

WORKER = "5a0e2f7c-3d4b-4e8a-9c61-2b7d8f0a1e93"
SERVICE_TIME = "2026-03-02T09:15:00.000Z"


def test_the_echo_of_a_push_writes_nothing_and_a_changed_record_is_still_taken(store):
    case_id = new_case(store)
    person = store.create_record("person", {"name": "Sem Testbeeld"}, case_id=case_id)
    batch = store.take_outbox()
    answered = []
    for rev, change in enumerate(batch, start=11):
        record = store.get_record(change.record_id).model_copy(
            update={"rev": rev, "updated_by": WORKER, "updated_at": SERVICE_TIME})
        answered.append(record)
        store.apply_push_results([Result(change_id=change.change_id, status="applied",
                                         rev=rev, record=record)])
    assert store.pending_count() == 0
    history = len(store.history(case_id))

    with store._write() as conn:
        raw = conn.connection.driver_connection
        before = raw.total_changes
        assert incoming.accept_records(conn, answered, records.now()) == 2
        assert raw.total_changes == before  # no row touched

    moved = answered[1].model_copy(update={"fields": {**answered[1].fields, "name": "Sem B."}})
    with store._write() as conn:
        assert incoming.accept_records(conn, [moved], records.now()) == 1
    assert store.get_record(person.id).fields["name"] == "Sem B."
    assert len(store.history(case_id)) == history + 1


def test_a_pulled_record_reaches_the_timeline_as_it_came(store):
    """The timeline's changes are written by pydantic-core, not json.dumps: what the
    timeline and the monitor read back is still every field as the service sent it."""
    case_id = new_case(store)
    sent = {
        "a1b2c3d4-0000-4000-8000-00000000000a": {"name": "Zoë Öztürk-Testbeeld",
                                                 "role": "oom", "later_field": [1, "twee"]},
        "a1b2c3d4-0000-4000-8000-00000000000b": {"name": "Sem \"de\" Tester\n"},
    }
    pulled = [Record(id=record_id, kind="person", case_id=case_id, rev=3, fields=fields,
                     updated_by=WORKER, updated_at=SERVICE_TIME)
              for record_id, fields in sent.items()]
    with store._write() as conn:
        assert incoming.accept_records(conn, pulled, records.now()) == 2
    came = {e.record_id: e.changes for e in store.history(case_id) if e.record_id in sent}
    assert came == sent
