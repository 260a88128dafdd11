"""The outbox: one change per edit, written with the edit; coalescing keeps the first base;
in-flight changes are never altered; push results and pulled pages keep local edits."""

from __future__ import annotations

import pytest

from storage.errors import RecordExists, RecordNotFound
from sync.protocol import Conflict, PullResponse, Record, Result
from sync.schema import SchemaError
from tests.storage.conftest import new_case

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"


def _person(store, case_id, **fields):
    return store.create_record("person", {"name": "Anna Visser", **fields}, case_id=case_id)


def _applied(change, rev, record=None):
    return Result(change_id=change.change_id, status="applied", rev=rev, record=record)


def test_a_create_writes_record_outbox_timeline_and_access_log(store):
    case_id = new_case(store, status="active")
    (change,) = store.take_outbox()
    assert change.record_id == case_id == change.case_id
    assert change.kind == "case" and change.base_rev == 0 and change.base == {}
    assert change.set == {"title": "Familie Jansen", "team_id": TEAM_ID, "status": "active"}
    assert [h.action for h in store.history(case_id)] == ["create"]
    assert [e.action for e in store.access_log(case_id)] == ["edit"]


def test_invalid_edits_are_refused_and_write_nothing(store):
    case_id = new_case(store)
    with pytest.raises(SchemaError):
        store.create_record("person", {"name": 5}, case_id=case_id)
    with pytest.raises(SchemaError):
        store.create_record("person", {"shoe_size": 44, "name": "X"}, case_id=case_id)
    with pytest.raises(SchemaError):
        store.create_record("spaceship", {}, case_id=case_id)
    with pytest.raises(RecordNotFound):
        store.create_record("person", {"name": "X"}, case_id="4b3e9c1e-0000-4000-8000-000000000000")
    person = _person(store, case_id)
    with pytest.raises(SchemaError):
        store.update_record(person.id, {"name": None})
    assert store.pending_count() == 2
    assert store.update_record(person.id, {"name": "Anna Visser"}) == person  # no change
    assert store.pending_count() == 2


def test_edits_before_a_push_coalesce_and_keep_the_first_base(store):
    case_id = new_case(store)
    person = _person(store, case_id, phone="06-1")
    # Pretend the service has it at rev 7: acknowledge the creates.
    batch = store.take_outbox()
    store.apply_push_results([_applied(c, 7) for c in batch])
    assert store.pending_count() == 0
    store.update_record(person.id, {"phone": "06-2"})
    store.update_record(person.id, {"phone": "06-3", "notes": "eerste regel"})
    store.update_record(person.id, {"notes": "tweede regel"})
    (change,) = store.take_outbox()
    assert change.base_rev == 7
    assert change.base == {"phone": "06-1", "notes": None}
    assert change.set == {"phone": "06-3", "notes": "tweede regel"}


def test_an_edit_while_a_change_is_in_flight_starts_a_new_one(store):
    case_id = new_case(store)
    person = _person(store, case_id)
    store.apply_push_results([_applied(c, 3) for c in store.take_outbox()])
    store.update_record(person.id, {"phone": "06-1"})
    (in_flight,) = store.take_outbox()
    store.update_record(person.id, {"phone": "06-2"})
    again = store.take_outbox()
    assert [c.change_id for c in again][0] == in_flight.change_id
    assert again[0] == in_flight  # re-sent exactly as it was
    assert again[1].set == {"phone": "06-2"} and again[1].base == {"phone": "06-1"}
    assert again[1].base_rev == 3
    # The service takes the first: the second now builds on its rev.
    store.apply_push_results([_applied(in_flight, 4)])
    (second,) = store.take_outbox()
    assert second.base_rev == 4
    assert store.get_record(person.id).rev == 4


def test_a_create_absorbs_later_edits_without_a_base(store):
    case_id = new_case(store)
    person = _person(store, case_id)
    store.update_record(person.id, {"phone": "06-5"})
    changes = {c.record_id: c for c in store.take_outbox()}
    assert changes[person.id].base == {}
    assert changes[person.id].set == {"name": "Anna Visser", "phone": "06-5"}


