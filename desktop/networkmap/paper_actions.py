"""The map tab's "Export…" and "Print…": the worker chooses where the file goes (nothing is
written anywhere else) or which printer; the map goes as shown (this view, this person's
view, names hidden or not), and each export and each print is logged, never with a name.

The words keep the tab's translation context: they are the tab's buttons and dialogs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.networkmap import export as map_export

translate = QCoreApplication.translate  # the name lupdate looks for


class MapPaper(QObject):
    """`tab`: the map tab (its `loaded_case`, `model`, `view_name`, `scene`,
    `hide_names_action` and `controller`)."""

    def __init__(self, tab: Any) -> None:
        super().__init__(tab)
        self.tab = tab
        self.export_dialog: QFileDialog | None = None
        self.print_dialog: QPrintDialog | None = None

    def export_filters(self) -> dict[str, str]:
        return {"pdf": translate("NetworkMapTab", "PDF document (*.pdf)"),
                "png": translate("NetworkMapTab", "PNG image (*.png)"),
                "svg": translate("NetworkMapTab", "SVG drawing (*.svg)")}

    def export_map(self) -> None:
        """Ask where to save: the file goes only to the place the worker chooses."""
        if self.tab.loaded_case is None:
            return
        filters = self.export_filters()
        dialog = QFileDialog(self.tab, translate("NetworkMapTab", "Export the map"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilters(list(filters.values()))
        dialog.setDefaultSuffix("pdf")
        dialog.setDirectory(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation))
        by_filter = {text: fmt for fmt, text in filters.items()}
        dialog.filterSelected.connect(
            lambda text: dialog.setDefaultSuffix(by_filter.get(text, "pdf")))
        case_id = self.tab.loaded_case
        dialog.fileSelected.connect(lambda path: self._export_to(
            case_id, Path(path), by_filter.get(dialog.selectedNameFilter(), "pdf")))
        dialog.finished.connect(lambda _result: self._dialog_done(dialog))
        self.export_dialog = dialog
        dialog.open()

    def _dialog_done(self, dialog: QDialog) -> None:
        if self.export_dialog is dialog:
            self.export_dialog = None
        if self.print_dialog is dialog:
            self.print_dialog = None
        dialog.deleteLater()

    def close_dialogs(self) -> None:
        """The case closes or the laptop locks: an open dialog exports or prints nothing."""
        for dialog in (self.export_dialog, self.print_dialog):
            if dialog is not None:
                dialog.reject()

    def _export_to(self, case_id: str, path: Path, chosen: str) -> None:
        if case_id != self.tab.loaded_case:
            return  # another case was opened meanwhile: never export the wrong family
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in map_export.FORMATS:
            fmt = chosen
            path = path.with_name(f"{path.name}.{fmt}")
        hidden = self.tab.hide_names_action.isChecked()
        try:
            map_export.export_map(self.tab.model, self.tab.view_name, fmt, path,
                                  names_hidden=hidden, conflicted=self.tab.scene.conflicted)
        except OSError as exc:
            self.tab.controller.session.failed.emit(exc)
            return
        self._log("export", case_id, map_export.access_detail(fmt, self.tab.view_name, hidden))

    def print_map(self) -> None:
        if self.tab.loaded_case is None:
            return
        printer = QPrinter()
        dialog = QPrintDialog(printer, self.tab)
        dialog.setWindowTitle(translate("NetworkMapTab", "Print the map"))
        case_id = self.tab.loaded_case
        dialog.finished.connect(lambda result: self._printed(dialog, printer, case_id, result))
        self.print_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # as open(), which PySide binds only with a receiver

    def _printed(self, dialog: QDialog, printer: QPrinter, case_id: str, result: int) -> None:
        self._dialog_done(dialog)
        if result == QDialog.DialogCode.Accepted and case_id == self.tab.loaded_case:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Print the map as shown (this view, these views) on `printer`, and log it."""
        case_id = self.tab.loaded_case
        if case_id is None:
            return
        hidden = self.tab.hide_names_action.isChecked()
        try:
            map_export.print_map(self.tab.model, self.tab.view_name, printer,
                                 names_hidden=hidden, conflicted=self.tab.scene.conflicted)
        except OSError as exc:
            self.tab.controller.session.failed.emit(exc)
            return
        self._log("print", case_id, map_export.access_detail("paper", self.tab.view_name,
                                                             hidden))

    def _log(self, action: str, case_id: str, detail: str) -> None:
        self.tab.controller.session.change(
            lambda store: store.log_access(action, case_id=case_id, detail=detail), kinds=())
