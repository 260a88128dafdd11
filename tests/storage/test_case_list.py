"""The case list: search over family and person names, next review, per-case counts."""

from __future__ import annotations

from storage.case_list import CaseSummary
from tests.storage.conftest import new_case

WORKER_ID = "5c3b2a10-6d4e-4f8a-b1c2-0d9e8f7a6b01"


def _plan(store, case_id, review_on, **more):
    return store.create_record("safety_plan", {"review_on": review_on, **more}, case_id=case_id)


def test_search_matches_family_and_person_names_in_any_case(store):
    jansen = new_case(store, "Familie Jansen", status="active")
    ozturk = new_case(store, "Familie Öztürk", status="intake")
    store.create_record("person", {"name": "Émile de Wit"}, case_id=jansen)
    gone = store.create_record("person", {"name": "Karel Weg"}, case_id=ozturk)
    store.delete_record(gone.id)
    assert [c.id for c in store.list_cases(search="jANSEN")] == [jansen]
    assert [c.id for c in store.list_cases(search="öztürk")] == [ozturk]
    assert [c.id for c in store.list_cases(search="ÉMILE")] == [jansen]
    assert store.list_cases(search="karel") == []  # deleted people are not found
    assert store.list_cases(search="%") == []  # a literal, not a wildcard
    assert [c.id for c in store.list_cases(status="intake")] == [ozturk]
    # The case list's search asks for the ids alone: the same cases (issue 15).
    for word in ("jANSEN", "öztürk", "ÉMILE", "karel", "%", "familie", "e"):
        assert store.matching_case_ids(word) == {c.id for c in store.list_cases(search=word)}


def test_rows_carry_next_review_and_counts(store):
    case_id = new_case(store, "Familie Bos", contact_worker_id=WORKER_ID)
    _plan(store, case_id, "2026-05-01")
    _plan(store, case_id, "2026-03-01")
    dropped = _plan(store, case_id, "2026-01-01")
    store.delete_record(dropped.id)
    other = new_case(store, "Familie Aalbers")
    (row,) = [c for c in store.list_cases() if c.id == case_id]
    assert isinstance(row, CaseSummary)
    assert row.next_review == "2026-03-01"
    assert row.contact_worker_id == WORKER_ID
    assert row.pending == 3  # the case and the two live plans
    assert row.conflicts == 0
    assert [c.title for c in store.list_cases(order="title")] == ["Familie Aalbers",
                                                                   "Familie Bos"]
    assert [c.id for c in store.list_cases(order="review")] == [case_id, other]
    assert store.list_cases(order="updated")[0].id == other  # most recently touched first


def test_deleted_cases_are_not_listed(store):
    case_id = new_case(store)
    store.delete_record(case_id)
    assert store.list_cases() == []


def test_search_ignores_accents_both_ways(store):
    ozturk = new_case(store, "Familie Öztürk")
    noel = new_case(store, "Familie Noel")
    store.create_record("person", {"name": "Zoë Çelik"}, case_id=noel)
    assert [c.id for c in store.list_cases(search="ozturk")] == [ozturk]
    assert [c.id for c in store.list_cases(search="ÖZTÜRK")] == [ozturk]
    assert [c.id for c in store.list_cases(search="zoe celik")] == [noel]
    assert [c.id for c in store.list_cases(search="noël")] == [noel]


def test_the_search_follows_every_write_of_a_name(store):
    """The folded search text is kept on write: renames, deletes, a person moving to another
    case, and records arriving from the service all show in the next search."""
    from sync.protocol import PullResponse, Record

    def _page(records: list[Record], cursor: str) -> PullResponse:
        return PullResponse(records=records, conflicts=[], revoked_case_ids=[], cursor=cursor,
                            more=False)

    first = new_case(store, "Familie Eerste")
    second = new_case(store, "Familie Tweede")
    person = store.create_record("person", {"name": "Anouk Verhuist"}, case_id=first)
    assert [c.id for c in store.list_cases(search="verhuist")] == [first]
    store.update_record(person.id, {"name": "Anouk Hernoemd"})
    assert store.list_cases(search="verhuist") == []
    assert [c.id for c in store.list_cases(search="hernoemd")] == [first]
    store.update_record(first, {"title": "Familie Anders"})
    assert store.list_cases(search="eerste") == []
    assert [c.id for c in store.list_cases(search="anders")] == [first]
    store.delete_record(person.id)
    assert store.list_cases(search="hernoemd") == []

    pulled = [
        Record(id="case-van-dienst", kind="case", case_id="case-van-dienst", rev=7,
               fields={"title": "Familie Dienst"}),
        Record(id="persoon-van-dienst", kind="person", case_id="case-van-dienst", rev=8,
               fields={"name": "Sem Geïmporteerd"}),
    ]
    store.apply_pull_page(_page(pulled, "c1"))
    assert [c.id for c in store.list_cases(search="geimporteerd")] == ["case-van-dienst"]
    moved = pulled[1].model_copy(update={"case_id": second, "rev": 9})
    store.apply_pull_page(_page([moved], "c2"))
    assert [c.id for c in store.list_cases(search="geimporteerd")] == [second]
