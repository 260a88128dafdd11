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


def _teams(world, device, **params) -> dict[str, dict]:
    response = world.client.get("/api/v1/directory", headers=device.headers, params=params)
    assert response.status_code == 200, response.text
    return {t["name"]: t for t in response.json()["teams"]}


def test_the_directory_names_the_teams_a_caller_may_know_of_and_no_other(world):
    safety = _safety_team(world)
    vera = world.device("vera", "worker", ("Veiligheidsteam Regio",))
    anouk = world.device("anouk", "worker", ("Noord",))
    world.user("karin", "teamlead", ("Noord", "Oost"))  # Oost: karin's, not anouk's to know
    world.user("omar", "worker", ("Zuid",))
    assert _teams(world, anouk, teams="true") == {
        "Noord": {"id": world.team("Noord"), "name": "Noord", "safety_team": False},
        "Veiligheidsteam Regio": {"id": safety, "name": "Veiligheidsteam Regio",
                                  "safety_team": True},
    }
    # the safety team learns a local team's name only with a case of it shared with them
    assert set(_teams(world, vera, teams="true")) == {"Veiligheidsteam Regio"}
    case = anouk.new_case(world.team("Noord"), shared_with=[vera.user_id])
    assert set(_teams(world, vera, teams="true")) == {"Veiligheidsteam Regio", "Noord"}
    anouk.edit(case, shared_with=[])
    assert set(_teams(world, vera, teams="true")) == {"Veiligheidsteam Regio"}


def test_without_asking_the_directory_answers_as_before(world):
    """A laptop of before the team names forbids unknown keys: it must not get `teams`."""
    anouk = world.device("anouk", "worker", ("Noord",))
    response = world.client.get("/api/v1/directory", headers=anouk.headers)
    assert set(response.json()) == {"users"}
    wrong = world.client.get("/api/v1/directory", headers=anouk.headers,
                             params={"teams": "misschien"})
    assert wrong.status_code == 422 and wrong.json()["error"]["code"]
