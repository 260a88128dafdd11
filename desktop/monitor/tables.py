"""The numbers beside each chart: one row per bar, so a figure is also read, not only seen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from desktop.table_model import Index, RowTableModel


class FigureRow:
    __slots__ = ("cells", "key")

    def __init__(self, key: Any, cells: Sequence[str]) -> None:
        self.key = key
        self.cells = list(cells)


class FigureTableModel(RowTableModel):
    """Rows of text under fixed headers; each row keeps the key of the figure it shows."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)

    def headers(self) -> Sequence[str]:
        return self._headers

    def set_rows(self, rows: list[FigureRow], headers: Sequence[str] | None = None) -> None:
        self.beginResetModel()
        if headers is not None:
            self._headers = list(headers)
        self._rows = rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_object(index)
        if row is None or not 0 <= index.column() < len(row.cells):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def key_at(self, index: Index) -> Any:
        row = self.row_object(index)
        return None if row is None else row.key
