"""The conflict inbox window: the open conflicts, and "Resolve…" for the one selected.

A resolution goes to the store (`queue_resolution`), which keeps it until the next sync sends
it; `resolution_queued` tells the sync runner to sync soon.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.conflicts.dialog import ResolveDialog
from desktop.conflicts.model import ConflictInboxModel, InboxRow, load_inbox
from desktop.operations import ChangeNotice, StoreSession


class ConflictInbox(QDialog):
    """Non-modal window; `open_dialog` is replaceable so tests can answer the dialog."""

    resolution_queued = Signal(str)  # conflict id

    def __init__(self, session: StoreSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Conflicts"))
        self.setMinimumSize(760, 420)
        self.model = ConflictInboxModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Open conflicts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ConflictInboxModel.CASE, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.activated.connect(lambda _index: self.resolve_selected())
        self.empty = QLabel(self.tr("There are no open conflicts."))
        self.resolve_button = QPushButton(self.tr("&Resolve…"))
        self.resolve_button.setAccessibleName(self.tr("Resolve the selected conflict"))
        self.resolve_button.clicked.connect(self.resolve_selected)
        close = QPushButton(self.tr("C&lose"))
        close.clicked.connect(self.close)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.open_dialog = self._open_dialog
        self._resolve_when_read: str | None = None  # a record id chosen elsewhere
        session.changed.connect(self._on_changed)
        self.model.modelReset.connect(self._update_empty)
        self._update_empty()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.reload()

    @Slot()
    def reload(self) -> None:
        self.session.query(load_inbox, self._show_rows, on_error=lambda exc: self.model.clear())

    def resolve_record(self, record_id: str) -> None:
        """Resolve the open conflict on `record_id` (chosen on the network map) once the
        inbox has read the newest conflicts, with the dialog the inbox opens itself."""
        self._resolve_when_read = record_id
        self.reload()

    def _show_rows(self, rows: list[InboxRow]) -> None:
        self.model.set_rows(rows)
        wanted, self._resolve_when_read = self._resolve_when_read, None
        if wanted is not None:
            row = next((r for r in range(self.model.rowCount())
                        if self.model.row_at(r).conflict.record_id == wanted), -1)
            if row >= 0:
                self.table.selectRow(row)
                self.resolve_selected()
                return
        if rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def clear(self) -> None:
        """On lock: forget every row (they name families)."""
        self.model.clear()
        self.hide()

    @Slot(object)
    def _on_changed(self, notice: ChangeNotice) -> None:
        if self.isVisible() and (notice.source == "sync" or "conflict" in notice.kinds):
            self.reload()

    def _update_empty(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.empty.setVisible(not has_rows)
        self.resolve_button.setEnabled(has_rows)

    def _open_dialog(self, dialog: ResolveDialog) -> None:
        dialog.exec()

    @Slot()
    def resolve_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        row = self.model.row_at(rows[0].row())
        dialog = ResolveDialog(row.conflict, row.case_title, self, me=row.me, names=row.names)
        self.open_dialog(dialog)
        if dialog.decided:
            self.resolve(row, dialog.chosen_value)
        if isValid(dialog):  # locking may have deleted it already
            dialog.deleteLater()

    def resolve(self, row: InboxRow, value: Any) -> None:
        conflict = row.conflict
        self.session.change(
            lambda store: store.queue_resolution(conflict.id, value),
            lambda _result: self._queued(conflict.id),
            kinds=("conflict", conflict.kind),
            case_ids=(conflict.case_id,),
        )

    def _queued(self, conflict_id: str) -> None:
        self.resolution_queued.emit(conflict_id)
        self.reload()
