"""The team lead's review queue: the submitted plans of their teams, oldest first, each with
the parts changed since its last approved version. Choosing one opens its plan."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.casefile.lifetime import while_alive
from desktop.operations import ChangeNotice, StoreSession
from desktop.safetyplan.queue_data import QueueRow, read_queue
from desktop.safetyplan.words import part_title
from desktop.table_model import RowTableModel

Index = QModelIndex | QPersistentModelIndex
QUEUE_KINDS = ("case", "safety_plan", "plan_item", "plan_version")


class ReviewQueueModel(RowTableModel):
    CaseRole = Qt.ItemDataRole.UserRole + 1

    def headers(self) -> Sequence[str]:
        return [self.tr("Family"), self.tr("Submitted"), self.tr("Version"),
                self.tr("Changed since the last approval")]

    def set_rows(self, rows: Sequence[QueueRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: Index) -> QueueRow | None:
        return self.row_object(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: QueueRow | None = self.row_object(index)
        if row is None:
            return None
        if role == self.CaseRole:
            return row.case_id
        if role == Qt.ItemDataRole.FontRole and index.column() == 3 and row.changed:
            font = QFont()
            font.setBold(True)  # the parts to look at first
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        column = index.column()
        if column == 0:
            return row.family
        if column == 1:
            day = row.submitted_at[:10]
            return "-".join(reversed(day.split("-"))) if day else ""
        if column == 2:
            return str(row.version)
        if row.changed is None:
            return self.tr("first version")
        if not row.changed:
            return self.tr("nothing")
        return ", ".join(part_title(p) for p in row.changed)


class ReviewQueueView(QWidget):
    """Hidden unless the user is a team lead with plans to review."""

    plan_chosen = Signal(str)  # case_id
    loaded = Signal()

    def __init__(self, session: StoreSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = ReviewQueueModel(self)
        self.title = QLabel(self.tr("Plans to review"), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Plans to review, oldest first"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        self.setVisible(False)
        session.changed.connect(self._on_changed)

    def load(self) -> None:
        self.session.query(read_queue, while_alive(self, self._loaded))

    def _loaded(self, rows: list[QueueRow]) -> None:
        self.model.set_rows(rows)
        self.setVisible(bool(rows))
        self.loaded.emit()

    def _on_changed(self, notice: ChangeNotice) -> None:
        if any(notice.concerns(kind=k) for k in QUEUE_KINDS):
            self.load()

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row(index)
        if row is not None:
            self.plan_chosen.emit(row.case_id)
