"""Cases entering and leaving a device's view: reassignment, `shared_with`, retention after
closing, and a re-grant that must bring back the case's older records."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from sync.service.app import create_app
from tests.service.conftest import service_settings


def _setup(world):
    anouk = world.device("anouk")
    bram = world.device("bram")
    case = anouk.new_case(world.team("Noord"))
    task = anouk.new_record(case["id"], "task", title="Oude taak")
    anouk.sync()
    bram.sync()
    return anouk, bram, case, task


def test_reassigned_case_is_revoked_at_the_next_pull(world):
    anouk, bram, case, task = _setup(world)
    result = anouk.edit(case, contact_worker_id=bram.user_id)
    assert result["status"] == "applied"
    page = anouk.sync()
    assert page["revoked_case_ids"] == [case["id"]]
    assert anouk.records == {}
    # the new contact worker gets the whole case, also what was written before
    bram.sync()
    assert {case["id"], task["id"]} <= set(bram.records)
    assert bram.records[case["id"]]["fields"]["contact_worker_id"] == bram.user_id
    assert anouk.sync()["revoked_case_ids"] == []  # said once, acknowledged by the cursor


def test_shared_with_grants_and_takes_away(world):
    anouk, bram, case, task = _setup(world)
    assert bram.records == {}
    case = anouk.edit(case, shared_with=[bram.user_id])["record"]
    bram.sync()
    assert {case["id"], task["id"]} <= set(bram.records)
    anouk.edit(case, shared_with=[])
    page = bram.sync()
    assert page["revoked_case_ids"] == [case["id"]]
    assert bram.records == {}
    # shared again: the older records come back although the cursor is past them
    case = anouk.sync() and anouk.records[case["id"]]
    anouk.edit(case, shared_with=[bram.user_id])
    bram.sync()
    assert {case["id"], task["id"]} <= set(bram.records)


def test_a_lost_pull_answer_loses_neither_the_grant_nor_the_purge(world):
    anouk, bram, case, task = _setup(world)
    case = anouk.edit(case, shared_with=[bram.user_id])["record"]
    before = bram.cursor
    assert bram.pull_page().status_code == 200  # the answer never arrives
    bram.cursor = before
    bram.sync()
    assert {case["id"], task["id"]} <= set(bram.records)
    anouk.edit(case, shared_with=[])
    before = bram.cursor
    assert bram.pull_page().json()["revoked_case_ids"] == [case["id"]]  # lost as well
    bram.cursor = before
    assert bram.sync()["revoked_case_ids"] == [case["id"]]


def test_closed_cases_leave_the_laptops_after_the_retention_period(world):
    anouk, _, case, _ = _setup(world)
    long_ago = (dt.date.today() - dt.timedelta(days=31)).isoformat()
    case = anouk.edit(case, status="closed", closed_on=long_ago)["record"]
    # retention counts from the day the service learned of the close (test_retention.py)
    world.age_close(case["id"], 29)
    assert anouk.sync()["revoked_case_ids"] == []
    world.age_close(case["id"], 31)
    assert anouk.sync()["revoked_case_ids"] == [case["id"]]
    assert anouk.records == {}


def test_retention_is_a_setting(settings, world):
    anouk = world.device("anouk")
    closed = (dt.date.today() - dt.timedelta(days=10)).isoformat()
    case = anouk.new_case(world.team("Noord"), status="closed", closed_on=closed)
    world.age_close(case["id"], 10)
    anouk.sync()
    assert case["id"] in anouk.records
    short = create_app(service_settings(settings.db_url, retention_days=7))
    with TestClient(short) as client:
        anouk.client = client
        assert anouk.sync()["revoked_case_ids"] == [case["id"]]


def test_an_admin_pulls_no_case_content(world):
    anouk, _, case, _ = _setup(world)
    admin = world.device("beheer", "admin", ())
    page = admin.sync()
    assert page["records"] == [] and admin.records == {}
    assert case["id"] not in admin.records


def _holds(world, device):
    from sqlalchemy import select

    from sync.service.models import DeviceCase

    with world.factory() as session:
        return {d.case_id: d.since_rev for d in session.scalars(
            select(DeviceCase).where(DeviceCase.device_id == device.device_id))}


def test_a_case_the_device_created_is_held_whole_from_its_start(world):
    """Nothing of a case can be older than the push that created it, so the echo pull of
    that push has no older records to look for (a thousand new cases made offline were
    looked up again on every page, issue 15)."""
    anouk = world.device("anouk")
    anouk.sync()
    case = anouk.new_case(world.team("Noord"))
    task = anouk.new_record(case["id"], "task", title="Huisbezoek plannen")
    assert _holds(world, anouk) == {case["id"]: 0}
    anouk.sync()
    assert set(anouk.records) == {case["id"], task["id"]}


def test_a_case_written_into_before_it_was_pulled_still_brings_its_older_records(world):
    """The held-case rule holds a case the device wrote into; when that case existed
    already, the device's next pull sends it whole, also what is older than its cursor."""
    anouk, bram, case, task = _setup(world)
    other = anouk.new_record(case["id"], "task", title="Andere taak")
    bram.sync()  # bram's cursor passes both tasks, which he may not see yet
    case = anouk.edit(case, shared_with=[bram.user_id])["record"]
    edited = bram.edit(task, title="Oude taak, bijgewerkt")  # before bram pulled the case
    assert edited["status"] == "applied"
    assert _holds(world, bram)[case["id"]] == edited["rev"]
    bram.sync()
    assert {case["id"], task["id"], other["id"]} <= set(bram.records)
