"""Many new rows of one table in one go, inside the caller's transaction.

On PostgreSQL through COPY: one statement and one stream, where an INSERT executemany
(SQLAlchemy's or the driver's own, pipelined) still handles every row's parameters in
Python, one by one, and cost a push of 1,000 new records more than its checks and merges
(issue 15). The rows are written under the rev lock, so that cost is one every other push
waits for. On SQLite an executemany of the sqlite3 module is a loop in C already, and the
SQLAlchemy insert keeps its type handling (dates as SQLite stores them).

Values are what the columns hold: JSON columns get their value as SQLAlchemy's JSON type
writes it (`json.dumps`, None as JSON null), everything else as psycopg adapts it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import JSON, Table, insert
from sqlalchemy.orm import Session


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]], *,
                plain: bool = False) -> None:
    """INSERT `rows` (dicts with the same keys, column names) into `table`.

    `plain`: every value is a str, int or None, which SQLite takes as it is, so there the
    rows go straight to the driver's executemany without SQLAlchemy's per-row handling."""
    if not rows:
        return
    connection = session.connection()
    columns = list(rows[0])
    names = ", ".join(connection.dialect.identifier_preparer.quote(c) for c in columns)
    if connection.dialect.name != "postgresql":
        if plain:
            connection.exec_driver_sql(
                f"INSERT INTO {table.name} ({names}) VALUES ({', '.join('?' * len(columns))})",
                [tuple(row[c] for c in columns) for row in rows])
        else:
            connection.execute(insert(table), list(rows))
        return
    as_json = [isinstance(table.c[name].type, JSON) for name in columns]
    driver = connection.connection.driver_connection
    with driver.cursor() as cursor, cursor.copy(  # type: ignore[union-attr]
            f"COPY {table.name} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([json.dumps(row[c]) if j else row[c]
                            for c, j in zip(columns, as_json, strict=True)])
