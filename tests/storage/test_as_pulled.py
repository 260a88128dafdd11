"""Timeline entries of records pulled in as they were point at the record's row
(storage/as_pulled.py). Hypothesis: whatever comes after (later pulls, local edits and
deletes, purges), an entry shows what it showed when it was written, and a pulled-in
record's entry shows the values it came with."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from storage import as_pulled
from storage.models import RECORD_TABLES
from storage.store import CaseStore
from sync.protocol import PullResponse, Record
from tests.depth import property_settings
from tests.storage.conftest import TEAM_ID
from tests.storage.store_template import store_copy

CASE_ID = "c0ffee00-0000-4000-8000-000000000001"
PEOPLE = [f"9e5b0c1a-0000-4000-8000-00000000000{n}" for n in range(3)]
TASK = "9e5b0c1a-0000-4000-8000-000000000011"
AT = "2026-11-30T10:00:00+00:00"
TEXT = st.one_of(st.none(), st.sampled_from(["Sanne", "Öztürk", "", "regel\nregel"]))
PERSON = st.fixed_dictionaries({"name": st.sampled_from(["Kees", "Ans"])}, optional={
    "role": TEXT, "map_x": st.one_of(st.none(), st.integers(-5, 5)),
    "deceased": st.one_of(st.none(), st.booleans()), "extra_veld": TEXT})
TASK_FIELDS = st.fixed_dictionaries({"title": st.sampled_from(["Bellen", "Mailen"])}, optional={
    "done": st.one_of(st.none(), st.booleans()), "due_on": st.just("2026-12-01")})


@st.composite
def _pulled(draw: st.DrawFn, rev: int) -> Record:
    if draw(st.booleans()):
        record_id, kind, fields = draw(st.sampled_from(PEOPLE)), "person", draw(PERSON)
    else:
        record_id, kind, fields = TASK, "task", draw(TASK_FIELDS)
    return Record(id=record_id, kind=kind, case_id=CASE_ID, rev=rev,
                  deleted=draw(st.booleans()), fields=fields, updated_by="u-1", updated_at=AT)


STEPS = st.lists(st.one_of(
    st.integers(1, 4).map(lambda n: ("pull", n)),
    st.tuples(st.just("edit"), st.sampled_from([*PEOPLE, TASK])),
    st.tuples(st.just("delete"), st.sampled_from([*PEOPLE, TASK])),
), min_size=1, max_size=7)


def _shown(store: CaseStore) -> list[tuple[Any, ...]]:
    # As JSON text, so that true and 1 differ.
    return [(e.record_id, e.action, json.dumps(e.changes, sort_keys=True))
            for e in store.history(CASE_ID)]


@given(steps=STEPS, data=st.data())
@property_settings(40)
def test_an_entry_shows_what_it_showed_when_written(steps, data):
    root = Path(tempfile.mkdtemp(prefix="kt-as-pulled-"))
    store = store_copy(root / "store")
    case = Record(id=CASE_ID, kind="case", case_id=CASE_ID, rev=1,
                  fields={"title": "Familie Proef", "team_id": TEAM_ID}, updated_at=AT)
    try:
        store.apply_pull_page(PullResponse(records=[case], conflicts=[], revoked_case_ids=[],
                                           cursor="1", more=False))
        rev = 1
        before = _shown(store)
        for step in steps:
            if step[0] == "pull":
                records = []
                for _ in range(step[1]):
                    rev += 1
                    records.append(data.draw(_pulled(rev)))
                held = {r.id for r in records if store.get_record(r.id) is not None}
                store.apply_pull_page(PullResponse(
                    records=records, conflicts=[], revoked_case_ids=[], cursor=str(rev),
                    more=False))
                shown = _shown(store)
                newest = {r.id: r for r in records}  # the last of an id is the one taken
                came = [e for e in shown[len(before):] if e[1] == "sync"]
                for record_id, _, changes in came:
                    if record_id not in held:  # new here: its values as it came
                        fields = newest[record_id].fields
                        assert changes == json.dumps(
                            {k: v for k, v in fields.items() if v is not None}, sort_keys=True)
            else:
                record = store.get_record(step[1])
                if record is None or record.deleted:
                    continue
                if step[0] == "delete":
                    store.delete_record(step[1])
                elif record.kind == "person":
                    store.update_record(step[1], {"name": record.fields["name"] + " Jr"})
                else:
                    store.update_record(step[1], {"done": not record.fields.get("done")})
                shown = _shown(store)
            assert shown[:len(before)] == before
            before = shown
        with store._db.read() as conn:  # what still points, points at an unchanged row
            pointing = conn.exec_driver_sql(
                "SELECT count(*) FROM history WHERE changes = ?", (as_pulled.AS_PULLED,)
            ).scalar()
        assert pointing <= len({e[0] for e in before})
        store.purge_case(CASE_ID)
        assert store.history(CASE_ID) == []
    finally:
        store.close()
        shutil.rmtree(root, ignore_errors=True)


def test_every_column_of_every_record_table_is_watched(store: CaseStore):
    # A migration that adds a field makes the triggers again (as_pulled.trigger_sql); were
    # it to forget, an edit of that field would change what a pulled-in entry shows.
    with store._db.read() as conn:
        made = dict(conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all())
        for table in RECORD_TABLES.values():
            expected = [s for s in as_pulled.trigger_sql(conn, table.name)
                        if s.startswith("CREATE")]
            update, delete = as_pulled.trigger_names(table.name)
            assert [made.get(update), made.get(delete)] == expected


def test_the_monitor_finds_the_submission_of_a_plan_pulled_in(store: CaseStore):
    submitted_at = "2026-11-01T09:00:00+00:00"
    case = Record(id=CASE_ID, kind="case", case_id=CASE_ID, rev=1,
                  fields={"title": "Familie Proef", "team_id": TEAM_ID, "status": "active"},
                  updated_at=submitted_at)
    plan = Record(id="9e5b0c1a-0000-4000-8000-000000000020", kind="safety_plan",
                  case_id=CASE_ID, rev=2, fields={"title": "Plan", "status": "submitted"},
                  updated_at=submitted_at)
    decided = Record(id="9e5b0c1a-0000-4000-8000-000000000021", kind="plan_version",
                     case_id=CASE_ID, rev=3, fields={
                         "plan_id": plan.id, "version": 1, "decision": "approved",
                         "content": "{}", "based_on_rev": 2,
                         "decided_at": "2026-11-05T09:00:00+00:00"},
                     updated_at="2026-11-05T09:00:00+00:00")
    store.apply_pull_page(PullResponse(records=[case, plan, decided], conflicts=[],
                                       revoked_case_ids=[], cursor="3", more=False))
    store.set_setting("user", {"id": "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a10",
                               "role": "teamlead", "team_ids": [TEAM_ID]})
    assert store.monitor(dt.date(2026, 11, 29)).median_days_to_decision == 4.0
    # The plan changes later: the entry keeps the status it came with.
    store.update_record(plan.id, {"status": "approved"})
    assert store.monitor(dt.date(2026, 11, 29)).median_days_to_decision == 4.0


def test_an_edit_keeps_the_values_of_every_type_as_they_came(store: CaseStore):
    person = Record(id=PEOPLE[0], kind="person", case_id=CASE_ID, rev=2, updated_at=AT,
                    fields={"name": "Kees", "deceased": True, "map_x": 3, "role": None,
                            "birth_date": "2010-04-01", "extra_veld": {"nieuw": [1, None]}})
    other = Record(id=PEOPLE[1], kind="person", case_id=CASE_ID, rev=3, updated_at=AT,
                   fields={"name": "Ans", "deceased": False})
    link = Record(id="9e5b0c1a-0000-4000-8000-000000000030", kind="relationship",
                  case_id=CASE_ID, rev=4, updated_at=AT,
                  fields={"from_person_id": PEOPLE[0], "to_person_id": PEOPLE[1],
                          "support": ["praktisch", "emotioneel"]})
    case = Record(id=CASE_ID, kind="case", case_id=CASE_ID, rev=1, updated_at=AT,
                  fields={"title": "Familie Proef", "team_id": TEAM_ID})
    store.apply_pull_page(PullResponse(records=[case, person, other, link], conflicts=[],
                                       revoked_case_ids=[], cursor="4", more=False))
    came = _shown(store)
    store.update_record(person.id, {"name": "Kees Jr"})
    store.update_record(other.id, {"name": "Ans Jr"})
    store.update_record(link.id, {"support": []})
    assert _shown(store)[:len(came)] == came
    assert [json.loads(e[2]) for e in came[1:]] == [
        {k: v for k, v in r.fields.items() if v is not None} for r in (person, other, link)]
