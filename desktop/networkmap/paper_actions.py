"""The map tab's "Export…" and "Print…": the worker chooses where the file goes (nothing is
written anywhere else) or which printer; the map goes as shown (this view, this person's
view, names hidden or not), and each export and each print is logged, never with a name.

The words keep the tab's translation context: they are the tab's buttons and dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter

from desktop.networkmap import export as map_export
from desktop.paper_dialogs import PaperActions, save_dialog

translate = QCoreApplication.translate  # the name lupdate looks for


class MapPaper(PaperActions):
    """`tab`: the map tab (its `loaded_case`, `model`, `view_name`, `scene`,
    `hide_names_action` and `controller`)."""

    def export_filters(self) -> dict[str, str]:
        return {"pdf": translate("NetworkMapTab", "PDF document (*.pdf)"),
                "png": translate("NetworkMapTab", "PNG image (*.png)"),
                "svg": translate("NetworkMapTab", "SVG drawing (*.svg)")}

    def export_map(self) -> None:
        """Ask where to save: the file goes only to the place the worker chooses."""
        if self.tab.loaded_case is None:
            return
        filters = self.export_filters()
        dialog = save_dialog(self.tab, translate("NetworkMapTab", "Export the map"),
                             list(filters.values()), "pdf")
        by_filter = {text: fmt for fmt, text in filters.items()}
        dialog.filterSelected.connect(
            lambda text: dialog.setDefaultSuffix(by_filter.get(text, "pdf")))
        case_id = self.tab.loaded_case
        self._open_export(dialog, lambda path: self._export_to(
            case_id, Path(path), by_filter.get(dialog.selectedNameFilter(), "pdf")))

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
        self._open_print(printer, translate("NetworkMapTab", "Print the map"),
                         lambda _case_id: self.print_to(printer))

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
