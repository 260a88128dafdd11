"""Hypothesis: a pull page applied with its rows built beforehand (`pulled_rows`, on the
fetching thread) leaves the store exactly as the page applied without them: the same record
rows, the same timeline, the same outbox, whatever the store held and the worker edited."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from storage.database import DB_NAME
from storage.models import RECORD_TABLES
from storage.store import CaseStore
from sync.protocol import PullResponse, Record
from tests.depth import property_settings
from tests.storage.store_template import store_copy

CASE_ID = "c0ffee00-0000-4000-8000-000000000001"
# A few ids, each of one kind, so that pages meet records held, edited and pulled twice.
POOL = [("person", f"9e5b0c1a-0000-4000-8000-00000000000{n}") for n in range(4)] + [
    ("relationship", "9e5b0c1a-0000-4000-8000-000000000010"),
    ("task", "9e5b0c1a-0000-4000-8000-000000000011"),
]
AT = "2026-11-30T10:00:00+00:00"

TEXT = st.one_of(st.none(), st.sampled_from(["Sanne", "Öztürk", "", "regel\nregel"]))
FIELDS = {
    "person": st.fixed_dictionaries({}, optional={
        "name": TEXT, "role": TEXT, "map_x": st.one_of(st.none(), st.integers(-5, 5)),
        "deceased": st.one_of(st.none(), st.booleans()), "extra_veld": TEXT}),
    "relationship": st.fixed_dictionaries({}, optional={
        "type": TEXT, "support": st.one_of(st.none(), st.lists(st.sampled_from("ab"))),
        "note": TEXT}),
    "task": st.fixed_dictionaries({}, optional={
        "title": TEXT, "done": st.one_of(st.none(), st.booleans())}),
}


@st.composite
def _records(draw: st.DrawFn, size: int) -> list[Record]:
    out = []
    for _ in range(draw(st.integers(0, size))):
        kind, record_id = draw(st.sampled_from(POOL))
        out.append(Record(
            id=record_id, kind=kind, case_id=CASE_ID, rev=draw(st.integers(1, 6)),
            deleted=draw(st.booleans()), fields=draw(FIELDS[kind]),
            updated_by=draw(st.sampled_from([None, "u-1"])),
            updated_at=draw(st.sampled_from([None, AT])),
        ))
    return out


def _page(records: list[Record], cursor: str) -> PullResponse:
    return PullResponse(records=records, conflicts=[], revoked_case_ids=[], cursor=cursor,
                        more=False)


def _contents(store: CaseStore) -> dict[str, list[tuple[Any, ...]]]:
    names = [t.name for t in RECORD_TABLES.values()]
    with store._db.read() as conn:
        out = {name: conn.exec_driver_sql(f"SELECT * FROM {name} ORDER BY id").all()
               for name in names}
        for name in ("history", "outbox"):
            out[name] = conn.exec_driver_sql(f"SELECT * FROM {name} ORDER BY seq").all()
    # The timeline's time of a record pulled without one is the moment of applying.
    out["history"] = [(row.seq, row.at if row.at == AT else "moment", *row[2:])
                      for row in out["history"]]
    return out


@given(held=_records(4),
       edits=st.lists(st.tuples(st.sampled_from(POOL[:4]), st.sampled_from(["Kees", "Ans"])),
                      max_size=2),
       page=_records(8))
@property_settings(40)
def test_a_page_with_its_rows_built_beforehand_writes_the_same(held, edits, page):
    root = Path(tempfile.mkdtemp(prefix="kt-pulled-"))
    before = store_copy(root / "before")
    before.apply_pull_page(_page(held, "1"))
    for (_, record_id), name in edits:
        held_now = before.get_record(record_id)
        if held_now is not None and not held_now.deleted:
            before.update_record(record_id, {"name": name})
    before.close()  # its last checkpoint leaves the whole store in its file
    stores = [store_copy(root / name, root / "before" / DB_NAME) for name in ("built", "plain")]
    try:
        pulled = _page(page, "2")
        built, plain = stores
        with built.applying_pull() as apply:
            apply(pulled, built.prepare_pull_page(pulled))
        plain.apply_pull_page(pulled)
        assert _contents(built) == _contents(plain)
    finally:
        for store in stores:
            store.close()
        shutil.rmtree(root, ignore_errors=True)
