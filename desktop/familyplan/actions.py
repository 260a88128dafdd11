"""The plan tab's "Plan for the family as PDF…" and "Print the plan for the family…": the
worker chooses where the file goes (nothing is written anywhere else, no temp file), or
which printer; each export and each print is logged, with what was made, never a name.

The copy is built when the file or printer is chosen, not when the menu is opened: by then
what the worker typed last is saved and read back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from desktop.familyplan.content import FamilyPlan, family_plan
from desktop.familyplan.export import access_detail, print_on, write


class FamilyPaper(QObject):
    """`tab`: the plan tab (its `data`, `loaded_case`, `form` and `controller`)."""

    def __init__(self, tab: Any) -> None:
        super().__init__(tab)
        self.tab = tab
        self.export_dialog: QFileDialog | None = None
        self.print_dialog: QPrintDialog | None = None

    def _plan(self) -> FamilyPlan | None:
        return family_plan(self.tab.data, dt.date.today())

    def export_pdf(self) -> None:
        if self.tab.loaded_case is None or self.tab.data.plan is None:
            return
        self.tab.form.flush()
        parent: QWidget = self.tab
        dialog = QFileDialog(parent, self.tr("Save the plan for the family"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilters([self.tr("PDF document (*.pdf)")])
        dialog.setDefaultSuffix("pdf")
        dialog.setDirectory(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation))
        dialog.selectFile(self.tr("plan-for-the-family.pdf"))  # no family's name in it
        case_id = self.tab.loaded_case
        dialog.fileSelected.connect(lambda path: self._export_to(case_id, Path(path)))
        dialog.finished.connect(lambda _result: self._done(dialog))
        self.export_dialog = dialog
        dialog.open()

    def _export_to(self, case_id: str, path: Path) -> None:
        if case_id != self.tab.loaded_case:
            return  # another case was opened meanwhile: never export the wrong family
        plan = self._plan()
        if plan is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(f"{path.name}.pdf")
        try:
            write(plan, "plan", "pdf", path)
        except OSError as exc:
            self.tab.controller.session.failed.emit(exc)
            return
        self._log("export", case_id, access_detail("plan", "pdf"))

    def print_plan(self) -> None:
        if self.tab.loaded_case is None or self.tab.data.plan is None:
            return
        self.tab.form.flush()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.tab)
        dialog.setWindowTitle(self.tr("Print the plan for the family"))
        case_id = self.tab.loaded_case
        dialog.finished.connect(lambda result: self._printed(dialog, printer, case_id, result))
        self.print_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # as open(), which PySide binds only with a receiver

    def _printed(self, dialog: QDialog, printer: QPrinter, case_id: str, result: int) -> None:
        self._done(dialog)
        if result != QDialog.DialogCode.Accepted or case_id != self.tab.loaded_case:
            return
        plan = self._plan()
        if plan is None:
            return
        try:
            print_on(plan, "plan", printer)
        except OSError as exc:
            self.tab.controller.session.failed.emit(exc)
            return
        self._log("print", case_id, access_detail("plan", "paper"))

    def children_printed(self) -> None:
        """The children's version printed from its own view: logged as any print."""
        if self.tab.loaded_case is not None:
            self._log("print", self.tab.loaded_case, access_detail("children", "paper"))

    def _log(self, action: str, case_id: str, detail: str) -> None:
        self.tab.controller.session.change(
            lambda store: store.log_access(action, case_id=case_id, detail=detail), kinds=())

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
