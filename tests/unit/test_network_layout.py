"""The network map's model and automatic layout: deterministic, couples together, children
below their parents, and always ending with the faults named, whatever the data."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from desktop.networkmap import layout
from desktop.networkmap.model import build
from tests.depth import property_settings


@dataclass
class Rec:
    id: str
    fields: dict[str, Any] = field(default_factory=dict)
    deleted: bool = False


def person(pid: str, **fields: Any) -> Rec:
    return Rec(pid, {"name": f"Persoon {pid}", **fields})


def tie(tid: str, a: str, b: str, type_: str | None, **fields: Any) -> Rec:
    return Rec(tid, {"from_person_id": a, "to_person_id": b, "type": type_, **fields})


def family() -> tuple[list[Rec], list[Rec]]:
    """Grandparents, two parents (married), a childless couple, a child with birth parents
    and foster parents at once."""
    people = [
        person("gp1", gender="m", birth_date="1950-01-01"),
        person("gp2", gender="f", birth_date="1952-01-01"),
        person("mo", gender="f", birth_date="1980-01-01", circle="household"),
        person("fa", gender="m", birth_date="1979-01-01", circle="household"),
        person("kid", gender="f", birth_date="2015-01-01", circle="household",
               index_person=True),
        person("aunt", gender="f", birth_date="1982-01-01"),
        person("aunt_p", gender="x", birth_date="1981-01-01"),
        person("foster1", gender="m"),
        person("foster2", gender="f"),
    ]
    ties = [
        tie("t01", "gp1", "gp2", "married"),
        tie("t02", "gp1", "mo", "parent_child"),
        tie("t03", "gp2", "mo", "parent_child"),
        tie("t04", "gp1", "aunt", "parent_child"),
        tie("t05", "mo", "fa", "divorced"),
        tie("t06", "mo", "kid", "parent_child"),
        tie("t07", "fa", "kid", "parent_child"),
        tie("t08", "aunt", "aunt_p", "cohabiting"),  # a childless couple
        tie("t09", "foster1", "foster2", "married"),
        tie("t10", "foster1", "kid", "foster_parent_child"),
        tie("t11", "foster2", "kid", "foster_parent_child"),
    ]
    return people, ties


def test_genogram_rows_by_generation_with_couples_side_by_side():
    model = build(*family())
    placed = layout.genogram(model)
    pos, gen = placed.positions, placed.generation
    assert gen["gp1"] == gen["gp2"] == 0
    assert gen["mo"] == gen["fa"] == gen["aunt"] == gen["aunt_p"] == 1
    assert gen["foster1"] == gen["foster2"] == 1  # partners of one row, parents of the child
    assert gen["kid"] == 2
    for a, b in (("gp1", "gp2"), ("mo", "fa"), ("aunt", "aunt_p"), ("foster1", "foster2")):
        assert pos[a][1] == pos[b][1]
        assert abs(pos[a][0] - pos[b][0]) == layout.COLUMN  # next to each other
    assert pos["kid"][1] > pos["mo"][1] > pos["gp1"][1]
    assert pos["fa"][0] < pos["mo"][0]  # the man on the left of a couple


def test_a_sibling_whose_parents_are_not_on_the_map_stands_beside_their_sibling():
    """An aunt recorded only as the mother's sister belongs in the mother's row, next to
    her, not up with the grandparents."""
    people, ties = family()
    people.append(person("sister", gender="f", birth_date="1983-01-01"))
    ties.append(tie("t30", "sister", "mo", "sibling", quality="close"))
    placed = layout.genogram(build(people, ties))
    pos, gen = placed.positions, placed.generation
    assert gen["sister"] == gen["mo"] == 1
    assert pos["sister"][1] == pos["mo"][1]
    row = sorted((x, p) for p, (x, y) in pos.items() if y == pos["mo"][1])
    names = [p for _, p in row]
    assert abs(names.index("sister") - names.index("mo")) <= 2  # beside her or her husband


def test_each_partner_stands_on_the_side_of_their_own_parents():
    """When both partners' parents are on the map, the lines down from the two families do
    not cross: the wife whose parents stand on the left stands on the left."""
    people, ties = family()
    people += [person("fgp1", gender="m", birth_date="1960-01-01"),
               person("fgp2", gender="f", birth_date="1961-01-01")]
    ties += [tie("t40", "fgp1", "fgp2", "married"), tie("t41", "fgp1", "fa", "parent_child"),
             tie("t42", "fgp2", "fa", "parent_child")]
    pos = layout.genogram(build(people, ties)).positions

    def middle(*ids: str) -> float:
        return sum(pos[i][0] for i in ids) / len(ids)

    assert middle("gp1", "gp2") < middle("fgp1", "fgp2")  # the mother's parents: left
    assert pos["mo"][0] < pos["fa"][0]
    assert abs(pos["mo"][0] - pos["fa"][0]) == layout.COLUMN  # still side by side


def test_layout_is_deterministic_whatever_order_the_records_come_in():
    people, ties = family()
    first = layout.genogram(build(people, ties)).positions
    again = layout.genogram(build(list(reversed(people)), list(reversed(ties)))).positions
    assert first == again
    assert layout.ecogram(build(people, ties)).positions == \
        layout.ecogram(build(list(reversed(people)), ties)).positions


def test_ecogram_puts_the_household_in_the_middle_and_others_in_their_ring_and_sector():
    people = [
        person("mo", circle="household"), person("kid", circle="household"),
        person("oma", circle="family", ring=1), person("buur", circle="network", ring=3),
        person("juf", circle="professional", ring=2), person("vriendin", circle="network"),
    ]
    ties = [tie("t1", "mo", "buur", "neighbour"), tie("t2", "mo", "vriendin", "friend")]
    model = build(people, ties)
    pos = layout.ecogram(model).positions

    def radius(pid: str) -> float:
        return (pos[pid][0] ** 2 + pos[pid][1] ** 2) ** 0.5

    assert radius("mo") < layout.RING_EDGES[0] and radius("kid") < layout.RING_EDGES[0]
    assert layout.RING_EDGES[0] < radius("oma") < layout.RING_EDGES[1]
    assert layout.RING_EDGES[1] < radius("juf") < layout.RING_EDGES[2]
    assert layout.RING_EDGES[2] < radius("buur") < layout.RING_EDGES[3]
    assert layout.sector_of(model, model.people["buur"]) == "neighbours"
    assert layout.sector_of(model, model.people["vriendin"]) == "friends"
    assert pos["oma"][0] < 0 and pos["oma"][1] < 0  # family: top left
    assert pos["buur"][0] > 0 and pos["buur"][1] > 0  # neighbours: bottom right


def test_a_place_the_worker_chose_wins_over_the_layout():
    people, ties = family()
    people[0].fields.update(map_x=-500, map_y=40)
    model = build(people, ties)
    assert layout.place(model, "genogram")["gp1"] == (-500, 40)
    assert layout.place(model, "ecogram")["gp1"] != (-500, 40)  # each view its own place


def test_bad_data_is_named_not_drawn():
    people = [person("a"), person("b"), person("c")] + [person(f"p{i}") for i in range(5)]
    ties = [
        tie("gone", "a", "deleted-person", "friend"),
        tie("self", "a", "a", "friend"),
        tie("l1", "a", "b", "parent_child"), tie("l2", "b", "c", "parent_child"),
        tie("l3", "c", "a", "parent_child"),  # a is their own grandchild
        *[tie(f"five{i}", f"p{i}", "b", "parent_child") for i in range(5)],
        tie("new", "a", "c", "godparent", quality="warm"),  # from a newer laptop
    ]
    model = build(people, ties)
    codes = {(p.code, p.record_id) for p in model.problems}
    assert ("missing_person", "gone") in codes
    assert ("self_tie", "self") in codes
    assert any(code == "parent_loop" for code, _ in codes)
    assert ("too_many_parents", "b") in codes
    assert ("unknown_type", "new") in codes and ("unknown_quality", "new") in codes
    drawn = {t.id for t in model.ties}
    assert "gone" not in drawn and "self" not in drawn and "new" in drawn
    placed = layout.genogram(model).positions
    assert set(placed) == set(model.people)


TYPES = ["parent_child", "adoptive_parent_child", "foster_parent_child", "married",
         "partner", "divorced", "sibling", "friend", "neighbour", "professional", "twin",
         "from-a-newer-laptop", None]


@st.composite
def graphs(draw: Any, max_people: int = 40) -> tuple[list[Rec], list[Rec]]:
    n = draw(st.integers(0, max_people))
    ids = [f"p{i:03d}" for i in range(n)]
    people = [
        Rec(pid, {
            "name": f"P{pid}",
            "circle": draw(st.sampled_from(["household", "family", "network",
                                            "professional", None, "galaxy"])),
            "ring": draw(st.sampled_from([1, 2, 3, None, 0, 7])),
            "gender": draw(st.sampled_from(["f", "m", "x", None])),
            "birth_date": draw(st.sampled_from([None, "1970-05-01", "2010-01-01"])),
        }, deleted=draw(st.booleans()) and draw(st.booleans()))
        for pid in ids
    ]
    targets = [*ids, "someone-deleted-elsewhere"] if ids else ["nobody"]
    count = draw(st.integers(0, 3 * max(n, 1)))
    ties = [
        tie(f"t{i:04d}", draw(st.sampled_from(targets)), draw(st.sampled_from(targets)),
            draw(st.sampled_from(TYPES)),
            quality=draw(st.sampled_from(["strong", "close", "abuse_physical", "bogus", None])))
        for i in range(count)
    ]
    return people, ties


@property_settings(60)
@given(graphs())
def test_layout_always_ends_places_everyone_and_is_deterministic(graph):
    people, ties = graph
    model = build(people, ties)
    for view in ("genogram", "ecogram"):
        first = layout.place(model, view)
        assert set(first) == set(model.people)
        assert first == layout.place(build(list(reversed(people)), list(reversed(ties))), view)
    gen = layout.generations(model)
    assert all(0 <= g <= len(model.people) for g in gen.values())
    kinds = layout.tie_kinds(model)  # the shortcut for many people says the same
    assert all(layout.sector_of(model, p) == layout.sector_of(model, p, kinds)
               for p in model.people.values())
    # Every tie that is drawn joins two people who are on the map.
    assert all(t.a in model.people and t.b in model.people and t.a != t.b for t in model.ties)


@property_settings(30)
@given(graphs(max_people=40))
def test_the_layout_puts_nobody_on_top_of_another_and_outsiders_beside_the_tree(graph):
    people, ties = graph
    model = build(people, ties)
    for placed in (layout.genogram(model).positions, layout.ecogram(model).positions):
        assert len(set(placed.values())) == len(placed)
    placed = layout.genogram(model).positions
    outsiders = layout.outside_family(model)
    tree = [placed[p] for p in placed if p not in outsiders]
    if tree and outsiders:
        assert min(placed[p][0] for p in outsiders) > max(x for x, _ in tree)


@property_settings(30)
@given(graphs(max_people=40))
def test_couples_stay_side_by_side(graph):
    """Two people who are each other's only partner and share a row stand next to each
    other, whatever else the data holds."""
    people, ties = graph
    model = build(people, ties)
    placed = layout.genogram(model)
    count: dict[str, set[str]] = {}
    for partner in model.partners():
        count.setdefault(partner.a, set()).add(partner.b)
        count.setdefault(partner.b, set()).add(partner.a)
    for partner in model.partners():
        a, b = placed.positions[partner.a], placed.positions[partner.b]
        if a[1] == b[1] and count[partner.a] == {partner.b} and count[partner.b] == {partner.a}:
            assert abs(a[0] - b[0]) == layout.COLUMN


def test_500_people_lay_out():
    people = [person(f"p{i:03d}", circle="household" if i < 4 else "network")
              for i in range(500)]
    ties = [tie(f"t{i:03d}", f"p{i // 2:03d}", f"p{i:03d}", "parent_child")
            for i in range(1, 500)]
    model = build(people, ties)
    assert len(layout.place(model, "genogram")) == 500
    assert len(layout.place(model, "ecogram")) == 500


def test_layout_and_model_import_no_qt():
    here = Path(layout.__file__).parent
    for name in ("layout.py", "model.py"):
        tree = ast.parse((here / name).read_text(encoding="utf-8"))
        modules = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert not any(m.startswith("PySide6") for m in modules), name


def test_whose_view_filters_ties_and_marks_where_views_differ():
    from desktop.networkmap.model import disputed, seen_by, viewpoints

    people = [person("mo"), person("oma"), person("kid")]
    ties = [
        tie("t1", "mo", "oma", "family", quality="close", according_to="mo"),
        tie("t2", "mo", "oma", "family", quality="hostile", according_to="oma"),
        tie("t3", "mo", "kid", "parent_child", quality="strong"),
        tie("t4", "oma", "kid", "family", quality="normal", according_to="worker"),
    ]
    model = build(people, ties)
    assert viewpoints(model) == ["mo", "oma", "worker"]
    assert {t.id for t in seen_by(model, "mo").ties} == {"t1", "t3"}
    assert {t.id for t in seen_by(model, None).ties} == {"t1", "t2", "t3", "t4"}
    assert disputed(model) == {"t1", "t2"}
    agree = build(people, [tie("a", "mo", "oma", "family", quality="close", according_to="mo"),
                           tie("b", "oma", "mo", "family", quality="close",
                               according_to="oma")])
    assert disputed(agree) == frozenset()


def test_friends_and_professionals_outside_the_family_stand_in_a_block_beside_it():
    """Not one long row under the tree: a block to its right, about as tall as the tree, so
    that fitting the drawing to the window keeps the family large."""
    people, ties = family()
    people += [person(f"juf{i}", circle="professional") for i in range(5)]
    people += [person(f"buur{i}", circle="network") for i in range(4)]
    ties += [tie(f"t2{i}", f"juf{i}", "kid", "professional", quality="weak") for i in range(5)]
    ties += [tie(f"t3{i}", f"buur{i}", "mo", "neighbour") for i in range(4)]
    placed = layout.genogram(build(people, ties)).positions
    tree = [placed[p] for p in ("gp1", "gp2", "mo", "fa", "kid", "aunt", "aunt_p", "foster1",
                                "foster2")]
    block = [placed[p] for p in placed if p.startswith(("juf", "buur"))]
    assert min(x for x, _ in block) > max(x for x, _ in tree)
    tree_height = max(y for _, y in tree) - min(y for _, y in tree)
    block_height = max(y for _, y in block) - min(y for _, y in block)
    block_width = max(x for x, _ in block) - min(x for x, _ in block)
    assert min(y for _, y in block) == min(y for _, y in tree)  # level with the top row
    assert block_height <= tree_height + 2 * layout.ROW
    assert block_width <= 2 * layout.BLOCK_COLUMN  # nine people: short rows
    # By circle: the neighbours above the professionals, not mixed.
    assert max(placed[f"buur{i}"][1] for i in range(4)) < min(
        placed[f"juf{i}"][1] for i in range(5))
    # The foster parents (network, but family ties) stay among the generations.
    assert placed["foster1"][1] < placed["kid"][1]
