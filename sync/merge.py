"""The three-way merge of design.md, as pure functions (no I/O, no clock, no database).

The service runs `merge_change` for every pushed change against the record as it has it
now; the laptop uses `rebase_local` when a pulled record meets unpushed local edits.
A winner is never decided by a device's clock: values are compared, never timestamps.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Literal

from sync.protocol import DELETED
from sync.schema import kind_spec

FieldOutcome = Literal["unchanged", "applied", "merged", "conflict"]


def _hunks(base: list[str], other: list[str]) -> list[tuple[int, int, list[str]]]:
    """The changed regions of `other` against `base`: (base_start, base_end, new lines)."""
    matcher = SequenceMatcher(a=base, b=other, autojunk=False)
    return [
        (i1, i2, other[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def merge_lines(base: list[str], ours: list[str], theirs: list[str]) -> list[str] | None:
    """A small diff3 on difflib: merge two edits of `base`, or None where they clash.

    Hunks of the two sides that overlap *or touch* (edits to adjacent lines, or inserts at
    the same place) do not merge unless both sides made the very same edit, as Joplin does:
    word-level or adjacent-line merges silently duplicate or garble text.
    """
    events = sorted(
        [(s, e, 0, rep) for s, e, rep in _hunks(base, ours)]
        + [(s, e, 1, rep) for s, e, rep in _hunks(base, theirs)],
        key=lambda h: (h[0], h[1], h[2]),
    )
    out: list[str] = []
    pos = 0
    i = 0
    while i < len(events):
        group = [events[i]]
        end = events[i][1]
        j = i + 1
        while j < len(events) and events[j][0] <= end:
            group.append(events[j])
            end = max(end, events[j][1])
            j += 1
        ours_part = [(s, e, rep) for s, e, side, rep in group if side == 0]
        theirs_part = [(s, e, rep) for s, e, side, rep in group if side == 1]
        if ours_part and theirs_part:
            if ours_part != theirs_part:
                return None
            group_edits = ours_part
        else:
            group_edits = ours_part or theirs_part
        for s, e, rep in group_edits:
            out.extend(base[pos:s])
            out.extend(rep)
            pos = e
        i = j
    out.extend(base[pos:])
    return out


def merge_text(base: str | None, ours: str | None, theirs: str | None) -> str | None:
    """Three-way merge of free text by lines; None when the edits clash."""
    merged = merge_lines(
        (base or "").splitlines(keepends=True),
        (ours or "").splitlines(keepends=True),
        (theirs or "").splitlines(keepends=True),
    )
    return None if merged is None else "".join(merged)


def merge_field(
    mergeable: bool, base: Any, current: Any, incoming: Any, changed_since_base: bool = False
) -> tuple[FieldOutcome, Any]:
    """Rules 2-5 of design.md for one field: (outcome, the value the record should hold).

    `changed_since_base`: someone else changed the field after the device's base (rule 3's
    refinement in docs/protocol.md). A value that went back to the base is then no proof
    that nobody changed it: applying (or line-merging against that base) would undo the
    change in between, so it is a conflict.
    """
    if current == incoming:
        return "unchanged", current
    if current == base:
        if changed_since_base:
            return "conflict", current
        return "applied", incoming
    if mergeable and all(v is None or isinstance(v, str) for v in (base, current, incoming)):
        merged = merge_text(base, current, incoming)
        if merged is not None:
            return "merged", merged
    return "conflict", current


@dataclass
class FieldConflict:
    field: str | None  # None: delete versus edit
    base: Any
    kept: Any
    incoming: Any


@dataclass
class MergeOutcome:
    """What a change does to a record: its new fields and what happened, field by field."""

    fields: dict[str, Any]
    deleted: bool
    outcomes: dict[str, FieldOutcome] = field(default_factory=dict)
    conflicts: list[FieldConflict] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(o in ("applied", "merged") for o in self.outcomes.values())

    @property
    def status(self) -> Literal["applied", "merged", "conflict"]:
        if self.conflicts:
            return "conflict"
        if any(o == "merged" for o in self.outcomes.values()):
            return "merged"
        return "applied"


def merge_change(
    kind: str,
    current: Mapping[str, Any],
    base: Mapping[str, Any],
    incoming: Mapping[str, Any],
    changed_since_base: Collection[str] = frozenset(),
) -> MergeOutcome:
    """Apply the edit `incoming` (made against `base`) to a live record holding `current`.

    A field absent from `base` counts as null, as absent fields do everywhere.
    `changed_since_base` names the fields someone else changed after the change's base rev.
    """
    spec = kind_spec(kind)
    fields = dict(current)
    result = MergeOutcome(fields=fields, deleted=False)
    for name, value in incoming.items():
        mergeable = spec.fields[name].mergeable
        old = base.get(name)
        outcome, new_value = merge_field(
            mergeable, old, current.get(name), value, name in changed_since_base
        )
        result.outcomes[name] = outcome
        fields[name] = new_value
        if outcome == "conflict":
            result.conflicts.append(FieldConflict(name, old, current.get(name), value))
    return result


def merge_against_deleted(current: Mapping[str, Any], incoming: Mapping[str, Any]) -> MergeOutcome:
    """An edit to a record that was deleted elsewhere: a conflict, the tombstone stays."""
    edited = {**current, **incoming}
    return MergeOutcome(
        fields=dict(current),
        deleted=True,
        conflicts=[FieldConflict(None, None, DELETED, edited)],
    )


def merge_delete(
    current: Mapping[str, Any], current_rev: int, base_rev: int
) -> MergeOutcome:
    """A delete of a live record: applied if nobody changed it since `base_rev`, else a conflict."""
    if current_rev <= base_rev:
        return MergeOutcome(fields=dict(current), deleted=True, outcomes={"": "applied"})
    return MergeOutcome(
        fields=dict(current),
        deleted=False,
        conflicts=[FieldConflict(None, None, dict(current), DELETED)],
    )


def rebase_local(
    server_fields: Mapping[str, Any],
    local_fields: Mapping[str, Any],
    edited: set[str] | frozenset[str],
) -> dict[str, Any]:
    """A pulled record meeting unpushed local edits: the service's values for every field the
    worker did not edit, the worker's own for those they did (the next push merges them)."""
    out = dict(server_fields)
    for name in edited:
        out[name] = local_fields.get(name)
    return out
