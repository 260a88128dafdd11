"""The local store refuses to change or delete a record of an immutable kind, so such an
edit never reaches the outbox (the service would refuse it)."""

from __future__ import annotations

import pytest

from sync.schema import SchemaError

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"  # ids are UUIDs


def test_a_snapshot_is_kept_as_made(store):
    case = store.create_record("case", {"title": "Familie Testdorp", "team_id": TEAM_ID})
    snapshot = store.create_record("map_snapshot", {"taken_on": "2026-11-02", "content": "{}"},
                                   case_id=case.id)
    waiting = store.pending_count()
    with pytest.raises(SchemaError) as update:
        store.update_record(snapshot.id, {"content": "[]"})
    with pytest.raises(SchemaError) as delete:
        store.delete_record(snapshot.id)
    assert update.value.code == delete.value.code == "immutable"
    assert store.get_record(snapshot.id).fields == snapshot.fields
    assert not store.get_record(snapshot.id).deleted
    assert store.pending_count() == waiting
