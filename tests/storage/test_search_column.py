"""Hypothesis: whatever writes come, pulled or local, in any order, a case's search column
holds its folded title and the folded names of its live people, one a line (migrations
0007 and 0017). The order of the names is free: a search is a `LIKE`."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from storage.database import fold
from sync.protocol import PullResponse, Record
from tests.depth import property_settings
from tests.storage.store_template import store_copy

CASES = ["c0ffee00-0000-4000-8000-00000000000a", "c0ffee00-0000-4000-8000-00000000000b"]
PEOPLE = [f"9e5b0c1a-0000-4000-8000-00000000000{n}" for n in range(4)]
GIVEN = st.sampled_from(["Sanne", "Öztürk", "", "regel\nregel", "Zoë"])
NAME = st.one_of(st.none(), GIVEN)


@st.composite
def _pulled(draw: st.DrawFn, rev: int) -> Record:
    if draw(st.booleans()):
        case_id = draw(st.sampled_from(CASES))
        return Record(id=case_id, kind="case", case_id=case_id, rev=rev,
                      deleted=False, fields={"title": draw(NAME)})
    return Record(id=draw(st.sampled_from(PEOPLE)), kind="person",
                  case_id=draw(st.sampled_from(CASES)), rev=rev, deleted=draw(st.booleans()),
                  fields={"name": draw(NAME)})


# A step: a pulled page (its records in the order drawn), or a local edit of a person.
STEPS = st.lists(st.one_of(
    st.lists(st.integers(0, 1 << 30), min_size=1, max_size=6).map(lambda s: ("page", s)),
    st.tuples(st.just("rename"), st.sampled_from(PEOPLE), GIVEN),  # required here
    st.tuples(st.just("delete"), st.sampled_from(PEOPLE)),
), max_size=6)


def _lines(text: str | None) -> tuple[str, list[str]]:
    title, *names = (text or "").split("\n")
    return title, sorted(names)


@given(steps=STEPS, data=st.data())
@property_settings(40)
def test_the_search_column_holds_the_title_and_the_live_names(steps, data):
    root = Path(tempfile.mkdtemp(prefix="kt-search-"))
    store = store_copy(root / "store")
    try:
        rev = 0
        for step in steps:
            if step[0] == "page":
                records = []
                for _ in step[1]:
                    rev += 1
                    records.append(data.draw(_pulled(rev)))
                store.apply_pull_page(PullResponse(
                    records=records, conflicts=[], revoked_case_ids=[], cursor=str(rev),
                    more=False))
                continue
            held = store.get_record(step[1])
            if held is None or held.deleted:
                continue
            if step[0] == "rename":
                store.update_record(step[1], {"name": step[2]})
            else:
                store.delete_record(step[1])
        with store._db.read() as conn:
            searched = dict(conn.exec_driver_sql("SELECT id, search FROM rec_case").all())
        for case_id, search in searched.items():
            case = store.get_record(case_id)
            names = [fold(p.fields.get("name")) for p in store.list_records("person", case_id)
                     if not p.deleted and p.fields.get("name") is not None]
            expected = fold(case.fields.get("title")) or ""
            if names:
                expected += "\n" + "\n".join(names)
            assert _lines(search) == _lines(expected)
    finally:
        store.close()
        shutil.rmtree(root, ignore_errors=True)
