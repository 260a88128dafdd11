"""The registry as the previous release had it, one release before the network map and the
plan review (design.md, "Contract additions"), and a way to run this code with it.

The previous release is built from today's registry by taking away what that release added,
so the two cannot drift apart by accident: every field, kind and choice not named here is
one the previous release had too.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace

from sync import schema
from sync.schema import KindSpec

# What the release added, as design.md's "Contract additions" lists it.
ADDED_KINDS = frozenset({"map_snapshot", "plan_version"})
ADDED_FIELDS = {
    "person": frozenset({"index_person", "ring", "eco_x", "eco_y"}),
    "relationship": frozenset({"since", "until", "according_to"}),
    "plan_item": frozenset({"part", "addresses"}),
}
ADDED_CHOICES = {
    ("relationship", "type"): frozenset({
        "married", "cohabiting", "separated", "divorced", "adoptive_parent_child",
        "foster_parent_child", "step_parent_child", "half_sibling", "twin", "colleague",
    }),
    ("relationship", "quality"): frozenset({
        "close", "fused", "distant", "hostile", "abuse_physical", "abuse_emotional",
        "abuse_sexual", "neglect", "controlling",
    }),
    ("plan_item", "section"): frozenset({"child_voice", "next_step"}),
}


def previous_registry(current: Mapping[str, KindSpec] | None = None) -> dict[str, KindSpec]:
    """The previous release's KINDS, made from `current` (today's registry by default)."""
    current = dict(current if current is not None else schema.KINDS)
    out: dict[str, KindSpec] = {}
    for name, spec in current.items():
        if name in ADDED_KINDS:
            continue
        fields = {}
        for fname, f in spec.fields.items():
            if fname in ADDED_FIELDS.get(name, ()):
                continue
            added = ADDED_CHOICES.get((name, fname))
            if added:
                f = replace(f, choices=tuple(c for c in f.choices or () if c not in added))
            fields[fname] = f
        out[name] = replace(spec, fields=fields)
    return out


@contextmanager
def one_release_behind() -> Iterator[dict[str, KindSpec]]:
    """Everything in this process reads the previous release's registry until the block
    ends: the store, the sync engine, the desktop, and a service made in it.

    The registry is swapped in place, so every module that imported `KINDS` sees it; the
    code under test is today's, run as if its registry were one release older. The store's
    tables keep today's columns: a field the registry does not declare is no column to the
    code, as on a laptop whose migrations never made one.
    """
    today = dict(schema.KINDS)
    older = previous_registry(today)
    schema.KINDS.clear()
    schema.KINDS.update(older)
    try:
        yield older
    finally:
        schema.KINDS.clear()
        schema.KINDS.update(today)
