"""One small chart for the monitor, drawn with QPainter: bars (stacked where a bar has
parts) or a line, with its value above each column. A click on a bar or a part, or Enter
on the bar the arrow keys reached, says which figure the team lead wants to look behind.

QtCharts is not part of PySide6-Essentials; a few rectangles and a polyline are enough.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

# Calm colours with a meaning kept apart from danger: red is not among them.
PART_COLOURS = {
    "voluntary": "#4f9a8a", "ots": "#d9a441", "guardianship": "#6b5b95", "other": "#8d99ae",
    "unknown": "#c9ccd1",
}
DEFAULT_COLOUR = "#5b84b1"


@dataclass(frozen=True)
class Part:
    name: str  # a value such as "ots"; its colour comes from PART_COLOURS
    value: float
    label: str


@dataclass(frozen=True)
class Bar:
    label: str
    key: Any
    parts: tuple[Part, ...] = field(default_factory=tuple)

    @property
    def total(self) -> float:
        return sum(p.value for p in self.parts)


class MonitorChart(QWidget):
    """Bars or a line over `Bar`s; `chosen` carries (bar key, part name or None)."""

    chosen = Signal(object, object)

    def __init__(self, name: str, line: bool = False, legend: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = line
        self.legend = legend
        self.bars: list[Bar] = []
        self.current = -1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(260, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(name)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(420, 220)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        self.current = min(self.current, len(bars) - 1)
        self.update()

    # -- geometry (public so that a test clicks where a person would) ----------------------

    def _plot(self) -> QRectF:
        height = self.fontMetrics().height()
        return QRectF(8, height + 10, max(self.width() - 16, 10),
                      max(self.height() - 2 * height - 22, 10))

    def _top(self) -> float:
        if self.line:
            return 10.0  # a scaling question runs from 0 to 10
        return max((b.total for b in self.bars), default=0) or 1

    def column(self, index: int) -> QRectF:
        """The slot of the index-th bar, full height of the plot."""
        plot = self._plot()
        width = plot.width() / max(len(self.bars), 1)
        return QRectF(plot.left() + index * width, plot.top(), width, plot.height())

    def part_rect(self, index: int, part: int) -> QRectF:
        """Where the part-th part of the index-th bar is drawn (bars stack bottom up)."""
        slot = self.column(index)
        plot = self._plot()
        gap = min(6.0, slot.width() * 0.2)
        below = sum(p.value for p in self.bars[index].parts[:part])
        value = self.bars[index].parts[part].value
        scale = plot.height() / self._top()
        return QRectF(slot.left() + gap / 2, plot.bottom() - (below + value) * scale,
                      slot.width() - gap, value * scale)

    def _hit(self, at: QPointF) -> tuple[int, str | None] | None:
        for i in range(len(self.bars)):
            if not self.column(i).contains(at):
                continue
            for k, part in enumerate(self.bars[i].parts):
                if not self.line and self.part_rect(i, k).contains(at):
                    return i, part.name if len(self.bars[i].parts) > 1 else None
            return i, None
        return None

    # -- acting ---------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        hit = self._hit(event.position())
        if hit is None:
            return
        self.current = hit[0]
        self.update()
        self.chosen.emit(self.bars[hit[0]].key, hit[1])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.bars:
            step = -1 if key == Qt.Key.Key_Left else 1
            self.current = max(0, min(len(self.bars) - 1, self.current + step))
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) \
                and 0 <= self.current < len(self.bars):
            self.chosen.emit(self.bars[self.current].key, None)
        else:
            super().keyPressEvent(event)

    # -- drawing --------------------------------------------------------------------------

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        self.draw(painter)

    def draw(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        plot = self._plot()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        if not self.bars:
            return
        metrics = painter.fontMetrics()
        widest = max(metrics.horizontalAdvance(b.label) for b in self.bars) + 8
        every = max(1, int(widest * len(self.bars) / max(plot.width(), 1)) + 1)
        scale = plot.height() / self._top()
        points = []
        for i, bar in enumerate(self.bars):
            slot = self.column(i)
            if self.line:
                points.append(QPointF(slot.center().x(), plot.bottom() - bar.total * scale))
            else:
                for k, part in enumerate(bar.parts):
                    painter.fillRect(self.part_rect(i, k),
                                     QColor(PART_COLOURS.get(part.name, DEFAULT_COLOUR)))
            if i == self.current and self.hasFocus():
                painter.setPen(QPen(text, 1, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(slot.adjusted(1, 1, -1, -1))
            painter.setPen(text)
            last = len(self.bars) - 1
            if i % every == 0 or (i == last and last % every >= every // 2 + 1):
                painter.drawText(QRectF(slot.center().x() - widest / 2, plot.bottom() + 4,
                                        widest, metrics.height()),
                                 Qt.AlignmentFlag.AlignHCenter, bar.label)
            if len(self.bars) <= 12 or self.line and i % every == 0:
                value = f"{bar.total:g}"
                painter.drawText(QRectF(slot.left() - 10, plot.bottom() - bar.total * scale
                                        - metrics.height() - 2, slot.width() + 20,
                                        metrics.height()), Qt.AlignmentFlag.AlignHCenter, value)
        self._legend(painter)
        if self.line and points:
            painter.setPen(QPen(QColor(DEFAULT_COLOUR), 2))
            painter.drawPolyline(QPolygonF(points))
            painter.setBrush(QColor(DEFAULT_COLOUR))
            for point in points:
                painter.drawEllipse(point, 3, 3)

    def _legend(self, painter: QPainter) -> None:
        """Which colour is which, in the band above the plot, where a bar has parts."""
        if not self.legend:
            return
        seen: dict[str, str] = {}
        for bar in self.bars:
            for part in bar.parts:
                seen.setdefault(part.name, part.label)
        metrics = painter.fontMetrics()
        x, height = 8.0, metrics.height()
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        for name, label in seen.items():
            painter.fillRect(QRectF(x, 6, 12, 12), QColor(PART_COLOURS.get(name, DEFAULT_COLOUR)))
            painter.drawText(QRectF(x + 16, 3, metrics.horizontalAdvance(label) + 4, height),
                             Qt.AlignmentFlag.AlignLeft, label)
            x += 16 + metrics.horizontalAdvance(label) + 14
