"""The store's settings table: one JSON value per name (the token, the cursor, the user)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from storage.models import Setting

T = Setting.__table__


def get_setting(conn: Connection, name: str) -> Any:
    return conn.execute(select(T.c.value).where(T.c.name == name)).scalar()


def put_setting(conn: Connection, name: str, value: Any) -> None:
    conn.execute(T.delete().where(T.c.name == name))
    conn.execute(T.insert().values(name=name, value=value))
