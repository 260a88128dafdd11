"""The window "Monitor": the team's figures as charts with their numbers beside them, the
cases behind a chosen figure (for the team lead's eyes only), and an aggregate export.

The figures are read off the UI thread from this laptop's store, so the monitor works
offline. The store refuses anyone but a team lead; the window then says so and shows
nothing else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.casefile.labels import choice_label
from desktop.monitor.chart import Bar, MonitorChart, Part
from desktop.monitor.export import write_csv
from desktop.monitor.pdf import write_pdf
from desktop.monitor.tables import FigureRow, FigureTableModel
from desktop.operations import StoreSession
from desktop.paper_dialogs import save_dialog
from storage.monitor import Figures, NotTeamLead
from sync.schema import LEGAL_FRAMEWORKS

FRAMEWORK_ORDER = (*LEGAL_FRAMEWORKS, "unknown")


class MonitorWindow(QDialog):
    """Non-modal window over the open store; `figures` holds what it shows."""

    def __init__(self, session: StoreSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.figures: Figures | None = None
        self.export_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Monitor"))
        self.setObjectName("monitorWindow")
        self.resize(1100, 820)

        self.refusal = QLabel(self.tr("The monitor is for team leads only."))
        self.refusal.setWordWrap(True)
        self.refusal.hide()
        self.content = QWidget()
        grid = QGridLayout(self.content)

        self.status_chart = MonitorChart(self.tr("Cases by status"))
        self.status_table = FigureTableModel([self.tr("Status"), self.tr("Cases")])
        self.framework_chart = MonitorChart(self.tr("Legal framework per month"),
                                            legend=True)
        self.framework_table = FigureTableModel([self.tr("Month")])
        self.plan_chart = MonitorChart(self.tr("Plans by status"))
        self.plan_table = FigureTableModel([self.tr("Status"), self.tr("Plans")])
        self.scaling_chart = MonitorChart(self.tr("The team's scaling scores"), line=True)
        self.scaling_table = FigureTableModel([self.tr("Month"), self.tr("Average")])
        self.numbers_table = FigureTableModel([self.tr("Figure"), self.tr("Value")])
        self.sections: list[tuple[str, MonitorChart | None, FigureTableModel]] = [
            (self.tr("Cases by status"), self.status_chart, self.status_table),
            (self.tr("Legal framework per month (forced measures going down?)"),
             self.framework_chart, self.framework_table),
            (self.tr("Plans by status"), self.plan_chart, self.plan_table),
            (self.tr("The team's scaling scores (0-10) per month"), self.scaling_chart,
             self.scaling_table),
            (self.tr("Reviews, decisions and the child's voice"), None, self.numbers_table),
        ]
        figures = ("cases_by_status", "cases_by_legal_framework", "plans_by_status",
                   "scaling_by_month", "numbers")
        self.tables: dict[str, QTableView] = {}
        for n, ((title, chart, model), figure) in enumerate(zip(self.sections, figures,
                                                                  strict=True)):
            box = QGroupBox(title)
            row = QHBoxLayout(box)
            if chart is not None:
                row.addWidget(chart, 3)
                chart.chosen.connect(lambda key, part, figure=figure:
                                     self.choose(figure, key, part))
            table = QTableView()
            table.setModel(model)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(True)
            table.verticalHeader().hide()
            table.activated.connect(lambda index, figure=figure, model=model:
                                    self.choose_row(figure, model.key_at(index)))
            self.tables[figure] = table
            row.addWidget(table, 2)
            grid.addWidget(box, n // 2, n % 2)

        behind = QGroupBox(self.tr("Cases behind the figure"))
        behind_layout = QVBoxLayout(behind)
        self.behind_title = QLabel(self.tr("Click a bar, or press Enter on a row, to see "
                                           "the cases it counts. They are never exported."))
        self.behind_title.setWordWrap(True)
        self.cases = QListWidget()
        self.cases.setAccessibleName(self.tr("Cases behind the figure"))
        behind_layout.addWidget(self.behind_title)
        behind_layout.addWidget(self.cases)
        grid.addWidget(behind, 2, 1)

        self.csv_button = QPushButton(self.tr("Export as &CSV…"))
        self.pdf_button = QPushButton(self.tr("Export as &PDF…"))
        self.close_button = QPushButton(self.tr("Cl&ose"))
        self.csv_button.clicked.connect(lambda: self.ask_export("csv"))
        self.pdf_button.clicked.connect(lambda: self.ask_export("pdf"))
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.refusal)
        layout.addWidget(self.content, 1)
        layout.addLayout(buttons)
        self.load()

    # -- reading ---------------------------------------------------------------------------

    def load(self) -> None:
        self.session.query(lambda store: store.monitor(), self._show, on_error=self._refuse)

    def _refuse(self, exc: BaseException) -> None:
        self.figures = None
        self.content.hide()
        if not isinstance(exc, NotTeamLead):
            self.refusal.setText(self.tr("The figures could not be read."))
        self.refusal.show()

    def _show(self, figures: Figures) -> None:
        self.figures = figures
        self.refusal.hide()
        self.content.show()
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(True)
        self._counts(self.status_chart, self.status_table, figures.cases_by_status)
        self._counts(self.plan_chart, self.plan_table, figures.plans_by_status)
        present = [f for f in FRAMEWORK_ORDER
                   if any(f in cell for cell in figures.cases_by_legal_framework.values())]
        self.framework_chart.set_bars([
            Bar(month, month, tuple(Part(f, cell[f], self._label(f)) for f in present
                                    if f in cell))
            for month, cell in figures.cases_by_legal_framework.items()])
        self.framework_table.set_rows(
            [FigureRow((month, None), [month, *(str(cell.get(f, 0)) for f in present)])
             for month, cell in figures.cases_by_legal_framework.items()],
            [self.tr("Month"), *(self._label(f) for f in present)])
        self.scaling_chart.set_bars([Bar(m, m, (Part("score", v, ""),))
                                     for m, v in figures.scaling_by_month.items()])
        self.scaling_table.set_rows([FigureRow(m, [m, f"{v:g}"])
                                     for m, v in figures.scaling_by_month.items()])
        self.numbers_table.set_rows([
            FigureRow("overdue_reviews", [self.tr("Overdue reviews"),
                                          str(figures.overdue_reviews)]),
            FigureRow("overdue_tasks", [self.tr("Overdue tasks"), str(figures.overdue_tasks)]),
            FigureRow("median_days_to_decision", [
                self.tr("Median days from submitted to decided"),
                             self._number(figures.median_days_to_decision)]),
            FigureRow("share_returned", [self.tr("Share of decided plans returned"),
                                         self._share(figures.share_returned)]),
            FigureRow("share_with_child_voice", [self.tr("Share of plans with the child's voice"),
                                                 self._share(figures.share_with_child_voice)]),
        ])

    def _label(self, value: str) -> str:
        return self.tr("Unknown") if value == "unknown" else choice_label(value)

    @staticmethod
    def _number(value: float | None) -> str:
        return "—" if value is None else f"{value:g}"

    @staticmethod
    def _share(value: float | None) -> str:
        return "—" if value is None else f"{round(value * 100)}%"

    def _counts(self, chart: MonitorChart, model: FigureTableModel,
                counts: dict[str, int]) -> None:
        chart.set_bars([Bar(self._label(v), v, (Part(v, n, self._label(v)),))
                        for v, n in counts.items()])
        model.set_rows([FigureRow(v, [self._label(v), str(n)]) for v, n in counts.items()])

    # -- the cases behind a figure ---------------------------------------------------------

    def choose_row(self, figure: str, key: Any) -> None:
        if figure == "numbers":
            if key is not None:
                self.choose(key, None, None)
        else:
            self.choose(figure, key, None)

    def choose(self, figure: str, key: Any, part: str | None) -> None:
        """List the cases a figure counts (on screen only, never in an export)."""
        if figure == "cases_by_legal_framework" and not isinstance(key, tuple):
            key = (key, part)
        trends = self.figures.scaling_by_case if self.figures is not None else {}
        self.session.query(lambda store: store.monitor_cases(figure, key),
                           lambda found: self._list(found, trends if figure ==
                                                    "scaling_by_month" else {}),
                           on_error=self._refuse)

    def _list(self, found: list[tuple[str, str]], trends: dict[str, dict[str, float]]) -> None:
        self.cases.clear()
        for case_id, name in found:
            trend = trends.get(case_id)
            if trend:
                scores = list(trend.values())
                name = (self.tr("%1: from %2 to %3").replace("%1", name)
                        .replace("%2", f"{scores[0]:g}").replace("%3", f"{scores[-1]:g}"))
            self.cases.addItem(name)
        self.behind_title.setText(self.tr("%n case(s) behind this figure", "", len(found)))

    # -- export ----------------------------------------------------------------------------

    def ask_export(self, fmt: str) -> None:
        """Ask where to save: the file goes only to the place the team lead chooses."""
        if self.figures is None:
            return
        filters = {"csv": self.tr("CSV file (*.csv)"), "pdf": self.tr("PDF document (*.pdf)")}
        dialog = save_dialog(self, self.tr("Export the monitor"), [filters[fmt]], fmt)
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path), fmt))
        dialog.finished.connect(lambda _result: self._dialog_done(dialog))
        self.export_dialog = dialog
        dialog.open()

    def _dialog_done(self, dialog: QFileDialog) -> None:
        if self.export_dialog is dialog:
            self.export_dialog = None
        dialog.deleteLater()

    def export_to(self, path: Path, fmt: str) -> None:
        if self.figures is None:
            return
        if fmt == "csv":
            write_csv(self.figures, path)
        else:
            write_pdf(path, self.tr("Monitor of %1").replace("%1", self.figures.today),
                      self.sections)
        self.session.change(lambda store: store.log_access("export", detail=f"monitor_{fmt}"))

    def clear(self) -> None:
        """Locking: nothing of a family stays in the window."""
        self.figures = None
        self.cases.clear()
        for _title, chart, model in self.sections:
            if chart is not None:
                chart.set_bars([])
            model.set_rows([])
