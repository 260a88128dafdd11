"""The map and plan benchmarks measure what they say they measure: the fictional data they
build has the sizes and shape the printed figures name (nothing here is timed)."""

import random
from collections import Counter
from types import SimpleNamespace

from bench.bench_map import _earlier, network_fields
from bench.bench_plan import DANGERS, plan_items
from desktop.networkmap.model import build
from desktop.networkmap.snapshot import compare, content_of, parse


def _network(people: int = 150, ties: int = 300):
    persons, links = network_fields(people, ties)
    records = [SimpleNamespace(id=f"p{n:03d}", fields=f, deleted=False)
               for n, f in enumerate(persons)]
    relations = [SimpleNamespace(id=f"t{n:03d}", deleted=False, fields={
        "from_person_id": f"p{a:03d}", "to_person_id": f"p{b:03d}", **fields})
        for n, (a, b, fields) in enumerate(links)]
    return persons, links, build(records, relations)


def test_the_map_has_150_people_and_300_distinct_ties_over_three_generations():
    persons, links, model = _network()
    assert len(persons) == 150 and len(links) == 300
    assert len({frozenset((a, b)) for a, b, _ in links}) == 300
    assert not model.problems and len(model.ties) == 300
    circles = Counter(p["circle"] for p in persons)
    assert circles["household"] >= 3 and circles["family"] >= 40
    assert sum(p.get("index_person", False) for p in persons) == 1
    from desktop.networkmap.layout import generations

    assert max(generations(model).values()) >= 2  # grandparents, parents, children
    assert network_fields(150, 300) == (persons, links)  # a fixed seed


def test_the_earlier_snapshot_differs_by_about_a_tenth():
    _, _, model = _network()
    result = compare(parse(content_of(_earlier(model))), parse(content_of(model)))
    people = len(result.added) + len(result.left)
    ties = len(result.begun) + len(result.ended) + len(result.changed)
    assert 0.05 * 150 <= people <= 0.15 * 150
    assert 0.05 * 300 <= ties <= 0.15 * 300


def test_the_plan_has_60_lines_with_paired_dangers_and_traceable_conditions():
    lines = plan_items("a1b2c3d4-e5f6-4a7b-8c9d-", 60, ["moeder"], random.Random(1))
    assert len(lines) == 60 and len({line["id"] for line in lines}) == 60
    sections = Counter(line["section"] for line in lines)
    assert sections["danger"] == DANGERS and len(sections) == 8
    dangers = [line for line in lines if line["section"] == "danger"]
    assert all(line["goal"] for line in dangers)
    conditions = {line["id"] for line in lines if line["section"] == "condition"}
    assert all(set(line["addresses"]) <= conditions for line in lines if "addresses" in line)
