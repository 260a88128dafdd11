"""Automatic placement of the map, pure and deterministic (no Qt).

Genogram: one row per generation, partners side by side, children in the row below, ordered
under their parents (birth, adoptive and foster parents at once: a child sits under the mean
of all its parents); friends, neighbours and professionals in a compact block beside the
tree. Ecogram: the household in the middle, everyone else in ring 1-3 of their `ring`, in
the sector of their circle.

Every step is bounded by the number of people and ties, so the layout ends on any data,
however inconsistent (loops, a partner who is also a parent, hundreds of people). Where the
worker placed someone, that place wins (`place`); the layout only fills in the rest.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from desktop.networkmap.model import (
    FAMILY_TYPES,
    PARENT_TYPES,
    PARTNER_TYPES,
    SIBLING_TYPES,
    MapPerson,
    MapTie,
    NetworkModel,
    loop_ties,
)

Point = tuple[int, int]

COLUMN = 120  # from one symbol's centre to the next in a row
ROW = 150  # from one generation to the next
UNIT_GAP = 40  # extra space between families in a row
HOUSEHOLD_RADIUS = 100
# The block of people outside the family, beside the tree: closer than the tree's rows,
# which need room for the lines between generations.
BLOCK_COLUMN = COLUMN  # names need the room
BLOCK_ROW = 95
BLOCK_GAP = 35  # between the sectors of the block
BLOCK_MIN_ROW = 2
RING_RADII = {1: 190, 2: 300, 3: 410}  # where people stand; the rings are drawn between
RING_EDGES = (140, 245, 355, 465)  # household, inner, middle, outer circle
SECTORS = ("family", "friends", "neighbours", "professionals")
# Each sector is a quarter: family top left, friends top right, neighbours bottom right,
# professionals bottom left (angles in degrees, counter-clockwise from the right, y down).
SECTOR_START = {"family": 180.0, "friends": 270.0, "neighbours": 0.0, "professionals": 90.0}


@dataclass(frozen=True)
class Layout:
    positions: dict[str, Point]
    generation: dict[str, int]  # genogram only (empty for the ecogram)


# -- genogram --------------------------------------------------------------------------------


def generations(model: NetworkModel) -> dict[str, int]:
    """Row of each person: parents above children, partners and siblings in one row (an
    aunt whose parents are not on the map stands beside her sister, not with the
    grandparents).

    People who share a row form one group; a group's row is the longest chain of parent ties
    above it. A parent tie within a group (a partner who is also a parent) or one that closes
    a loop between groups cannot be honoured and is left out: linear in the ties, it ends on
    any data and only leaves a row that the map shows as it is."""
    skip = set(loop_ties(model))
    parent_ties = [t for t in model.ties if t.type in PARENT_TYPES and t.id not in skip]
    partner_ties = [t for t in model.ties
                    if t.type in PARTNER_TYPES or t.type in SIBLING_TYPES]
    group = _row_groups(list(model.people), partner_ties)
    below: dict[str, list[str]] = {}
    for tie in parent_ties:
        if group[tie.a] != group[tie.b]:
            below.setdefault(group[tie.a], []).append(group[tie.b])
    level = _longest_chains(sorted(set(group.values())), below)
    gen = {p: level[group[p]] for p in model.people}
    _lower_roots(gen, parent_ties, partner_ties)
    return gen


def _row_groups(people: list[str], ties: list[MapTie]) -> dict[str, str]:
    """Each person's group of people joined by `ties`, named by its smallest id."""
    head = {p: p for p in people}

    def find(p: str) -> str:
        while head[p] != p:
            head[p] = head[head[p]]
            p = head[p]
        return p

    for tie in ties:
        a, b = find(tie.a), find(tie.b)
        if a != b:
            head[max(a, b)] = min(a, b)
    return {p: find(p) for p in people}


