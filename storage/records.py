"""Reading and writing record rows: the typed tables on one side, `Record` on the other."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from sqlalchemy import Connection, Row, literal, select, union_all

from storage.models import RECORD_TABLES, UNKNOWN_FIELDS
from sync.protocol import Record
from sync.schema import KINDS, KindSpec

COMMON = ("id", "case_id", "rev", "deleted", "updated_by", "updated_at")


def now() -> str:
    """UTC, ISO 8601 with milliseconds: the store's one clock format."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def row_to_record(kind: str, row: Row[Any] | Mapping[str, Any]) -> Record:
    data = row._mapping if isinstance(row, Row) else row
    fields = {name: data[name] for name in KINDS[kind].fields}
    unknown = data.get(UNKNOWN_FIELDS)
    if unknown:
        # A newer release's fields, as they came (the driver path hands back JSON text).
        extra = json.loads(unknown) if isinstance(unknown, str) else unknown
        fields.update((k, v) for k, v in extra.items() if k not in fields)
    return Record(
        id=data["id"], kind=kind, case_id=data["case_id"], rev=data["rev"],
        deleted=bool(data["deleted"]), fields=fields,
        updated_by=data["updated_by"], updated_at=data["updated_at"],
    )


def find_kind(conn: Connection, record_id: str) -> str | None:
    """Which table holds `record_id` (nine primary-key lookups in one statement)."""
    query = union_all(*[
        select(literal(kind).label("kind")).where(table.c.id == record_id)
        for kind, table in RECORD_TABLES.items()
    ])
    return conn.execute(query).scalar()


def load(conn: Connection, record_id: str) -> Record | None:
    kind = find_kind(conn, record_id)
    if kind is None:
        return None
    table = RECORD_TABLES[kind]
    row = conn.execute(select(table).where(table.c.id == record_id)).first()
    return row_to_record(kind, row) if row is not None else None


def load_many(conn: Connection, kind: str, ids: Iterable[str]) -> dict[str, Record]:
    table = RECORD_TABLES[kind]
    out: dict[str, Record] = {}
    ids = list(ids)
    for start in range(0, len(ids), 500):  # SQLite's bound-parameter limit
        chunk = ids[start:start + 500]
        for row in conn.execute(select(table).where(table.c.id.in_(chunk))):
            out[row.id] = row_to_record(kind, row)
    return out


def delete_case_rows(conn: Connection, case_id: str) -> list[str]:
    """Remove every record of a case from every table; returns the removed ids."""
    removed: list[str] = []
    for table in RECORD_TABLES.values():
        removed += [r.id for r in conn.execute(select(table.c.id).where(
            table.c.case_id == case_id))]
        conn.execute(table.delete().where(table.c.case_id == case_id))
    # Records of kinds a newer release made belong to the case as much as the others.
    conn.exec_driver_sql("DELETE FROM unknown_record WHERE case_id = ?", (case_id,))
    return removed


# Bulk writes go straight to the driver: building an SQLAlchemy statement per row costs more
# than the write itself. Column order: the common columns, the kind's fields, then the
# fields the registry does not declare (as one JSON object). The statements follow the
# registry as it is now, not as it was at import: a field is a column only where the
# registry declares it.


class _Layout(NamedTuple):
    spec: KindSpec
    names: tuple[str, ...]
    lists: tuple[int, ...]  # positions in `names` of the fields that are lists
    declared: frozenset[str]
    insert_sql: str
    update_sql: str
    select_sql: str  # the row in this column order, for ids to be appended: `IN (...)`
    columns: tuple[str, ...]


_LAYOUTS: dict[str, _Layout] = {}


