"""The record table keeps its rows in order through any run of loads, saves, creations and
removals, and tells its views correctly (Qt's model tester watches every change)."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.casefile.people import PeopleTab
from desktop.casefile.records_model import Column, RecordTableModel
from sync.protocol import Record
from tests.depth import property_settings

pytestmark = pytest.mark.gui

IDS = [str(uuid.UUID(int=i)) for i in range(1, 9)]
NAMES = ["Anouk", "Bram", "Cem", "Daan", "Eva"]
CIRCLES = ["household", "family", "network", "professional", None]


def person(record_id: str, name: str, circle: str | None, deleted: bool = False) -> Record:
    return Record(id=record_id, kind="person", case_id=IDS[0], rev=0, deleted=deleted,
                  fields={"name": name, "circle": circle})


operations = st.lists(
    st.tuples(st.sampled_from(["upsert", "remove", "load"]), st.sampled_from(IDS),
              st.sampled_from(NAMES), st.sampled_from(CIRCLES), st.booleans()),
    max_size=25,
)


@property_settings(40)
@given(operations)
def test_rows_stay_in_order(qapp, ops):
    from pytestqt.modeltest import ModelTester

    key = PeopleTab.sort_key
    model = RecordTableModel("person", [Column("circle"), Column("name")],
                             lambda r: key(None, r))
    tester = ModelTester(None)
    tester.check(model)  # stays attached: every later change is checked as it happens
    expected: dict[str, Record] = {}
    for op, record_id, name, circle, deleted in ops:
        if op == "upsert":
            record = person(record_id, name, circle, deleted)
            model.upsert(record)
            if deleted:
                expected.pop(record_id, None)
            else:
                expected[record_id] = record
        elif op == "remove":
            model.remove(record_id)
            expected.pop(record_id, None)
        else:
            records = [person(i, name, circle) for i in IDS[:3]]
            model.set_records(records)
            expected = {r.id: r for r in records}
        rows = model.records()
        assert [r.id for r in rows] == [r.id for r in sorted(expected.values(),
                                                             key=lambda r: key(None, r))]
