"""The timeline of a case as a table: when, what changed, which fields, by whom."""

from __future__ import annotations

from collections.abc import Sequence
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
from desktop.table_model import RowTableModel
from sync.schema import SchemaError

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


def _action_label(action: str) -> str:
    labels = {
        "create": translate("Timeline", "added"),
        "update": translate("Timeline", "changed"),
        "delete": translate("Timeline", "removed"),
        "sync": translate("Timeline", "received by sync"),
        "applied": translate("Timeline", "received by sync"),
        "merged": translate("Timeline", "merged by sync"),
        "conflict": translate("Timeline", "in conflict"),
        "resolve": translate("Timeline", "conflict resolved"),
    }
    return labels.get(action, action)


def _when(at: str | None) -> str:
    if not at:
        return ""
    moment = QDateTime.fromString(at, Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        moment = QDateTime.fromString(at, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return at
    return QLocale().toString(moment.toLocalTime(), "dd-MM-yyyy HH:mm")


def _values(entry: Any) -> str:
    """The new values of a change, one field a line (shown on request, as a tooltip)."""
    lines = []
    for name, value in (getattr(entry, "changes", None) or {}).items():
        try:
            shown = display_value(entry.kind, name, value)
        except SchemaError:
            continue  # a field this version does not know: leave it out
        lines.append(f"{field_label(name, entry.kind)}: {shown}")
    return "\n".join(lines)


class TimelineModel(RowTableModel):
    """Rows are the store's history entries of one case, newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._user: dict[str, Any] = {}
        self._headers = (
            translate("Timeline", "When"), translate("Timeline", "What"),
            translate("Timeline", "Fields"), translate("Timeline", "By"),
        )

    def set_entries(self, entries: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(reversed(entries))
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return _values(entry)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        column = index.column()
        if column == 0:
            return _when(getattr(entry, "at", None))
        if column == 1:
            return f"{kind_label(entry.kind)} {_action_label(entry.action)}"
        if column == 2:
            # Which fields, not their values: the timeline says what changed, the tabs show it.
            changes = getattr(entry, "changes", None) or {}
            names = dict.fromkeys(field_label(name, entry.kind) for name in changes)
            return ", ".join(names)
        if column == 3:
            return self._who(entry)
        return None

    def set_user(self, user: dict[str, Any] | None) -> None:
        """The enrolled worker, whose own changes the timeline names by their name."""
        self._user = user or {}

    def _who(self, entry: Any) -> str:
        by = getattr(entry, "by", None)
        if by and by == self._user.get("id"):
            return str(self._user.get("display_name") or self._user.get("username") or by)
        if by:
            # Colleagues are known to the service by id only; a name is not ours to show.
            return translate("Timeline", "a colleague")
        if getattr(entry, "source", "") == "local":
            return translate("Timeline", "this laptop")
        return translate("Timeline", "the service")
