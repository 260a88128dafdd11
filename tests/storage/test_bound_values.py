"""None and bool reach the store file as SQLite's NULL and the integers 0 and 1, both by the
store's own statements (an edit) and by the raw rows of a pull page (`executemany`).

`storage.database` registers adapters for the two types, which sqlcipher3 otherwise binds
only after raising and clearing an exception per value: these tests hold the adapters to
giving what sqlcipher3 binds without them, so that speed is all they change (it is measured
by `make bench`, not here)."""

from __future__ import annotations

from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

import storage.database  # noqa: F401  (registers the adapters)
from storage.store import CaseStore
from sync.protocol import PullResponse, Record
from tests.storage.conftest import new_case

AT = "2026-11-30T10:00:00+00:00"


def _stored(store: CaseStore, table: str, record_id: str, columns: str) -> tuple[Any, ...]:
    with store._db.read() as conn:
        row = conn.exec_driver_sql(
            f"SELECT {columns} FROM {table} WHERE id = ?", (record_id,)).one()
    return tuple(row)


def test_an_edit_stores_none_as_null_and_bools_as_integers(store: CaseStore) -> None:
    case_id = new_case(store)
    task = store.create_record("task", {"title": "Bellen", "done": True, "due_on": None},
                               case_id=case_id)
    assert _stored(store, "rec_task", task.id, "typeof(due_on), typeof(done), done, deleted"
                   ) == ("null", "integer", 1, 0)
    store.update_record(task.id, {"done": False})
    assert _stored(store, "rec_task", task.id, "typeof(done), done") == ("integer", 0)
    assert store.get_record(task.id).fields["done"] is False
    assert store.get_record(task.id).fields["due_on"] is None


def test_a_pulled_page_stores_none_as_null_and_bools_as_integers(store: CaseStore) -> None:
    case_id = new_case(store)
    pulled = [
        Record(id="9e5b0c1a-0000-4000-8000-000000000011", kind="task", case_id=case_id, rev=3,
               deleted=False, fields={"title": "Ophalen", "done": True, "due_on": None},
               updated_by=None, updated_at=AT),
        Record(id="9e5b0c1a-0000-4000-8000-000000000012", kind="task", case_id=case_id, rev=4,
               deleted=True, fields={"title": "Weg", "done": False}, updated_by="u-1",
               updated_at=AT),
    ]
    page = PullResponse(records=pulled, conflicts=[], revoked_case_ids=[], cursor="r4",
                        more=False)
    with store.applying_pull() as apply:
        apply(page, store.prepare_pull_page(page))
    columns = "typeof(due_on), typeof(done), done, typeof(deleted), deleted, typeof(updated_by)"
    assert _stored(store, "rec_task", pulled[0].id, columns) == (
        "null", "integer", 1, "integer", 0, "null")
    assert _stored(store, "rec_task", pulled[1].id, columns) == (
        "null", "integer", 0, "integer", 1, "text")
    held = store.get_record(pulled[0].id)
    assert (held.fields["done"], held.fields["due_on"], held.updated_by) == (True, None, None)


def test_the_adapters_are_registered_for_every_connection() -> None:
    """The registry is sqlcipher3's, so a connection made apart from the store's pool binds
    through the adapters too, and gets the same values."""
    for kind in (type(None), bool):
        assert (kind, sqlcipher.PrepareProtocol) in sqlcipher.adapters
    conn = sqlcipher.connect(":memory:")
    try:
        conn.execute("CREATE TABLE t (a, b, c)")
        conn.execute("INSERT INTO t VALUES (?, ?, ?)", (None, True, False))
        assert conn.execute("SELECT typeof(a), a, typeof(b), b, typeof(c), c FROM t"
                            ).fetchone() == ("null", None, "integer", 1, "integer", 0)
        assert conn.execute("SELECT count(*) FROM t WHERE a IS ? AND b = ?", (None, True)
                            ).fetchone() == (1,)
    finally:
        conn.close()
