"""The timeline of a case as a table: when, what happened (told as a sentence), by whom.

The sentences name what the laptop knows: the person's name for a person id, the task's title,
the visit's date; "you" for the worker; a colleague by the name the team directory gives
(desktop/colleagues.py), "a colleague" only for an id it does not know."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.casefile.labels import field_label, kind_label
from desktop.casefile.records_model import display_value
from desktop.colleagues import Names, named_value
from desktop.table_model import RowTableModel
from sync.schema import SchemaError

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate

WHEN, WHAT, BY = range(3)


def _when(at: str | None) -> str:
    if not at:
        return ""
    moment = QDateTime.fromString(at, Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        moment = QDateTime.fromString(at, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return at
    return QLocale().toString(moment.toLocalTime(), "dd-MM-yyyy HH:mm")


def _values(entry: Any, story: Story) -> str:
    """The new values of a change, one field a line (shown on request, as a tooltip); user
    and team ids by name, never the ids."""
    lines = []
    for name, value in (getattr(entry, "changes", None) or {}).items():
        try:
            shown = (named_value(entry.kind, name, value, story.names, story.person_names)
                     or display_value(entry.kind, name, value))
        except SchemaError:
            continue  # a field this version does not know: leave it out
        lines.append(f"{field_label(name, entry.kind)}: {shown}")
    return "\n".join(lines)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _listed(words: list[str]) -> str:
    """"a, b and c" in the current language."""
    if len(words) <= 1:
        return "".join(words)
    return translate("Timeline", "%1 and %2").replace("%1", ", ".join(words[:-1])).replace(
        "%2", words[-1])


class Story:
    """Turns history entries into sentences, knowing the case's records and the worker."""

    def __init__(self, records: Iterable[Any] = (), user: dict[str, Any] | None = None,
                 names: Names | None = None) -> None:
        self.records = {r.id: r for r in records}
        self.user = user or {}
        self.names = names or Names()
        self.person_names = {i: r.fields["name"] for i, r in self.records.items()
                             if r.kind == "person" and r.fields.get("name")}

    def _name(self, person_id: Any) -> str | None:
        record = self.records.get(person_id) if isinstance(person_id, str) else None
        return (record.fields.get("name") or None) if record is not None else None

    def subject(self, kind: str, record_id: str, changes: dict[str, Any]) -> str:
        """What the entry is about, as it reads inside a sentence ("task 'Bellen'")."""
        record = self.records.get(record_id)
        fields = {**(record.fields if record is not None else {}), **changes}
        if kind == "person":
            return fields.get("name") or translate("Timeline", "a person")
        if kind == "task":
            return translate("Timeline", "task '%1'").replace("%1", fields.get("title") or "")
        if kind == "visit":
            if fields.get("date"):
                return translate("Timeline", "home visit of %1").replace(
                    "%1", display_value("visit", "date", fields["date"]))
            return translate("Timeline", "a home visit")
        if kind == "case":
            return translate("Timeline", "the case")
        if kind == "safety_plan":
            return translate("Timeline", "the safety plan")
        if kind == "plan_item":
            return translate("Timeline", "a point in the plan")
        if kind == "relationship":
            a, b = self._name(fields.get("from_person_id")), self._name(fields.get("to_person_id"))
            if a and b:
                return translate("Timeline", "the relationship between %1 and %2").replace(
                    "%1", a).replace("%2", b)
            return translate("Timeline", "a relationship")
        if kind in ("consent", "scaling_score"):
            whose = self._name(fields.get("person_id"))
            if kind == "consent":
                return (translate("Timeline", "consent of %1").replace("%1", whose) if whose
                        else translate("Timeline", "a consent"))
            return (translate("Timeline", "the score of %1").replace("%1", whose) if whose
                    else translate("Timeline", "a score"))
        return kind_label(kind).lower()

    def assignee(self, value: Any) -> str:
        if value and value == self.user.get("id"):
            return translate("Timeline", "you", "assigned to you")
        return self._name(value) or self.names.colleague(value)

    def sentence(self, entry: Any, first: bool) -> str:
        """`first`: the entry is the earliest the timeline has of its record."""
        changes = dict(getattr(entry, "changes", None) or {})
        about = self.subject(entry.kind, entry.record_id, changes)
        action = entry.action
        if action == "sync":  # the service's copy: added when it is new here, else changed
            action = "create" if first else "update"
        if action == "create":
            if entry.kind == "case":
                return translate("Timeline", "Case created")
            return translate("Timeline", "%1 added").replace("%1", _capital(about))
        if action == "delete":
            return translate("Timeline", "%1 removed").replace("%1", _capital(about))
        if action == "conflict":
            return translate("Timeline", "Conflict about %1").replace("%1", about)
        if action == "resolve":
            return translate("Timeline", "Conflict about %1 resolved").replace("%1", about)
        if action == "merged":
            return translate("Timeline", "%1: both versions merged").replace(
                "%1", _capital(about))
        return self._changed(entry.kind, about, changes)

    def _changed(self, kind: str, about: str, changes: dict[str, Any]) -> str:
        said: list[str] = []
        if kind == "task" and "assignee_id" in changes:
            who = changes.pop("assignee_id")
            said.append(
                translate("Timeline", "%1 assigned to %2").replace("%1", _capital(about))
                .replace("%2", self.assignee(who)) if who
                else translate("Timeline", "%1 no longer assigned").replace(
                    "%1", _capital(about)))
        if kind == "task" and "done" in changes:
            done = changes.pop("done")
            said.append((translate("Timeline", "%1 done") if done
                         else translate("Timeline", "%1 open again")).replace(
                "%1", _capital(about)))
        if changes or not said:
            names = list(dict.fromkeys(field_label(n, kind) for n in changes))
            fields = _listed([names[0]] + [n[:1].lower() + n[1:] for n in names[1:]]) \
                if names else kind_label(kind)
            said.append(translate("Timeline", "%1 of %2 changed").replace(
                "%1", fields).replace("%2", about))
        return "; ".join(said)

    def who(self, entry: Any) -> str:
        by = getattr(entry, "by", None)
        if by and by == self.user.get("id"):
            return translate("Timeline", "you", "who made the change")
        if by:
            return self.names.colleague(by)
        if getattr(entry, "source", "") == "local":
            return translate("Timeline", "this laptop")
        return translate("Timeline", "the service")


class TimelineModel(RowTableModel):
    """Rows are the store's history entries of one case, newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._story = Story()
        self._first: set[int] = set()  # rows that are the earliest entry of their record
        self._headers = (
            translate("Timeline", "When"), translate("Timeline", "What happened"),
            translate("Timeline", "By"),
        )

    def set_entries(self, entries: Sequence[Any], records: Iterable[Any] = (),
                    user: dict[str, Any] | None = None, names: Names | None = None) -> None:
        self.beginResetModel()
        self._story = Story(records, user, names)
        seen: set[str] = set()
        first: list[bool] = []
        for entry in entries:
            first.append(entry.record_id not in seen)
            seen.add(entry.record_id)
        self._rows = list(reversed(entries))
        self._first = {len(entries) - 1 - i for i, is_first in enumerate(first) if is_first}
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == WHAT:
            # The whole sentence (a narrow column elides it), then the new values.
            sentence = self._story.sentence(entry, index.row() in self._first)
            return "\n".join(filter(None, (sentence, _values(entry, self._story))))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == WHEN:
            return _when(getattr(entry, "at", None))
        if column == WHAT:
            return self._story.sentence(entry, index.row() in self._first)
        if column == BY:
            return self._story.who(entry)
        return None
