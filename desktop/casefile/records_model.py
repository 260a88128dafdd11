"""A table model over records of one kind in one case (people, visits, tasks, consent).

Each tab says which columns it shows and how rows are ordered; the model keeps the rows in
that order as records are loaded, saved, created or deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from desktop.casefile.labels import LABELLED_FREE_FIELDS, choice_label, field_label
from desktop.table_model import RowTableModel
from sync.protocol import Record
from sync.schema import field_spec

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: a field of the record, or a computed text when `text` is given."""

    field: str
    header: str | None = None
    text: Callable[[Record], str] | None = None


def display_value(kind: str, field: str, value: Any) -> str:
    """A stored value as the worker reads it."""
    if value is None:
        return ""
    spec = field_spec(kind, field)
    if spec.type == "bool":
        return "✓" if value else ""
    if spec.type == "date":
        year, month, day = str(value).split("-")
        return f"{day}-{month}-{year}"
    if spec.type == "list[str]":
        return ", ".join(choice_label(v) if spec.choices else v for v in value)
    if spec.choices or (kind, field) in LABELLED_FREE_FIELDS:
        return choice_label(value)
    if spec.type == "text":
        return str(value).split("\n", 1)[0]  # the first line; the form shows the rest
    return str(value)


class RecordTableModel(RowTableModel):
    RecordRole = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self,
        kind: str,
        columns: Sequence[Column],
        sort_key: Callable[[Record], Any],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.columns = list(columns)
        self._sort_key = sort_key

    # -- Qt model API -----------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column.text is not None:
                return column.text(record)
            return display_value(self.kind, column.field, record.fields.get(column.field))
        if role == self.RecordRole:
            return record.id
        return None

    def headers(self) -> list[str]:
        return [c.header or field_label(c.field, self.kind) for c in self.columns]

    # -- keeping the rows -------------------------------------------------------------------

    def set_records(self, records: Sequence[Record]) -> None:
        self.beginResetModel()
        self._rows = sorted((r for r in records if not r.deleted), key=self._sort_key)
        self.endResetModel()

    def records(self) -> list[Record]:
        return list(self._rows)

    def record(self, row: int) -> Record | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: str) -> int:
        for row, record in enumerate(self._rows):
            if record.id == record_id:
                return row
        return -1

    def upsert(self, record: Record) -> int:
        """Put a created or saved record in its place; returns its row."""
        if record.deleted:
            self.remove(record.id)
            return -1
        old = self.row_of(record.id)
        if old >= 0:
            self._rows[old] = record
            new = self._target_row(record, skip=old)
            if new != old:
                dest = new + 1 if new > old else new
                self.beginMoveRows(QModelIndex(), old, old, QModelIndex(), dest)
                self._rows.insert(new, self._rows.pop(old))
                self.endMoveRows()
            top, bottom = self.index(new, 0), self.index(new, len(self.columns) - 1)
            self.dataChanged.emit(top, bottom)
            return new
        row = self._target_row(record, skip=-1)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, record)
        self.endInsertRows()
        return row

    def remove(self, record_id: str) -> None:
        row = self.row_of(record_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def _target_row(self, record: Record, skip: int) -> int:
        """Where `record` belongs among the other rows (the row at `skip` left out)."""
        key = self._sort_key(record)
        others = [r for i, r in enumerate(self._rows) if i != skip]
        row = 0
        while row < len(others) and self._sort_key(others[row]) <= key:
            row += 1
        return row
