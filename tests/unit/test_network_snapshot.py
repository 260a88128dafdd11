"""Comparing two snapshots of the network lists exactly what differs between them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from desktop.networkmap.model import build
from desktop.networkmap.snapshot import compare, content_of, parse


@dataclass
class Rec:
    id: str
    fields: dict[str, Any] = field(default_factory=dict)
    deleted: bool = False


def tie(tid: str, a: str, b: str, **fields: Any) -> Rec:
    return Rec(tid, {"from_person_id": a, "to_person_id": b, **fields})


def test_the_comparison_lists_exactly_the_differences():
    people = [Rec("a", {"name": "Moeder"}), Rec("b", {"name": "Zoon"}),
              Rec("c", {"name": "Buurvrouw"})]
    before = build(people, [
        tie("t1", "a", "b", type="parent_child", quality="stressful"),
        tie("t2", "c", "a", type="neighbour", quality="normal", support=["P"]),
    ])
    after = build([people[0], people[1], Rec("d", {"name": "Tante"})], [
        tie("t1", "a", "b", type="parent_child", quality="strong"),
        tie("t3", "d", "a", type="family", quality="strong"),
    ])
    result = compare(parse(content_of(before)), parse(content_of(after)))
    assert result.added == ["Tante"]
    assert result.left == ["Buurvrouw"]
    assert result.begun == [("Tante", "Moeder", "family")]
    assert result.ended == [("Buurvrouw", "Moeder", "neighbour")]
    assert [(c.field, c.before, c.after) for c in result.changed] == [
        ("quality", "stressful", "strong")]
    assert compare(parse(content_of(after)), parse(content_of(after))).empty


def test_content_is_json_and_stable():
    model = build([Rec("b", {"name": "B"}), Rec("a", {"name": "A"})], [])
    content = content_of(model)
    assert json.loads(content)["people"][0]["id"] == "a"
    assert content == content_of(build([Rec("a", {"name": "A"}), Rec("b", {"name": "B"})], []))


def test_unreadable_content_counts_as_empty_and_says_so():
    for bad in (None, "", "not json", "[]", '{"people": 3, "ties": []}'):
        snapshot = parse(bad)
        assert not snapshot.readable and not snapshot.people
