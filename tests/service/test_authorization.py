"""Who may see what, on every request: pull, push, resolve and audit for a worker, another
team's worker, a colleague the case is shared with, a team lead, an admin and a revoked
device."""

from __future__ import annotations

import pytest

from tests.service.world import change, new_id


@pytest.fixture
def cast(world):
    """The case of worker `anouk` in team Noord, with one open conflict, and everyone else."""
    anouk = world.device("anouk", "worker", ("Noord",))
    anouk2 = world.enrol("anouk", "tweede laptop")
    people = {
        "owner": anouk,
        "colleague": world.device("bram", "worker", ("Noord",)),
        "shared": world.device("sanne", "worker", ("Noord",)),
        "other_team": world.device("omar", "worker", ("Zuid",)),
        "lead": world.device("karin", "teamlead", ("Noord",)),
        "other_lead": world.device("joost", "teamlead", ("Zuid",)),
        "admin": world.device("beheer", "admin", ()),
    }
    case = anouk.new_case(world.team("Noord"), shared_with=[people["shared"].user_id])
    plan = anouk.new_record(case["id"], "safety_plan", title="Plan", status="submitted")
    anouk2.sync()
    anouk.edit(case, legal_framework="ots")
    [conflict] = anouk2.edit(case, legal_framework="other")["conflicts"]
    revoked = world.enrol("anouk", "verloren laptop")
    assert world.client.delete(f"/api/v1/devices/{revoked.device_id}",
                               headers=revoked.headers).status_code == 204
    people["revoked"] = revoked
    return world, people, case, plan, conflict


SEES = {"owner": True, "colleague": False, "shared": True, "other_team": False,
        "lead": True, "other_lead": False, "admin": False}
# Those who may not see the case first, so that a resolve by one who may does not hide
# what the others would get.
ORDER = sorted(SEES, key=lambda who: (SEES[who], who))


def test_pull_delivers_only_cases_in_view(cast):
    _, people, case, plan, conflict = cast
    for who in ORDER:
        device = people[who]
        device.sync()
        if SEES[who]:
            assert {case["id"], plan["id"]} <= set(device.records), who
            assert conflict["id"] in device.conflicts, who
        else:
            assert device.records == {} and device.conflicts == {}, who


def test_push_to_a_case_outside_the_view_is_rejected(cast):
    _, people, case, _, _ = cast
    for who in ORDER:
        result = people[who].push_one(change(new_id(), "task", case["id"], {"title": "Taak"}))
        if SEES[who]:
            assert result["status"] == "applied", who
        else:
            assert result["status"] == "rejected", who
            assert result["error"]["code"] in ("case_not_visible", "forbidden"), who
            assert result["record"] is None, who


def test_resolve_only_within_the_view(cast):
    _, people, _, _, conflict = cast
    statuses = []
    for who in ORDER:
        response = people[who].resolve(conflict["id"], "voluntary")
        if SEES[who]:
            assert response.status_code == 200, who
            statuses.append(response.json()["status"])
        else:
            assert response.status_code == 404, who
            assert response.json()["error"]["code"] == "conflict_not_found", who
    # the first who may see it closes it; the others are told it is closed already
    assert statuses == ["applied", "rejected", "rejected"]


# The contact worker prepares the inzage with the family; a colleague it is only shared with
# sees the case but not who else read it.
LOG_READERS = {"owner", "lead"}


def test_the_contact_worker_and_a_lead_of_the_cases_team_read_its_access_log(cast):
    world, people, case, _, _ = cast
    for who in ORDER:
        response = world.client.get("/api/v1/audit", params={"case_id": case["id"]},
                                    headers=people[who].headers)
        if who in LOG_READERS:
            assert response.status_code == 200, who
            assert response.json()["entries"], who
        else:
            assert response.status_code == 403, who
            assert response.json()["error"]["code"] == "forbidden", who


def test_a_worker_asking_for_an_unknown_cases_log_learns_nothing(cast):
    world, people, _, _, _ = cast
    response = world.client.get("/api/v1/audit", params={"case_id": new_id()},
                                headers=people["owner"].headers)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


def test_reading_the_log_as_contact_worker_is_logged(cast):
    world, people, case, _, _ = cast
    owner = people["owner"]
    world.client.get("/api/v1/audit", params={"case_id": case["id"]}, headers=owner.headers)
    entries = world.client.get("/api/v1/audit", params={"case_id": case["id"]},
                               headers=people["lead"].headers).json()["entries"]
    assert any(e["action"] == "audit.read" and e["user_id"] == owner.user_id for e in entries)


def test_only_a_team_lead_approves_or_returns_a_plan(cast):
    _, people, _, plan, _ = cast
    # the lead last: once the plan is "returned", setting "returned" again is rule 2
    for who in sorted(ORDER, key=lambda w: w == "lead"):
        for status in ("approved", "returned"):
            result = people[who].edit(plan, status=status)
            if who == "lead":
                assert result["status"] == "applied", (who, result)
                plan = result["record"]
            else:
                assert result["status"] == "rejected", who
                assert result["error"]["code"] in (
                    "plan_review_forbidden", "case_not_visible", "forbidden"), who


def test_other_teams_lead_cannot_approve(cast):
    _, people, _, plan, _ = cast
    result = people["other_lead"].edit(plan, status="approved")
    assert result["status"] == "rejected"


def test_a_rejected_plan_approval_leaves_the_rest_of_the_batch(cast):
    _, people, case, plan, _ = cast
    owner = people["owner"]
    results = owner.push(
        change(plan["id"], "safety_plan", case["id"], {"status": "approved"},
               base={"status": "submitted"}, base_rev=plan["rev"]),
        change(new_id(), "task", case["id"], {"title": "Verder"}),
    )
    assert [r["status"] for r in results] == ["rejected", "applied"]


def test_a_revoked_device_gets_nothing(cast):
    world, people, case, _, conflict = cast
    revoked = people["revoked"]
    for response in (
        revoked.pull_page(),
        revoked.push_raw([change(new_id(), "task", case["id"], {"title": "x"})]),
        revoked.resolve(conflict["id"], "ots"),
        world.client.get("/api/v1/audit", params={"case_id": case["id"]},
                         headers=revoked.headers),
        world.client.post("/api/v1/audit", json={"entries": []}, headers=revoked.headers),
    ):
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "device_revoked"


def test_a_worker_creates_cases_only_in_their_own_team(world):
    anouk = world.device("anouk", "worker", ("Noord",))
    zuid = world.team("Zuid")
    case_id = new_id()
    result = anouk.push_one(change(case_id, "case", case_id, {"title": "Familie X",
                                                              "team_id": zuid}))
    assert result["status"] == "rejected" and result["error"]["code"] == "not_your_team"
    own = anouk.new_case(world.team("Noord"))
    moved = anouk.edit(own, team_id=zuid)
    assert moved["status"] == "rejected" and moved["error"]["code"] == "not_your_team"


def test_record_ids_cannot_jump_between_cases(world):
    anouk = world.device("anouk")
    bram = world.device("bram")
    mine = anouk.new_case(world.team("Noord"))
    theirs = bram.new_case(world.team("Noord"))
    task = bram.new_record(theirs["id"], "task", title="Van Bram")
    # anouk re-uses bram's record id in her own case: refused, nothing of bram's revealed
    result = anouk.push_one(change(task["id"], "task", mine["id"], {"title": "Overschreven"}))
    assert result["status"] == "rejected" and result["error"]["code"] == "record_mismatch"
    assert result["record"] is None and result["rev"] == 0