def _longest_chains(nodes: list[str], below: dict[str, list[str]]) -> dict[str, int]:
    """Depth of each node under its highest ancestor. A depth-first walk in a fixed order
    gives an order in which every edge but those closing a loop points forward; only those
    edges count."""
    order: list[str] = []
    state: dict[str, int] = {}
    for root in nodes:
        if root in state:
            continue
        state[root] = 1
        stack: list[tuple[str, int]] = [(root, 0)]
        while stack:
            node, index = stack[-1]
            edges = below.get(node, [])
            if index < len(edges):
                stack[-1] = (node, index + 1)
                if edges[index] not in state:
                    state[edges[index]] = 1
                    stack.append((edges[index], 0))
            else:
                stack.pop()
                order.append(node)
    order.reverse()
    place = {node: i for i, node in enumerate(order)}
    level = dict.fromkeys(nodes, 0)
    for node in order:
        for child in below.get(node, []):
            if place[child] > place[node]:
                level[child] = max(level[child], level[node] + 1)
    return level


def _lower_roots(
    gen: dict[str, int], parent_ties: list[MapTie], partner_ties: list[MapTie]
) -> None:
    """Parents without parents of their own (foster parents, an in-law) stand one row above
    their children rather than at the top. Only couples (or siblings) of such people move,
    together; `partner_ties` are all the ties that keep two people in one row."""
    has_parents = {t.b for t in parent_ties}
    kids: dict[str, list[str]] = {}
    for tie in parent_ties:
        kids.setdefault(tie.a, []).append(tie.b)
    partners: dict[str, set[str]] = {}
    for tie in partner_ties:
        partners.setdefault(tie.a, set()).add(tie.b)
        partners.setdefault(tie.b, set()).add(tie.a)
    want: dict[str, int] = {}
    for person in kids:
        if person in has_parents:
            continue
        group = {person, *partners.get(person, ())}
        if group & has_parents:
            continue  # partner of someone with a family above: stays in that row
        rows = [gen[c] - 1 for p in group for c in kids.get(p, ())]
        want[person] = min(rows)
    for person in want:
        group = {person, *partners.get(person, ())}
        # The couple moves together: to the row that keeps all their children below.
        target = min(want.get(p, gen[p]) for p in group)
        if target > gen[person]:
            for member in group:
                gen[member] = max(gen[member], target)


def _age_key(person: MapPerson) -> tuple[str, str]:
    # Oldest on the left; people without a date of birth after those with one.
    return (person.birth_date or "9999", person.id)


def _couples(model: NetworkModel, row: list[str], gen: dict[str, int]) -> list[list[str]]:
    """The row split into units of people joined by partner ties, each unit ordered with a
    person who has several partners in the middle."""
    in_row = set(row)
    links: dict[str, set[str]] = {p: set() for p in row}
    for tie in model.partners():
        if tie.a in in_row and tie.b in in_row:
            links[tie.a].add(tie.b)
            links[tie.b].add(tie.a)
    seen: set[str] = set()
    units: list[list[str]] = []
    for start in row:
        if start in seen:
            continue
        component: list[str] = []
        todo = [start]
        seen.add(start)
        while todo:
            node = todo.pop()
            component.append(node)
            for other in sorted(links[node]):
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        units.append(_order_unit(model, component, links))
    return units


def _order_unit(model: NetworkModel, unit: list[str], links: dict[str, set[str]]) -> list[str]:
    if len(unit) == 1:
        return unit
    people = model.people
    hub = max(sorted(unit), key=lambda p: len(links[p]))
    if len(links[hub]) < 2:
        # A couple: the man on the left, as the convention draws it; otherwise the elder.
        return sorted(unit, key=lambda p: (people[p].gender != "m", _age_key(people[p])))
    rest = sorted((p for p in unit if p != hub), key=lambda p: _age_key(people[p]))
    left = rest[0::2]
    right = rest[1::2]
    return [*reversed(left), hub, *right]


