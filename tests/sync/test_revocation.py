"""Revocation: a revoked device wipes its store; a case the laptop may no longer see leaves it."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from storage.store import CaseStore
from sync.errors import DeviceRevoked, EnrolmentRequired
from sync.protocol import API_PREFIX
from sync.service.db import transaction
from sync.service.models import CaseAccess

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def test_a_revoked_device_wipes_database_wal_and_key(laptops, service, service_db):
    account = service_db.add_user()
    a = laptops("a").enrol(service.url, account)
    keep = laptops("b").enrol(service.url, account)
    a.new_case(account)
    a.sync()
    files = {p.name for p in a.data_dir.iterdir()}
    assert any(name.endswith("-wal") for name in files) and len(files) >= 3
    # The device revokes itself (as "Apparaat afmelden" does); the other laptop is untouched.
    engine = a.engine()
    engine.client.revoke(a.device_id)
    with pytest.raises(DeviceRevoked):
        engine.run()
    assert not CaseStore.exists(a.data_dir)
    assert list(a.data_dir.iterdir()) == []
    keep.sync()
    assert len(keep.store.list_records(kind="case")) == 1


def test_another_401_keeps_the_store(laptops, service, service_db):
    account = service_db.add_user()
    a = laptops("a").enrol(service.url, account)
    case_id = a.new_case(account)
    a.store.set_setting("token", "expired-or-mistyped")
    with pytest.raises(EnrolmentRequired):
        a.sync()
    assert a.store.get_record(case_id) is not None and a.store.pending_count() == 1


def test_a_reassigned_case_leaves_the_old_workers_laptops(laptops, service, service_db):
    first = service_db.add_user()
    second = service_db.add_user(first.team_name)
    a = laptops("a").enrol(service.url, first)
    b = laptops("b").enrol(service.url, first)
    c = laptops("c").enrol(service.url, second)
    case_id = a.new_case(first)
    person = a.store.create_record("person", {"name": "Moeder Voorbeeld"}, case_id=case_id)
    kept_case = a.new_case(first, title="Familie Blijft")
    a.sync()
    b.sync()
    assert b.store.get_record(person.id) is not None
    a.store.update_record(case_id, {"contact_worker_id": second.user_id})
    report = a.sync()
    assert report.purged_cases == 1
    b.sync()
    c.sync()
    for laptop in (a, b):
        assert laptop.store.get_record(case_id) is None
        assert laptop.store.get_record(person.id) is None
        assert laptop.store.get_record(kept_case) is not None
    assert c.store.get_record(person.id).fields["name"] == "Moeder Voorbeeld"
    assert c.store.get_record(kept_case) is None


def _age_close(service_db, case_id: str, days: int) -> None:
    """Let `days` pass on the service's calendar since it learned the case was closed."""
    day = (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=days)).isoformat()
    with transaction(service_db.factory) as session:
        session.execute(update(CaseAccess).where(CaseAccess.case_id == case_id)
                        .values(closed_seen_on=day))


def test_a_closed_case_leaves_after_the_retention_period(laptops, service, service_db):
    account = service_db.add_user()
    a = laptops("a").enrol(service.url, account)
    long_closed = a.new_case(account)
    recently_closed = a.new_case(account, title="Familie Net Gesloten")
    a.sync()
    today = dt.date.today()
    # Closing is recorded with the date it happened (here: entered late, 45 days after);
    # retention counts from the day the service learned of it, so both stay for now.
    a.store.update_record(long_closed, {
        "status": "closed", "closed_on": (today - dt.timedelta(days=45)).isoformat()})
    a.store.update_record(recently_closed, {
        "status": "closed", "closed_on": (today - dt.timedelta(days=5)).isoformat()})
    assert a.sync().purged_cases == 0
    _age_close(service_db, long_closed, 31)
    _age_close(service_db, recently_closed, 29)
    report = a.sync()
    assert report.purged_cases == 1
    assert a.store.get_record(long_closed) is None
    assert a.store.get_record(recently_closed) is not None
    assert a.store.pending_count() == 0


def test_a_case_can_not_be_pulled_by_a_revoked_token(service, service_db, laptops):
    import httpx

    account = service_db.add_user()
    a = laptops("a").enrol(service.url, account)
    token = a.store.get_setting("token")
    service_db.revoke(a.device_id)
    answer = httpx.get(f"{service.url}{API_PREFIX}/sync/pull",
                       headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "device_revoked"


def test_a_case_created_for_a_colleague_leaves_the_creators_laptop(laptops, service,
                                                                   service_db):
    first = service_db.add_user()
    colleague = service_db.add_user(first.team_name)
    a = laptops("a").enrol(service.url, first)
    c = laptops("c").enrol(service.url, colleague)
    handed_over = a.store.create_record("case", {
        "title": "Familie Overdracht", "team_id": first.team_id,
        "contact_worker_id": colleague.user_id}).id
    a.sync()
    a.sync()
    assert a.store.get_record(handed_over) is None
    c.sync()
    assert c.store.get_record(handed_over).fields["title"] == "Familie Overdracht"
