"""Retention counts from the day the service learned a case was closed, not from the
`closed_on` a laptop sends: a back-dated close hides a case from nobody, the team lead
included, until the retention period has passed on the service's own calendar."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from sync.service.db import transaction
from sync.service.models import CaseAccess


def _days_ago(days: int) -> str:
    return (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=days)).isoformat()


def _seen_on(world, case_id: str) -> str | None:
    with transaction(world.factory) as session:
        return session.scalar(
            select(CaseAccess.closed_seen_on).where(CaseAccess.case_id == case_id)
        )


def _cast(world):
    anouk = world.device("anouk")
    lead = world.device("karin", "teamlead", ("Noord",))
    case = anouk.new_case(world.team("Noord"))
    anouk.sync()
    lead.sync()
    return anouk, lead, case


def test_a_back_dated_close_hides_the_case_from_nobody(world):
    anouk, lead, case = _cast(world)
    closed = anouk.edit(case, status="closed", closed_on="2001-01-01")
    assert closed["status"] == "applied", closed
    for device in (anouk, lead):
        page = device.sync()
        assert page["revoked_case_ids"] == [], device.user["username"]
        assert device.records[case["id"]]["fields"]["status"] == "closed"
    # the team lead can still see and reopen it
    reopened = lead.edit(lead.records[case["id"]], status="active", closed_on=None)
    assert reopened["status"] == "applied", reopened


def test_a_closed_case_leaves_when_retention_has_passed_on_the_services_calendar(world):
    anouk, lead, case = _cast(world)
    anouk.edit(case, status="closed", closed_on=_days_ago(35))
    world.age_close(case["id"], 29)
    assert anouk.sync()["revoked_case_ids"] == []
    assert lead.sync()["revoked_case_ids"] == []
    world.age_close(case["id"], 31)
    for device in (anouk, lead):
        assert device.sync()["revoked_case_ids"] == [case["id"]]
        assert device.records == {}


def test_an_edit_of_a_closed_case_does_not_restart_or_shorten_retention(world):
    anouk, _, case = _cast(world)
    case = anouk.edit(case, status="closed", closed_on=_days_ago(1))["record"]
    assert _seen_on(world, case["id"]) == _days_ago(0)
    world.age_close(case["id"], 10)
    # moving closed_on back, or any other edit while closed, keeps the service's date
    case = anouk.edit(case, closed_on="2001-01-01", summary="Afgesloten.")["record"]
    assert _seen_on(world, case["id"]) == _days_ago(10)
    assert anouk.sync()["revoked_case_ids"] == []


def test_reopening_clears_the_date_and_closing_again_sets_it_anew(world):
    anouk, _, case = _cast(world)
    case = anouk.edit(case, status="closed")["record"]
    world.age_close(case["id"], 20)
    case = anouk.edit(case, status="active")["record"]
    assert _seen_on(world, case["id"]) is None
    anouk.edit(case, status="closed")
    assert _seen_on(world, case["id"]) == _days_ago(0)


def test_a_case_created_closed_counts_from_its_arrival(world):
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"), status="closed", closed_on="2001-01-01")
    assert _seen_on(world, case["id"]) == _days_ago(0)
    anouk.sync()
    assert case["id"] in anouk.records


def test_a_close_dated_in_the_future_keeps_the_case_until_then(world):
    anouk, _, case = _cast(world)
    anouk.edit(case, status="closed", closed_on=_days_ago(-60))
    world.age_close(case["id"], 40)
    assert anouk.sync()["revoked_case_ids"] == []