def test_deleting_a_record_the_service_never_saw_needs_no_change(store):
    case_id = new_case(store)
    person = _person(store, case_id)
    store.delete_record(person.id)
    assert [c.record_id for c in store.take_outbox()] == [case_id]
    assert store.get_record(person.id).deleted
    with pytest.raises(RecordNotFound):
        store.update_record(person.id, {"phone": "06"})


def test_deleting_a_pushed_record_sends_a_tombstone(store):
    case_id = new_case(store)
    person = _person(store, case_id)
    store.apply_push_results([_applied(c, 2) for c in store.take_outbox()])
    store.update_record(person.id, {"phone": "06-1"})
    store.delete_record(person.id)
    (change,) = store.take_outbox()
    assert change.delete and change.base_rev == 2 and change.set == {}
    assert store.list_records("person") == []
    assert len(store.list_records("person", include_deleted=True)) == 1


def test_push_results_take_the_services_record_and_conflicts(store):
    case_id = new_case(store)
    person = _person(store, case_id, notes="regel een\n")
    store.apply_push_results([_applied(c, 1) for c in store.take_outbox()])
    store.update_record(person.id, {"notes": "regel een\nregel twee\n", "phone": "06-9"})
    (change,) = store.take_outbox()
    server = Record(id=person.id, kind="person", case_id=case_id, rev=5, fields={
        "name": "Anna Visser", "notes": "regel nul\nregel een\nregel twee\n", "phone": "06-1",
    }, updated_by="user-2")
    conflict = Conflict(id="c1", record_id=person.id, case_id=case_id, kind="person",
                        field="phone", base=None, kept="06-1", incoming="06-9",
                        created_at="2026-01-01T00:00:00Z")
    store.apply_push_results([Result(change_id=change.change_id, status="conflict", rev=5,
                                     record=server, conflicts=[conflict])])
    now = store.get_record(person.id)
    assert now.rev == 5 and now.fields["phone"] == "06-1"
    assert now.fields["notes"] == "regel nul\nregel een\nregel twee\n"
    assert store.pending_count() == 0
    assert [c.id for c in store.list_conflicts()] == ["c1"]
    assert store.list_cases()[0].conflicts == 1
    assert store.status()["open_conflicts"] == 1


def test_a_rejected_change_is_kept_but_not_resent(store):
    case_id = new_case(store)
    (change,) = store.take_outbox()
    store.apply_push_results([Result(
        change_id=change.change_id, status="rejected", rev=0,
        error={"code": "forbidden", "message": "not your team"})])
    assert store.take_outbox() == []
    assert store.pending_count() == 0
    ((kept, code),) = store.rejected_changes()
    assert kept == change and code == "forbidden"
    # A refused edit of a record the service has: the record shows the service's version.
    store.apply_pull_page(PullResponse(records=[Record(
        id=case_id, kind="case", case_id=case_id, rev=3,
        fields={"title": "Familie Jansen", "team_id": TEAM_ID, "status": "active"})],
        conflicts=[], revoked_case_ids=[], cursor="c", more=False))
    store.update_record(case_id, {"status": "closed"})
    (edit,) = store.take_outbox()
    served = Record(id=case_id, kind="case", case_id=case_id, rev=3,
                    fields={"title": "Familie Jansen", "team_id": TEAM_ID, "status": "active"})
    store.apply_push_results([Result(change_id=edit.change_id, status="rejected", rev=3,
                                     record=served,
                                     error={"code": "forbidden", "message": "no"})])
    assert store.get_record(case_id).fields["status"] == "active"
    assert len(store.rejected_changes()) == 2


