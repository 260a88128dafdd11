"""Alembic environment of the service: the engine comes from sync.service.db.migrate()."""

from __future__ import annotations

from alembic import context

from sync.service.models import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = context.config.attributes["engine"]
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("the service's migrations run online only: keukentafel-server migrate")
run_migrations_online()
