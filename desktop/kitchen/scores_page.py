"""How everyone scored the worries over the visits, one chart per worry, with the words of
the worry above it. The charts are the plan tab's (`ScalingChart`); a score's note is not
read here (data.py leaves it out)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from desktop.kitchen.look import heading, large, text_label
from desktop.safetyplan.scaling_chart import ScalingChart
from desktop.safetyplan.scaling_series import OVERALL, WORKER, pair_series
from sync.protocol import Record

CHART_PX = 320


class ScoresPage(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.charts: list[ScalingChart] = []
        self.show_scores([], [], [], {})

    def show_scores(self, items: Sequence[Record], scores: Sequence[Record],
                    visits: Sequence[Record], names: Mapping[str, str]) -> None:
        dangers = [i for i in items if i.fields.get("section") == "danger"]
        words = {i.id: str(i.fields.get("text") or "") for i in dangers}
        series = [p for p in pair_series(scores, visits, [d.id for d in dangers], names)
                  if not p.removed]
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setSpacing(16)
        self.charts = []
        if not series:
            column.addWidget(text_label(self.tr("There are no scores yet."), body))
        for pair in series:
            title = (self.tr("How safe is it, all in all?") if pair.pair_id == OVERALL
                     else words.get(pair.pair_id, ""))
            column.addWidget(heading(title, body))
            chart = ScalingChart(body)
            large(chart)
            chart.setMinimumHeight(CHART_PX)
            chart.set_pair(pair, {s.rater: self.rater(s.rater, names) for s in pair.series})
            chart.setAccessibleName(self.tr("Scores for: %1").replace("%1", title))
            self.charts.append(chart)
            column.addWidget(chart)
        column.addStretch(1)
        self.setWidget(body)

    def rater(self, rater: str, names: Mapping[str, str]) -> str:
        if rater == WORKER:
            return self.tr("Social worker")
        return names.get(rater) or self.tr("Someone else")