def outside_family(model: NetworkModel) -> set[str]:
    """Friends, neighbours and professionals with no family tie: the genogram puts them in
    a block of their own beside the family, so they do not sit among the generations."""
    in_family = {p for t in model.ties if t.type in FAMILY_TYPES for p in (t.a, t.b)}
    return {p.id for p in model.people.values()
            if p.id not in in_family and p.circle in ("network", "professional")}


def genogram(model: NetworkModel) -> Layout:
    gen = generations(model)
    outsiders = outside_family(model)
    rows: dict[int, list[str]] = {}
    for person_id in model.people:
        if person_id not in outsiders:
            rows.setdefault(gen[person_id], []).append(person_id)
    parents: dict[str, list[str]] = {p: [] for p in model.people}
    siblings: dict[str, list[str]] = {}
    for tie in model.ties:
        if tie.type in PARENT_TYPES:
            parents[tie.b].append(tie.a)
        elif tie.type in SIBLING_TYPES:
            siblings.setdefault(tie.a, []).append(tie.b)
            siblings.setdefault(tie.b, []).append(tie.a)
    positions: dict[str, Point] = {}
    for level in sorted(rows):
        row = sorted(rows[level], key=lambda p: _age_key(model.people[p]))
        units = _couples(model, row, gen)

        def wish(unit: list[str]) -> float:
            above = [positions[p][0] for m in unit for p in parents[m] if p in positions]
            if not above:  # no parents on the map: under a sibling's parents, beside them
                above = [positions[p][0] for m in unit for s in siblings.get(m, ())
                         for p in parents[s] if p in positions]
            return sum(above) / len(above) if above else math.inf

        units = [_facing_parents(unit, wish) for unit in units]
        # Families under their parents, in the order of their parents; the rest after them.
        order = sorted(range(len(units)), key=lambda i: (wish(units[i]), i))
        x = 0.0
        for index in order:
            unit = units[index]
            width = (len(unit) - 1) * COLUMN
            want = wish(unit)
            start = x if math.isinf(want) else max(x, want - width / 2)
            for offset, person_id in enumerate(unit):
                positions[person_id] = (round(start + offset * COLUMN), level * ROW)
            x = start + width + COLUMN + UNIT_GAP
    top = min((y for _, y in positions.values()), default=0)
    right = max((x for x, _ in positions.values()), default=-COLUMN)
    positions.update(_beside(model, outsiders, right + COLUMN + UNIT_GAP, top))
    return Layout(positions, gen)


def _facing_parents(unit: list[str], wish: Callable[[list[str]], float]) -> list[str]:
    """A couple whose parents are both on the map: each partner on the side of their own
    parents, so that the lines down from the two families do not cross (the man on the
    left only where the parents do not decide)."""
    if len(unit) != 2:
        return unit
    left, right = wish(unit[:1]), wish(unit[1:])
    if math.isinf(left) or math.isinf(right) or left <= right:
        return unit
    return [unit[1], unit[0]]


def _beside(model: NetworkModel, outsiders: set[str], left: int, top: int) -> dict[str, Point]:
    """The people outside the family in one compact block right of the tree, a group per
    sector (friends, neighbours and colleagues, professionals), each wrapped in short rows.

    One long row under the tree made the drawing so wide that fitting it to the window
    shrank the family to stamps; a block about as tall as the tree keeps it large."""
    groups: dict[str, list[MapPerson]] = {}
    kinds = tie_kinds(model)
    for person_id in outsiders:
        person = model.people[person_id]
        groups.setdefault(sector_of(model, person, kinds) or "friends", []).append(person)
    # Narrow rather than wide: the tree is wider than tall already.
    per_row = max(BLOCK_MIN_ROW, round(math.sqrt(len(outsiders) / 2)))
    out: dict[str, Point] = {}
    y = top
    for sector in SECTORS:
        members = sorted(groups.get(sector, ()), key=lambda p: (p.name.casefold(), p.id))
        for index, person in enumerate(members):
            row, column = divmod(index, per_row)
            out[person.id] = (left + column * BLOCK_COLUMN, y + row * BLOCK_ROW)
        if members:
            y += math.ceil(len(members) / per_row) * BLOCK_ROW + BLOCK_GAP
    return out


