"""Timeline entries of records pulled in as they were: they point at the record's row
instead of holding a copy of its values.

A first sync brings every record of the worker's cases, and each gets a timeline entry
with the values it came with: a second copy of the store's records (55 MB of a 159 MiB
store of 93,758 records), written on the thread that a first sync waits for. So the entry
of a record new to this laptop, with no local edit, holds `AS_PULLED` (JSON null) instead:
its values are those of the record's row. Before anything changes that row (a local edit,
a later pull, a merge, a purge: any UPDATE of its values or DELETE), a trigger writes the
row's values into the entry, so it never shows what came later. Readers fill in the values
of the entries still pointing (`fill`).

The triggers are made from each record table's own columns (`trigger_sql`), so a migration
that adds a field makes them again; a test holds them to every column of every table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection

from storage import records
from storage.models import RECORD_TABLES, UNKNOWN_FIELDS

AS_PULLED = "null"  # the entry's `changes`: the record's row holds its values
# Columns that are not the record's values: its identity and revision, and the derived
# search column.
_NOT_VALUES = {"id", "rev", "updated_by", "updated_at", "search", "case_id", "deleted",
               UNKNOWN_FIELDS}


def trigger_names(table: str) -> tuple[str, str]:
    return f"tr_{table}_timeline_update", f"tr_{table}_timeline_delete"


def trigger_sql(conn: Connection, table: str) -> list[str]:
    """The statements that (re)make `table`'s two triggers, from its columns as they are."""
    values = _value_columns(conn, table)
    fill = (f"UPDATE history SET changes = {_values_json(values, 'OLD')} "
            f"WHERE case_id = OLD.case_id AND record_id = OLD.id "
            f"AND changes = '{AS_PULLED}';")
    watched = ", ".join(f'"{name}"' for name, _ in values)
    update, delete = trigger_names(table)
    return [
        f"DROP TRIGGER IF EXISTS {update}",
        f"DROP TRIGGER IF EXISTS {delete}",
        f"CREATE TRIGGER {update} BEFORE UPDATE OF {watched}, case_id, deleted, "
        f"{UNKNOWN_FIELDS} ON {table} BEGIN {fill} END",
        f"CREATE TRIGGER {delete} BEFORE DELETE ON {table} BEGIN {fill} END",
    ]


def copy_sql(conn: Connection, table: str) -> str:
    """The statement that writes every pointing entry of `table`'s records its copy (the
    downgrade of migration 0018)."""
    values = _values_json(_value_columns(conn, table), "r")
    return (f"UPDATE history SET changes = (SELECT {values} FROM {table} r "
            f"WHERE r.id = history.record_id) WHERE changes = '{AS_PULLED}' "
            f"AND record_id IN (SELECT id FROM {table})")


def _value_columns(conn: Connection, table: str) -> list[tuple[str, str]]:
    columns = conn.exec_driver_sql(f"PRAGMA table_info({table})").all()
    return [(c[1], (c[2] or "").upper()) for c in columns if c[1] not in _NOT_VALUES]


def _values_json(values: list[tuple[str, str]], row: str) -> str:
    """The JSON object of a row's non-null values, as `pulled_rows.rows_of` writes them:
    json_patch onto {} leaves out the null members, and the fields a newer release sent
    come from their own JSON object."""
    pairs = ", ".join(f"'{name}', {_as_json(row + '.' + _quoted(name), declared)}"
                      for name, declared in values)
    return (f"json_patch(json_patch('{{}}', json_object({pairs})), "
            f"coalesce({row}.{UNKNOWN_FIELDS}, '{{}}'))")


def _quoted(name: str) -> str:
    return f'"{name}"'


def _as_json(column: str, declared: str) -> str:
    if declared == "BOOLEAN":
        return (f"CASE {column} WHEN 1 THEN json('true') WHEN 0 THEN json('false') "
                f"ELSE {column} END")
    if declared == "JSON":  # a list, stored as its JSON text
        return f"json({column})"
    return column


def record_tables() -> list[str]:
    return [table.name for table in RECORD_TABLES.values()]


def fill(conn: Connection, entries: Iterable[Any]) -> dict[str, dict[str, Any]]:
    """Record id -> the values of the entries among `entries` (timeline rows with
    record_id, kind, changes) that still point at their record's row."""
    pointing: dict[str, set[str]] = {}
    for entry in entries:
        if entry.changes is None:
            pointing.setdefault(entry.kind, set()).add(entry.record_id)
    out: dict[str, dict[str, Any]] = {}
    for kind, ids in pointing.items():
        if kind not in RECORD_TABLES:
            continue
        for record_id, record in records.load_many(conn, kind, ids).items():
            out[record_id] = {k: v for k, v in record.fields.items() if v is not None}
    return out
