"""The sync's last step keeps the team directory in the store, and a service from before the
directory (404) neither stops the sync nor empties the names the laptop has."""

from __future__ import annotations

from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient

from sync.protocol import Colleague, TeamName
from sync.service.accounts import add_team, add_user
from sync.service.app import create_app
from sync.service.db import migrate, transaction
from tests.service.conftest import service_settings
from tests.sync.harness import PASSWORD, Account, Laptop

URL = "http://testserver"


def _service(tmp_path, *, with_directory: bool):
    app = create_app(service_settings(f"sqlite:///{tmp_path / 'service.sqlite3'}"))
    migrate(app.state.engine)
    if not with_directory:
        # As a service from before the directory answers: FastAPI's 404 for an unknown path.
        @app.middleware("http")
        async def before_the_directory(request, call_next):  # noqa: ANN001, ANN202
            if request.url.path == "/api/v1/directory":
                return JSONResponse({"detail": "Not Found"}, status_code=404)
            return await call_next(request)

    with transaction(app.state.factory) as session:
        add_team(session, "Noord")
        add_team(session, "Veiligheidsteam", safety_team=True)
        anouk = add_user(session, "anouk", PASSWORD, "worker", ["Noord"],
                         display_name="Anouk Jansen")
        add_user(session, "vera", PASSWORD, "worker", ["Veiligheidsteam"],
                 display_name="Vera Veilig")
        return app, anouk.id


def _laptop(tmp_path, http) -> Laptop:
    laptop = Laptop(tmp_path / "laptop")
    laptop.enrol(URL, Account("anouk", PASSWORD, "", "", "Noord"), http=http)
    return laptop


def test_each_sync_replaces_the_directory(tmp_path):
    app, anouk_id = _service(tmp_path, with_directory=True)
    with TestClient(app, base_url=URL) as http:
        laptop = _laptop(tmp_path, http)
        gone = Colleague(id="99999999-9999-4999-8999-999999999999", display_name="Oud Lid",
                         role="worker", team_ids=[])
        laptop.store.set_colleagues([gone])
        assert laptop.sync(URL, http=http).colleagues_changed
        assert not laptop.sync(URL, http=http).colleagues_changed  # the same: nothing written
        names = {c.display_name: c for c in laptop.store.colleagues()}
        assert set(names) == {"Anouk Jansen", "Vera Veilig"}  # who left is gone
        assert names["Vera Veilig"].safety_team and names["Anouk Jansen"].id == anouk_id
        teams = {t.name: t for t in laptop.store.teams()}
        assert set(teams) == {"Noord", "Veiligheidsteam"} and teams["Veiligheidsteam"].safety_team
        assert teams["Noord"].id in names["Anouk Jansen"].team_ids
        laptop.close()


def test_a_service_without_the_directory_keeps_the_names_and_syncs(tmp_path):
    app, _ = _service(tmp_path, with_directory=False)
    with TestClient(app, base_url=URL) as http:
        laptop = _laptop(tmp_path, http)
        known = Colleague(id="99999999-9999-4999-8999-999999999999", display_name="Sanne",
                          role="worker", team_ids=[])
        laptop.store.set_colleagues([known])
        team = TeamName(id="88888888-8888-4888-8888-888888888888", name="Team West")
        laptop.store.set_teams([team])
        report = laptop.sync(URL, http=http)
        assert report.rejected == 0
        assert laptop.store.get_setting("last_sync")
        assert laptop.store.colleagues() == [known]
        assert laptop.store.teams() == [team]
        laptop.close()
