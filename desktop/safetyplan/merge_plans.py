"""Two live plans in one case (made on two laptops at once) merged into the one shown.

The other plan's lines move to the plan shown (their ids stay, so what met a condition still
meets it and a score still follows its danger statement), after the shown plan's last line
in each part and in their own order. A part of the plan the shown one has no words for takes
the other's words; where both have different words the other's are added below, so nothing
the family said is dropped. Then the other plan is removed. One undo step brings it all back
as it was: the other plan under its own id, its lines with their old places.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoCommand

from desktop.safetyplan.commands import Ids, PlanWriter
from desktop.safetyplan.positions import key_between, sort_key
from sync.protocol import Record
from sync.schema import KINDS

# The plan's own words (the team lead's comment belongs to a decision, not to the words).
MERGED_FIELDS = tuple(name for name, f in KINDS["safety_plan"].fields.items()
                      if f.type == "text" and name != "review_comment")


@dataclass(frozen=True)
class PlanMerge:
    moves: tuple[tuple[str, dict[str, Any], dict[str, Any]], ...]  # (line, old, new)
    plan_old: dict[str, Any]  # the shown plan's fields the merge changes, before
    plan_new: dict[str, Any]  # and after


def _joined(kept: Any, other: Any) -> Any:
    if not other or other == kept:
        return kept
    if not kept:
        return other
    return f"{kept}\n\n{other}"


def plan_merge(kept: Record, other: Record, kept_items: Iterable[Record],
               other_items: Iterable[Record], salt: str) -> PlanMerge:
    """What merging `other` into `kept` changes. Pure: the same plans give the same merge."""
    def ordered(items: Iterable[Record]) -> list[Record]:
        return sorted((i for i in items if not i.deleted),
                      key=lambda i: sort_key(i.fields.get("position"), i.id))

    last: dict[str, Any] = {}
    for item in ordered(kept_items):
        last[str(item.fields.get("section"))] = item.fields.get("position")
    moves = []
    for item in ordered(other_items):
        section = str(item.fields.get("section"))
        position = key_between(last.get(section), None, salt)
        last[section] = position
        moves.append((item.id,
                      {"plan_id": item.fields.get("plan_id"),
                       "position": item.fields.get("position")},
                      {"plan_id": kept.id, "position": position}))
    plan_old, plan_new = {}, {}
    for name in MERGED_FIELDS:
        joined = _joined(kept.fields.get(name), other.fields.get(name))
        if joined != kept.fields.get(name):
            plan_old[name], plan_new[name] = kept.fields.get(name), joined
    return PlanMerge(tuple(moves), plan_old, plan_new)


def _apply(store: Any, ids: Ids, plan_id: str, moves: Iterable[tuple[str, Mapping[str, Any]]],
           plan_fields: Mapping[str, Any]) -> None:
    for item_id, fields in moves:
        store.update_record(ids.current(item_id), dict(fields))
    if plan_fields:
        store.update_record(plan_id, dict(plan_fields))


class MergePlans(QUndoCommand):
    """Merge the plan `other_id` into `kept_id`, as one undo step. The merge is worked out
    by the first write, against the plans as stored then; redo repeats exactly that."""

    def __init__(self, writer: PlanWriter, ids: Ids, kept_id: str, other_id: str, salt: str,
                 *, text: str) -> None:
        super().__init__(text)
        self.writer, self.ids, self.salt = writer, ids, salt
        self.kept_id, self.other_id = kept_id, other_id
        self.merge: PlanMerge | None = None  # set by the first write (writes run in order)

    def redo(self) -> None:
        def merge(store: Any) -> None:
            if self.merge is None:
                items = store.list_records(kind="plan_item", case_id=self.writer.case_id)
                self.merge = plan_merge(
                    store.get_record(self.kept_id), store.get_record(self.other_id),
                    [i for i in items if i.fields.get("plan_id") == self.kept_id],
                    [i for i in items if i.fields.get("plan_id") == self.other_id], self.salt)
            _apply(store, self.ids, self.kept_id,
                   [(line, new) for line, _old, new in self.merge.moves], self.merge.plan_new)
            store.delete_record(self.other_id)

        self.writer.run(merge)

    def undo(self) -> None:
        def unmerge(store: Any) -> None:
            # First: once a sync has sent the removal the store refuses, and the lines stay
            # in the plan shown rather than in a plan that is gone.
            store.restore_record(self.other_id)
            if self.merge is None:
                return
            _apply(store, self.ids, self.kept_id,
                   [(line, old) for line, old, _new in self.merge.moves], self.merge.plan_old)

        self.writer.run(unmerge)
