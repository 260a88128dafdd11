"""The people and ties of one case as the map sees them, built from `person` and
`relationship` records. Pure Python (no Qt): the layout and the tests use it as it is.

Bad data never stops the map: a tie to someone who is gone, a tie to oneself, a person who is
their own ancestor, too many parents or a value from a newer laptop is kept out of the
drawing where it cannot be drawn and reported as a `Problem`, which the map puts into words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sync.schema import KINDS

PARTNER_TYPES = frozenset({"partner", "ex_partner", "married", "cohabiting", "separated",
                           "divorced"})
PARENT_TYPES = frozenset({"parent_child", "adoptive_parent_child", "foster_parent_child",
                          "step_parent_child"})
SIBLING_TYPES = frozenset({"sibling", "half_sibling", "twin"})
# Ties that make someone part of the family tree (the genogram draws them).
FAMILY_TYPES = PARTNER_TYPES | PARENT_TYPES | SIBLING_TYPES | {"family"}
# Emotional lines of the genogram: a directed line in the danger colour.
DANGER_QUALITIES = frozenset({"violence", "abuse_physical", "abuse_emotional", "abuse_sexual",
                              "neglect", "controlling"})
MAX_PARENTS = 4  # birth parents and one pair of adoptive or foster parents
MAX_BIRTH_PARENTS = 2


@dataclass(frozen=True)
class MapPerson:
    id: str
    name: str
    gender: str | None = None
    birth_date: str | None = None
    deceased: bool = False
    index_person: bool = False
    circle: str | None = None
    ring: int | None = None
    role: str | None = None
    genogram_at: tuple[int, int] | None = None  # where the worker put them (map_x, map_y)
    ecogram_at: tuple[int, int] | None = None  # (eco_x, eco_y)

    @property
    def household(self) -> bool:
        return self.circle == "household"


@dataclass(frozen=True)
class MapTie:
    id: str
    a: str  # from_person_id (the parent, for a parent-child tie)
    b: str  # to_person_id
    type: str | None = None
    quality: str | None = None
    direction: str | None = None
    support: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    according_to: str | None = None

    # Known means offered by the registry as it is now: a laptop one release behind draws a
    # newer laptop's type or band as a plain line and says so.
    @property
    def known_type(self) -> bool:
        return self.type is None or self.type in _choices("type")

    @property
    def known_quality(self) -> bool:
        return self.quality is None or self.quality in _choices("quality")


def _choices(field_name: str) -> tuple[str, ...]:
    return KINDS["relationship"].fields[field_name].choices or ()


@dataclass(frozen=True)
class Problem:
    """Something the map cannot draw as recorded. `code` is one of: missing_person,
    self_tie, parent_loop, too_many_parents, unknown_type, unknown_quality."""

    code: str
    record_id: str
    person_id: str | None = None


@dataclass
class NetworkModel:
    people: dict[str, MapPerson] = field(default_factory=dict)  # in a stable order
    ties: list[MapTie] = field(default_factory=list)  # only ties between two present people
    problems: list[Problem] = field(default_factory=list)

    def parents_of(self, person_id: str) -> list[tuple[str, str]]:
        """(parent id, tie type) of every parent tie of `person_id` that the map draws."""
        return [(t.a, t.type or "") for t in self.ties
                if t.type in PARENT_TYPES and t.b == person_id]

    def partners(self) -> list[MapTie]:
        return [t for t in self.ties if t.type in PARTNER_TYPES]

    def problem_ids(self) -> frozenset[str]:
        return frozenset(p.record_id for p in self.problems)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _pos(fields: Mapping[str, Any], x: str, y: str) -> tuple[int, int] | None:
    px, py = _int(fields.get(x)), _int(fields.get(y))
    return (px, py) if px is not None and py is not None else None


def person_from(record_id: str, fields: Mapping[str, Any]) -> MapPerson:
    ring = _int(fields.get("ring"))
    return MapPerson(
        id=record_id,
        name=str(fields.get("name") or ""),
        gender=fields.get("gender") if isinstance(fields.get("gender"), str) else None,
        birth_date=fields.get("birth_date") if isinstance(fields.get("birth_date"), str)
        else None,
        deceased=fields.get("deceased") is True,
        index_person=fields.get("index_person") is True,
        circle=fields.get("circle") if isinstance(fields.get("circle"), str) else None,
        ring=ring if ring in (1, 2, 3) else None,
        role=fields.get("role") if isinstance(fields.get("role"), str) else None,
        genogram_at=_pos(fields, "map_x", "map_y"),
        ecogram_at=_pos(fields, "eco_x", "eco_y"),
    )


def tie_from(record_id: str, fields: Mapping[str, Any]) -> MapTie:
    def text(name: str) -> str | None:
        value = fields.get(name)
        return value if isinstance(value, str) else None

    support = fields.get("support")
    return MapTie(
        id=record_id, a=text("from_person_id") or "", b=text("to_person_id") or "",
        type=text("type"), quality=text("quality"), direction=text("direction"),
        support=tuple(s for s in support if isinstance(s, str))
        if isinstance(support, list) else (),
        since=text("since"), until=text("until"), according_to=text("according_to"),
    )


def build(people: Iterable[Any], ties: Iterable[Any]) -> NetworkModel:
    """The model of live `person` and `relationship` records (objects with id, fields and
    deleted, as sync.protocol.Record), people ordered by id so the result is deterministic."""
    model = NetworkModel()
    for record in sorted(people, key=lambda r: r.id):
        if not record.deleted:
            model.people[record.id] = person_from(record.id, record.fields)
    for record in sorted(ties, key=lambda r: r.id):
        if record.deleted:
            continue
        tie = tie_from(record.id, record.fields)
        if tie.a not in model.people or tie.b not in model.people:
            missing = tie.a if tie.a not in model.people else tie.b
            model.problems.append(Problem("missing_person", tie.id, missing or None))
            continue
        if tie.a == tie.b:
            model.problems.append(Problem("self_tie", tie.id, tie.a))
            continue
        if not tie.known_type:
            model.problems.append(Problem("unknown_type", tie.id))
        if not tie.known_quality:
            model.problems.append(Problem("unknown_quality", tie.id))
        model.ties.append(tie)
    _check_parents(model)
    return model


def _check_parents(model: NetworkModel) -> None:
    """Too many parents, and parent-child loops: the loop's ties stay drawn as plain lines
    but are left out of the generations (the layout must end)."""
    for person_id in model.people:
        parents = model.parents_of(person_id)
        birth = [p for p, kind in parents if kind == "parent_child"]
        if len(birth) > MAX_BIRTH_PARENTS or len(parents) > MAX_PARENTS:
            model.problems.append(Problem("too_many_parents", person_id, person_id))
    for tie_id in loop_ties(model):
        tie = next(t for t in model.ties if t.id == tie_id)
        model.problems.append(Problem("parent_loop", tie_id, tie.b))


def loop_ties(model: NetworkModel) -> list[str]:
    """The parent ties that close a loop (a person their own ancestor), found by a depth-first
    walk in a fixed order: leaving them out makes the parent graph acyclic."""
    children: dict[str, list[MapTie]] = {}
    for tie in model.ties:
        if tie.type in PARENT_TYPES:
            children.setdefault(tie.a, []).append(tie)
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    closing: list[str] = []
    for root in model.people:
        if state.get(root):
            continue
        state[root] = 1
        stack: list[tuple[str, int]] = [(root, 0)]
        while stack:
            node, index = stack[-1]
            edges = children.get(node, [])
            if index >= len(edges):
                state[node] = 2
                stack.pop()
                continue
            stack[-1] = (node, index + 1)
            tie = edges[index]
            seen = state.get(tie.b, 0)
            if seen == 1:
                closing.append(tie.id)
            elif seen == 0:
                state[tie.b] = 1
                stack.append((tie.b, 0))
    return closing


# -- whose view ------------------------------------------------------------------------------


def viewpoints(model: NetworkModel) -> list[str]:
    """Everyone whose view some tie records (`according_to`: a person id or "worker")."""
    return sorted({t.according_to for t in model.ties if t.according_to})


def seen_by(model: NetworkModel, who: str | None) -> NetworkModel:
    """The map as `who` sees it: their ties and the ties nobody claimed (None: all views)."""
    if who is None:
        return model
    return NetworkModel(
        people=model.people,
        ties=[t for t in model.ties if t.according_to in (None, who)],
        problems=model.problems,
    )


def disputed(model: NetworkModel) -> frozenset[str]:
    """Ties of one pair of people recorded differently by different people: the map marks
    them, so that the worker sees where the family's views part."""
    pairs: dict[frozenset[str], list[MapTie]] = {}
    for tie in model.ties:
        pairs.setdefault(frozenset((tie.a, tie.b)), []).append(tie)
    out: set[str] = set()
    for ties in pairs.values():
        claimed = [t for t in ties if t.according_to]
        owners = {t.according_to for t in claimed}
        looks = {(t.type, t.quality, t.direction) for t in claimed}
        if len(owners) > 1 and len(looks) > 1:
            out.update(t.id for t in claimed)
    return frozenset(out)
