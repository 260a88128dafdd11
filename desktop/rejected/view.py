"""The window "Niet verzonden wijzigingen": what could not be delivered, for which family,
in words; copy it, save it as a text file, or dismiss it after a confirmation.

Copied text is cleared from the clipboard at the lock like any text copied from a case (the
main window does that). Copying and saving are written to the access log as an export.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.colleagues import Names, read_names
from desktop.operations import ChangeNotice, StoreSession
from desktop.rejected.model import RejectedChangesModel
from desktop.rejected.text import as_text, family
from storage.rejected import RejectedChange


class RejectedChanges(QDialog):
    """Non-modal window. `ask_path` is replaceable so tests can answer the file dialog."""

    count_changed = Signal(int)

    def __init__(self, session: StoreSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.names = Names()  # the directory's, read with the rows: ids in values by name
        self.setWindowTitle(self.tr("Unsent changes"))
        self.setMinimumSize(780, 480)
        self.model = RejectedChangesModel(self)
        self.intro = QLabel(self.tr(
            "These changes could not be sent to the team's service. They are kept safely on "
            "this laptop until you remove them. Copy or save what you still need, and pass it "
            "on to whoever now has the case."))
        self.intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Unsent changes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RejectedChangesModel.FIELDS, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("The selected change"))
        self.empty = QLabel(self.tr("There are no unsent changes."))
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the selected change"))
        self.save_button = QPushButton(self.tr("&Save as text file…"))
        self.save_button.setAccessibleName(self.tr("Save the selected change as a text file"))
        self.dismiss_button = QPushButton(self.tr("&Remove…"))
        self.dismiss_button.setAccessibleName(self.tr("Remove the selected change"))
        close = QPushButton(self.tr("C&lose"))
        self.copy_button.clicked.connect(self.copy_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.dismiss_button.clicked.connect(self.ask_dismiss)
        close.clicked.connect(self.close)
        self.confirm_box: QMessageBox | None = None
        self.ask_path = self._ask_path

        buttons = QHBoxLayout()
        for button in (self.copy_button, self.save_button, self.dismiss_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.detail, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())
        self.model.modelReset.connect(self._update_empty)
        session.changed.connect(self._on_changed)
        self._update_empty()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.reload()

    @Slot()
    def reload(self) -> None:
        self.session.query(lambda store: (store.list_rejected(), read_names(store)),
                           self._show_rows, on_error=lambda exc: self.model.clear())

    def _show_rows(self, result: tuple[list[RejectedChange], Names]) -> None:
        rows, self.names = result
        self.model.set_rows(rows)
        self.count_changed.emit(len(rows))
        if rows:
            self.table.selectRow(0)
        self._show_detail()

    def clear(self) -> None:
        """On lock: forget every row and the text shown (they name families)."""
        if self.confirm_box is not None:
            self.confirm_box.reject()
        self.model.clear()
        self.names = Names()
        self.detail.clear()
        self.hide()

    @Slot(object)
    def _on_changed(self, notice: ChangeNotice) -> None:
        if self.isVisible() and notice.source == "sync":
            self.reload()

    def selected(self) -> RejectedChange | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _show_detail(self) -> None:
        change = self.selected()
        self.detail.setPlainText(as_text(change, self.names) if change is not None else "")

    def _update_empty(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.empty.setVisible(not has_rows)
        for button in (self.copy_button, self.save_button, self.dismiss_button):
            button.setEnabled(has_rows)
        if not has_rows:
            self.detail.clear()

    # -- copy, save, dismiss ------------------------------------------------------------

    @Slot()
    def copy_selected(self) -> None:
        change = self.selected()
        clipboard = QGuiApplication.clipboard()
        if change is None or clipboard is None:
            return
        clipboard.setText(as_text(change, self.names))
        self._log_export("copy rejected change")

    def _ask_path(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the change as a text file"), suggested,
            self.tr("Text files (*.txt)"))
        return path

    @Slot()
    def save_selected(self) -> None:
        change = self.selected()
        if change is None:
            return
        suggested = self.tr("Unsent change %1.txt").replace("%1", family(change))
        path = self.ask_path(str(Path.home() / suggested.replace("/", "-")))
        if not path:
            return
        try:
            Path(path).write_text(as_text(change, self.names), encoding="utf-8")
        except OSError:
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("The file could not be saved there. Choose another "
                                        "place."))
            return
        self._log_export("save rejected change")

    @Slot()
    def ask_dismiss(self) -> None:
        change = self.selected()
        if change is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Remove this change?"),
            self.tr("The change for %1 is then gone from this laptop for good. Did you copy or "
                    "save what you still need?").replace("%1", family(change)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        remove = box.button(QMessageBox.StandardButton.Yes)
        remove.setText(self.tr("&Remove"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Keep"))
        box.finished.connect(
            lambda _result: self._confirmed(box, box.clickedButton() is remove, change))
        self.confirm_box = box
        box.open()

    def _confirmed(self, box: QMessageBox, yes: bool, change: RejectedChange) -> None:
        box.deleteLater()
        self.confirm_box = None
        if yes:
            self.dismiss(change.change_id)

    def dismiss(self, change_id: str) -> None:
        self.session.change(lambda store: store.dismiss_rejected(change_id),
                            lambda _gone: self.reload(), kinds=("rejected",))

    def _log_export(self, detail: str) -> None:
        # Without the case id: the case may have left this laptop (see storage/rejected.py).
        self.session.change(lambda store: store.log_access("export", detail=detail),
                            kinds=())
