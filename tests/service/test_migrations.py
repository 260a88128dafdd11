"""The Alembic migrations make exactly the tables the models describe, on both databases,
and `downgrade base` takes them away again."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from sync.service.db import alembic_config, make_engine
from sync.service.models import Base


def test_migrated_schema_matches_the_models(db_url):
    engine = make_engine(db_url)  # a copy of the migrated template
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    command.downgrade(alembic_config(engine), "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    command.upgrade(alembic_config(engine), "head")
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()
