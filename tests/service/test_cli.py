"""`keukentafel-server`: migrate, team add, user add (password from stdin), device list and
revoke, seed-demo (also after being killed halfway), the database URL never on a command
line; on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sync.schema import PLAN_STATUSES
from sync.service.accounts import add_device
from sync.service.app import create_app
from sync.service.cli import main
from sync.service.db import make_engine, make_sessionmaker, transaction
from sync.service.demo import DEMO_USERS
from sync.service.models import User
from sync.service.process import ServiceProcess, server_env
from tests.service.conftest import service_settings


def run(capsys, monkeypatch, db_url: str, *args: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    monkeypatch.setenv("KEUKENTAFEL_DB_URL", db_url)
    code = main(list(args))
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
        # The team lead decided the demo's approved and returned plans through the real
        # review rules, on the plan as it stood.
        plans = {r["id"]: r for r in page["records"] if r["kind"] == "safety_plan"}
        assert {p["fields"]["status"] for p in plans.values()} == set(PLAN_STATUSES)
        # Its dates lie around the day of seeding: reckoned from a fixed day, every review
        # in `make run` had become overdue months later.
        today = dt.date.today()
        reviews = [dt.date.fromisoformat(p["fields"]["review_on"]) for p in plans.values()]
        assert reviews and all(today - dt.timedelta(days=1) <= d <= today + dt.timedelta(days=121)
                               for d in reviews)
        versions = [r for r in page["records"] if r["kind"] == "plan_version"]
        assert sorted(v["fields"]["decision"] for v in versions) == ["approved", "returned"]
        for version in versions:
            plan = plans[version["fields"]["plan_id"]]
            assert plan["fields"]["status"] == version["fields"]["decision"]
            assert plan["fields"]["reviewed_by"] == version["fields"]["decided_by"]
            seen = json.loads(version["fields"]["content"])["plan"]
            assert seen["fields"]["status"] == "submitted" and seen["rev"] < plan["rev"]


def _demo_cases_each_user_sees(db_url: str) -> dict[str, int]:
    seen = {}
    with TestClient(create_app(service_settings(db_url))) as client:
        for user in DEMO_USERS:
            body = client.post("/api/v1/session/enrol", json={
                "username": user.username, "password": user.password,
                "device_name": "laptop"}).json()
            page = client.get("/api/v1/sync/pull", params={"limit": 5000},
                              headers={"Authorization": f"Bearer {body['token']}"}).json()
            seen[user.username] = sum(
                1 for r in page["records"]
                if r["kind"] == "case" and r["fields"]["contact_worker_id"] == body["user"]["id"]
            )
    return seen


# The real command in a child process, SIGKILLed right after its first push of demo cases
# has committed: a crash point injected from outside, no hook in the service's code.
_KILLED_AFTER_FIRST_PUSH = """
import os, signal, sys
import sync.service.demo as demo
real_push = demo.push
def push_then_die(*args, **kwargs):
    results = real_push(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)
    return results