def test_a_pulled_record_keeps_the_workers_unpushed_edits(store):
    case_id = new_case(store)
    person = _person(store, case_id, phone="06-1", role="moeder")
    store.apply_push_results([_applied(c, 1) for c in store.take_outbox()])
    store.update_record(person.id, {"phone": "06-2"})
    pulled = Record(id=person.id, kind="person", case_id=case_id, rev=9, fields={
        "name": "Anna de Vries", "phone": "06-7", "role": "moeder",
    }, updated_by="user-2", updated_at="2026-01-02T10:00:00Z")
    store.apply_pull_page(PullResponse(records=[pulled], conflicts=[], revoked_case_ids=[],
                                       cursor="c-9", more=False))
    now = store.get_record(person.id)
    assert now.rev == 9
    assert now.fields["name"] == "Anna de Vries"  # theirs
    assert now.fields["phone"] == "06-2"  # ours, still to be pushed
    (change,) = store.take_outbox()
    assert change.base == {"phone": "06-1"} and change.base_rev == 1
    assert store.get_setting("cursor") == "c-9"
    assert store.history(case_id)[-1].source == "sync"
    # An older revision arriving late changes nothing.
    stale = pulled.model_copy(update={"rev": 8, "fields": {"name": "Oud"}})
    store.apply_pull_page(PullResponse(records=[stale], conflicts=[], revoked_case_ids=[],
                                       cursor="c-10", more=False))
    assert store.get_record(person.id).fields["name"] == "Anna de Vries"


def test_pull_purges_revoked_cases(store):
    keep = new_case(store, "Familie Blijft")
    gone = new_case(store, "Familie Weg")
    _person(store, gone)
    store.apply_pull_page(PullResponse(records=[], conflicts=[], revoked_case_ids=[gone],
                                       cursor="c", more=False))
    assert [c.id for c in store.list_cases()] == [keep]
    assert store.list_records(case_id=gone, include_deleted=True) == []
    assert store.history(gone) == []
    assert all(c.case_id != gone for c in store.take_outbox())


def test_conflict_resolution_is_queued_shown_and_finished(store):
    case_id = new_case(store)
    person = _person(store, case_id, phone="06-1")
    store.apply_push_results([_applied(c, 1) for c in store.take_outbox()])
    conflict = Conflict(id="c2", record_id=person.id, case_id=case_id, kind="person",
                        field="phone", base="06-1", kept="06-3", incoming="06-2",
                        created_at="2026-01-01T00:00:00Z")
    store.apply_pull_page(PullResponse(records=[], conflicts=[conflict],
                                       revoked_case_ids=[], cursor="c", more=False))
    with pytest.raises(SchemaError):
        store.queue_resolution("c2", 42)
    assert store.status()["open_conflicts"] == 1 == store.list_cases()[0].conflicts
    change_id = store.queue_resolution("c2", "06-2")
    assert store.get_record(person.id).fields["phone"] == "06-2"
    assert store.list_conflicts() == []
    assert store.status()["open_conflicts"] == 0 == store.list_cases()[0].conflicts
    assert store.take_resolutions() == [("c2", change_id, "06-2")]
    assert store.pending_count() == 0  # the resolution, not the outbox, carries it
    server = Record(id=person.id, kind="person", case_id=case_id, rev=6,
                    fields={"name": "Anna Visser", "phone": "06-2"})
    store.finish_resolution("c2", Result(change_id=change_id, status="applied", rev=6,
                                         record=server))
    assert store.take_resolutions() == []
    (closed,) = store.list_conflicts(open_only=False)
    assert closed.resolved
    assert store.get_record(person.id).rev == 6


def test_delete_versus_edit_resolution(store):
    case_id = new_case(store)
    person = _person(store, case_id)
    conflict = Conflict(id="c3", record_id=person.id, case_id=case_id, kind="person",
                        field=None, kept="deleted", incoming={"name": "Anna"},
                        created_at="2026-01-01T00:00:00Z")
    store.apply_pull_page(PullResponse(records=[], conflicts=[conflict],
                                       revoked_case_ids=[], cursor="c", more=False))
    store.queue_resolution("c3", "deleted")
    assert store.get_record(person.id).deleted
    store.queue_resolution("c3", {"name": "Anna Hersteld"})
    restored = store.get_record(person.id)
    assert not restored.deleted and restored.fields["name"] == "Anna Hersteld"
    assert len(store.take_resolutions()) == 1


