"""The three-way merge of design.md, as pure functions (no I/O, no clock, no database).

The service runs `merge_change` for every pushed change against the record as it has it
now; the laptop uses `rebase_local` when a pulled record meets unpushed local edits.
A winner is never decided by a device's clock: values are compared, never timestamps.

Text is merged by lines with Myers' diff (O((N+M)·D) for D differing lines, after the
common start and end are taken off in linear time), counted in steps against a budget:
a merge that would cost more, or texts above MAX_MERGE_LINES, end as a conflict. difflib
was quadratic on repeated lines (a 71 KiB note took 36 s).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from sync.protocol import DELETED
from sync.schema import kind_spec

FieldOutcome = Literal["unchanged", "applied", "merged", "conflict"]


# Bounds of one text merge (docs/protocol.md, "Merge cost"). A merge that would take more
# is a conflict: a person decides, nothing is chosen silently.
MERGE_STEP_BUDGET = 1_000_000  # steps of the two line diffs together
MAX_MERGE_LINES = 300_000  # lines of base, ours and theirs together


class MergeBudget:
    """Counts the steps of the line diffs of one merge; past `limit` the merge gives up."""

    def __init__(self, limit: int = MERGE_STEP_BUDGET) -> None:
        self.limit = limit
        self.spent = 0

    def spend(self, steps: int) -> None:
        self.spent += steps
        if self.spent > self.limit:
            raise _TooCostly


class _TooCostly(Exception):
    pass


def _equal_blocks(a: list[int], b: list[int], budget: MergeBudget) -> list[tuple[int, int, int]]:
    """The runs both sequences share, as (a_start, b_start, length), in order: Myers' O(ND)
    greedy diff, after the common start and end are taken off in linear time."""
    n, m = len(a), len(b)
    head = 0
    while head < n and head < m and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and tail < m - head and a[n - 1 - tail] == b[m - 1 - tail]:
        tail += 1
    budget.spend(head + tail + 1)
    blocks = [(head + x, head + y, size)
              for x, y, size in _myers(a[head:n - tail], b[head:m - tail], budget)]
    if head:
        blocks.insert(0, (0, 0, head))
    if tail:
        blocks.append((n - tail, m - tail, tail))
    return blocks


def _myers(a: list[int], b: list[int], budget: MergeBudget) -> list[tuple[int, int, int]]:
    n, m = len(a), len(b)
    if not n or not m:
        return []
    v = {1: 0}
    trace: list[dict[int, int]] = []
    for d in range(n + m + 1):
        trace.append(dict(v))
        budget.spend(d + 1)
        for k in range(-d, d + 1, 2):
            if k == -d or (k != d and v[k - 1] < v[k + 1]):
                x = v[k + 1]
            else:
                x = v[k - 1] + 1
            y = x - k
            start = x
            while x < n and y < m and a[x] == b[y]:
                x += 1
                y += 1
            budget.spend(x - start)
            v[k] = x
            if x >= n and y >= m:
                return _backtrack(trace, n, m)
    raise AssertionError("Myers' diff ends by d = n + m")  # pragma: no cover


def _backtrack(trace: list[dict[int, int]], n: int, m: int) -> list[tuple[int, int, int]]:
    blocks: list[tuple[int, int, int]] = []
    x, y = n, m
    for d in range(len(trace) - 1, -1, -1):
        v = trace[d]
        k = x - y
        if k == -d or (k != d and v[k - 1] < v[k + 1]):
            prev_k = k + 1
        else:
            prev_k = k - 1
        prev_x = v[prev_k]
        prev_y = prev_x - prev_k
        # The snake of round d runs from its move's end diagonally up to (x, y).
        run_x, run_y = (prev_x, prev_y + 1) if prev_k == k + 1 else (prev_x + 1, prev_y)
        if d == 0:
            run_x, run_y = 0, 0
        size = x - run_x
        if size > 0:
            blocks.append((run_x, run_y, size))
        x, y = prev_x, prev_y
    blocks.reverse()
    return blocks


def _hunks(base: list[int], other: list[int], budget: MergeBudget
           ) -> list[tuple[int, int, int, int]]:
    """The changed regions of `other` against `base`: (base_start, base_end, other_start,
    other_end)."""
    out = []
    i = j = 0
    for x, y, size in [*_equal_blocks(base, other, budget), (len(base), len(other), 0)]:
        if i < x or j < y:
            out.append((i, x, j, y))
        i, j = x + size, y + size
    return out


def merge_lines(
    base: list[str], ours: list[str], theirs: list[str], budget: MergeBudget | None = None
) -> list[str] | None:
    """A small diff3: merge two edits of `base`, or None where they clash or where the
    diffs would cost more than `budget` (or the texts exceed MAX_MERGE_LINES).

    Hunks of the two sides that overlap *or touch* (edits to adjacent lines, or inserts at
    the same place) do not merge unless both sides made the very same edit, as Joplin does:
    word-level or adjacent-line merges silently duplicate or garble text.
    """
    if len(base) + len(ours) + len(theirs) > MAX_MERGE_LINES:
        return None
    budget = budget or MergeBudget()
    # Lines as small ints: the diff compares numbers, not strings.
    ids: dict[str, int] = {}
    as_ids = [[ids.setdefault(line, len(ids)) for line in text] for text in (base, ours, theirs)]
    try:
        ours_hunks = _hunks(as_ids[0], as_ids[1], budget)
        theirs_hunks = _hunks(as_ids[0], as_ids[2], budget)
    except _TooCostly:
        return None
    events = sorted(
        [(s, e, 0, ours[j:y]) for s, e, j, y in ours_hunks]
        + [(s, e, 1, theirs[j:y]) for s, e, j, y in theirs_hunks],
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


def merge_text(
    base: str | None, ours: str | None, theirs: str | None, budget: MergeBudget | None = None
) -> str | None:
    """Three-way merge of free text by lines; None when the edits clash or the merge would
    cost more than its budget (a conflict, never a silent choice)."""
    merged = merge_lines(
        (base or "").splitlines(keepends=True),
        (ours or "").splitlines(keepends=True),
        (theirs or "").splitlines(keepends=True),
        budget,
    )
    return None if merged is None else "".join(merged)


TextMerger = Callable[[str | None, str | None, str | None], str | None]


def merge_field(
    mergeable: bool, base: Any, current: Any, incoming: Any,
    text_merger: TextMerger | None = None, changed_since_base: bool = False,
    changed_back: bool = False,
) -> tuple[FieldOutcome, Any]:
    """Rules 2-5 of design.md for one field: (outcome, the value the record should hold).

    `changed_since_base`: someone else changed the field after the device's base (rule 3's
    refinement in docs/protocol.md). A value that went back to the base is then no proof
    that nobody changed it: applying (or line-merging against that base) would undo the
    change in between, so it is a conflict.

    `changed_back`: the device's worker changed the field and changed it back before the
    push (it comes with its base). That is an edit like any other: written where it meets
    the base, so that a device that did not see it gets a conflict by the field's rev; a
    conflict where someone else changed the field meanwhile, never a line merge that would
    take their side because this side's lines look untouched.
    """
    if changed_back:
        return ("applied", current) if current == incoming else ("conflict", current)
    if current == incoming:
        return "unchanged", current
    if current == base:
        if changed_since_base:
            return "conflict", current
        return "applied", incoming
    if mergeable and all(v is None or isinstance(v, str) for v in (base, current, incoming)):
        merged = (text_merger or merge_text)(base, current, incoming)
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
    text_merger: TextMerger | None = None,
    changed_since_base: Collection[str] = frozenset(),
) -> MergeOutcome:
    """Apply the edit `incoming` (made against `base`) to a live record holding `current`.

    A field absent from `base` counts as null, as absent fields do everywhere. The service
    passes `text_merger` to use line merges it computed before taking its write lock.
    `changed_since_base` names the fields someone else changed after the change's base rev.
    """
    spec = kind_spec(kind)
    fields = dict(current)
    result = MergeOutcome(fields=fields, deleted=False)
    for name, value in incoming.items():
        mergeable = spec.fields[name].mergeable
        old = base.get(name)
        outcome, new_value = merge_field(
            mergeable, old, current.get(name), value, text_merger, name in changed_since_base,
            # A record of an immutable kind is never edited: its values again are rule 2.
            changed_back=not spec.immutable and name in base and old == value,
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
