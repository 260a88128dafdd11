"""Hypothesis: a laptop that edits, pushes, loses push answers, restarts and pulls other
people's edits ends equal to the service, and none of the worker's saved values is lost: each is
either on the service or kept there in a conflict. Notes are merged by lines, so they are
checked by lines: every line written at either end, by the worker or by someone else, is in
the merged text, or the field is in an open conflict holding it."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from storage.database import DB_NAME, Database
from storage.store import CaseStore
from sync.merge import merge_change
from sync.protocol import Conflict, PullResponse, Record, Result
from sync.schema import full_fields
from tests.depth import property_settings
from tests.storage.store_template import empty_store_file

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"

pytestmark = pytest.mark.deep

# Many values, so that a value on the service is seldom someone else's by chance.
FIELDS = {"phone": st.one_of(st.none(), st.integers(0, 49).map(lambda n: f"06-{n}")),
          "map_x": st.integers(0, 100)}
# Shrinking a sync history takes minutes: the failing steps are printed as they are.
NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)


class Service:
    """The central service's push, pull and merge, in memory, by design.md's rules."""

    def __init__(self) -> None:
        self.records: dict[str, Record] = {}
        self.results: dict[str, Result] = {}
        self.conflicts: list[Conflict] = []
        self.taken: set[tuple[str, str, str]] = set()  # (record, field, value) the laptop set
        self.seq = itertools.count(1)

    def _save(self, record: Record, fields: dict[str, Any], by: str) -> Record:
        saved = record.model_copy(update={"fields": fields, "rev": next(self.seq),
                                          "updated_by": by})
        self.records[record.id] = saved
        return saved

    def push(self, change: Any) -> Result:
        if change.change_id in self.results:
            return self.results[change.change_id].model_copy(update={"status": "duplicate"})
        current = self.records.get(change.record_id)
        if current is None:
            new = Record(id=change.record_id, kind=change.kind, case_id=change.case_id, rev=0,
                         fields={})
            fields = full_fields(change.kind, change.set)
            result = Result(change_id=change.change_id, status="applied", rev=0,
                            record=self._save(new, fields, "laptop"))
        else:
            outcome = merge_change(change.kind, current.fields, change.base, change.set)
            record = current
            if outcome.changed:
                record = self._save(current, outcome.fields, "laptop")
            conflicts = [
                Conflict(id=f"k{len(self.conflicts) + i}", record_id=current.id,
                         case_id=current.case_id, kind=current.kind, field=c.field,
                         base=c.base, kept=c.kept, incoming=c.incoming, created_at="x")
                for i, c in enumerate(outcome.conflicts)
            ]
            self.conflicts += conflicts
            for name, value in change.set.items():
                if record.fields.get(name) == value:
                    self.taken.add((record.id, name, repr(value)))
            result = Result(change_id=change.change_id, status=outcome.status, rev=record.rev,
                             record=record, conflicts=conflicts)
        self.results[change.change_id] = result.model_copy(update={"rev": result.rev})
        return result

    def pull(self, cursor: int) -> PullResponse:
        records = sorted((r for r in self.records.values() if r.rev > cursor),
                         key=lambda r: r.rev)
        top = max([cursor, *(r.rev for r in records)])
        return PullResponse(records=records, conflicts=[], revoked_case_ids=[],
                            cursor=str(top), more=False)


class Laptop(RuleBasedStateMachine):
    @initialize()
    def start(self) -> None:
        path, key = empty_store_file()
        self.folder = Path(tempfile.mkdtemp(prefix="kt-prop-"))
        shutil.copy(path, self.folder / DB_NAME)
        self.store = CaseStore(self.folder, Database(self.folder / DB_NAME, key), None, "file")
        self.service = Service()
        self.case_id = self.store.create_record("case", {"title": "F", "team_id": TEAM_ID}).id
        self.people = [
            # A first line, so that lines written at the top and at the bottom merge.
            self.store.create_record("person", {"name": f"P{i}", "notes": "Begin\n"},
                                     case_id=self.case_id).id
            for i in range(2)
        ]
        self.mine: dict[tuple[str, str], Any] = {}  # the worker's latest value per field
        self.my_lines: list[tuple[str, str]] = []  # (person, a line the worker wrote)
        self.their_lines: list[tuple[str, str]] = []  # (person, a line someone else wrote)
        self.lines = itertools.count()
        self.push()
        self.pull()

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    @rule(who=st.integers(0, 1), data=st.data())
    def edit(self, who: int, data: st.DataObject) -> None:
        name = data.draw(st.sampled_from(sorted(FIELDS)))
        value = data.draw(FIELDS[name])
        if self.store.get_record(self.people[who]).fields[name] != value:
            self.store.update_record(self.people[who], {name: value})
            self.mine[(self.people[who], name)] = value

    @rule(who=st.integers(0, 1), at_start=st.booleans())
    def write_line(self, who: int, at_start: bool) -> None:
        """The worker adds a line at the top or the bottom of the notes."""
        line = f"regel {next(self.lines)} hier\n"
        notes = self.store.get_record(self.people[who]).fields.get("notes") or ""
        self.store.update_record(self.people[who],
                                 {"notes": line + notes if at_start else notes + line})
        self.my_lines.append((self.people[who], line))

    @rule(who=st.integers(0, 1), at_start=st.booleans())
    def someone_else_writes_line(self, who: int, at_start: bool) -> None:
        line = f"ander {next(self.lines)} daar\n"
        current = self.service.records[self.people[who]]
        notes = current.fields.get("notes") or ""
        self.service._save(current, {**current.fields,
                                     "notes": line + notes if at_start else notes + line},
                           "other")
        self.their_lines.append((self.people[who], line))

    @rule(who=st.integers(0, 1), data=st.data())
    def someone_else_edits(self, who: int, data: st.DataObject) -> None:
        name = data.draw(st.sampled_from(sorted(FIELDS)))
        current = self.service.records[self.people[who]]
        self.service._save(current, {**current.fields, name: data.draw(FIELDS[name])}, "other")

    @rule(limit=st.integers(1, 3))
    def push(self, limit: int = 1000) -> None:
        batch = self.store.take_outbox(limit)
        self.store.apply_push_results([self.service.push(c) for c in batch])

    @rule(limit=st.integers(1, 3), second_lost=st.booleans())
    def push_ahead(self, limit: int, second_lost: bool) -> None:
        """As the engine pushes: the batch behind the one in flight is taken, and sent before
        the first's results are stored when it shares no record with it; else it is taken
        again with those results. `second_lost`: the laptop dies before the second's
        results are stored (the service has them)."""
        first = self.store.take_outbox(limit)
        if not first:
            return
        second = self.store.take_outbox(limit, after=first[-1].change_id)
        answers = [self.service.push(c) for c in first]
        if {c.record_id for c in first} & {c.record_id for c in second}:
            second = self.store.apply_push_results(answers, take=limit)
            later = [self.service.push(c) for c in second]
        else:
            later = [self.service.push(c) for c in second]
            self.store.apply_push_results(answers)
        if not second_lost:
            self.store.apply_push_results(later)

    @rule()
    def push_answer_lost(self) -> None:
        for change in self.store.take_outbox(2):
            self.service.push(change)  # the service commits; the laptop never hears

    @rule()
    def restart(self) -> None:
        """The laptop goes down and comes back: only what was committed is there."""
        self.store.close()
        path, key = empty_store_file()
        self.store = CaseStore(self.folder, Database(self.folder / DB_NAME, key), None, "file")

    @rule()
    def pull(self) -> None:
        cursor = int(self.store.get_setting("cursor") or 0)
        self.store.apply_pull_page(self.service.pull(cursor))

    @invariant()
    def one_pending_change_per_record(self) -> None:
        with self.store._db.read() as conn:
            pending = conn.exec_driver_sql(
                "SELECT record_id, count(*) FROM outbox WHERE state = 'pending' "
                "GROUP BY record_id HAVING count(*) > 1").all()
        assert pending == []

    def teardown_check(self) -> None:
        for _ in range(50):
            if not self.store.pending_count():
                break
            self.push()
        assert self.store.pending_count() == 0
        self.pull()
        for record_id, served in self.service.records.items():
            assert self.store.get_record(record_id).fields == served.fields
        incoming = {(c.record_id, c.field, repr(c.incoming)) for c in self.service.conflicts}
        for (record_id, name), value in self.mine.items():
            taken = (record_id, name, repr(value)) in self.service.taken
            kept_in_conflict = (record_id, name, repr(value)) in incoming
            assert taken or kept_in_conflict, (name, value)
        # Nobody removes a line, so the merge may not either: each is in the text, or (the
        # worker's, when both wrote at the same end) in an open conflict on the notes.
        for record_id, line in self.my_lines + self.their_lines:
            notes = self.service.records[record_id].fields.get("notes") or ""
            in_conflict = any(
                c.record_id == record_id and c.field == "notes"
                and line in (c.incoming or "") + (c.kept or "")
                for c in self.service.conflicts
            )
            assert line in notes or in_conflict, (line, notes)


class LaptopCheck(Laptop):
    def teardown(self) -> None:
        try:
            self.teardown_check()
        finally:
            super().teardown()


LaptopCheck.TestCase.settings = property_settings(
    40, 200, stateful_step_count=30, phases=NO_SHRINK,
    suppress_health_check=[HealthCheck.too_slow],
)
TestLaptopSync = LaptopCheck.TestCase