def test_a_pulled_record_does_not_undo_a_pending_delete(store):
    case_id = new_case(store)
    person = _person(store, case_id)
    store.apply_push_results([_applied(c, 1) for c in store.take_outbox()])
    store.delete_record(person.id)
    pulled = Record(id=person.id, kind="person", case_id=case_id, rev=4,
                    fields={"name": "Anna Visser", "phone": "06-4"})
    store.apply_pull_page(PullResponse(records=[pulled], conflicts=[], revoked_case_ids=[],
                                       cursor="c", more=False))
    assert store.get_record(person.id).deleted
    (change,) = store.take_outbox()
    assert change.delete and change.base_rev == 1


def test_ids_must_be_uuids(store):
    with pytest.raises(SchemaError):
        store.create_record("case", {"title": "F", "team_id": TEAM_ID}, record_id="not-a-uuid")


def test_a_taken_id_is_refused_without_showing_any_value(store):
    case_id = new_case(store)
    person = _person(store, case_id, phone="06-55501234")
    with pytest.raises(RecordExists) as info:
        store.create_record("person", {"name": "Geheime Naam"}, case_id=case_id,
                            record_id=person.id)
    assert "Geheime" not in str(info.value) and "06-555" not in str(info.value)
    assert store.pending_count() == 2


def test_the_purge_of_a_case_keeps_its_rejected_and_unsent_changes(store):
    case_id = new_case(store, "Familie Weg")
    person = _person(store, case_id)
    store.apply_push_results([_applied(c, 1) for c in store.take_outbox()])
    store.update_record(person.id, {"notes": "Moeder vertelde over de nieuwe school."})
    (refused,) = store.take_outbox()
    store.apply_push_results([Result(
        change_id=refused.change_id, status="rejected", rev=0,
        error={"code": "case_not_visible", "message": "you may not see this case"})])
    # Written after this sync's push, before its pull revokes the case.
    visit = store.create_record("visit", {"date": "2026-03-02", "notes": "Huisbezoek."},
                                case_id=case_id)
    store.apply_pull_page(PullResponse(records=[], conflicts=[], revoked_case_ids=[case_id],
                                       cursor="c", more=False))
    assert store.list_records(case_id=case_id, include_deleted=True) == []
    assert store.take_outbox() == []
    kept = {r.change_id: r for r in store.list_rejected()}
    assert len(kept) == 2 == store.rejected_count() == store.status()["rejected_changes"]
    notes = kept[refused.change_id]
    assert (notes.case_title, notes.kind, notes.record_label) == (
        "Familie Weg", "person", "Anna Visser")
    assert notes.values == {"notes": "Moeder vertelde over de nieuwe school."}
    assert notes.error_code == "case_not_visible"
    (unsent,) = [r for r in kept.values() if r.record_id == visit.id]
    assert unsent.error_code == "case_revoked" and unsent.values["notes"] == "Huisbezoek."
    assert unsent.case_title == "Familie Weg"
    # Only the worker lets them go.
    assert store.dismiss_rejected(refused.change_id)
    assert [r.change_id for r in store.list_rejected()] == [unsent.change_id]
    assert store.rejected_changes() == []


def test_a_resolution_that_lost_a_race_is_kept_as_a_rejected_change(store):
    case_id = new_case(store, "Familie Race")
    person = _person(store, case_id, phone="06-1")
    store.apply_push_results([_applied(c, 1) for c in store.take_outbox()])
    conflict = Conflict(id="c9", record_id=person.id, case_id=case_id, kind="person",
                        field="phone", base="06-1", kept="06-3", incoming="06-2",
                        created_at="2026-01-01T00:00:00Z")
    store.apply_pull_page(PullResponse(records=[], conflicts=[conflict],
                                       revoked_case_ids=[], cursor="c", more=False))
    change_id = store.queue_resolution("c9", "06-2")
    server = Record(id=person.id, kind="person", case_id=case_id, rev=7,
                    fields={"name": "Anna Visser", "phone": "06-3"})
    closed = conflict.model_copy(update={"resolved": True})
    outcome = store.finish_resolution("c9", Result(
        change_id=change_id, status="rejected", rev=7, record=server, conflicts=[closed],
        error={"code": "already_resolved", "message": "the conflict is closed"}))
    assert outcome == "rejected"
    assert store.get_record(person.id).fields["phone"] == "06-3"  # what stands
    (kept,) = store.list_rejected()
    assert kept.values == {"phone": "06-2"} and kept.error_code == "already_resolved"
    assert kept.case_title == "Familie Race"