demo.push = push_then_die
from sync.service.cli import main
sys.exit(main(["seed-demo"]))
"""


def test_seed_demo_killed_halfway_seeds_again(db_url, capsys, monkeypatch):
    killed = subprocess.run([sys.executable, "-c", _KILLED_AFTER_FIRST_PUSH],
                            env=server_env(db_url), capture_output=True, timeout=300,
                            cwd=Path(__file__).resolve().parents[2])
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()[-500:]
    code, out, err = run(capsys, monkeypatch, db_url, "seed-demo")
    assert (code, err) == (0, "") and out.startswith("demo data added")
    assert _demo_cases_each_user_sees(db_url) == {u.username: u.cases for u in DEMO_USERS}
    assert run(capsys, monkeypatch, db_url, "seed-demo")[1].startswith("demo data was already")


def test_device_list_escapes_control_characters(db_url, capsys, monkeypatch):
    assert run(capsys, monkeypatch, db_url, "team", "add", "Noord")[0] == 0
    assert run(capsys, monkeypatch, db_url, "user", "add", "fleur", "--team", "Noord",
               "--role", "worker", "--password-stdin", stdin="geheim-wachtwoord\n")[0] == 0
    # A name as an old client or a hostile one could have sent it: a terminal title and
    # bell, a clear screen, a carriage return over the line, a tab, a bidi override.
    hostile = "\x1b]0;pwned\x07\x1b[2Jlaptop\rnep\tkolom\u202eesrever\x85\\x41"
    engine = make_engine(db_url)
    with transaction(make_sessionmaker(engine)) as session:
        user = session.query(User).filter_by(username="fleur").one()
        device, _ = add_device(session, user, hostile)
        device_id = device.id
    engine.dispose()
    code, out, _ = run(capsys, monkeypatch, db_url, "device", "list")
    assert code == 0
    (line,) = [row for row in out.splitlines() if row.startswith(device_id)]
    assert line.split("\t")[2] == (
        "\\x1b]0;pwned\\x07\\x1b[2Jlaptop\\rnep\\tkolom\\u202eesrever\\x85\\\\x41"
    )
    assert all(ch == "\t" or (ch.isprintable() and ch != "\u202e") for ch in out.replace(
        "\n", ""))


def _process_tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def test_the_service_command_line_holds_no_database_url(db_url):
    with ServiceProcess(db_url, workers=2) as service:
        assert service.proc is not None
        tree = _process_tree(service.proc.pid)
        argvs = []
        for pid in tree:
            try:
                argvs.append(Path(f"/proc/{pid}/cmdline").read_bytes().decode())
            except OSError:
                continue
    assert len(argvs) >= 3  # the supervisor and its two workers
    assert "sync.service.cli" in argvs[0]
    needle = db_url.split("///")[-1] if db_url.startswith("sqlite") else db_url.rsplit("/", 1)[1]
    for argv in argvs:
        assert db_url not in argv and needle not in argv
        assert "sqlite" not in argv and "postgresql" not in argv


def test_the_database_url_comes_from_a_file_or_the_environment_never_argv(
        db_url, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("KEUKENTAFEL_DB_URL", raising=False)
    monkeypatch.chdir(tmp_path)  # the default SQLite file would land here
    url_file = tmp_path / "db-url"
    url_file.write_text(db_url + "\n")
    os.chmod(url_file, 0o600)
    assert main(["--db-url-file", str(url_file), "team", "add", "Oost"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("KEUKENTAFEL_DB_URL", db_url)
    assert main(["team", "add", "Oost"]) == 1  # the same database: the name is taken
    assert "exists" in capsys.readouterr().err
    monkeypatch.delenv("KEUKENTAFEL_DB_URL")
    for argv in (["--db", db_url, "migrate"], [f"--db={db_url}", "migrate"]):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert "KEUKENTAFEL_DB_URL" in err and db_url not in err
    assert main(["--db-url-file", str(tmp_path / "missing"), "migrate"]) == 1
    assert "cannot read the database URL file" in capsys.readouterr().err
    assert not (tmp_path / "keukentafel-server.sqlite3").exists()


def test_the_help_offers_no_url_option(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--db-url-file" in out and "--db URL" not in out


def test_team_add_safety_team_lists_its_users_in_every_directory(db_url, capsys, monkeypatch):
    assert run(capsys, monkeypatch, db_url, "team", "add", "Noord")[0] == 0
    assert run(capsys, monkeypatch, db_url, "team", "add", "Veiligheidsteam Regio",
               "--safety-team")[0] == 0
    for name, team in (("anouk", "Noord"), ("vera", "Veiligheidsteam Regio")):
        code, _, _ = run(capsys, monkeypatch, db_url, "user", "add", name, "--team", team,
                         "--role", "worker", "--password-stdin", stdin="geheim-wachtwoord\n")
        assert code == 0
    with TestClient(create_app(service_settings(db_url))) as client:
        token = client.post("/api/v1/session/enrol", json={
            "username": "anouk", "password": "geheim-wachtwoord", "device_name": "laptop",
        }).json()["token"]
        users = client.get("/api/v1/directory",
                           headers={"Authorization": f"Bearer {token}"}).json()["users"]
    assert {(u["display_name"], u["safety_team"]) for u in users} == {
        ("anouk", False), ("vera", True)}
