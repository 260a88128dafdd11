"""bulk.insert_rows (COPY on PostgreSQL) writes what SQLAlchemy's INSERT writes: the same
rows read back, JSON (nested, non-ASCII, None as JSON null, text with tabs and newlines),
times and booleans alike, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select

from sync.service.bulk import COPY_FROM, insert_rows, update_rows
from sync.service.db import make_engine, make_sessionmaker, transaction
from sync.service.models import RecordRow
from tests.service.world import new_id

_RECORDS = RecordRow.__table__


def _row(rev: int, fields: dict, field_revs: dict | None) -> dict:
    return {"id": new_id(), "kind": "visit", "case_id": new_id(), "rev": rev,
            "deleted": rev % 2 == 0, "fields": fields, "field_revs": field_revs,
            "updated_by": None if rev % 3 else new_id(),
            "updated_at": dt.datetime(2026, 1, 5, 9, 30, 12, 345678, tzinfo=dt.UTC)}


def test_bulk_rows_read_back_as_inserted_rows(db_url):
    engine = make_engine(db_url)
    factory = make_sessionmaker(engine)
    fields = [
        {"notes": "Gesprek aan de keukentafel.\n\tAfspraken \\ doorgenomen.\r\n", "n": 3},
        {"location": "bij oma thuis – café ‘t Hoekje ✓", "domains": ["wonen", "geld"],
         "nested": {"a": [1, 2.5, None, True]}, "empty": None},
        {},
    ]
    # 60 rows by COPY and 3 by the INSERT that fewer than bulk.COPY_FROM rows get.
    pairs = [(_row(2 * i + 1, f, {"*": 2 * i + 1}), _row(2 * i + 2, f, None))
             for i, f in enumerate(fields * 21)]
    assert len(pairs) - 3 >= COPY_FROM > 3
    try:
        with transaction(factory) as session:
            session.execute(insert(_RECORDS), [plain for plain, _ in pairs])
            insert_rows(session, _RECORDS, [bulk for _, bulk in pairs[:3]])
            insert_rows(session, _RECORDS, [bulk for _, bulk in pairs[3:]])
        with transaction(factory) as session:
            stored = {row.id: row for row in session.execute(select(_RECORDS))}
        assert len(stored) == 2 * len(pairs)
        for plain, bulk in pairs:
            a, b = stored[plain["id"]], stored[bulk["id"]]
            assert b.fields == a.fields == plain["fields"]
            assert b.updated_at == a.updated_at
            assert b.field_revs is None and a.field_revs == plain["field_revs"]
            assert (b.kind, b.rev, b.deleted, b.updated_by) == (
                bulk["kind"], bulk["rev"], bulk["deleted"], bulk["updated_by"])
    finally:
        engine.dispose()


def _utc(value):  # type: ignore[no-untyped-def]
    # SQLite hands back naive datetimes; they were stored as UTC (records.iso).
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def test_bulk_update_sets_what_was_given_and_leaves_the_rest(db_url):
    engine = make_engine(db_url)
    factory = make_sessionmaker(engine)
    rows = [_row(i + 1, {"notes": f"Eerste {i}"}, {"*": i + 1}) for i in range(4)]
    later = dt.datetime(2026, 2, 1, 8, 0, 0, 1, tzinfo=dt.UTC)
    changed = [
        {"id": rows[0]["id"], "rev": 10, "deleted": True, "updated_at": later, "updated_by": None,
         "fields": {"notes": "Tweede\tgesprek ✓\n", "nested": {"a": [1, None]}},
         "field_revs": {"*": 1, "notes": 10}},
        {"id": rows[2]["id"], "rev": 11, "deleted": False, "updated_at": later,
         "updated_by": rows[1]["updated_by"], "fields": {}, "field_revs": None},
    ]
    try:
        with transaction(factory) as session:
            insert_rows(session, _RECORDS, rows)
        with transaction(factory) as session:
            update_rows(session, _RECORDS, "id", changed)
        with transaction(factory) as session:
            stored = {row.id: row for row in session.execute(select(_RECORDS))}
        for want in changed:
            got = stored[want["id"]]
            assert {c: _utc(getattr(got, c)) for c in want} == want
        for untouched in (rows[1], rows[3]):
            got = stored[untouched["id"]]
            assert {c: _utc(getattr(got, c)) for c in untouched} == untouched
    finally:
        engine.dispose()
