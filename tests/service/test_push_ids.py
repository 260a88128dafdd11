"""Each id of a push is checked once, where it enters the push (issue 15), on SQLite and
PostgreSQL: a change's own ids once per push however many of its changes name them, an id
in a field once per value. Nothing is remembered between pushes: the next push checks its
own ids again."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from sync import schema
from tests.service.world import change, new_id


class _Counted:
    """The UUID pattern of sync/schema.py, counting the strings it is asked about."""

    def __init__(self, pattern: Any) -> None:
        self.pattern = pattern
        self.asked: Counter[str] = Counter()

    def fullmatch(self, value: str) -> Any:
        self.asked[value] += 1
        return self.pattern.fullmatch(value)


@pytest.fixture
def counted(monkeypatch):
    spy = _Counted(schema._UUID)
    monkeypatch.setattr(schema, "_UUID", spy)
    return spy


def test_a_push_checks_each_id_once_where_it_enters(world, counted):
    worker = world.device("anouk")
    team_id = world.team("Noord")
    case_id, person_id, task_id = new_id(), new_id(), new_id()
    new = [
        change(case_id, "case", case_id, {"title": "Familie Testdorp", "team_id": team_id,
                                          "contact_worker_id": worker.user_id}),
        change(person_id, "person", case_id, {"name": "Noor Testdorp"}),
        change(task_id, "task", case_id, {"title": "Bellen", "assignee_id": worker.user_id}),
        change(new_id(), "task", case_id, {"title": "Mailen"}, change_id="geen-uuid"),
    ]
    counted.asked.clear()
    results = worker.push(*new)
    assert [r["status"] for r in results] == ["applied"] * 3 + ["rejected"]
    own = [c[name] for c in new for name in ("change_id", "record_id", "case_id")]
    assert counted.asked == Counter(set(own)) + Counter([team_id, worker.user_id,
                                                          worker.user_id])

    # Edits of the same records (with a base, so their text merges are prepared too):
    # checked again, once each.
    edits = [
        change(case_id, "case", case_id, {"title": "Familie Testdorp-Bakker"},
               base={"title": "Familie Testdorp"}, base_rev=results[0]["rev"]),
        change(person_id, "person", case_id, {"name": "Noor Bakker"},
               base={"name": "Noor Testdorp"}, base_rev=results[1]["rev"]),
    ]
    counted.asked.clear()
    assert [r["status"] for r in worker.push(*edits)] == ["applied", "applied"]
    own = [c[name] for c in edits for name in ("change_id", "record_id", "case_id")]
    assert counted.asked == Counter(set(own))
