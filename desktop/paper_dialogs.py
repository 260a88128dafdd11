"""Asking where a copy goes: the save dialog of every export (the plan for the family, the
map, the monitor, inzage and consult) and the print dialog of every printout, set up the same
way, and the bookkeeping of a tab's export and print dialogs.

A save dialog starts in the worker's Documents folder and suggests a name without a family's
name in it; the file goes only where the worker chooses. Both dialogs are opened, never
exec'd: the window stays responsive and the lock can close them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


def save_dialog(parent: QWidget, title: str, name_filters: list[str], suffix: str,
                file_name: str | None = None) -> QFileDialog:
    """A save dialog for `suffix` files, in Documents, not yet open."""
    dialog = QFileDialog(parent, title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilters(name_filters)
    dialog.setDefaultSuffix(suffix)
    dialog.setDirectory(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation))
    if file_name is not None:
        dialog.selectFile(file_name)
    return dialog


class PaperActions(QObject):
    """A tab's export and print: its open dialogs (none once closed), closing them when the
    case closes or the laptop locks, and the access-log entry of each copy made.

    `tab`: the tab it serves (its `loaded_case` and `controller`)."""

    def __init__(self, tab: Any) -> None:
        super().__init__(tab)
        self.tab = tab
        self.export_dialog: QFileDialog | None = None
        self.print_dialog: QPrintDialog | None = None

    def _open_export(self, dialog: QFileDialog, on_file: Callable[[str], None]) -> None:
        dialog.fileSelected.connect(on_file)
        dialog.finished.connect(lambda _result: self._done(dialog))
        self.export_dialog = dialog
        dialog.open()

    def _open_print(self, printer: QPrinter, title: str,
                    on_accepted: Callable[[str], None]) -> None:
        """The print dialog for the case open now; `on_accepted(case_id)` prints, unless
        another case was opened meanwhile."""
        dialog = QPrintDialog(printer, self.tab)
        dialog.setWindowTitle(title)
        case_id = self.tab.loaded_case

        def finished(result: int) -> None:
            self._done(dialog)
            if result == QDialog.DialogCode.Accepted and case_id == self.tab.loaded_case:
                on_accepted(case_id)

        dialog.finished.connect(finished)
        self.print_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # as open(), which PySide binds only with a receiver

    def _done(self, dialog: QDialog) -> None:
        if self.export_dialog is dialog:
            self.export_dialog = None
        if self.print_dialog is dialog:
            self.print_dialog = None
        dialog.deleteLater()

    def close_dialogs(self) -> None:
        """A case closed or locked is not exported or printed afterwards."""
        for dialog in (self.export_dialog, self.print_dialog):
            if dialog is not None:
                dialog.reject()

    def _log(self, action: str, case_id: str, detail: str) -> None:
        self.tab.controller.session.change(
            lambda store: store.log_access(action, case_id=case_id, detail=detail), kinds=())
