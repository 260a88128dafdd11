"""The plan tab's "Plan for the family as PDF…" and "Print the plan for the family…": the
worker chooses where the file goes (nothing is written anywhere else, no temp file), or
which printer; each export and each print is logged, with what was made, never a name.

The copy is built when the file or printer is chosen, not when the menu is opened: by then
what the worker typed last is saved and read back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from desktop.familyplan.content import FamilyPlan, family_plan
from desktop.familyplan.export import access_detail, print_on, write
from desktop.paper_dialogs import PaperActions, save_dialog


class FamilyPaper(PaperActions):
    """`tab`: the plan tab (its `data`, `loaded_case`, `form` and `controller`)."""

    def _plan(self) -> FamilyPlan | None:
        return family_plan(self.tab.data, dt.date.today())

    def export_pdf(self) -> None:
        if self.tab.loaded_case is None or self.tab.data.plan is None:
            return
        self.tab.form.flush()
        dialog = save_dialog(self.tab, self.tr("Save the plan for the family"),
                             [self.tr("PDF document (*.pdf)")], "pdf",
                             self.tr("plan-for-the-family.pdf"))  # no family's name in it
        case_id = self.tab.loaded_case
        self._open_export(dialog, lambda path: self._export_to(case_id, Path(path)))

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
        self._open_print(printer, self.tr("Print the plan for the family"),
                         lambda case_id: self._print_on(printer, case_id))

    def _print_on(self, printer: QPrinter, case_id: str) -> None:
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

