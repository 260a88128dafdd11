"""Offline edits of a case that leaves the worker's view (issue 8, §2 and §6): they reach
the service through the held-case rule, or, when they cannot, they stay on the laptop as
rejected changes after the purge. Conflict resolutions go before the outbox, and one that
lost a race comes back. End to end, with the real service."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from sync.service.db import transaction
from sync.service.models import RecordRow

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

NOTES = "Moeder vertelde aan de keukentafel over de nieuwe school van Sem."
VISIT = "Huisbezoek: afspraken over het ophalen van school doorgenomen."


@pytest.fixture
def team(service_db):
    w1 = service_db.add_user()
    w2 = service_db.add_user(w1.team_name)
    lead = service_db.add_user(w1.team_name, role="teamlead")
    return w1, w2, lead


def _family(laptop, account, **fields):
    case_id = laptop.new_case(account, title="Familie Offline", **fields)
    person = laptop.store.create_record("person", {"name": "Moeder Offline"}, case_id=case_id)
    laptop.sync()
    return case_id, person.id


def _phone_conflict(laptops, service, account):
    """Two laptops of one worker changed the same phone number: b has the conflict."""
    a = laptops("a").enrol(service.url, account)
    b = laptops("b").enrol(service.url, account)
    case_id, person_id = _family(a, account)
    b.sync()
    a.store.update_record(person_id, {"phone": "06-11111111"})
    b.store.update_record(person_id, {"phone": "06-22222222"})
    a.sync()
    b.sync()
    return a, b, case_id, person_id


def _edit_offline(laptop, case_id, person_id):
    laptop.store.update_record(person_id, {"notes": NOTES})
    return laptop.store.create_record("visit", {"date": "2026-03-02", "notes": VISIT},
                                      case_id=case_id).id


def _service_fields(service_db, record_id):
    with transaction(service_db.factory) as session:
        return dict(session.scalar(select(RecordRow.fields).where(RecordRow.id == record_id)))


def test_edits_made_before_a_reassignment_reach_the_new_contact_worker(
        laptops, service, service_db, team):
    w1, w2, lead = team
    a = laptops("w1").enrol(service.url, w1)
    c = laptops("w2").enrol(service.url, w2)
    boss = laptops("lead").enrol(service.url, lead)
    case_id, person_id = _family(a, w1)
    boss.sync()
    visit_id = _edit_offline(a, case_id, person_id)
    boss.store.update_record(case_id, {"contact_worker_id": w2.user_id})
    boss.sync()
    report = a.sync()
    assert (report.rejected, report.purged_cases, report.rejected_kept) == (0, 1, 0)
    assert a.store.get_record(case_id) is None and a.store.pending_count() == 0
    for laptop in (c, boss):
        laptop.sync()
        assert laptop.store.get_record(person_id).fields["notes"] == NOTES
        assert laptop.store.get_record(visit_id).fields["notes"] == VISIT


def test_an_offline_hand_over_keeps_the_workers_later_edits(laptops, service, service_db, team):
    w1, w2, lead = team
    a = laptops("w1").enrol(service.url, w1)
    c = laptops("w2").enrol(service.url, w2)
    case_id, person_id = _family(a, w1)
    a.store.update_record(case_id, {"contact_worker_id": w2.user_id})
    visit_id = _edit_offline(a, case_id, person_id)
    report = a.sync()
    assert (report.rejected, report.purged_cases) == (0, 1)
    c.sync()
    assert c.store.get_record(case_id).fields["contact_worker_id"] == w2.user_id
    assert c.store.get_record(person_id).fields["notes"] == NOTES
    assert c.store.get_record(visit_id).fields["notes"] == VISIT


def test_edits_made_before_an_unshare_reach_the_contact_worker(laptops, service, service_db,
                                                              team):
    w1, w2, lead = team
    a = laptops("w1").enrol(service.url, w1)
    c = laptops("w2").enrol(service.url, w2)
    case_id, person_id = _family(c, w2, shared_with=[w1.user_id])
    a.sync()
    visit_id = _edit_offline(a, case_id, person_id)
    c.store.update_record(case_id, {"shared_with": []})
    c.sync()
    report = a.sync()
    assert (report.rejected, report.purged_cases) == (0, 1)
    c.sync()
    assert c.store.get_record(person_id).fields["notes"] == NOTES
    assert c.store.get_record(visit_id).fields["notes"] == VISIT


def test_edits_made_before_a_back_dated_close_reach_the_service(laptops, service, service_db,
                                                               team):
    w1, w2, lead = team
    a = laptops("w1").enrol(service.url, w1)
    boss = laptops("lead").enrol(service.url, lead)
    case_id, person_id = _family(a, w1)
    boss.sync()
    visit_id = _edit_offline(a, case_id, person_id)
    long_ago = (dt.date.today() - dt.timedelta(days=400)).isoformat()
    boss.store.update_record(case_id, {"status": "closed", "closed_on": long_ago})
    boss.sync()
    report = a.sync()
    assert report.rejected == 0 and a.store.pending_count() == 0
    assert _service_fields(service_db, person_id)["notes"] == NOTES
    assert _service_fields(service_db, visit_id)["notes"] == VISIT


def test_what_cannot_be_delivered_stays_on_the_laptop_after_the_purge(
        laptops, service, service_db, team):
    w1, w2, lead = team
    w3 = service_db.add_user(w1.team_name)
    a = laptops("w1").enrol(service.url, w1)
    boss = laptops("lead").enrol(service.url, lead)
    case_id, person_id = _family(a, w1)
    boss.sync()
    # Offline, the worker hands the case to w3 with a note; meanwhile the team lead gave it
    # to w2. Who sees the case is not the held rule's to decide: that change is refused.
    a.store.update_record(case_id, {"summary": "Overdracht: moeder belt liever 's ochtends.",
                                    "contact_worker_id": w3.user_id})
    visit_id = _edit_offline(a, case_id, person_id)
    boss.store.update_record(case_id, {"contact_worker_id": w2.user_id})
    boss.sync()
    report = a.sync()
    assert (report.rejected, report.purged_cases, report.rejected_kept) == (1, 1, 1)
    assert a.store.get_record(case_id) is None
    (kept,) = a.store.list_rejected()
    assert kept.case_title == "Familie Offline" and kept.kind == "case"
    assert kept.values["summary"] == "Overdracht: moeder belt liever 's ochtends."
    assert kept.error_code == "case_not_visible"
    # The rest arrived.
    assert _service_fields(service_db, visit_id)["notes"] == VISIT
    # Kept across later syncs and a restart, until the worker dismisses it.
    a.sync()
    a.reopen()
    assert [r.change_id for r in a.store.list_rejected()] == [kept.change_id]


def test_a_resolution_followed_by_an_edit_ends_with_the_edit(laptops, service, service_db,
                                                             team):
    w1, _, _ = team
    a, b, case_id, person_id = _phone_conflict(laptops, service, w1)
    (conflict,) = b.store.list_conflicts()
    b.store.queue_resolution(conflict.id, "06-22222222")
    b.store.update_record(person_id, {"phone": "06-33333333"})
    report = b.sync()
    assert report.resolved == 1 and report.conflicts == 0 and report.open_conflicts == 0
    assert _service_fields(service_db, person_id)["phone"] == "06-33333333"
    a.sync()
    assert a.store.get_record(person_id).fields["phone"] == "06-33333333"


def test_an_edit_followed_by_a_resolution_ends_with_the_resolution(laptops, service,
                                                                   service_db, team):
    # The resolution goes to the service before the outbox, so the edit made before it
    # would land on top of it: the worker's later choice must win, on the laptop as there.
    w1, _, _ = team
    a, b, case_id, person_id = _phone_conflict(laptops, service, w1)
    (conflict,) = b.store.list_conflicts()
    b.store.update_record(person_id, {"phone": "06-33333333"})  # offline, not yet decided
    b.store.queue_resolution(conflict.id, conflict.kept)  # then decides: a's number stays
    assert b.store.get_record(person_id).fields["phone"] == "06-11111111"
    report = b.sync()
    assert report.resolved == 1 and report.conflicts == 0 and report.open_conflicts == 0
    assert _service_fields(service_db, person_id)["phone"] == "06-11111111"
    assert b.store.get_record(person_id).fields["phone"] == "06-11111111"
    assert b.store.pending_count() == 0
    a.sync()
    assert a.store.get_record(person_id).fields["phone"] == "06-11111111"


def test_an_edit_followed_by_a_resolution_that_lost_a_race_stays_in_view(
        laptops, service, service_db, team):
    w1, _, _ = team
    a, b, case_id, person_id = _phone_conflict(laptops, service, w1)
    a.sync()
    (on_a,) = a.store.list_conflicts()
    (on_b,) = b.store.list_conflicts()
    b.store.update_record(person_id, {"phone": "06-33333333"})  # offline
    b.store.queue_resolution(on_b.id, "06-22222222")
    a.store.queue_resolution(on_a.id, "06-11111111")
    assert a.sync().resolved == 1
    report = b.sync()
    assert report.resolved == 0 and report.rejected == 1
    # The laptop shows what the service holds, and the worker's choice waits for them: as a
    # refused resolution and as a conflict against the value that stands.
    assert _service_fields(service_db, person_id)["phone"] == "06-11111111"
    assert b.store.get_record(person_id).fields["phone"] == "06-11111111"
    (kept,) = b.store.list_rejected()
    assert kept.values == {"phone": "06-22222222"}
    (open_on_b,) = b.store.list_conflicts()
    assert (open_on_b.kept, open_on_b.incoming) == ("06-11111111", "06-22222222")
    assert b.store.pending_count() == 0


def test_a_resolution_that_lost_a_race_comes_back(laptops, service, service_db, team):
    w1, _, _ = team
    a, b, case_id, person_id = _phone_conflict(laptops, service, w1)
    a.sync()
    (on_a,) = a.store.list_conflicts()
    (on_b,) = b.store.list_conflicts()
    assert on_a.id == on_b.id
    b.store.queue_resolution(on_b.id, "06-22222222")  # offline
    a.store.queue_resolution(on_a.id, "06-11111111")
    assert a.sync().resolved == 1
    report = b.sync()
    assert report.resolved == 0 and report.rejected == 1 and report.rejected_kept == 1
    (kept,) = b.store.list_rejected()
    assert kept.values == {"phone": "06-22222222"} and kept.error_code == "already_resolved"
    assert kept.case_title == "Familie Offline" and kept.record_label == "Moeder Offline"
    assert b.store.get_record(person_id).fields["phone"] == "06-11111111"


def test_a_resolution_made_before_a_reassignment_is_not_lost(laptops, service, service_db,
                                                             team):
    w1, w2, lead = team
    a, b, case_id, person_id = _phone_conflict(laptops, service, w1)
    boss = laptops("lead").enrol(service.url, lead)
    (conflict,) = b.store.list_conflicts()
    b.store.queue_resolution(conflict.id, "06-22222222")  # offline
    boss.sync()
    boss.store.update_record(case_id, {"contact_worker_id": w2.user_id})
    boss.sync()
    report = b.sync()
    assert report.purged_cases == 1 and report.resolved == 0 and report.rejected == 1
    (kept,) = b.store.list_rejected()
    assert kept.values == {"phone": "06-22222222"} and kept.case_title == "Familie Offline"
