"""Mixed versions (design.md, "Compatibility across versions"; docs/protocol.md, "Mixed
versions"): a laptop one release behind keeps and sends back what a newer laptop wrote, and a
laptop newer than its service keeps a change of an unknown kind waiting until the service
knows it. The older side is today's code with the previous release's registry
(tests/compat/previous.py); the older service runs in a process of its own."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from sync.protocol import Record
from tests.compat.family import newer_family
from tests.compat.old_service import OldService
from tests.compat.previous import ADDED_KINDS, one_release_behind
from tests.sync.harness import ROOT, service_records

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

# What the older laptop edits: fields both releases know, on records that hold new ones.
OLD_EDITS = {
    "mother": {"phone": "06-00000002"},
    "child": {"notes": "Gaat graag naar school."},
    "tie": {"note": "Pleegzorg sinds september; gaat goed."},
    "child_voice": {"text": "Een hond en een konijn."},
    "agreement": {"done": True},
}


def _fields(records: dict[str, Record], ids) -> dict[str, dict]:
    return {i: {k: v for k, v in records[i].fields.items() if v is not None} for i in ids}


def test_a_laptop_one_release_behind_keeps_and_sends_back_what_it_does_not_know(
        laptops, service, service_db):
    account = service_db.add_user()
    newer = laptops("nieuw").enrol(service.url, account)
    family = newer_family(newer.store, account.team_id, account.user_id)
    assert newer.sync().rejected == 0
    written = _fields(newer.records(), family.record_ids)

    with one_release_behind():
        older = laptops("oud").enrol(service.url, account)
        report = older.sync()
        assert (report.rejected, report.rejected_kept) == (0, 0)
        held = older.records()
        # Stored as they came: the new fields and choices ride along in the records.
        for record_id in family.record_ids:
            if record_id != family.snapshot:
                assert {k: v for k, v in held[record_id].fields.items() if v is not None} \
                    == written[record_id]
        assert family.snapshot not in held  # a kind it does not know is not shown...
        with older.store._db.read() as conn:  # ...but kept, as it came
            kept = conn.execute(text("SELECT kind FROM unknown_record WHERE id = :id"),
                                {"id": family.snapshot}).scalar()
        assert kept == "map_snapshot"
        for name, edit in OLD_EDITS.items():
            older.store.update_record(getattr(family, name), edit)
        report = older.sync()
        assert (report.pushed, report.rejected, report.conflicts) == (len(OLD_EDITS), 0, 0)

    expected = {i: dict(f) for i, f in written.items()}
    for name, edit in OLD_EDITS.items():
        expected[getattr(family, name)].update(edit)
    on_service = service_records(service.url, older.store.get_setting("token"))
    assert _fields(on_service, family.record_ids) == expected
    assert newer.sync().rejected == 0
    assert _fields(newer.records(), family.record_ids) == expected

    # The older laptop updated to this release: what it kept is where this release reads it.
    older.reopen()
    assert _fields(older.records(), family.record_ids) == expected
    with older.store._db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM unknown_record")).scalar() == 0
        assert conn.execute(text(
            "SELECT ring, index_person, unknown_fields FROM rec_person WHERE id = :id"),
            {"id": family.child}).one() == (1, 1, None)


@pytest.fixture
def old_service(service_db):
    """The previous release's service on the database today's service of these tests
    serves, as when a municipality updates the service in place. (On SQLite:
    tests/gui/test_mixed_versions.py.)"""
    with OldService(service_db.url, env={"PYTHONPATH": str(ROOT)}) as process:
        yield process


def test_a_laptop_newer_than_its_service_keeps_an_unknown_kind_waiting(
        laptops, old_service, service, service_db):
    old = old_service
    account = service_db.add_user()
    laptop = laptops("nieuw").enrol(old.url, account)
    store = laptop.store
    case = laptop.new_case(account, "Familie Merel")
    person = store.create_record("person", {"name": "Vader Merel", "circle": "household"},
                                 case_id=case).id
    visit = store.create_record("visit", {"date": "2026-11-02", "location": "Thuis"},
                                case_id=case).id
    snapshot = store.create_record("map_snapshot", {
        "visit_id": visit, "taken_on": "2026-11-02", "content": '{"people": 1}'},
        case_id=case).id
    store.update_record(person, {"phone": "06-00000003"})  # after the snapshot: still goes

    report = laptop.sync()
    # Only the snapshot waits: every other change went through, nothing was set aside.
    assert (report.rejected, report.rejected_kept, report.held) == (0, 0, 1)
    assert store.pending_count() == 1 and store.list_rejected() == []
    on_service = service_records(old.url, store.get_setting("token"))
    assert set(on_service) == {case, person, visit}
    assert on_service[person].fields["phone"] == "06-00000003"
    assert {r.kind for r in on_service.values()}.isdisjoint(ADDED_KINDS)
    # It stays waiting through later syncs (no loop, no error) and the record stays.
    again = laptop.sync()
    assert (again.pushed, again.rejected, again.held) == (1, 0, 1)
    assert store.get_record(snapshot) is not None

    # The service is updated (today's service on the same database): the next sync
    # delivers it.
    updated = service
    report = laptop.sync(updated.url)
    assert (report.rejected, report.held) == (0, 0)
    assert store.pending_count() == 0
    on_service = service_records(updated.url, store.get_setting("token"))
    assert on_service[snapshot].fields == {
        "visit_id": visit, "taken_on": "2026-11-02", "content": '{"people": 1}'}


def test_a_laptop_one_release_behind_resolves_a_conflict_about_what_it_does_not_know(
        laptops, service, service_db):
    account = service_db.add_user()
    newer = laptops("nieuw").enrol(service.url, account)
    family = newer_family(newer.store, account.team_id, account.user_id)
    newer.sync()
    with one_release_behind():
        older = laptops("oud").enrol(service.url, account)
        older.sync()
        older.store.delete_record(family.child)  # the older laptop removes the child...
    newer.store.update_record(family.child, {"ring": 2})  # ...as the newer one moves them
    newer.sync()

    with one_release_behind():
        assert older.sync().conflicts == 1  # the delete meets the edit
        (conflict,) = older.store.list_conflicts(case_id=family.case)
        assert conflict.field is None and conflict.kept["ring"] == 2
        # The worker keeps the version on the service, fields it does not know included.
        older.store.queue_resolution(conflict.id, conflict.kept)
        shown = older.store.get_record(family.child)
        assert not shown.deleted and shown.fields["ring"] == 2
        report = older.sync()
        assert (report.rejected, report.rejected_kept) == (0, 0)
        assert older.store.list_conflicts(case_id=family.case) == []

    on_service = service_records(service.url, newer.store.get_setting("token"))[family.child]
    assert not on_service.deleted
    assert (on_service.fields["ring"], on_service.fields["index_person"]) == (2, True)
