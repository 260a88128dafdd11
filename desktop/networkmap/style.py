"""How each line of the map is drawn: pens and paths shared by the map and its legend.

Few colours, each with a meaning: ink for everything, red only for danger and violence,
amber for a fault in the data, the palette's highlight for what is selected.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform

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
    length = line.length()
    if length < 1:
        return QPainterPath(line.p1())
    return _along(line, _zigzag(max(1, round(length)), step, height))


def wave(line: QLineF, step: float = 14, height: float = 4) -> QPainterPath:
    length = line.length()
    if length < 1:
        return QPainterPath(line.p1())
    return _along(line, _wave(max(1, round(length)), step, height))


# A zigzag or wave is drawn along the x axis once per length and turned onto the line by Qt:
# a long line has hundreds of corners, and building them in Python for every line at every
# repaint cost most of the map's first render and of each drag frame.


def _along(line: QLineF, local: QPainterPath) -> QPainterPath:
    """`local`, drawn from (0, 0) along the x axis, laid on `line` (its end stretched onto
    the line's end, so the rounding of the length does not show)."""
    end = local.currentPosition().x()
    turn = QTransform()
    turn.translate(line.x1(), line.y1())
    turn.rotate(-line.angle())
    turn.scale(line.length() / end, 1)
    return turn.map(local)


@functools.lru_cache(maxsize=512)
def _zigzag(length: int, step: float, height: float) -> QPainterPath:
    path = QPainterPath(QPointF(0, 0))
    steps = max(2, int(length // step))
    for i in range(1, steps):
        path.lineTo(i * length / steps, height if i % 2 else -height)
    path.lineTo(length, 0)
    return path


@functools.lru_cache(maxsize=512)
def _wave(length: int, step: float, height: float) -> QPainterPath:
    """Half a wave per curve (a quadratic's peak lies halfway to its control point)."""
    path = QPainterPath(QPointF(0, 0))
    halves = max(1, round(2 * length / step))
    half = length / halves
    for i in range(halves):
        side = 2 * height if i % 2 == 0 else -2 * height
        path.quadTo((i + 0.5) * half, side, (i + 1) * half, 0)
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
