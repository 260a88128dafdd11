"""The chart of one danger/goal pair's scaling scores over the visits: one line per rater,
each with its own colour and marker shape, so that differences between raters show.

Drawn with QPainter (QtCharts is an add-on this app does not ship). What the chart shows is
`PairSeries` from scaling_series; the panel puts the same numbers in a table beside it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.safetyplan.scaling_series import PairSeries

# Okabe and Ito's colours, told apart also by people with a colour vision deficiency; the
# marker shape tells the lines apart where colour does not (print, high contrast).
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
SHAPES = ("circle", "square", "triangle", "diamond", "cross", "down")
MARKER = 5.0


def short_date(iso: str) -> str:
    """3-3-2026 as a Dutch worker writes it."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day}-{day.month}-{day.year}"


def draw_marker(painter: QPainter, shape: str, at: QPointF, size: float = MARKER) -> None:
    x, y, s = at.x(), at.y(), size
    if shape == "circle":
        painter.drawEllipse(at, s, s)
    elif shape == "square":
        painter.drawRect(QRectF(x - s, y - s, 2 * s, 2 * s))
    elif shape in ("triangle", "down"):
        d = -1 if shape == "triangle" else 1
        painter.drawPolygon(QPolygonF([QPointF(x, y + d * s * 1.2), QPointF(x - s, y - d * s),
                                       QPointF(x + s, y - d * s)]))
    elif shape == "diamond":
        painter.drawPolygon(QPolygonF([QPointF(x, y - s * 1.3), QPointF(x + s * 1.3, y),
                                       QPointF(x, y + s * 1.3), QPointF(x - s * 1.3, y)]))
    else:
        path = QPainterPath()
        path.moveTo(x - s, y - s)
        path.lineTo(x + s, y + s)
        path.moveTo(x - s, y + s)
        path.lineTo(x + s, y - s)
        painter.drawPath(path)


class ScalingChart(QWidget):
    """Visit dates across, 0-10 up, a legend above the plot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pair: PairSeries | None = None
        self.labels: dict[str, str] = {}  # rater -> name in the legend
        self.setMinimumHeight(240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Chart of the scaling scores"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(460, 280)

    def set_pair(self, pair: PairSeries | None, labels: dict[str, str]) -> None:
        self.pair = pair
        self.labels = labels
        self.update()

    def style_of(self, index: int) -> tuple[QColor, str]:
        """The colour and marker of the index-th line."""
        return QColor(COLOURS[index % len(COLOURS)]), SHAPES[index % len(SHAPES)]

    def _legend(self, painter: QPainter, width: float) -> float:
        """Draw the legend in as many rows as it needs; returns its height."""
        metrics = painter.fontMetrics()
        row_height = metrics.height() + 6
        x, y = 8.0, 4.0
        for i, series in enumerate(self.pair.series if self.pair else ()):
            label = self.labels.get(series.rater, series.rater)
            entry = 34 + metrics.horizontalAdvance(label) + 16
            if x + entry > width and x > 8:
                x, y = 8.0, y + row_height
            colour, shape = self.style_of(i)
            middle = y + row_height / 2
            painter.setPen(QPen(colour, 2))
            painter.drawLine(QPointF(x, middle), QPointF(x + 26, middle))
            painter.setBrush(colour)
            draw_marker(painter, shape, QPointF(x + 13, middle), 4)
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            painter.drawText(QPointF(x + 32, middle + metrics.ascent() / 2 - 1), label)
            x += entry
        return y + row_height + 4

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        metrics = painter.fontMetrics()
        top = self._legend(painter, self.width())
        left = metrics.horizontalAdvance("10") + 12.0
        bottom = self.height() - metrics.height() - 10.0
        right = self.width() - 16.0
        plot = QRectF(left, top + 4, max(right - left, 10), max(bottom - top - 4, 10))
        grid = QColor(palette.color(QPalette.ColorRole.Mid))
        for value in range(11):
            y = plot.bottom() - plot.height() * value / 10
            painter.setPen(QPen(grid, 1, Qt.PenStyle.SolidLine if value in (0, 10)
                                else Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            if value % 2 == 0:
                painter.setPen(text)
                painter.drawText(QRectF(0, y - 10, left - 6, 20),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 str(value))
        pair = self.pair
        if pair is None or not pair.dates:
            return
        dates = pair.dates

        # Date labels; where they would overlap, only every n-th.
        widest = max(metrics.horizontalAdvance(short_date(d)) for d in dates) + 8
        pad = max(12.0, widest / 2 + 2)  # the first and last date label stay whole

        def x_of(date: str) -> float:
            if len(dates) == 1:
                return plot.center().x()
            return (plot.left() + pad
                    + (plot.width() - 2 * pad) * dates.index(date) / (len(dates) - 1))

        step = max(1, int(widest * len(dates) / max(plot.width(), 1)) + 1)
        painter.setPen(text)
        for i, date in enumerate(dates):
            if i % step == 0 or i == len(dates) - 1 and step == 1:
                label = short_date(date)
                painter.drawText(QRectF(x_of(date) - widest / 2, plot.bottom() + 4, widest,
                                        metrics.height()),
                                 Qt.AlignmentFlag.AlignHCenter, label)
        # Two raters giving the same number at one visit would hide each other's marker:
        # each line is nudged a little sideways.
        count = len(pair.series)
        for i, series in enumerate(pair.series):
            colour, shape = self.style_of(i)
            nudge = (i - (count - 1) / 2) * 3.0
            points = [QPointF(x_of(p.date) + nudge,
                              plot.bottom() - plot.height() * p.value / 10)
                      for p in series.points]
            painter.setPen(QPen(colour, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for a, b in zip(points, points[1:], strict=False):
                painter.drawLine(a, b)
            painter.setBrush(colour)
            for point in points:
                draw_marker(painter, shape, point)
