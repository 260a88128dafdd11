"""How each line of the map is drawn: pens and paths shared by the map and its legend.

Few colours, each with a meaning: ink for everything, red only for danger and violence,
amber for a fault in the data, the palette's highlight for what is selected.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from desktop.networkmap.model import DANGER_QUALITIES, FAMILY_TYPES, MapTie

INK = QColor("#222222")
MUTED = QColor("#777777")
DANGER = QColor("#c62828")
FAULT = QColor("#b26a00")
RADIUS = 22  # half the size of a person's symbol

CHILD_STYLES = {
    "parent_child": Qt.PenStyle.SolidLine,
    "adoptive_parent_child": Qt.PenStyle.DashLine,
    "foster_parent_child": Qt.PenStyle.DotLine,
    "step_parent_child": Qt.PenStyle.DashDotLine,
}
PARTNER_DASHED = frozenset({"cohabiting", "partner"})
PARTNER_SLASHES = {"separated": 1, "ex_partner": 1, "divorced": 2}
GENOGRAM_QUALITIES = frozenset({"close", "fused", "distant", "hostile", "conflict", "cut_off",
                                "violence"}) | DANGER_QUALITIES


def genogram_draws(tie: MapTie) -> bool:
    """The genogram shows the family's ties and the emotional lines between anyone; the
    ecogram's bands with friends, neighbours and professionals belong to the ecogram."""
    return (tie.type in FAMILY_TYPES or not tie.known_type or not tie.known_quality
            or tie.quality in GENOGRAM_QUALITIES)


def pen(width: float = 1.5, style: Qt.PenStyle = Qt.PenStyle.SolidLine,
        color: QColor = INK) -> QPen:
    p = QPen(color, width, style)
    p.setCapStyle(Qt.PenCapStyle.FlatCap)
    return p


def zigzag(line: QLineF, step: float = 8, height: float = 5) -> QPainterPath:
    path = QPainterPath(line.p1())
    length = line.length()
    if length < 1:
        return path
    ux, uy = line.dx() / length, line.dy() / length
    nx, ny = -uy, ux
    steps = max(2, int(length // step))
    for i in range(1, steps):
        t = i * length / steps
        side = height if i % 2 else -height
        path.lineTo(line.p1().x() + ux * t + nx * side, line.p1().y() + uy * t + ny * side)
    path.lineTo(line.p2())
    return path


def wave(line: QLineF, step: float = 14, height: float = 4) -> QPainterPath:
    path = QPainterPath(line.p1())
    length = line.length()
    if length < 1:
        return path
    ux, uy = line.dx() / length, line.dy() / length
    nx, ny = -uy, ux
    for i in range(1, int(length) + 1, 2):
        side = height * math.sin(i / step * 2 * math.pi)
        path.lineTo(line.p1().x() + ux * i + nx * side, line.p1().y() + uy * i + ny * side)
    path.lineTo(line.p2())
    return path


def parallel(line: QLineF, offset: float) -> QLineF:
    length = max(line.length(), 1e-6)
    nx, ny = -line.dy() / length * offset, line.dx() / length * offset
    return QLineF(line.p1() + QPointF(nx, ny), line.p2() + QPointF(nx, ny))


def bars(painter: QPainter, line: QLineF, count: int, size: float = 9) -> None:
    """Short strokes across the middle of `line`: slashes for a separation, bars for a cut-off."""
    length = max(line.length(), 1e-6)
    ux, uy = line.dx() / length, line.dy() / length
    mid = line.center()
    for i in range(count):
        shift = (i - (count - 1) / 2) * 6
        c = QPointF(mid.x() + ux * shift, mid.y() + uy * shift)
        # A slash leans; a bar stands straight across.
        a = QPointF(c.x() - uy * size + ux * 4, c.y() + ux * size + uy * 4)
        b = QPointF(c.x() + uy * size - ux * 4, c.y() - ux * size - uy * 4)
        painter.drawLine(a, b)


def arrow_head(painter: QPainter, tip: QPointF, tail: QPointF, color: QColor) -> None:
    line = QLineF(tail, tip)
    length = max(line.length(), 1e-6)
    ux, uy = line.dx() / length, line.dy() / length
    size = 10
    left = QPointF(tip.x() - ux * size - uy * size * 0.5, tip.y() - uy * size + ux * size * 0.5)
    right = QPointF(tip.x() - ux * size + uy * size * 0.5, tip.y() - uy * size - ux * size * 0.5)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPolygon(QPolygonF([tip, left, right]))
    painter.restore()


def draw_quality(painter: QPainter, line: QLineF, quality: str | None, known: bool) -> None:
    """One tie's line in the style of its quality (both views)."""
    if not known:
        painter.setPen(pen(1.2, Qt.PenStyle.SolidLine, MUTED))
        painter.drawLine(line)
        return
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if quality in DANGER_QUALITIES:
        painter.setPen(pen(2.5, color=DANGER))
        painter.drawLine(line)
    elif quality == "strong":
        painter.setPen(pen(4.5))
        painter.drawLine(line)
    elif quality == "weak":
        painter.setPen(pen(1.5, Qt.PenStyle.DashLine))
        painter.drawLine(line)
    elif quality == "distant":
        painter.setPen(pen(1.5, Qt.PenStyle.DotLine))
        painter.drawLine(line)
    elif quality == "stressful":
        painter.setPen(pen(1.5))
        painter.drawPath(wave(line))
    elif quality in ("conflict", "hostile"):
        painter.setPen(pen(1.5))
        painter.drawPath(zigzag(line))
    elif quality == "close":
        painter.setPen(pen(1.5))
        for offset in (-2.5, 2.5):
            painter.drawLine(parallel(line, offset))
    elif quality == "fused":
        painter.setPen(pen(1.5))
        for offset in (-4, 0, 4):
            painter.drawLine(parallel(line, offset))
    elif quality == "cut_off":
        painter.setPen(pen(1.5))
        painter.drawLine(line)
        bars(painter, line, 2)
    else:  # normal, or no quality
        painter.setPen(pen(1.5))
        painter.drawLine(line)
