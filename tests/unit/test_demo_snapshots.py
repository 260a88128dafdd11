"""The demo keeps a map with every visit, in the desktop's own snapshot format, and the
network grew between the first two visits: the comparison has something to show."""

from __future__ import annotations

from collections import defaultdict

from desktop.networkmap.model import build
from desktop.networkmap.snapshot import compare, content_of, parse
from storage.demo import demo_records
from sync.protocol import Record
from sync.schema import validate_fields

TEAM = "00000000-0000-4000-8000-000000000001"


def test_every_demo_visit_keeps_the_map_and_the_first_two_differ():
    by_case = defaultdict(list)
    for r in demo_records(5, team_id=TEAM, contact_worker_id=None):
        by_case[r.case_id].append(Record(id=r.record_id, kind=r.kind, case_id=r.case_id,
                                         rev=1, fields=r.fields))
    for records in by_case.values():
        of = defaultdict(list)
        for r in records:
            validate_fields(r.kind, r.fields, creating=True)
            of[r.kind].append(r)
        visits = sorted(of["visit"], key=lambda v: v.fields["date"])
        kept = {s.fields["visit_id"]: s.fields for s in of["map_snapshot"]}
        assert set(kept) == {v.id for v in visits}
        assert all(kept[v.id]["taken_on"] == v.fields["date"] for v in visits)
        now = content_of(build(of["person"], of["relationship"]))
        assert kept[visits[1].id]["content"] == now  # the desktop writes the same JSON
        result = compare(parse(kept[visits[0].id]["content"]), parse(now))
        assert len(result.added) == 1 and len(result.left) == 1
        assert len(result.begun) == 1 and len(result.ended) == 1
        assert {c.field for c in result.changed} == {"quality", "support"}
        assert len(result.circle_after.members) == len(result.circle_before.members) + 2
