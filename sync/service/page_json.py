"""A pull page as JSON bytes, each record's JSON written by the database itself.

A first sync sends tens of thousands of records. Turning each row into Python values (the
`fields` JSON parsed, the timestamp parsed), then into a pydantic `Record`, then back into
JSON cost the service more than reading the rows (issue 15). The database already holds
`fields` as JSON: `record_json` asks it for the whole record as JSON text, in the wire form
of `sync.protocol.Record` (what `records.to_record` gives; tests/service/test_page_json.py
holds the two to the same answers), and `page_bytes` only joins those texts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import ColumnElement, literal_column
from sqlalchemy.types import String

from sync.protocol import Conflict

# Both build the object in C. `updated_at` as records.iso writes it: UTC, microseconds,
# "+00:00" (SQLite stores it naive, as UTC, in SQLAlchemy's "YYYY-MM-DD HH:MM:SS.ffffff").
# `deleted` is an integer on SQLite; `json()` marks `true`/`false` as JSON, not text.
_SQLITE_AT = "replace(records.updated_at, ' ', 'T') || '+00:00'"
_SQLITE = (
    "json_object('id', records.id, 'kind', records.kind, 'case_id', records.case_id, "
    "'rev', records.rev, 'deleted', iif(records.deleted, json('true'), json('false')), "
    "'fields', json(records.fields), 'updated_by', records.updated_by, "
    f"'updated_at', {_SQLITE_AT})"
)
_SQLITE_STAMP = (
    "json_object('id', records.id, 'kind', records.kind, 'rev', records.rev, "
    f"'updated_by', records.updated_by, 'updated_at', {_SQLITE_AT})"
)
# ::text, or psycopg would parse the JSON it was given back into Python objects.
_POSTGRES_AT = ("to_char(records.updated_at AT TIME ZONE 'UTC', "
                "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"')")
_POSTGRES = (
    "json_build_object('id', records.id, 'kind', records.kind, 'case_id', records.case_id, "
    "'rev', records.rev, 'deleted', records.deleted, 'fields', records.fields, "
    f"'updated_by', records.updated_by, 'updated_at', {_POSTGRES_AT})::text"
)
_POSTGRES_STAMP = (
    "json_build_object('id', records.id, 'kind', records.kind, 'rev', records.rev, "
    f"'updated_by', records.updated_by, 'updated_at', {_POSTGRES_AT})::text"
)


def record_json(dialect: str) -> ColumnElement[str]:
    """A column of the `records` table's rows: the record's wire JSON, as text."""
    return literal_column(_POSTGRES if dialect == "postgresql" else _SQLITE, String)


def stamp_json(dialect: str) -> ColumnElement[str]:
    """The same rows' `sync.protocol.Stamp` JSON: who wrote the record at its rev, and when."""
    return literal_column(_POSTGRES_STAMP if dialect == "postgresql" else _SQLITE_STAMP,
                          String)


def page_bytes(records: Sequence[str], conflicts: Sequence[Conflict],
               revoked_case_ids: Sequence[str], cursor: str, more: bool,
               stamps: Sequence[str] | None = None) -> bytes:
    """A `sync.protocol.PullResponse` as JSON bytes, from records (and stamps) already in
    JSON; `stamps` None leaves the key out, for a laptop that did not ask for them."""
    rest = json.dumps({
        "conflicts": [c.model_dump(mode="json") for c in conflicts],
        "revoked_case_ids": list(revoked_case_ids), "cursor": cursor, "more": more,
    }, ensure_ascii=False, separators=(",", ":"))
    head = '{"records":[' + ",".join(records) + "],"
    if stamps is not None:
        head += '"stamps":[' + ",".join(stamps) + "],"
    return (head + rest[1:]).encode()
