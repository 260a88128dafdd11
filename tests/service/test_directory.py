"""`GET /api/v1/directory`: colleagues of the caller's teams and the regional safety team's
professionals by name, nobody else, and nothing but who they are."""

from __future__ import annotations

from sync.service.accounts import add_team
from sync.service.db import transaction


def _safety_team(world, name: str = "Veiligheidsteam Regio") -> str:
    with transaction(world.factory) as session:
        world.teams[name] = add_team(session, name, safety_team=True).id
    return world.teams[name]


def test_the_directory_lists_own_teams_and_the_safety_team_only(world):
    safety = _safety_team(world)
    anouk = world.device("anouk", "worker", ("Noord",))
    karin_id = world.user("karin", "teamlead", ("Noord", "Oost"))
    omar_id = world.user("omar", "worker", ("Zuid",))  # another local team: not listed
    vera_id = world.user("vera", "worker", ("Veiligheidsteam Regio",))
    response = world.client.get("/api/v1/directory", headers=anouk.headers)
    assert response.status_code == 200, response.text
    users = {u["id"]: u for u in response.json()["users"]}
    assert set(users) == {anouk.user_id, karin_id, vera_id}
    assert omar_id not in users
    # only the teams anouk may know of: Oost is karin's, not anouk's
    assert users[karin_id]["team_ids"] == [world.team("Noord")]
    assert users[karin_id]["role"] == "teamlead" and not users[karin_id]["safety_team"]
    assert users[vera_id]["team_ids"] == [safety] and users[vera_id]["safety_team"]
    for user in users.values():
        assert set(user) == {"id", "display_name", "role", "team_ids", "safety_team"}
    assert "wachtwoord" not in response.text and "password" not in response.text


def test_a_safety_team_professional_knows_the_contact_worker_of_a_shared_case(world):
    _safety_team(world)
    vera = world.device("vera", "worker", ("Veiligheidsteam Regio",))
    anouk = world.device("anouk", "worker", ("Noord", "Oost"))
    world.user("bram", "worker", ("Noord",))  # of Noord, on no case of vera's: not hers to list

    def listed() -> dict[str, dict]:
        response = world.client.get("/api/v1/directory", headers=vera.headers)
        assert response.status_code == 200, response.text
        return {u["display_name"]: u for u in response.json()["users"]}

    assert set(listed()) == {"vera"}
    case = anouk.new_case(world.team("Noord"), shared_with=[vera.user_id])
    users = listed()
    assert set(users) == {"vera", "anouk"}
    assert users["anouk"]["team_ids"] == []  # her teams are not vera's to know
    anouk.edit(case, shared_with=[])
    assert set(listed()) == {"vera"}


def test_the_directory_needs_a_token(world):
    response = world.client.get("/api/v1/directory")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
