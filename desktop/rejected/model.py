"""The rejected changes as a table model: one row per change kept on this laptop."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from desktop.i18n import local_time
from desktop.rejected.text import family, item, reason, summary
from desktop.table_model import RowTableModel
from storage.rejected import RejectedChange

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


class RejectedChangesModel(RowTableModel):
    FAMILY, ITEM, FIELDS, REASON, WHEN = range(5)

    def set_rows(self, rows: list[RejectedChange]) -> None:
        self.beginResetModel()
        # Newest first: what the worker just heard about in the status bar is on top.
        self._rows = sorted(rows, key=lambda r: r.rejected_at, reverse=True)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> RejectedChange:
        return self._rows[row]

    def headers(self) -> tuple[str, ...]:
        return (
            translate("RejectedChanges", "Family"),
            translate("RejectedChanges", "Item"),
            translate("RejectedChanges", "Fields"),
            translate("RejectedChanges", "Why not sent"),
            translate("RejectedChanges", "When"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        change = self.row_object(index)
        if change is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return change.change_id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == self.FAMILY:
            return family(change)
        if column == self.ITEM:
            return item(change)
        if column == self.FIELDS:
            return summary(change)
        if column == self.REASON:
            return reason(change.error_code)
        if column == self.WHEN:
            return local_time(change.rejected_at) or change.rejected_at
        return None