def test_a_change_rejected_by_another_path_is_shown_and_survives_the_purge(store):
    from storage import outbox

    case_id = new_case(store, "Familie Elders")
    (change,) = store.take_outbox()
    with store._write() as conn:  # as a local check that refuses a change would
        outbox.reject(conn, change.change_id, "invalid_text")
    (shown,) = store.list_rejected()
    assert (shown.case_title, shown.error_code) == ("Familie Elders", "invalid_text")
    assert store.rejected_count() == 1
    store.purge_case(case_id)
    (kept,) = store.list_rejected()
    assert kept.change_id == change.change_id and kept.values["title"] == "Familie Elders"


def test_an_edit_after_a_resolution_builds_on_it(store):
    case_id = new_case(store)
    person = _person(store, case_id, phone="06-1")
    store.apply_push_results([_applied(c, 1) for c in store.take_outbox()])
    conflict = Conflict(id="c4", record_id=person.id, case_id=case_id, kind="person",
                        field="phone", base="06-1", kept="06-3", incoming="06-2",
                        created_at="2026-01-01T00:00:00Z")
    store.apply_pull_page(PullResponse(records=[], conflicts=[conflict],
                                       revoked_case_ids=[], cursor="c", more=False))
    change_id = store.queue_resolution("c4", "06-2")
    store.delete_record(person.id)
    server = Record(id=person.id, kind="person", case_id=case_id, rev=8,
                    fields={"name": "Anna Visser", "phone": "06-2"})
    assert store.finish_resolution("c4", Result(change_id=change_id, status="applied", rev=8,
                                                record=server)) == "resolved"
    (delete,) = store.take_outbox()
    assert delete.delete and delete.base_rev == 8
    assert store.get_record(person.id).deleted


def _conflict_on(store, person, conflict_id, **fields):
    conflict = Conflict(id=conflict_id, record_id=person.id, case_id=person.case_id,
                        kind="person", created_at="2026-01-01T00:00:00Z", **fields)
    store.apply_pull_page(PullResponse(records=[], conflicts=[conflict],
                                       revoked_case_ids=[], cursor="c", more=False))


def _pushed_person(store, **fields):
    person = _person(store, new_case(store), **fields)
    store.apply_push_results([_applied(c, 1) for c in store.take_outbox()])
    return person


def test_a_resolution_after_an_unsent_edit_of_its_field_goes_out_after_it(store):
    # The resolution reaches the service first; the earlier edit must not land on top of it.
    person = _pushed_person(store, phone="06-1", notes="Eerder")
    store.update_record(person.id, {"phone": "06-9", "notes": "Later"})
    _conflict_on(store, person, "c5", field="phone", base="06-1", kept="06-3",
                 incoming="06-2")
    store.queue_resolution("c5", "06-3")
    assert store.get_record(person.id).fields["phone"] == "06-3"
    (change,) = store.take_outbox()
    assert change.set == {"phone": "06-3", "notes": "Later"}
    assert change.base == {"phone": "06-1", "notes": "Eerder"}  # the first base stays


def test_a_resolution_leaves_an_unsent_edit_of_other_fields_alone(store):
    person = _pushed_person(store, phone="06-1")
    store.update_record(person.id, {"notes": "Later"})
    _conflict_on(store, person, "c6", field="phone", base="06-1", kept="06-3",
                 incoming="06-2")
    store.queue_resolution("c6", "06-2")
    (change,) = store.take_outbox()
    assert change.set == {"notes": "Later"}


