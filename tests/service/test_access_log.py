"""The access log (NEN 7513): what is logged, the hash chain, append-only, and the audit
endpoints."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from sync.service import access_log
from sync.service.db import transaction
from sync.service.models import AccessLogRow
from sync.service.records import lock_revs
from tests.service.world import change, new_id


def _rows(world) -> list[AccessLogRow]:
    with transaction(world.factory) as session:
        return list(session.scalars(sa.select(AccessLogRow).order_by(AccessLogRow.seq)))


def test_every_access_is_logged_with_who_device_case_record_and_address(world):
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"))
    rejected = anouk.push_one(change(new_id(), "task", case["id"], {"titel": "fout"}))
    assert rejected["status"] == "rejected"
    laptop2 = world.enrol("anouk", "tweede")
    laptop2.sync()
    world.client.post("/api/v1/session/enrol", json={
        "username": "anouk", "password": "fout-wachtwoord", "device_name": "x"})
    world.client.delete(f"/api/v1/devices/{laptop2.device_id}", headers=laptop2.headers)

    rows = _rows(world)
    actions = [r.action for r in rows]
    for expected in ("enrol", "push.applied", "push.rejected", "pull.records", "enrol.failed",
                     "device.revoke"):
        assert expected in actions, expected
    pulled = [r for r in rows if r.action == "pull.records"]
    assert [(r.device_id, r.case_id, r.detail) for r in pulled] == [
        (laptop2.device_id, case["id"], case["id"])]
    applied = next(r for r in rows if r.action == "push.applied")
    assert applied.user_id == anouk.user_id and applied.device_id == anouk.device_id
    assert applied.address == "testclient" and applied.at
    assert next(r for r in rows if r.action == "push.rejected").detail == "unknown_field"
    # nothing personal: the case title appears nowhere in the log
    assert all("Testdorp" not in (r.detail or "") for r in rows)


def test_a_push_logs_one_row_per_case_and_outcome_listing_its_records(world):
    anouk = world.device("anouk")
    case_id, task, visit, wrong = new_id(), new_id(), new_id(), new_id()
    results = anouk.push(
        change(case_id, "case", case_id, {"title": "Familie Testdorp", "status": "active",
                                         "team_id": world.team("Noord"),
                                         "contact_worker_id": anouk.user_id}),
        change(task, "task", case_id, {"title": "Bellen"}),
        change(visit, "visit", case_id, {"date": "2026-01-05"}),
        change(wrong, "task", case_id, {"titel": "fout"}),
    )
    assert [r["status"] for r in results] == ["applied"] * 3 + ["rejected"]
    pushed = [(r.action, r.case_id, r.record_id, r.detail) for r in _rows(world)
              if r.action.startswith("push.")]
    assert pushed == [
        ("push.applied", case_id, None,
         f"{case_id}:contact_worker_id,status,team_id,title {task}:title {visit}:date"),
        ("push.rejected", case_id, wrong, "unknown_field"),  # alone: a row as it was
    ]


def test_the_chain_verifies_and_the_database_refuses_to_change_history(world):
    anouk = world.device("anouk")
    anouk.new_case(world.team("Noord"))
    with transaction(world.factory) as session:
        assert access_log.verify(session) is None
    for statement in ("UPDATE access_log SET action = 'x' WHERE seq = 1",
                      "DELETE FROM access_log WHERE seq = 1"):
        with pytest.raises(DBAPIError), transaction(world.factory) as session:
            session.execute(sa.text(statement))
    with transaction(world.factory) as session:
        assert access_log.verify(session) is None


def test_verify_finds_a_tampered_row(world):
    anouk = world.device("anouk")
    anouk.new_case(world.team("Noord"))
    engine = world.app.state.engine
    # someone with database rights drops the trigger and edits a row: the chain tells
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("ALTER TABLE access_log DISABLE TRIGGER access_log_no_update")
        else:
            conn.exec_driver_sql("DROP TRIGGER access_log_no_update")
        conn.exec_driver_sql("UPDATE access_log SET action = 'enrol.failed' WHERE seq = 2")
    with transaction(world.factory) as session:
        assert access_log.verify(session) == 2


def test_laptops_hand_in_their_log_and_a_lead_reads_a_cases_log(world):
    anouk = world.device("anouk")
    lead = world.device("karin", "teamlead", ("Noord",))
    case = anouk.new_case(world.team("Noord"))
    entries = [
        {"id": new_id(), "at": "2026-11-20T10:00:00+00:00", "action": "open_case",
         "case_id": case["id"], "user_id": "spoofed", "device_id": "spoofed"},
        {"id": new_id(), "at": "2026-11-20T10:05:00+00:00", "action": "export",
         "case_id": case["id"], "detail": "inzage"},
    ]
    response = world.client.post("/api/v1/audit", json={"entries": entries},
                                 headers=anouk.headers)
    assert response.status_code == 200 and response.json() == {"accepted": 2}
    again = world.client.post("/api/v1/audit", json={"entries": entries}, headers=anouk.headers)
    assert again.json() == {"accepted": 2}

    log = world.client.get("/api/v1/audit", params={"case_id": case["id"]},
                           headers=lead.headers)
    assert log.status_code == 200
    got = log.json()["entries"]
    from_laptop = [e for e in got if e["action"].startswith("device.")]
    assert [e["action"] for e in from_laptop] == ["device.open_case", "device.export"]
    assert {e["user_id"] for e in from_laptop} == {anouk.user_id}  # from the token
    assert {e["device_id"] for e in from_laptop} == {anouk.device_id}
    assert any(e["action"] == "push.applied" for e in got)
    unknown = world.client.get("/api/v1/audit", params={"case_id": new_id()},
                               headers=lead.headers)
    assert unknown.status_code == 404
    with transaction(world.factory) as session:
        assert access_log.verify(session) is None


def test_a_pull_with_nothing_new_neither_writes_nor_waits_for_a_push(world):
    anouk = world.device("anouk")
    anouk.new_case(world.team("Noord"))
    anouk.sync()
    before = len(_rows(world))
    with transaction(world.factory) as session:
        lock_revs(session)  # a push in progress holds the counter (and SQLite's write lock)
        response = anouk.pull_page()
        assert response.status_code == 200 and response.json()["records"] == []
    assert len(_rows(world)) == before


def _delivered(world, device_id: str) -> list[tuple[str, str]]:
    """(case id, record id) of every record the access log says went to `device_id`."""
    return [
        (row.case_id, record_id)
        for row in _rows(world)
        if row.action == "pull.records" and row.device_id == device_id
        for record_id in row.detail.split()
    ]


def test_every_delivered_record_is_in_the_log_once_per_delivery(world):
    """One row per case per page, listing the records sent: over several small pages and
    two cases, the log names exactly the records the laptop received, each once."""
    anouk = world.device("anouk")
    cases = [anouk.new_case(world.team("Noord")) for _ in range(2)]
    for case in cases:
        for n in range(4):
            anouk.new_record(case["id"], "task", title=f"Taak {n}")
    laptop2 = world.enrol("anouk", "tweede")
    received: list[tuple[str, str]] = []
    while True:
        response = laptop2.pull_page(limit=3)
        assert response.status_code == 200, response.text
        page = response.json()
        received += [(r["case_id"], r["id"]) for r in page["records"]]
        laptop2.cursor = page["cursor"]
        if not page["more"]:
            break
    assert len(received) == len(set(received)) == 10
    assert sorted(_delivered(world, laptop2.device_id)) == sorted(received)
    laptop2.sync()  # nothing new: nothing logged
    assert sorted(_delivered(world, laptop2.device_id)) == sorted(received)
    with transaction(world.factory) as session:
        assert access_log.verify(session) is None
