"""The part every flat table in the app shares: rows under fixed column headers.

Subclasses keep their rows in `_rows`, give their headers with `headers()` and answer `data()`;
row and column counts and the header data come from here, so every list (cases, people,
visits, the timeline, conflicts, a new household) behaves the same under Qt's model checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def row_object(self, index: Index) -> Any | None:
        """The row behind `index`, or None for an invalid or stale index."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.headers())

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = self.headers()
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(headers):
            return headers[section]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None