# -- ecogram ---------------------------------------------------------------------------------

_TYPE_SECTOR = {
    "neighbour": "neighbours", "colleague": "neighbours", "friend": "friends",
    "professional": "professionals",
}


def tie_kinds(model: NetworkModel) -> dict[str, list[str]]:
    """The sorted kinds of each person's ties, looked up once for everyone: asking the ties
    person by person made a layout of hundreds of people quadratic."""
    kinds: dict[str, list[str]] = {}
    for tie in model.ties:
        for person_id in (tie.a, tie.b):
            kinds.setdefault(person_id, []).append(tie.type or "")
    return {p: sorted(k) for p, k in kinds.items()}


def sector_of(model: NetworkModel, person: MapPerson,
              kinds_of: dict[str, list[str]] | None = None) -> str | None:
    """The sector of someone outside the household (None for the household); `kinds_of` is
    `tie_kinds(model)` where the caller asks for many people."""
    if person.household:
        return None
    if person.circle == "professional":
        return "professionals"
    if person.circle == "family":
        return "family"
    kinds = (sorted(t.type or "" for t in model.ties if person.id in (t.a, t.b))
             if kinds_of is None else kinds_of.get(person.id, []))
    for kind in kinds:
        if kind in _TYPE_SECTOR:
            return _TYPE_SECTOR[kind]
    if any(k in PARENT_TYPES or k in PARTNER_TYPES or k in ("sibling", "half_sibling", "twin",
                                                            "family") for k in kinds):
        return "family"
    return "friends"


def ring_of(person: MapPerson) -> int:
    return person.ring or 2


def _on_circle(radius: float, degrees: float) -> Point:
    angle = math.radians(degrees)
    return (round(radius * math.cos(angle)), round(radius * math.sin(angle)))


def ecogram(model: NetworkModel) -> Layout:
    positions: dict[str, Point] = {}
    household = [p for p in model.people.values() if p.household]
    for index, person in enumerate(sorted(household, key=_age_key)):
        if len(household) == 1:
            positions[person.id] = (0, 0)
        else:
            positions[person.id] = _on_circle(HOUSEHOLD_RADIUS * 0.55,
                                              -90 + 360 * index / len(household))
    groups: dict[tuple[str, int], list[MapPerson]] = {}
    kinds = tie_kinds(model)
    for person in model.people.values():
        sector = sector_of(model, person, kinds)
        if sector is not None:
            groups.setdefault((sector, ring_of(person)), []).append(person)
    for (sector, ring), members in sorted(groups.items()):
        members.sort(key=lambda p: (p.name.casefold(), p.id))
        for index, person in enumerate(members):
            # Spread over the quarter, a margin at each side so sectors stay apart.
            share = (index + 0.5) / len(members)
            positions[person.id] = _on_circle(RING_RADII[ring],
                                              SECTOR_START[sector] + 8 + share * 74)
    return Layout(positions, {})


# -- stored places win -----------------------------------------------------------------------


def place(model: NetworkModel, view: str, people: Iterable[str] | None = None) -> dict[str, Point]:
    """Where each person stands in `view` ("genogram" or "ecogram"): where the worker put
    them, else where the layout puts them."""
    auto = genogram(model) if view == "genogram" else ecogram(model)
    out: dict[str, Point] = {}
    for person_id in people if people is not None else model.people:
        person = model.people[person_id]
        stored = person.genogram_at if view == "genogram" else person.ecogram_at
        out[person_id] = stored if stored is not None else auto.positions[person_id]
    return out
