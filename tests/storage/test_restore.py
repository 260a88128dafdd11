"""Restoring a removed record (undo of a removal) before the service has the delete: the
record and its fields come back and the outbox holds what it held before the delete."""

from __future__ import annotations

import pytest

from storage.errors import RecordNotFound
from sync.protocol import Result
from tests.storage.conftest import new_case


def _applied(change, rev):
    return Result(change_id=change.change_id, status="applied", rev=rev)


def test_a_record_the_service_never_saw_comes_back_as_a_create(store):
    case_id = new_case(store)
    person = store.create_record("person", {"name": "Sanne de Vries", "phone": "06-1"},
                                 case_id=case_id)
    store.delete_record(person.id)
    restored = store.restore_record(person.id)
    assert not restored.deleted and restored.fields == person.fields
    assert not store.get_record(person.id).deleted
    changes = {c.record_id: c for c in store.take_outbox()}
    assert changes[person.id].set == {"name": "Sanne de Vries", "phone": "06-1"}
    assert not changes[person.id].delete and changes[person.id].base == {}


def test_a_pushed_record_gets_back_its_unsent_edits_and_no_tombstone(store):
    case_id = new_case(store)
    person = store.create_record("person", {"name": "Tim Visser"}, case_id=case_id)
    store.apply_push_results([_applied(c, 2) for c in store.take_outbox()])
    store.update_record(person.id, {"phone": "06-2"})
    store.delete_record(person.id)
    store.restore_record(person.id)
    (change,) = store.take_outbox()
    assert not change.delete and change.set == {"phone": "06-2"} and change.base_rev == 2
    assert store.get_record(person.id).fields["phone"] == "06-2"


def test_a_delete_without_other_edits_leaves_nothing_to_send(store):
    case_id = new_case(store)
    person = store.create_record("person", {"name": "Tim Visser"}, case_id=case_id)
    store.apply_push_results([_applied(c, 2) for c in store.take_outbox()])
    store.delete_record(person.id)
    store.restore_record(person.id)
    assert store.take_outbox() == []
    assert [p.id for p in store.list_records("person")] == [person.id]


def test_a_delete_already_sent_cannot_be_taken_back(store):
    case_id = new_case(store)
    person = store.create_record("person", {"name": "Tim Visser"}, case_id=case_id)
    store.apply_push_results([_applied(c, 2) for c in store.take_outbox()])
    store.delete_record(person.id)
    store.take_outbox()  # in flight now
    with pytest.raises(RecordNotFound):
        store.restore_record(person.id)
    assert store.get_record(person.id).deleted
    with pytest.raises(RecordNotFound):
        store.restore_record(case_id)  # not removed at all
