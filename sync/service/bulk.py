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

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import JSON, Table, bindparam, insert, update
from sqlalchemy.orm import Session

# Fewer rows go in as an INSERT: COPY takes a round trip more (the server's go-ahead before
# the data), and under the rev lock of a push of one change that outweighs its per-row gain.
COPY_FROM = 50


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
    if connection.dialect.name != "postgresql" or len(rows) < COPY_FROM:
        if plain:
            mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
            connection.exec_driver_sql(
                f"INSERT INTO {table.name} ({names}) VALUES ({', '.join([mark] * len(columns))})",
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


def update_rows(session: Session, table: Table, key: str,
                rows: Sequence[dict[str, Any]]) -> None:
    """UPDATE the rows of `table` whose `key` column has each row's `key` value, setting the
    row's other columns (dicts with the same keys, column names).

    On PostgreSQL one UPDATE … FROM jsonb_to_recordset(the rows): a push of 1,000 edits
    sent 1,000 UPDATEs (pipelined, each with its parameters handled in Python) under the
    rev lock. On SQLite an executemany, a loop in C."""
    if not rows:
        return
    connection = session.connection()
    columns = list(rows[0])
    if connection.dialect.name != "postgresql":
        statement = (update(table).where(table.c[key] == bindparam(f"_{key}"))
                     .values({c: bindparam(c) for c in columns if c != key}))
        connection.execute(statement, [{**row, f"_{key}": row[key]} for row in rows])
        return
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    # The rows as one JSON parameter, which the server takes apart in C: psycopg turns a
    # list parameter into an array literal element by element in Python, with a regex
    # per text element (40 ms for a push of 1,000 edits).
    types = ", ".join(f"{quote(c)} {table.c[c].type.compile(dialect)}" for c in columns)
    sets = ", ".join(f"{quote(c)} = v.{quote(c)}" for c in columns if c != key)
    connection.exec_driver_sql(
        f"UPDATE {table.name} AS t SET {sets} "
        f"FROM jsonb_to_recordset(%s::jsonb) AS v({types}) "
        f"WHERE t.{quote(key)} = v.{quote(key)}",
        (json.dumps([{c: _json_value(row[c]) for c in columns} for row in rows]),))


def _json_value(value: Any) -> Any:
    # A JSON column's value is itself JSON in the recordset; a time goes as ISO 8601, which
    # PostgreSQL reads back to the microsecond, its offset included.
    return value.isoformat() if isinstance(value, dt.datetime) else value
