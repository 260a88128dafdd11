"""Alembic environment of the service: the engine comes from sync.service.db.migrate()."""

from __future__ import annotations

from alembic import context

from sync.service.models import Base

target_metadata = Base.metadata

# Several hosts that start at once after an upgrade each run `serve`, which migrates first:
# on PostgreSQL the first takes this lock and migrates, the others wait and then find
# nothing left to do. (SQLite is one file on one host: its write lock serialises them.)
MIGRATION_LOCK = 0x6B74_6D69  # "ktmi"


def run_migrations_online() -> None:
    engine = context.config.attributes["engine"]
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("the service's migrations run online only: keukentafel-server migrate")
run_migrations_online()
