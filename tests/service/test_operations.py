"""docs/operations.md, run as written: the PostgreSQL set-up, the first install (migrate,
on two hosts at once; team; users) and a backup and restore, each parsed out of its fenced
block and run as commands against a throwaway PostgreSQL; then a worker logs in through
the real service.
And the files of installer/service/ agree with the command line and the settings."""

from __future__ import annotations

import configparser
import os
import re
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from sync.service.access_log import verify
from sync.service.app import create_app
from sync.service.cli import build_parser
from sync.service.db import make_engine, make_sessionmaker, transaction
from sync.service.models import User
from sync.service.settings import Settings
from tests.pg import PG_BIN, PG_USER
from tests.service.live import live_service

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "operations.md"
SERVICE_FILES = ROOT / "installer" / "service"
# The fictional passwords the administrator pipes in, by username.
PASSWORDS = {"j.devries": "wachtwoord-jolien", "a.bakker": "wachtwoord-anouk"}


def fenced(tag: str) -> list[str]:
    """The lines of the block in docs/operations.md that opens with ```<tag>."""
    found = re.search(rf"^```{re.escape(tag)}\n(.*?)^```$", DOC.read_text(encoding="utf-8"),
                      re.MULTILINE | re.DOTALL)
    assert found, f"docs/operations.md has no ```{tag} block"
    return [line for line in found.group(1).splitlines() if line.strip()]


def _run(line: str, env: dict[str, str], cwd: Path, stdin: str = "") -> str:
    done = subprocess.run(shlex.split(line), env=env, cwd=cwd, input=stdin, text=True,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, f"{line!r}: {done.stderr[-800:]}"
    return done.stdout


def _enrol(url: str, username: str) -> httpx.Response:
    return httpx.post(url + "/api/v1/session/enrol", timeout=60, json={
        "username": username, "password": PASSWORDS[username], "device_name": "laptop"})


@pytest.mark.postgres
@pytest.mark.slow
def test_the_documented_first_install_backup_and_restore(postgres_cluster, tmp_path):
    admin = sa.create_engine(postgres_cluster.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for statement in " ".join(fenced("sql postgres-setup")).split(";"):
            if statement.strip():
                conn.exec_driver_sql(statement)
    admin.dispose()

    # The role's URL, as the environment file gives it (local trust stands in for its
    # password); the commands found on PATH as in /opt/keukentafel/venv/bin.
    url = (f"postgresql+psycopg://keukentafel@/keukentafel"
           f"?host={postgres_cluster.socket_dir}&port={postgres_cluster.port}")
    env = {**os.environ, "KEUKENTAFEL_DB_URL": url,
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{PG_BIN}{os.pathsep}"
                   f"{os.environ.get('PATH', '')}"}
    first, *rest = fenced("sh first-install")
    assert first == "keukentafel-server migrate"
    # Two hosts that start at once both migrate: one waits for the other's lock.
    with ThreadPoolExecutor(2) as pool:
        printed = {"migrate": list(pool.map(lambda _: _run(first, env, tmp_path), range(2)))}
    for line in rest:
        argv = shlex.split(line)
        stdin = PASSWORDS[argv[3]] + "\n" if "--password-stdin" in argv else ""
        printed[argv[3] if argv[1] == "user" else argv[1]] = _run(line, env, tmp_path,
                                                                  stdin).strip()
    assert printed["migrate"] == ["migrations done\n"] * 2

    with live_service(create_app(Settings.from_env(url))) as service:
        lead = _enrol(service, "j.devries")
        assert lead.status_code == 201, lead.text
        assert lead.json()["user"]["role"] == "teamlead"
        assert lead.json()["user"]["team_ids"] == [printed["team"]]
        worker = _enrol(service, "a.bakker")
        assert worker.json()["user"]["id"] == printed["a.bakker"]

    # The backup and the restore, as the superuser (the documented commands take the
    # connection from the environment, as from ~/.pgpass).
    pg_env = {**env, "PGHOST": str(postgres_cluster.socket_dir),
              "PGPORT": str(postgres_cluster.port), "PGUSER": PG_USER}
    for line in fenced("sh backup") + fenced("sh restore"):
        _run(line, pg_env, tmp_path)
    restored = make_engine(url.replace("/keukentafel?", "/keukentafel_restored?"), 1)
    with transaction(make_sessionmaker(restored)) as session:
        assert verify(session) is None  # the access log's chain came through whole
        assert session.scalar(sa.select(User.id).where(User.username == "a.bakker")) \
            == printed["a.bakker"]
    restored.dispose()


def test_the_service_files_agree_with_the_command_line_and_the_settings():
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read_string((SERVICE_FILES / "keukentafel-service.service").read_text())
    service = unit["Service"]
    argv = shlex.split(service["ExecStart"])
    assert argv[0].endswith("/keukentafel-server")
    args = build_parser().parse_args(argv[1:])
    assert (args.command, args.host) == ("serve", "127.0.0.1") and args.workers > 1
    assert not any("db" in a for a in argv)  # the URL comes from the environment file
    for setting, value in {"DynamicUser": "yes", "NoNewPrivileges": "yes",
                           "ProtectSystem": "strict", "PrivateTmp": "yes"}.items():
        assert service[setting] == value, setting
    env_file = service["EnvironmentFile"]
    assert env_file in DOC.read_text(encoding="utf-8")

    # Every name in the example environment file is one the service reads.
    read = set(re.findall(r"KEUKENTAFEL_[A-Z_]+",
                          (ROOT / "sync" / "service" / "settings.py").read_text()))
    example = (SERVICE_FILES / "keukentafel-service.env.example").read_text()
    named = {line.split("=", 1)[0] for line in example.splitlines()
             if line and not line.startswith("#")}
    assert named and named <= read, named - read
    assert "KEUKENTAFEL_TRUSTED_PROXIES" in named and "KEUKENTAFEL_DB_URL" in named
    nginx = (SERVICE_FILES / "nginx-keukentafel.conf.example").read_text()
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in nginx
    assert "proxy_pass http://keukentafel;" in nginx and "server 127.0.0.1:8765;" in nginx
    assert "reverse_proxy 127.0.0.1:8765" in (SERVICE_FILES / "Caddyfile.example").read_text()
