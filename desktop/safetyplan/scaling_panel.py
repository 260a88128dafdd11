"""Beside a danger statement in the plan: how everyone scored it over the visits.

The chart, the words under it (where raters are far apart) and a table of the same numbers
(for a screen reader, or to read exact values) all come from one `PairSeries`. The panel reads
the scores and visits itself and again whenever they change, from this laptop or a sync.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.casefile.controller import CaseFileController
from desktop.casefile.lifetime import while_alive
from desktop.operations import ChangeNotice
from desktop.safetyplan.items_model import first_line
from desktop.safetyplan.scaling_chart import ScalingChart, short_date
from desktop.safetyplan.scaling_series import (
    GAP,
    OVERALL,
    WORKER,
    PairSeries,
    differences,
    pair_series,
)
from sync.protocol import Record

SCORE_KINDS = frozenset({"scaling_score", "visit", "person"})


class ScalingPanel(QGroupBox):
    def __init__(self, controller: CaseFileController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Scaling scores over the visits"))
        self.controller = controller
        self.case_id: str | None = None
        self.pairs: list[Record] = []  # the plan's danger statements, in order
        self.names: dict[str, str] = {}
        self.series: list[PairSeries] = []
        self.pair_box = QComboBox(self)
        self.pair_box.setAccessibleName(self.tr("Danger statement of the chart"))
        # A danger statement is a long sentence: the box must not widen the plan's side.
        self.pair_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.pair_box.setMinimumContentsLength(16)
        self.pair_box.currentIndexChanged.connect(self._show_current)
        self.empty = QLabel(self.tr("No scores yet. Participants give them at a home visit "
                                    "(tab Home visits)."), self)
        self.empty.setWordWrap(True)
        self.chart = ScalingChart(self)
        self.differences = QLabel(self)
        self.differences.setWordWrap(True)
        self.differences.setObjectName("differences")
        self.table_model = QStandardItemModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.table_model)
        self.table.setAccessibleName(self.tr("The scores as a table"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        for widget in (self.pair_box, self.empty, self.chart, self.differences, self.table):
            layout.addWidget(widget)
        controller.session.changed.connect(self._on_changed)

    # -- data -------------------------------------------------------------------------------

    def set_plan(self, case_id: str | None, items: list[Record], people: list[Record]) -> None:
        self.case_id = case_id
        self.pairs = [i for i in items
                      if not i.deleted and i.fields.get("section") == "danger"]
        self.names = {p.id: str(p.fields.get("name") or "") for p in people if not p.deleted}
        self.reload()

    def reload(self) -> None:
        case_id = self.case_id
        if case_id is None:
            self._set_series([])
            return

        def read(store: Any) -> tuple[list[Record], list[Record]]:
            return (store.list_records(kind="scaling_score", case_id=case_id),
                    store.list_records(kind="visit", case_id=case_id))

        self.controller.session.query(read, while_alive(self, lambda r: self._read(case_id, r)))

    def _read(self, case_id: str, result: tuple[list[Record], list[Record]]) -> None:
        if case_id != self.case_id:
            return
        scores, visits = result
        self._set_series(pair_series(scores, visits, [p.id for p in self.pairs], self.names))

    def _on_changed(self, notice: ChangeNotice) -> None:
        if self.case_id is not None and notice.concerns(case_id=self.case_id) and (
                not notice.kinds or notice.kinds & SCORE_KINDS):
            case_id = self.case_id
            self.controller.when_settled(lambda: self.case_id == case_id and self.reload())

    # -- what is on screen ------------------------------------------------------------------

    def pair_label(self, pair: PairSeries) -> str:
        if pair.pair_id == OVERALL:
            return self.tr("Overall score (before the plan had danger statements)")
        if pair.removed:
            return self.tr("At a removed danger statement")
        item = next((p for p in self.pairs if p.id == pair.pair_id), None)
        return first_line(item.fields.get("text")) if item is not None else "…"

    def rater_label(self, rater: str) -> str:
        if rater == WORKER:
            return self.tr("Contact worker (own score)")
        return self.names.get(rater) or self.tr("unknown")

    def _set_series(self, series: list[PairSeries]) -> None:
        chosen = self.pair_box.currentData()
        self.series = series
        self.pair_box.blockSignals(True)
        self.pair_box.clear()
        seen: dict[str, int] = {}
        for pair in series:
            label = self.pair_label(pair)
            seen[label] = seen.get(label, 0) + 1
            if seen[label] > 1:  # two removed danger statements: both kept, told apart
                label += f" ({seen[label]})"
            self.pair_box.addItem(label, pair.pair_id)
        index = self.pair_box.findData(chosen)
        self.pair_box.setCurrentIndex(index if index >= 0 else 0)
        self.pair_box.blockSignals(False)
        self._show_current()

    def follow(self, item: Record | None) -> None:
        """Show the chart of the danger statement chosen in the plan."""
        if item is not None and item.fields.get("section") == "danger":
            index = self.pair_box.findData(item.id)
            if index >= 0:
                self.pair_box.setCurrentIndex(index)

    def current(self) -> PairSeries | None:
        pair_id = self.pair_box.currentData()
        return next((p for p in self.series if p.pair_id == pair_id), None)

    def difference_text(self, pair: PairSeries) -> str:
        found = differences(pair)
        if not found:
            return self.tr("At every visit the scores are less than %1 apart.").replace(
                "%1", str(GAP))
        lines = [self.tr("On %1 the scores are %2 apart: %3 gives %4, %5 gives %6.")
                 .replace("%1", short_date(d.date))
                 .replace("%2", str(d.high_value - d.low_value))
                 .replace("%3", self.rater_label(d.low)).replace("%4", str(d.low_value))
                 .replace("%5", self.rater_label(d.high)).replace("%6", str(d.high_value))
                 for d in found]
        return "\n".join(lines)

    def _show_current(self) -> None:
        pair = self.current()
        has = pair is not None
        self.pair_box.setVisible(has)
        self.empty.setVisible(not has)
        for widget in (self.chart, self.differences, self.table):
            widget.setVisible(has)
        self.table_model.clear()
        if pair is None:
            self.chart.set_pair(None, {})
            return
        labels = {s.rater: self.rater_label(s.rater) for s in pair.series}
        self.chart.set_pair(pair, labels)
        words = self.difference_text(pair)
        if pair.removed:  # the repair is where the scores were given
            words = self.tr("These scores belong to a danger statement that was removed. "
                            "At the home visit (tab Home visits) you move each of them to a "
                            "danger statement of the plan, or remove it.") + "\n" + words
        self.differences.setText(words)
        self.chart.setAccessibleDescription(self.differences.text())
        self.table_model.setHorizontalHeaderLabels([labels[s.rater] for s in pair.series])
        self.table_model.setVerticalHeaderLabels([short_date(d) for d in pair.dates])
        for row, date in enumerate(pair.dates):
            for column, series in enumerate(pair.series):
                point = next((p for p in series.points if p.date == date), None)
                cell = QStandardItem("—" if point is None else str(point.value))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if point is not None and point.note:
                    cell.setToolTip(point.note)
                self.table_model.setItem(row, column, cell)
        # As tall as its rows (up to ten): the chart above keeps the room.
        rows = min(len(pair.dates), 10)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + rows * self.table.verticalHeader().defaultSectionSize()
                                  + 2 * self.table.frameWidth() + 2)
