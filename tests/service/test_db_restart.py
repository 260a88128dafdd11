"""A PostgreSQL restart (or a connection that dies under a request) costs no request a 500:
the pool holds no pre-ping (a round trip per checkout, issue 15), so db.py notices closed
connections at checkout and retries a read once on a fresh connection."""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from sync.service.app import create_app
from sync.service.db import make_engine, read
from sync.service.routes import sync as sync_routes
from tests.pg import PostgresCluster
from tests.service.conftest import fresh_postgres, service_settings
from tests.service.world import World

pytestmark = pytest.mark.postgres


def test_the_requests_after_a_restart_are_answered(postgres_cluster: PostgresCluster,
                                                   pg_template: str):
    app = create_app(service_settings(fresh_postgres(postgres_cluster, pg_template)))
    with TestClient(app) as client:
        world = World(app, client)
        anouk = world.device("anouk")
        case = anouk.new_case(world.team("Noord"))
        anouk.sync()
        assert app.state.engine.pool.checkedin() > 0  # pooled connections, soon dead
        postgres_cluster.restart()
        page = anouk.pull_page()
        assert page.status_code == 200, page.text
        assert page.json()["records"] == []
        anouk.new_record(case["id"], "task", title="Bellen")  # a push: a write session
        assert [r["kind"] for r in anouk.sync()["records"]] == ["task"]


def test_a_read_whose_connection_dies_runs_once_more(postgres_cluster: PostgresCluster):
    url = postgres_cluster.create_database()
    engine = make_engine(url)
    killer = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    pids: list[int] = []

    def reading(connection: sa.Connection) -> int:
        pid = connection.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
        pids.append(pid)
        if len(pids) == 1:  # the first time only: the server ends this session
            with killer.connect() as other:
                other.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
                while other.execute(sa.text("SELECT count(*) FROM pg_stat_activity "
                                            "WHERE pid = :pid"), {"pid": pid}).scalar():
                    time.sleep(0.01)
        return connection.execute(sa.text("SELECT 41 + 1")).scalar_one()

    try:
        assert read(engine, reading) == 42
        assert len(pids) == 2 and pids[0] != pids[1]
    finally:
        engine.dispose()
        killer.dispose()


def test_a_push_whose_pooled_connection_died_is_answered(postgres_cluster: PostgresCluster,
                                                         pg_template: str, monkeypatch):
    """The push route checks the token on the connection its push goes over
    (routes/sync.py); a connection that died in the pool unnoticed is met by that first
    statement, and the push runs once more on a fresh one, as db.read does."""
    app = create_app(service_settings(fresh_postgres(postgres_cluster, pg_template)))
    killer = sa.create_engine(postgres_cluster.url(), isolation_level="AUTOCOMMIT")
    rows = sync_routes.viewer_rows
    pids: list[int] = []

    def dying(connection, token):  # type: ignore[no-untyped-def]
        pids.append(connection.info.backend_pid)
        if len(pids) == 1:  # the first time only: the server ends this session
            with killer.connect() as other:
                other.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pids[0]})
        return rows(connection, token)

    try:
        with TestClient(app) as client:
            world = World(app, client)
            anouk = world.device("anouk")
            case = anouk.new_case(world.team("Noord"))
            monkeypatch.setattr(sync_routes, "viewer_rows", dying)
            task = anouk.new_record(case["id"], "task", title="Bellen")
            assert len(pids) == 2 and pids[0] != pids[1]
            assert task["id"] in [r["id"] for r in anouk.sync()["records"]]
    finally:
        killer.dispose()
