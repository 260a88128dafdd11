"""Duo work end to end, two laptops against the real service in a uvicorn process: the team
directory reaches the laptops, sharing brings a case to a colleague's laptop and un-sharing
purges it there, and a hand-over loses no edit that was not yet sent."""

from __future__ import annotations

import uuid

import pytest

from storage.handover import hand_over
from sync.service import accounts
from sync.service.db import transaction
from tests.sync.harness import PASSWORD, Account, service_records

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def duo(service_db):
    """Anouk and her team lead Karin of one local team, Vera of the regional safety team."""
    anouk = service_db.add_user()
    karin = service_db.add_user(anouk.team_name, role="teamlead")
    name = f"Veiligheidsteam {uuid.uuid4().hex[:8]}"
    with transaction(service_db.factory) as session:
        team = accounts.add_team(session, name, safety_team=True)
        vera = accounts.add_user(session, f"vera-{uuid.uuid4().hex[:8]}", PASSWORD, "worker",
                                 [name], display_name="Vera Veilig")
        vera = Account(vera.username, PASSWORD, vera.id, team.id, name)
    return anouk, karin, vera


def test_directory_share_and_unshare_reach_the_colleagues_laptop(laptops, service, duo):
    anouk, karin, vera = duo
    a = laptops("anouk").enrol(service.url, anouk)
    v = laptops("vera").enrol(service.url, vera)
    a.sync()
    names = {c.id: c for c in a.store.colleagues()}
    assert {anouk.user_id, karin.user_id, vera.user_id} <= set(names)
    assert names[vera.user_id].display_name == "Vera Veilig" and names[vera.user_id].safety_team

    case_id = a.new_case(anouk, "Familie Duowerk")
    a.store.create_record("visit", {"date": "2026-11-02", "notes": "Samen op bezoek."},
                          case_id=case_id)
    a.sync()
    v.sync()
    assert v.store.get_record(case_id) is None  # not shared yet

    a.store.update_record(case_id, {"shared_with": [vera.user_id]})
    a.sync()
    v.sync()
    assert v.store.get_record(case_id).fields["title"] == "Familie Duowerk"
    assert len(v.store.list_records(kind="visit", case_id=case_id)) == 1

    a.store.update_record(case_id, {"shared_with": []})
    a.sync()
    report = v.sync()
    assert report.purged_cases == 1
    assert v.store.get_record(case_id) is None
    assert v.store.list_records(case_id=case_id) == []
    assert v.store.history(case_id) == []


def test_a_plain_colleague_cannot_share_a_case_shared_with_them(laptops, service, duo,
                                                               service_db):
    anouk, _karin, vera = duo
    bram = service_db.add_user(anouk.team_name)
    a = laptops("anouk").enrol(service.url, anouk)
    b = laptops("bram").enrol(service.url, bram)
    case_id = a.new_case(anouk, "Familie Deelbaar", shared_with=[bram.user_id])
    a.sync()
    b.sync()
    b.store.update_record(case_id, {"shared_with": [bram.user_id, vera.user_id]})
    report = b.sync()
    assert report.rejected == 1
    [kept] = b.store.list_rejected()
    assert kept.error_code == "not_case_owner"
    on_service = service_records(service.url, a.store.get_setting("token"))[case_id]
    assert on_service.fields["shared_with"] == [bram.user_id]


def test_a_colleague_s_refused_resolution_shows_what_the_service_holds(
        laptops, service, duo, service_db):
    anouk, karin, vera = duo
    bram = service_db.add_user(anouk.team_name)
    a = laptops("anouk").enrol(service.url, anouk)
    a2 = laptops("anouk-2").enrol(service.url, anouk)
    b = laptops("bram").enrol(service.url, bram)
    case_id = a.new_case(anouk, "Familie Gedeeld", shared_with=[bram.user_id])
    a.sync()
    a2.sync()
    a.store.update_record(case_id, {"shared_with": [bram.user_id, vera.user_id]})
    a2.store.update_record(case_id, {"shared_with": [bram.user_id, karin.user_id]})
    a.sync()
    a2.sync()  # a conflict about who shares the case, which Bram sees but may not decide
    b.sync()
    (conflict,) = b.store.list_conflicts()
    b.store.queue_resolution(conflict.id, conflict.incoming)
    assert b.store.get_record(case_id).fields["shared_with"] == [bram.user_id, karin.user_id]
    report = b.sync()
    assert report.resolved == 0 and report.open_conflicts == 1
    assert case_id in report.touched_case_ids  # the case's screen shows it again
    # Not the choice the service refused, but what it holds: the conflict waits for Anouk.
    on_service = service_records(service.url, a.store.get_setting("token"))[case_id]
    assert on_service.fields["shared_with"] == [bram.user_id, vera.user_id]
    assert b.store.get_record(case_id).fields["shared_with"] == [bram.user_id, vera.user_id]
    assert [c.id for c in b.store.list_conflicts()] == [conflict.id]


def test_a_hand_over_loses_no_unsent_edit(laptops, service, duo, service_db):
    anouk, karin, _vera = duo
    bram = service_db.add_user(anouk.team_name)
    a = laptops("anouk").enrol(service.url, anouk)
    b = laptops("bram").enrol(service.url, bram)
    case_id = a.new_case(anouk, "Familie Overdracht")
    a.sync()
    # offline: a visit, a summary, then the hand-over with its note, all still in the outbox
    visit = a.store.create_record("visit", {"date": "2026-11-20", "notes": "Laatste bezoek."},
                                  case_id=case_id)
    a.store.update_record(case_id, {"summary": "School belt wekelijks."})
    hand_over(a.store, case_id, bram.user_id, "Overdracht: vader belt op dinsdag.")
    assert a.store.pending_count() == 3
    report = a.sync()
    assert report.rejected == 0 and a.store.pending_count() == 0
    assert a.store.get_record(case_id) is None  # no longer hers: purged, nothing kept back
    assert a.store.list_rejected() == []

    b.sync()
    fields = b.store.get_record(case_id).fields
    assert fields["contact_worker_id"] == bram.user_id
    assert fields["summary"] == "School belt wekelijks."
    assert b.store.get_record(visit.id).fields["notes"] == "Laatste bezoek."
    [task] = b.store.list_records(kind="task", case_id=case_id)
    assert task.fields["assignee_id"] == bram.user_id
    assert task.fields["title"] == "Overdracht: vader belt op dinsdag."


def test_a_team_leads_hand_over_keeps_the_old_workers_unsent_edits(laptops, service, duo,
                                                                   service_db):
    anouk, karin, _vera = duo
    bram = service_db.add_user(anouk.team_name)
    a = laptops("anouk").enrol(service.url, anouk)
    k = laptops("karin").enrol(service.url, karin)
    b = laptops("bram").enrol(service.url, bram)
    case_id = a.new_case(anouk, "Familie Teamleider")
    a.sync()
    k.sync()
    # Anouk works offline while her team lead hands the case to Bram
    a.store.update_record(case_id, {"summary": "Moeder zoekt werk."})
    hand_over(k.store, case_id, bram.user_id, None)
    k.sync()
    report = a.sync()
    # the held-case rule: her edit still arrives; then the case leaves her laptop
    assert report.rejected == 0 and a.store.list_rejected() == []
    assert a.store.get_record(case_id) is None
    b.sync()
    fields = b.store.get_record(case_id).fields
    assert fields["contact_worker_id"] == bram.user_id
    assert fields["summary"] == "Moeder zoekt werk."
