"""A pull page's records as the rows they become when they are new to this laptop, built
before the page's write transaction, on the thread that fetched the page.

Most records of a first sync are new here. Building their insert and timeline rows was most
of the Python in applying a page, on the thread that writes, where it also waited for the
GIL while the next page was parsed. Built beside the parsing instead, the writing thread
spends its time in SQLite, which lets go of the GIL. `incoming.accept_records` uses a
record's rows only when the record is new here, has no local edit and came as this object;
everything else it builds as always, so the rows are the same either way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from pydantic_core import to_json

from storage import records
from storage.as_pulled import AS_PULLED
from sync.protocol import Record
from sync.schema import KINDS


class NewRows(NamedTuple):
    record: Record  # the very object the rows were made from
    insert: tuple[Any, ...]  # `records.insert_sql(kind)`'s row
    history: tuple[Any, ...]  # the timeline's row of a record pulled in


def new_rows(pulled: Iterable[Record]) -> dict[str, NewRows]:
    """Record id -> its rows as a new record, for the records of a known kind that carry
    their time (without one, the timeline takes the moment of applying)."""
    return {rec.id: rows_of(rec, "sync", rec.updated_at) for rec in pulled
            if rec.kind in KINDS and rec.updated_at}


def rows_of(rec: Record, action: str, stamp: str) -> NewRows:
    """The rows of `rec` new to this laptop, with no local edit: its insert, and its
    timeline row by `action` (a delete's says so), at its own time or else at `stamp`.
    A record pulled in as it was gets an entry that points at its row (as_pulled)."""
    values = records.field_values(rec.kind, rec.fields)
    if rec.deleted:
        changes = "{}"
    elif action == "sync":  # the record's row holds the values it came with
        changes = AS_PULLED
    else:
        changes = json_text({k: v for k, v in rec.fields.items() if v is not None})
    return NewRows(
        rec,
        (rec.id, rec.case_id, rec.rev, rec.deleted, rec.updated_by, rec.updated_at, *values),
        (rec.updated_at or stamp, rec.case_id, rec.id, rec.kind,
         "delete" if rec.deleted else action, changes, rec.updated_by),
    )


def json_text(value: dict[str, Any]) -> str:
    """A timeline row's changes as JSON text. Written for every record a pull brings and
    only ever read back as JSON (the timeline, json_extract): pydantic-core writes it in a
    quarter of json.dumps's time, 0.3 s of a first sync of 93,758 records. Its text is
    UTF-8, never a lone surrogate: the pull's own JSON parser refuses those already."""
    return to_json(value).decode()
