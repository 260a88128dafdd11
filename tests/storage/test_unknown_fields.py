"""The store of a laptop one release behind (tests/compat/previous.py) keeps what a newer
release wrote: fields and kinds it does not know, also beside the worker's own unsent edits,
and hands them to the release that knows them (docs/protocol.md, "Mixed versions")."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from storage.store import CaseStore
from sync.protocol import PullResponse, Record
from tests.compat.previous import one_release_behind
from tests.storage.conftest import PASSPHRASE, new_case


def _page(*records: Record, revoked: tuple[str, ...] = ()) -> PullResponse:
    return PullResponse(records=list(records), conflicts=[], revoked_case_ids=list(revoked),
                        cursor=str(uuid.uuid4()), more=False)


def _person(case_id: str, person_id: str, rev: int, **fields: object) -> Record:
    return Record(id=person_id, kind="person", case_id=case_id, rev=rev,
                  fields={"name": "Kind Vogelzang", **fields})


def test_unknown_fields_stay_beside_the_workers_unsent_edit(store):
    case_id = new_case(store)
    person_id = str(uuid.uuid4())
    with one_release_behind():
        store.apply_pull_page(_page(_person(case_id, person_id, 1, ring=1)))
        store.update_record(person_id, {"phone": "06-00000004"})  # not yet sent
        # A newer laptop moved the child meanwhile; the pull meets the unsent edit.
        store.apply_pull_page(_page(_person(case_id, person_id, 2, ring=2, index_person=True)))
        fields = store.get_record(person_id).fields
    assert (fields["phone"], fields["ring"], fields["index_person"]) == ("06-00000004", 2, True)


def test_a_record_of_an_unknown_kind_is_kept_taken_in_later_and_purged_with_its_case(
        tmp_path):
    data_dir = tmp_path / "oud"
    with one_release_behind():
        store = CaseStore.create(data_dir, PASSPHRASE)  # made by the previous release
        case_id = new_case(store)
        snapshot = Record(id=str(uuid.uuid4()), kind="map_snapshot", case_id=case_id, rev=3,
                          fields={"taken_on": "2026-11-01", "content": "{}"})
        store.apply_pull_page(_page(snapshot))
        store.apply_pull_page(_page(snapshot.model_copy(update={"rev": 2})))  # older: ignored
        assert [r.kind for r in store.list_records(case_id=case_id)] == ["case"]
        store.close()
    # Updated to the release that knows the kind: the record is where it reads it.
    with CaseStore.open(data_dir, PASSPHRASE) as updated:
        (held,) = updated.list_records(kind="map_snapshot")
        assert held.model_dump() == snapshot.model_copy(update={
            "fields": {"visit_id": None, **snapshot.fields}}).model_dump()
        with updated._db.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM unknown_record")).scalar() == 0
        with one_release_behind():
            updated.apply_pull_page(_page(snapshot.model_copy(update={"id": str(uuid.uuid4())})))
            updated.purge_case(case_id)
            with updated._db.read() as conn:
                assert conn.execute(text("SELECT count(*) FROM unknown_record")).scalar() == 0
