"""Fixtures of the service tests: every protocol test runs on SQLite and on a real
PostgreSQL 15 (the throwaway cluster of tests/pg.py; the run fails if it cannot start).

Each test gets a fresh, migrated database, copied from a template migrated once per session.
"""

from __future__ import annotations

import shutil
import uuid

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from sync.service.app import create_app
from sync.service.db import make_engine, migrate
from sync.service.settings import Settings
from tests.pg import PostgresCluster, postgres_cluster  # noqa: F401  (re-exported fixture)
from tests.service.world import World

TEMPLATE_DB = "kt_service_template"


@pytest.fixture(scope="session")
def pg_template(postgres_cluster: PostgresCluster) -> str:  # noqa: F811
    url = postgres_cluster.create_database(TEMPLATE_DB)
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    return TEMPLATE_DB


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("template") / "service.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()  # the last connection to close folds the WAL back into the file
    return str(path)


def fresh_postgres(cluster: PostgresCluster, template: str) -> str:
    name = f"kt_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(cluster.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    admin.dispose()
    return cluster.url(name)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        target = tmp_path / "service.sqlite3"
        shutil.copyfile(template, target)
        return f"sqlite:///{target}"
    cluster = request.getfixturevalue("postgres_cluster")
    return fresh_postgres(cluster, request.getfixturevalue("pg_template"))


def service_settings(db_url: str, **overrides) -> Settings:
    values = dict(
        db_url=db_url, login_delay_s=0.01, login_slow_after=3, login_lock_after=6,
        pool_size=4,
    )
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def settings(db_url: str) -> Settings:
    return service_settings(db_url)


@pytest.fixture
def world(settings: Settings):
    app = create_app(settings)
    with TestClient(app) as client:
        yield World(app, client)


@pytest.fixture
def pg_world(postgres_cluster, pg_template):  # noqa: F811
    """The world on PostgreSQL alone, for what only PostgreSQL does."""
    app = create_app(service_settings(fresh_postgres(postgres_cluster, pg_template)))
    with TestClient(app) as client:
        yield World(app, client)