def test_a_resolution_after_an_edit_in_flight_follows_it_as_a_new_change(store):
    person = _pushed_person(store, phone="06-1")
    store.update_record(person.id, {"phone": "06-9"})
    (in_flight,) = store.take_outbox()  # sent, no answer yet
    _conflict_on(store, person, "c7", field="phone", base="06-1", kept="06-3",
                 incoming="06-2")
    store.queue_resolution("c7", "06-2")
    again, after = store.take_outbox()
    assert again.change_id == in_flight.change_id and again.set == {"phone": "06-9"}
    assert after.set == {"phone": "06-2"} and after.base == {"phone": "06-9"}


def test_a_delete_chosen_after_an_unsent_edit_turns_it_into_the_delete(store):
    person = _pushed_person(store, phone="06-1")
    store.update_record(person.id, {"phone": "06-9"})
    _conflict_on(store, person, "c8", field=None, kept={"name": "Anna Visser"},
                 incoming="deleted")
    store.queue_resolution("c8", "deleted")
    (change,) = store.take_outbox()
    assert change.delete


def test_keeping_a_record_after_an_unsent_delete_sends_the_chosen_fields(store):
    person = _pushed_person(store, phone="06-1")
    store.delete_record(person.id)
    _conflict_on(store, person, "c9", field=None, kept="deleted",
                 incoming={"name": "Anna Visser", "phone": "06-2"})
    store.queue_resolution("c9", {"name": "Anna Visser", "phone": "06-2"})
    assert not store.get_record(person.id).deleted
    (change,) = store.take_outbox()
    assert not change.delete
    assert change.set == {"name": "Anna Visser", "phone": "06-2"}
    assert change.base == {"name": "Anna Visser", "phone": "06-1"} and change.base_rev == 1


def _refused(store, conflict_id, change_id, code="not_case_owner"):
    # What the engine makes of a 4xx answer to a resolution (sync/engine.py).
    return store.finish_resolution(conflict_id, Result(
        change_id=change_id, status="rejected", rev=0,
        error={"code": code, "message": "resolution refused"}))


def test_a_refused_resolution_shows_the_record_as_before_and_opens_again(store):
    person = _pushed_person(store, phone="06-1")
    _conflict_on(store, person, "c10", field="phone", base="06-0", kept="06-1",
                 incoming="06-2")
    first = store.queue_resolution("c10", "06-2")
    change_id = store.queue_resolution("c10", "06-3")  # changed their mind, still offline
    assert first != change_id and store.get_record(person.id).fields["phone"] == "06-3"
    assert _refused(store, "c10", change_id) == "reopened"
    assert store.get_record(person.id).fields["phone"] == "06-1"  # not a choice never taken
    assert [c.id for c in store.list_conflicts()] == ["c10"]
    assert store.take_outbox() == []


def test_a_refused_delete_of_a_record_shows_it_again(store):
    person = _pushed_person(store, phone="06-1")
    _conflict_on(store, person, "c11", field=None, kept={"name": "Anna Visser"},
                 incoming="deleted")
    change_id = store.queue_resolution("c11", "deleted")
    assert store.get_record(person.id).deleted
    assert _refused(store, "c11", change_id) == "reopened"
    assert not store.get_record(person.id).deleted


def test_a_refused_resolution_leaves_what_the_worker_changed_since(store):
    person = _pushed_person(store, phone="06-1", notes="Eerder")
    _conflict_on(store, person, "c12", field="phone", base="06-0", kept="06-1",
                 incoming="06-2")
    change_id = store.queue_resolution("c12", "06-2")
    store.update_record(person.id, {"phone": "06-4"})  # after the choice: the outbox has it
    assert _refused(store, "c12", change_id) == "reopened"
    assert store.get_record(person.id).fields["phone"] == "06-4"
    (change,) = store.take_outbox()
    assert change.set == {"phone": "06-4"}