def _layout(kind: str) -> _Layout:
    """The kind's columns and statements, made again only when the registry's declaration
    of the kind is another object (a test runs the previous release's registry)."""
    spec = KINDS[kind]
    layout = _LAYOUTS.get(kind)
    if layout is None or layout.spec is not spec:
        names = tuple(spec.fields)
        table = RECORD_TABLES[kind].name
        columns = ", ".join(f'"{n}"' for n in (*names, UNKNOWN_FIELDS))
        marks = ", ".join("?" * (len(COMMON) + len(names) + 1))
        sets = ", ".join(f'"{n}" = ?' for n in (*COMMON[1:], *names, UNKNOWN_FIELDS))
        layout = _Layout(
            spec, names,
            tuple(i for i, n in enumerate(names) if spec.fields[n].type == "list[str]"),
            frozenset(names),
            f"INSERT INTO {table} ({', '.join(COMMON)}, {columns}) VALUES ({marks})",
            f"UPDATE {table} SET {sets} WHERE id = ?",
            f"SELECT {', '.join(COMMON)}, {columns} FROM {table} WHERE id IN ",
            (*COMMON, *names, UNKNOWN_FIELDS),
        )
        _LAYOUTS[kind] = layout
    return layout


def insert_sql(kind: str) -> str:
    return _layout(kind).insert_sql


def update_sql(kind: str) -> str:
    return _layout(kind).update_sql


def held_rows(conn: Connection, kind: str, ids: list[str]) -> dict[str, tuple[Any, ...]]:
    """The stored rows of `ids` as plain tuples: the common columns, then the values as
    `field_values` writes them, so a row compares with what a write would put there.
    Plain SQL: an expanding IN of 500 values compiled by SQLAlchemy cost more than the
    query, and a `Record` per row more than both."""
    select_sql = _layout(kind).select_sql
    out: dict[str, tuple[Any, ...]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = tuple(ids[start:start + _CHUNK])
        marks = ", ".join("?" * len(chunk))
        for row in conn.exec_driver_sql(f"{select_sql}({marks})", chunk).fetchall():
            out[row[0]] = tuple(row)
    return out


def held_record(kind: str, row: tuple[Any, ...]) -> Record:
    """A row of `held_rows` as a `Record`."""
    return row_to_record(kind, dict(zip(_layout(kind).columns, row, strict=True)))


_CHUNK = 500  # bound parameters per statement, well under SQLite's limit


def field_values(kind: str, fields: Mapping[str, Any]) -> list[Any]:
    """The kind's field values in column order, lists as JSON, then the undeclared fields
    as one JSON object (null when there are none). Built for every record a pull brings (a
    first sync: 93,758, on the thread that parses the pages), so it asks each field once
    and finds undeclared fields by one set comparison: 0.35 -> 0.29 s for those records."""
    layout = _layout(kind)
    values = [fields.get(n) for n in layout.names]
    for i in layout.lists:
        if values[i] is not None:
            values[i] = json.dumps(values[i])
    if fields.keys() <= layout.declared:
        values.append(None)
    else:
        declared = layout.declared
        values.append(json.dumps({k: v for k, v in fields.items() if k not in declared}))
    return values


def write_fields(conn: Connection, kind: str, record_id: str, values: Mapping[str, Any]
                 ) -> None:
    """Set some fields (and `deleted`) of one record: declared fields in their columns, any
    other field in its JSON of unknown fields, the fields not named left as they are."""
    table = RECORD_TABLES[kind]
    declared = KINDS[kind].fields
    columns = {k: v for k, v in values.items() if k in declared or k == "deleted"}
    unknown = {k: v for k, v in values.items() if k not in columns}
    if unknown:
        held = conn.execute(select(table.c[UNKNOWN_FIELDS]).where(table.c.id == record_id)
                            ).scalar()
        columns[UNKNOWN_FIELDS] = {**(held or {}), **unknown}
    if columns:
        conn.execute(table.update().where(table.c.id == record_id).values(**columns))


def insert_many(conn: Connection, kind: str, items: list[Record]) -> None:
    if items:
        conn.exec_driver_sql(insert_sql(kind), [
            (r.id, r.case_id, r.rev, r.deleted, r.updated_by, r.updated_at,
             *field_values(kind, r.fields))
            for r in items
        ])


def update_many(conn: Connection, kind: str, items: list[Record]) -> None:
    if items:
        conn.exec_driver_sql(update_sql(kind), [
            (r.case_id, r.rev, r.deleted, r.updated_by, r.updated_at,
             *field_values(kind, r.fields), r.id)
            for r in items
        ])
