"""The parts of an export as a list the worker ticks: a ticked part goes in, an unticked
one is left out. Each row is one record, named by its kind and a scrubbed summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.casefile.labels import kind_label
from desktop.disclosure.common import Entry

Index = QModelIndex | QPersistentModelIndex


class EntriesModel(QAbstractListModel):
    left_out_changed = Signal(frozenset)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[Entry] = []
        self.left_out: frozenset[str] = frozenset()

    def show(self, entries: Sequence[Entry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            kind = kind_label(entry.kind)
            return f"{kind}: {entry.summary}" if entry.summary else kind
        if role == Qt.ItemDataRole.CheckStateRole:
            return (Qt.CheckState.Unchecked if entry.record_id in self.left_out
                    else Qt.CheckState.Checked)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        record_id = self.entries[index.row()].record_id
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.left_out = (self.left_out - {record_id}) if ticked else (self.left_out | {record_id})
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.left_out_changed.emit(self.left_out)
        return True
