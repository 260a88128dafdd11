"""The conflict inbox as a table model: one row per open conflict.

Rows are read off the UI thread (`load_inbox`) and handed to `ConflictInboxModel.set_rows`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.casefile.labels import field_label, kind_label  # the one place for them
from desktop.colleagues import Names, read_names
from desktop.i18n import local_time
from desktop.table_model import RowTableModel
from sync.protocol import Conflict

Index = QModelIndex | QPersistentModelIndex


translate = QCoreApplication.translate


def who(user_id: str | None, me: str | None, names: Names | None = None) -> str:
    """"you", or the colleague by the team directory's name (desktop/colleagues.py)."""
    if not user_id:
        return translate("ConflictInbox", "unknown")
    if user_id == me:
        return translate("ConflictInbox", "you")
    return (names or Names()).colleague(user_id)


@dataclass(frozen=True)
class InboxRow:
    conflict: Conflict
    case_title: str
    me: str | None = None  # this laptop's user id
    names: Names | None = None

    @property
    def kept_by(self) -> str:
        return who(self.conflict.kept_by, self.me, self.names)

    @property
    def incoming_by(self) -> str:
        return who(self.conflict.incoming_by, self.me, self.names)


def load_inbox(store: Any) -> list[InboxRow]:
    """Every open conflict with the title of its case (runs through StoreSession.query)."""
    titles: dict[str, str] = {}
    user = store.get_setting("user") or {}
    me = user.get("id") if isinstance(user, dict) else None
    names = read_names(store)
    rows = []
    for conflict in store.list_conflicts(open_only=True):
        if conflict.case_id not in titles:
            case = store.get_record(conflict.case_id)
            titles[conflict.case_id] = str(case.fields.get("title") or "") if case else ""
        rows.append(InboxRow(conflict, titles[conflict.case_id], me, names))
    rows.sort(key=lambda r: r.conflict.created_at, reverse=True)
    return rows


class ConflictInboxModel(RowTableModel):
    CASE, ITEM, FIELD, KEPT_BY, INCOMING_BY, WHEN = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)

    def set_rows(self, rows: list[InboxRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> InboxRow:
        return self._rows[row]

    def headers(self) -> tuple[str, ...]:
        return (
            translate("ConflictInbox", "Case"),
            translate("ConflictInbox", "Item"),
            translate("ConflictInbox", "Field"),
            translate("ConflictInbox", "Kept (by)"),
            translate("ConflictInbox", "Came in (from)"),
            translate("ConflictInbox", "When"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        c = row.conflict
        if role == Qt.ItemDataRole.UserRole:
            return c.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == self.CASE:
            return row.case_title
        if column == self.ITEM:
            return kind_label(c.kind)
        if column == self.FIELD:
            if c.field is None:
                return translate("ConflictInbox", "deleted on one side")
            return field_label(c.field, c.kind)
        if column == self.KEPT_BY:
            return row.kept_by
        if column == self.INCOMING_BY:
            return row.incoming_by
        if column == self.WHEN:
            return local_time(c.created_at) or c.created_at
        return None
