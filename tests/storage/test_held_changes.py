"""A change of a kind the service does not know (an older service) waits in the outbox
(docs/protocol.md, "Mixed versions"): it is not set aside, goes again at the next sync
under a new change id, and is no more lost than any other unsent change when its case
leaves the laptop."""

from __future__ import annotations

from sync.protocol import ErrorDetail, Result

TEAM = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"


def _unknown_kind(change_id: str) -> Result:
    return Result(change_id=change_id, status="rejected", rev=0,
                  error=ErrorDetail(code="unknown_kind", message="unknown record kind"))


def test_a_change_of_an_unknown_kind_waits_and_goes_again(store):
    case = store.create_record("case", {"title": "Familie Merel", "team_id": TEAM})
    store.create_record("map_snapshot", {"taken_on": "2026-11-02", "content": "{}"},
                        case_id=case.id)
    first = [c for c in store.take_outbox() if c.kind == "map_snapshot"][0]
    store.apply_push_results([_unknown_kind(first.change_id)])
    assert [c.kind for c in store.take_outbox()] == ["case"]  # this sync: no loop
    assert store.held_count() == 1 and store.list_rejected() == []
    store.release_held()
    (again,) = [c for c in store.take_outbox() if c.kind == "map_snapshot"]
    assert again.change_id != first.change_id
    assert again.model_dump(exclude={"change_id"}) == first.model_dump(exclude={"change_id"})


def test_a_waiting_change_is_kept_when_its_case_leaves_the_laptop(store):
    case = store.create_record("case", {"title": "Familie Merel", "team_id": TEAM})
    store.create_record("map_snapshot", {"taken_on": "2026-11-02", "content": "{}"},
                        case_id=case.id)
    for change in store.take_outbox():
        if change.kind == "map_snapshot":
            store.apply_push_results([_unknown_kind(change.change_id)])
    store.purge_case(case.id)
    assert sorted(r.kind for r in store.list_rejected()) == ["case", "map_snapshot"]
