"""Alembic migrations of the local store, run at open (no alembic.ini needed).

`HEAD` names the newest revision so that opening an up-to-date store does not load
Alembic at all (a test checks it against the scripts).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, text

HEAD = "0020"
SCRIPT_DIR = Path(__file__).resolve().parent


def current_revision(conn: Connection) -> str | None:
    has_table = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).first()
    if not has_table:
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(conn: Connection):  # noqa: ANN201 - alembic.config.Config, loaded late
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPT_DIR))
    config.attributes["connection"] = conn
    return config


def upgrade(conn: Connection, revision: str = "head") -> None:
    """Bring the store on `conn` to `revision` (inside the caller's transaction)."""
    from alembic import command

    command.upgrade(alembic_config(conn), revision)
