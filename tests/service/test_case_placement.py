"""Who may move, share, hand over or close a case (docs/protocol.md): only the case's contact
worker and a team lead of its team; a move also needs a destination team the mover belongs
to, and the team lead of that team may pull a case it sees into it. The same rules hold on a
push, on a resolve and on restoring a deleted case, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from tests.service.world import change, new_id

OWNER_ONLY = ("not_case_owner",)


@pytest.fixture
def cast(world):
    """A case of worker `anouk` (team Noord), shared with `sanne` (Noord) and `omar` (Zuid)."""
    people = {
        "owner": world.device("anouk", "worker", ("Noord",)),
        "shared": world.device("sanne", "worker", ("Noord",)),
        "shared_other_team": world.device("omar", "worker", ("Zuid",)),
        "lead": world.device("karin", "teamlead", ("Noord",)),
        "other_lead": world.device("joost", "teamlead", ("Zuid",)),
    }
    case = people["owner"].new_case(
        world.team("Noord"),
        shared_with=[people["shared"].user_id, people["shared_other_team"].user_id],
    )
    return world, people, case


def _case_now(world, device, case_id):
    device.sync()
    return device.records[case_id]


def test_a_colleague_of_another_team_cannot_take_a_shared_case_into_their_team(cast):
    world, people, case = cast
    omar = people["shared_other_team"]
    result = omar.edit(case, team_id=world.team("Zuid"))
    assert result["status"] == "rejected", result
    assert result["error"]["code"] in OWNER_ONLY
    # the case and its access log stay with Noord's team lead
    assert _case_now(world, people["lead"], case["id"])["fields"]["team_id"] == world.team("Noord")
    log = world.client.get("/api/v1/audit", params={"case_id": case["id"]},
                           headers=people["lead"].headers)
    assert log.status_code == 200 and log.json()["entries"]


@pytest.mark.parametrize("who", ["shared", "shared_other_team"])
def test_a_shared_colleague_cannot_hand_over_share_or_close(cast, who):
    world, people, case = cast
    device = people[who]
    for fields in (
        {"contact_worker_id": device.user_id},
        {"shared_with": [device.user_id]},
        {"shared_with": []},
        {"status": "closed", "closed_on": "2020-01-01"},
    ):
        result = device.edit(case, **fields)
        assert result["status"] == "rejected", (fields, result)
        assert result["error"]["code"] in OWNER_ONLY, fields
    # ordinary edits stay open to them, and the same list in another order is no change
    assert device.edit(case, summary="Gesprek gehad.")["status"] == "applied"
    reordered = list(reversed(case["fields"]["shared_with"]))
    assert device.edit(case, shared_with=reordered)["status"] != "rejected"


def test_a_shared_colleague_cannot_delete_the_case_but_its_contact_worker_can(cast):
    world, people, case = cast
    for who in ("shared", "shared_other_team"):
        result = people[who].push_one(change(case["id"], "case", case["id"], delete=True,
                                              base_rev=case["rev"]))
        assert result["status"] == "rejected", (who, result)
        assert result["error"]["code"] in OWNER_ONLY
    lead = people["lead"]
    assert _case_now(world, lead, case["id"])["deleted"] is False
    # their other records they may delete
    task = people["shared"].new_record(case["id"], "task", title="Bellen")
    gone = people["shared"].push_one(change(task["id"], "task", case["id"], delete=True,
                                            base_rev=task["rev"]))
    assert gone["status"] == "applied", gone
    deleted = people["owner"].push_one(change(case["id"], "case", case["id"], delete=True,
                                              base_rev=case["rev"]))
    assert deleted["status"] == "applied", deleted


def test_resolving_a_delete_conflict_by_deleting_the_case_is_for_the_owner(cast):
    world, people, case = cast
    sanne = people["shared"]
    second = world.enrol("anouk", "tweede laptop")
    second.sync()
    stale = second.records[case["id"]]
    people["owner"].edit(case, summary="Nieuw.")
    result = second.push_one(change(case["id"], "case", case["id"], delete=True,
                                    base_rev=stale["rev"]))
    assert result["status"] == "conflict", result
    [conflict] = result["conflicts"]
    response = sanne.resolve(conflict["id"], "deleted")
    assert response.status_code == 403, response.text
    assert response.json()["error"]["code"] in OWNER_ONLY
    assert people["lead"].resolve(conflict["id"], "deleted").status_code == 200


@pytest.mark.parametrize("who", ["owner", "lead"])
def test_the_contact_worker_and_the_team_lead_hand_over_share_and_close(cast, who):
    world, people, case = cast
    device = people[who]
    colleague = world.device("bram", "worker", ("Noord",))
    case = device.edit(case, shared_with=[colleague.user_id, people["owner"].user_id])
    assert case["status"] == "applied", case
    case = device.edit(case["record"], status="closed", closed_on="2026-01-01")
    assert case["status"] == "applied", case
    case = device.edit(case["record"], contact_worker_id=colleague.user_id)
    assert case["status"] == "applied", case


def test_a_move_needs_a_destination_team_the_mover_belongs_to(world):
    lead = world.device("karin", "teamlead", ("Noord",))
    anouk = world.device("anouk", "worker", ("Noord", "West"))
    case = anouk.new_case(world.team("Noord"))
    # the team lead of the case's team may not push it into a team she is not in
    result = lead.edit(case, team_id=world.team("Zuid"))
    assert result["status"] == "rejected" and result["error"]["code"] == "not_your_team"
    # the contact worker may move it to her other team
    moved = anouk.edit(case, team_id=world.team("West"))
    assert moved["status"] == "applied", moved


def test_the_destination_teams_lead_may_take_in_a_case_shared_with_them(world):
    anouk = world.device("anouk", "worker", ("Noord",))
    joost = world.device("joost", "teamlead", ("Zuid",))
    outsider_lead = world.device("lotte", "teamlead", ("West",))
    case = anouk.new_case(world.team("Noord"),
                          shared_with=[joost.user_id, outsider_lead.user_id])
    # a lead who sees the case through a share but is not the destination's lead: no
    refused = outsider_lead.edit(case, team_id=world.team("Zuid"))
    assert refused["status"] == "rejected" and refused["error"]["code"] == "not_your_team"
    moved = joost.edit(case, team_id=world.team("Zuid"), contact_worker_id=joost.user_id)
    assert moved["status"] == "applied", moved


def test_a_move_by_another_teams_worker_inside_a_batch_leaves_the_rest(cast):
    world, people, case = cast
    omar = people["shared_other_team"]
    results = omar.push(
        change(case["id"], "case", case["id"], {"team_id": world.team("Zuid")},
               base={"team_id": case["fields"]["team_id"]}, base_rev=case["rev"]),
        change(new_id(), "task", case["id"], {"title": "Bellen"}),
    )
    assert [r["status"] for r in results] == ["rejected", "applied"]


def test_a_worker_creates_cases_only_in_their_own_team(world):
    anouk = world.device("anouk", "worker", ("Noord",))
    case_id = new_id()
    result = anouk.push_one(change(case_id, "case", case_id, {
        "title": "Familie Elders", "team_id": world.team("Zuid"),
        "contact_worker_id": anouk.user_id}))
    assert result["status"] == "rejected" and result["error"]["code"] == "not_your_team"


# --- resolve -----------------------------------------------------------------------------


def _deleted_case_conflict(world, people, case):
    owner = people["owner"]
    second = world.enrol("anouk", "tweede laptop")
    second.sync()
    stale = second.records[case["id"]]
    gone = owner.push_one(change(case["id"], "case", case["id"], delete=True,
                                 base_rev=case["rev"]))
    assert gone["status"] == "applied", gone
    edited = second.edit(stale, summary="Nog bezig.")
    assert edited["status"] == "conflict", edited
    [conflict] = edited["conflicts"]
    assert conflict["field"] is None and conflict["kept"] == "deleted"
    return conflict, stale


@pytest.mark.parametrize("who", ["owner", "shared_other_team"])
def test_restoring_a_deleted_case_cannot_move_it_into_another_team(cast, who):
    world, people, case = cast
    conflict, stale = _deleted_case_conflict(world, people, case)
    zuid = world.team("Zuid")
    fields = {**stale["fields"], "team_id": zuid}
    response = people[who].resolve(conflict["id"], fields)
    assert response.status_code == 403, response.text
    assert response.json()["error"]["code"] in ("not_your_team", *OWNER_ONLY)
    # still Noord's: its lead resolves it, restoring the case where it was
    lead = people["lead"]
    restored = lead.resolve(conflict["id"], {**stale["fields"], "summary": "Nog bezig."})
    assert restored.status_code == 200, restored.text
    assert restored.json()["record"]["fields"]["team_id"] == world.team("Noord")


def test_restoring_a_deleted_case_cannot_hand_it_over_by_a_shared_colleague(cast):
    world, people, case = cast
    conflict, stale = _deleted_case_conflict(world, people, case)
    sanne = people["shared"]
    fields = {**stale["fields"], "contact_worker_id": sanne.user_id}
    response = sanne.resolve(conflict["id"], fields)
    assert response.status_code == 403, response.text
    assert response.json()["error"]["code"] in OWNER_ONLY


def _team_conflict(world):
    """A case whose `team_id` is in conflict: its contact worker (in three teams) moved it
    on one laptop and, from an older view, to another team on the other."""
    wim = world.device("wim", "worker", ("Noord", "Zuid", "West"))
    omar = world.device("omar", "worker", ("Oost",))
    case = wim.new_case(world.team("Noord"), shared_with=[omar.user_id])
    second = world.enrol("wim", "tweede laptop")
    assert wim.edit(case, team_id=world.team("Zuid"))["status"] == "applied"
    result = second.edit(case, team_id=world.team("West"))
    assert result["status"] == "conflict", result
    [conflict] = result["conflicts"]
    assert conflict["field"] == "team_id"
    return wim, omar, case, conflict


def test_resolving_a_team_conflict_cannot_move_the_case_into_any_team(world):
    wim, omar, case, conflict = _team_conflict(world)
    # a colleague it is shared with, into their own team
    response = omar.resolve(conflict["id"], world.team("Oost"))
    assert response.status_code == 403, response.text
    # the contact worker, into a team he is not in
    response = wim.resolve(conflict["id"], world.team("Oost"))
    assert response.status_code == 403, response.text
    assert response.json()["error"]["code"] == "not_your_team"
    # the contact worker, into one of the two teams of the conflict
    response = wim.resolve(conflict["id"], world.team("West"))
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "applied"
    assert response.json()["record"]["fields"]["team_id"] == world.team("West")


def test_a_refused_resolution_leaves_the_conflict_open(world):
    wim, omar, case, conflict = _team_conflict(world)
    assert omar.resolve(conflict["id"], world.team("Oost")).status_code == 403
    omar.sync()
    assert omar.conflicts[conflict["id"]]["resolved"] is False
    assert omar.records[case["id"]]["fields"]["team_id"] == world.team("Zuid")


def test_a_shared_colleague_may_accept_a_deletion_that_is_already_made(cast):
    world, people, case = cast
    conflict, _ = _deleted_case_conflict(world, people, case)
    sanne = people["shared"]
    again = sanne.push_one(change(case["id"], "case", case["id"], delete=True,
                                  base_rev=case["rev"]))
    assert again["status"] == "applied", again
    response = sanne.resolve(conflict["id"], "deleted")
    assert response.status_code == 200, response.text
    assert response.json()["record"]["deleted"] is True
