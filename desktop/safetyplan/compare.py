"""Two states of a plan compared part by part: what a version held (its `content`) against
another version or against the plan as it is now. Pure: the review queue and the version
comparison ask the same question."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop.casefile.labels import choice_label
from desktop.safetyplan.positions import sort_key
from desktop.safetyplan.review import content
from desktop.safetyplan.words import SECTIONS
from sync.protocol import Record
from sync.schema import kind_spec

TEXT_PARTS = ("harm", "worries", "complicating_factors", "working_well")
# Lists of the plan: one line each (person ids, shown as names on screen).
LIST_PARTS = ("agreed_by",)
# What a line is, for comparing: its place shows in the order, not in the key itself.
_IGNORED = frozenset({"position", "plan_id", "section"})
_CHOICES = frozenset(n for n, f in kind_spec("plan_item").fields.items() if f.choices)


@dataclass(frozen=True)
class PartDiff:
    part: str  # a text field of the plan, or a section of its lines
    before: tuple[str, ...]
    after: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _line(fields: dict[str, Any], conditions: dict[str, str]) -> str:
    """One line as text; the conditions it meets by their words, not their ids."""
    fields = {**fields, "addresses": [conditions.get(str(c), str(c))
                                      for c in fields.get("addresses") or []] or None}
    # A tick (done) reads as a mark, not as the English True/False; a choice (the room of a
    # child's words) as its words, not its code.
    fields = {k: ("✓" if v is True else None if v is False
                  else choice_label(v) if isinstance(v, str) and k in _CHOICES else v)
              for k, v in fields.items()}
    shown = {k: v for k, v in sorted(fields.items()) if k not in _IGNORED and v not in (None, "")}
    return " · ".join(str(v if not isinstance(v, list) else ", ".join(map(str, v)))
                      for v in shown.values())


def parts(plan_content: str | None) -> dict[str, tuple[str, ...]]:
    """A version's content as parts → lines (empty for no content or content that cannot
    be read, e.g. written by a newer app in another shape)."""
    try:
        data = json.loads(plan_content) if plan_content else {}
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    plan = data.get("plan") if isinstance(data.get("plan"), dict) else {}
    fields = plan.get("fields") if isinstance(plan.get("fields"), dict) else {}
    out: dict[str, tuple[str, ...]] = {
        part: tuple(str(fields.get(part) or "").splitlines()) for part in TEXT_PARTS
    }
    for part in LIST_PARTS:
        values = fields.get(part)
        out[part] = tuple(str(v) for v in values) if isinstance(values, list) else ()
    items = [i for i in data.get("items") or [] if isinstance(i, dict)
             and isinstance(i.get("fields"), dict)]
    items.sort(key=lambda i: sort_key(i["fields"].get("position"), str(i.get("id"))))
    conditions = {str(i.get("id")): str(i["fields"].get("text") or "").split("\n", 1)[0]
                  for i in items if i["fields"].get("section") == "condition"}
    for section in SECTIONS:
        out[section] = tuple(_line(i["fields"], conditions) for i in items
                             if i["fields"].get("section") == section)
    return out


def compare(before: str | None, after: str | None) -> list[PartDiff]:
    old, new = parts(before), parts(after)
    return [PartDiff(p, old.get(p, ()), new.get(p, ()))
            for p in (*TEXT_PARTS, *SECTIONS, *LIST_PARTS)]


def changed_since(version_content: str | None, plan: Record, items: Iterable[Record]
                  ) -> list[str]:
    """The parts of the plan as it is now that differ from what a version held."""
    now = content(plan, list(items))
    return [d.part for d in compare(version_content, now) if d.changed]
