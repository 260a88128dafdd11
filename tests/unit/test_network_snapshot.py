"""Comparing two snapshots of the network lists exactly what differs between them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from desktop.networkmap.model import build
from desktop.networkmap.snapshot import circle_of, compare, content_of, parse, union_model


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


def snap(people: list[Rec], ties: list[Rec]) -> Any:
    return parse(content_of(build(people, ties)))


CHILD = Rec("k", {"name": "Kind", "index_person": True, "circle": "household"})
MOTHER = Rec("m", {"name": "Moeder", "circle": "household"})


def test_the_circle_counts_supportive_ties_to_an_index_child_only():
    people = [CHILD, MOTHER, Rec("o", {"name": "Oma"}), Rec("v", {"name": "Vader"}),
              Rec("b", {"name": "Buurvrouw"}), Rec("t", {"name": "Trainer"}),
              Rec("z", {"name": "Zus", "index_person": True}),
              Rec("d", {"name": "Opa", "deceased": True}), Rec("j", {"name": "Juf"})]
    ties = [
        tie("1", "m", "k", type="parent_child", quality="close"),  # a good band
        tie("2", "o", "k", type="family", quality="weak", support=["P"]),  # weak, but helps
        tie("3", "v", "k", type="parent_child", quality="violence", support=["G"]),  # never
        tie("4", "b", "m", type="neighbour", quality="strong"),  # to the mother, not a child
        tie("5", "k", "t", type="other", quality="stressful"),  # neither band nor letters
        tie("6", "z", "k", type="sibling", quality="close"),  # both in the centre
        tie("7", "d", "k", type="family", quality="strong"),  # deceased
        tie("8", "j", "z", type="professional", quality="normal"),  # the other child counts
    ]
    circle = circle_of(snap(people, ties))
    assert circle.around == "children"
    assert circle.members == {"m", "o", "j"}


def test_without_a_marked_child_the_circle_is_around_the_household():
    people = [Rec("m", {"name": "Moeder", "circle": "household"}),
              Rec("v", {"name": "Vader", "circle": "household"}),
              Rec("o", {"name": "Oma"}), Rec("b", {"name": "Buurman"})]
    ties = [tie("1", "m", "v", type="married", quality="normal"),  # inside the household
            tie("2", "o", "m", type="parent_child", quality="strong"),
            tie("3", "b", "v", type="neighbour", quality="hostile", support=["P"])]
    circle = circle_of(snap(people, ties))
    assert (circle.around, circle.members) == ("household", frozenset({"o"}))
    nobody = circle_of(snap([Rec("x", {"name": "X"})], []))
    assert (nobody.around, nobody.members) == ("nobody", frozenset())


def test_the_comparison_says_who_joined_and_left_the_circle():
    people = [CHILD, MOTHER, Rec("o", {"name": "Oma"}), Rec("b", {"name": "Buurvrouw"}),
              Rec("t", {"name": "Tante"})]
    before = snap(people, [tie("1", "m", "k", type="parent_child", quality="strong"),
                           tie("2", "b", "k", type="neighbour", quality="normal"),
                           tie("3", "o", "k", type="family", quality="distant")])
    after = snap(people, [tie("1", "m", "k", type="parent_child", quality="strong"),
                          tie("3", "o", "k", type="family", quality="close"),
                          tie("4", "t", "k", type="family", quality="weak", support=["G"])])
    result = compare(before, after)
    assert (len(result.circle_before.members), len(result.circle_after.members)) == (2, 3)
    assert result.circle_joined == ["Oma", "Tante"]
    assert result.circle_left == ["Buurvrouw"]
    assert result.begun_ids == {"4"} and result.ended_ids == {"2"}
    assert result.changed_ids == {"3"}


def test_the_union_model_draws_the_later_moment_with_what_has_gone():
    before = snap([CHILD, MOTHER, Rec("b", {"name": "Buurvrouw"})],
                  [tie("2", "b", "k", type="neighbour", quality="normal")])
    after = snap([CHILD, MOTHER, Rec("t", {"name": "Tante"})],
                 [tie("4", "t", "k", type="family", quality="strong", support=["G"])])
    model = union_model(before, after)
    assert set(model.people) == {"k", "m", "b", "t"}
    assert {t.id: (t.a, t.b, t.support) for t in model.ties} == {
        "2": ("b", "k", ()), "4": ("t", "k", ("G",))}
    assert model.people["k"].index_person and not model.problems
