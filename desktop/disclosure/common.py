"""What the inzage and the consult share: the worker's redactions, the result of a build,
and the one-line summary of a record for the list of things to leave out. No Qt."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.disclosure.labels import ExportWords
from sync.protocol import Record

# The order in which the kinds of records appear in an export.
SECTIONS = ("person", "relationship", "safety_plan", "plan_item", "plan_version", "visit",
            "scaling_score", "task", "consent", "map_snapshot")
SUMMARY_FIELDS = ("name", "title", "text", "purpose", "notes", "note", "date", "taken_on",
                  "version")
SUMMARY_LENGTH = 60


@dataclass(frozen=True)
class Redactions:
    """What the worker chose to hide on top of the rules: words (every place they occur)
    and whole records."""

    words: tuple[str, ...] = ()
    left_out: frozenset[str] = frozenset()

    def more_words(self, *words: str) -> Redactions:
        new = tuple(w.strip() for w in words if w.strip())
        return Redactions(tuple(dict.fromkeys((*self.words, *new))), self.left_out)

    def leaving_out(self, left_out: frozenset[str]) -> Redactions:
        return Redactions(self.words, frozenset(left_out))


NO_REDACTIONS = Redactions()


@dataclass(frozen=True)
class Entry:
    """One record that can be left out: its id, kind and a scrubbed summary."""

    record_id: str
    kind: str
    summary: str


@dataclass(frozen=True)
class Built:
    """An export's content (JSON-like, already scrubbed) and the records it holds."""

    what: str  # "inzage" or "consult"
    data: dict[str, Any]
    entries: list[Entry] = field(default_factory=list)
    # Person id -> the name the map shows (a role in a consult); empty: no map is drawn.
    map_names: dict[str, str] = field(default_factory=dict)


def summary(fields: dict[str, Any], clean: Callable[[str], str]) -> str:
    if fields.get("from_person_id") and fields.get("to_person_id") and not fields.get("note"):
        fields = {"text": f"{fields['from_person_id']} – {fields['to_person_id']}"}
    for name in SUMMARY_FIELDS:
        value = fields.get(name)
        if value not in (None, ""):
            text = " ".join(clean(str(value)).split())
            return text if len(text) <= SUMMARY_LENGTH else text[:SUMMARY_LENGTH - 1] + "…"
    return ""


def who(user_id: str | None, user: dict[str, Any] | None, words: ExportWords,
        colleagues: Mapping[str, str] | None = None) -> str:
    """The worker of this laptop or a colleague of the team directory by name; anyone the
    laptop does not know by a short part of their id, so the family can still ask who it
    was."""
    if user_id and user and user_id == user.get("id"):
        return str(user.get("display_name") or user.get("username") or user_id)
    if user_id and colleagues and colleagues.get(user_id):
        return colleagues[user_id]
    if user_id:
        return f"{words.colleague} ({user_id[:8]})"
    return words.this_laptop


def record_kinds(records: dict[str, list[Record]]) -> dict[str, str]:
    return {r.id: kind for kind, rows in records.items() for r in rows}
