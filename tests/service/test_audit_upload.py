"""A laptop hands in access-log entries only about cases it may see or has held: an entry
about another team's case is refused on its own (not stored, not counted in `accepted`),
so nobody writes into the log of a case they never had."""

from __future__ import annotations

from sqlalchemy import select

from sync.service import access_log
from sync.service.db import transaction
from sync.service.models import AccessLogRow
from tests.service.world import new_id


def _entry(case_id: str | None, action: str = "open_case") -> dict:
    return {"id": new_id(), "at": "2026-11-20T10:00:00+00:00", "action": action,
            "case_id": case_id}


def _upload(world, device, entries):
    response = world.client.post("/api/v1/audit", json={"entries": entries},
                                 headers=device.headers)
    assert response.status_code == 200, response.text
    return response.json()


def _device_rows(world, case_id: str) -> list[AccessLogRow]:
    with transaction(world.factory) as session:
        return list(session.scalars(
            select(AccessLogRow).where(AccessLogRow.case_id == case_id,
                                       AccessLogRow.source == "device")
        ))


def test_entries_about_another_teams_case_are_refused(world):
    anouk = world.device("anouk", "worker", ("Noord",))
    omar = world.device("omar", "worker", ("Zuid",))
    lead = world.device("karin", "teamlead", ("Noord",))
    theirs = anouk.new_case(world.team("Noord"))
    mine = omar.new_case(world.team("Zuid"))
    answer = _upload(world, omar, [
        _entry(theirs["id"], "export"), _entry(mine["id"]), _entry(None, "unlock"),
        _entry(new_id()),  # a case the service does not know
    ])
    assert answer == {"accepted": 2}
    assert _device_rows(world, theirs["id"]) == []
    assert [r.action for r in _device_rows(world, mine["id"])] == ["device.open_case"]
    log = world.client.get("/api/v1/audit", params={"case_id": theirs["id"]},
                           headers=lead.headers).json()["entries"]
    assert not [e for e in log if e["user_id"] == omar.user_id]
    with transaction(world.factory) as session:
        refused = session.scalars(
            select(AccessLogRow).where(AccessLogRow.action == "audit.refused")
        ).all()
        assert [(r.user_id, r.case_id, r.detail) for r in refused] == [
            (omar.user_id, None, "2 entries")]
        assert access_log.verify(session) is None


def test_entries_about_a_case_the_device_held_before_it_left_its_view_are_taken(world):
    anouk = world.device("anouk", "worker", ("Noord",))
    bram = world.device("bram", "worker", ("Noord",))
    case = anouk.new_case(world.team("Noord"))
    anouk.sync()
    anouk.edit(case, contact_worker_id=bram.user_id)
    assert anouk.sync()["revoked_case_ids"] == [case["id"]]
    # what the laptop logged while it still had the case reaches the case's log
    assert _upload(world, anouk, [_entry(case["id"])]) == {"accepted": 1}
    assert [r.user_id for r in _device_rows(world, case["id"])] == [anouk.user_id]


def test_a_shared_colleague_and_the_team_lead_hand_in_entries(world):
    anouk = world.device("anouk", "worker", ("Noord",))
    omar = world.device("omar", "worker", ("Zuid",))
    lead = world.device("karin", "teamlead", ("Noord",))
    case = anouk.new_case(world.team("Noord"), shared_with=[omar.user_id])
    assert _upload(world, omar, [_entry(case["id"])]) == {"accepted": 1}
    assert _upload(world, lead, [_entry(case["id"])]) == {"accepted": 1}
    assert len(_device_rows(world, case["id"])) == 2
