"""`keukentafel-server`: migrate, team add, user add (password from stdin), device list and
revoke, seed-demo; on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import uuid

from fastapi.testclient import TestClient

from sync.service.app import create_app
from sync.service.cli import main
from sync.service.demo import DEMO_USERS
from tests.service.conftest import service_settings


def run(capsys, monkeypatch, db_url: str, *args: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--db", db_url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_accounts_and_devices_from_the_command_line(db_url, capsys, monkeypatch):
    assert run(capsys, monkeypatch, db_url, "migrate")[0] == 0
    code, out, _ = run(capsys, monkeypatch, db_url, "team", "add", "Wijkteam Oost")
    assert code == 0 and uuid.UUID(out.strip())
    team_id = out.strip()
    code, out, _ = run(capsys, monkeypatch, db_url, "user", "add", "fleur", "--team",
                       "Wijkteam Oost", "--role", "worker", "--display-name", "Fleur Test",
                       "--password-stdin", stdin="geheim-wachtwoord\n")
    assert code == 0
    user_id = out.strip()
    code, _, err = run(capsys, monkeypatch, db_url, "user", "add", "fleur", "--team",
                       "Wijkteam Oost", "--role", "worker", "--password-stdin",
                       stdin="ander-wachtwoord\n")
    assert code == 1 and "taken" in err
    code, _, err = run(capsys, monkeypatch, db_url, "user", "add", "x", "--team", "Nergens",
                       "--role", "worker", "--password-stdin", stdin="ander-wachtwoord\n")
    assert code == 1 and "no team" in err
    assert "geheim" not in err

    with TestClient(create_app(service_settings(db_url))) as client:
        enrolled = client.post("/api/v1/session/enrol", json={
            "username": "fleur", "password": "geheim-wachtwoord", "device_name": "laptop"})
        assert enrolled.status_code == 201
        body = enrolled.json()
        assert body["user"] == {"id": user_id, "username": "fleur",
                                "display_name": "Fleur Test", "role": "worker",
                                "team_ids": [team_id]}
        code, out, _ = run(capsys, monkeypatch, db_url, "device", "list")
        assert code == 0 and body["device_id"] in out and "active" in out
        code, out, _ = run(capsys, monkeypatch, db_url, "device", "revoke", body["device_id"])
        assert code == 0
        response = client.get("/api/v1/sync/pull",
                              headers={"Authorization": f"Bearer {body['token']}"})
        assert response.json()["error"]["code"] == "device_revoked"
        assert "revoked" in run(capsys, monkeypatch, db_url, "device", "list")[1]


def test_seed_demo_makes_the_demo_worker_and_cases(db_url, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, db_url, "seed-demo")
    assert code == 0
    for user in DEMO_USERS:
        assert user.username in out and user.password in out
    assert run(capsys, monkeypatch, db_url, "seed-demo")[1].startswith("demo data was already")
    demo = next(u for u in DEMO_USERS if u.username == "demo")
    assert demo.team == "Wijkteam Noord"
    with TestClient(create_app(service_settings(db_url))) as client:
        body = client.post("/api/v1/session/enrol", json={
            "username": "demo", "password": demo.password, "device_name": "laptop"}).json()
        page = client.get("/api/v1/sync/pull", params={"limit": 5000},
                          headers={"Authorization": f"Bearer {body['token']}"}).json()
        cases = [r for r in page["records"] if r["kind"] == "case"]
        assert len(cases) == demo.cases
        assert {c["fields"]["contact_worker_id"] for c in cases} == {body["user"]["id"]}
        assert {r["kind"] for r in page["records"]} >= {"person", "safety_plan", "plan_item"}
