"""One bad change never blocks the rest of the outbox (issue 8, section 4), end to end: a
laptop whose outbox holds a change the service must refuse, next to good ones, against the
real service on PostgreSQL in a uvicorn process."""

from __future__ import annotations

import uuid

import pytest

from storage import outbox
from sync.schema import SchemaError
from tests.sync.harness import service_records

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def team(service_db):
    return service_db.add_user()


@pytest.mark.parametrize("bad", ["Belt terug\x00 morgen", "Belt terug \ud800 morgen"],
                         ids=["nul", "lone_surrogate"])
def test_a_bad_change_in_the_outbox_is_rejected_and_the_rest_syncs(laptops, service, team, bad):
    laptop = laptops().enrol(service.url, team)
    case_id = laptop.new_case(team)
    laptop.sync()
    before = laptop.store.create_record("task", {"title": "Huisbezoek plannen"}, case_id=case_id)
    # Written below the store's API (an older version, a damaged file): the store itself
    # refuses such text, so only this way can it be in the outbox.
    bad_id = str(uuid.uuid4())
    with laptop.store._write() as conn:
        outbox.record_change(conn, record_id=bad_id, kind="person", case_id=case_id,
                             base_rev=0, old={}, new={"name": "Noor", "notes": bad},
                             creating=True)
    after = laptop.store.create_record("person", {"name": "Sem Testbeeld"}, case_id=case_id)

    report = laptop.sync()

    assert report.rejected == 1 and report.pushed == 3
    on_service = service_records(service.url, laptop.store.get_setting("token"))
    assert before.id in on_service and after.id in on_service and bad_id not in on_service
    ((change, code),) = laptop.store.rejected_changes()
    assert change.record_id == bad_id and code == "invalid_text"
    assert laptop.store.pending_count() == 0

    # Later edits are not held up by it.
    laptop.store.update_record(after.id, {"role": "zoon"})
    later = laptop.sync()
    assert later.pushed == 1 and later.rejected == 0
    on_service = service_records(service.url, laptop.store.get_setting("token"))
    assert on_service[after.id].fields["role"] == "zoon"


@pytest.mark.parametrize("bad", ["Belt terug\x00 morgen", "Belt terug \ud800 morgen"],
                         ids=["nul", "lone_surrogate"])
def test_the_store_refuses_such_text_when_it_is_typed(laptops, team, bad):
    laptop = laptops()
    case_id = laptop.new_case(team)
    person = laptop.store.create_record("person", {"name": "Noor"}, case_id=case_id)
    pending = laptop.store.pending_count()
    for attempt in (
        lambda: laptop.store.update_record(person.id, {"notes": bad}),
        lambda: laptop.store.create_record("person", {"name": bad}, case_id=case_id),
        lambda: laptop.store.update_record(case_id, {"domains": ["school", bad]}),
        lambda: laptop.store.update_record(case_id, {"shared_with": [team.user_id + "x"]}),
        lambda: laptop.store.log_access("read", case_id=case_id, detail=bad),
    ):
        with pytest.raises(SchemaError) as error:
            attempt()
        assert error.value.code in ("invalid_text", "invalid_id")
    assert laptop.store.pending_count() == pending
