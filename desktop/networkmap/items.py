"""The graphics items of the map. They only draw the model: what the worker does with them
(dragging, choosing) the scene reports; no item writes anything."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPainterPathStroker
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from desktop.ages import age_on
from desktop.networkmap import style
from desktop.networkmap.model import (
    DANGER_QUALITIES,
    PARENT_TYPES,
    PARTNER_TYPES,
    MapPerson,
    MapTie,
)
from desktop.networkmap.period import ended, tie_tooltip, until_label
from desktop.networkmap.words import abuse_letter

if TYPE_CHECKING:
    from desktop.networkmap.scene import MapScene

R = style.RADIUS
# A fingertip covers about 9 mm: the part of a person that picks them reaches this far past
# the symbol, so that a finger or a pen that lands just beside it still gets hold of them.
REACH = 12
ENDED_OPACITY = 0.4


def age_of(person: MapPerson, today: dt.date | None = None) -> str:
    years = age_on(person.birth_date, today)
    return "" if years is None else str(years)


class PersonItem(QGraphicsItem):
    """A person's symbol with the age inside and the name below."""

    def __init__(self, person: MapPerson, faulty: bool = False) -> None:
        super().__init__()
        self.person = person
        self.faulty = faulty
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setZValue(2)
        self.setAcceptHoverEvents(True)
        self._refresh_tooltip()

    def set_person(self, person: MapPerson, faulty: bool) -> None:
        if person != self.person or faulty != self.faulty:
            self.prepareGeometryChange()
            self.person, self.faulty = person, faulty
            self._refresh_tooltip()
            self.update()

    def _refresh_tooltip(self) -> None:
        self.setToolTip(" · ".join(x for x in (self.person.name, self.person.role or "") if x))

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return QRectF(-R * 3, -R - REACH, R * 6, R * 2 + 30 + REACH)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(-R - REACH, -R - REACH, 2 * (R + REACH), 2 * (R + REACH)),
                            REACH, REACH)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        p = self.person
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.setPen(style.pen(6, color=option.palette.highlight().color()))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            self._symbol(painter, R + 5)
        painter.setPen(style.pen(2))
        painter.setBrush(QBrush(QColor("#ffffff")))
        self._symbol(painter, R)
        if p.index_person:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            self._symbol(painter, R - 5)
        if p.deceased:
            painter.setPen(style.pen(1.5))
            painter.drawLine(QPointF(-R + 4, -R + 4), QPointF(R - 4, R - 4))
            painter.drawLine(QPointF(-R + 4, R - 4), QPointF(R - 4, -R + 4))
        font = QFont(painter.font())
        age = age_of(p)
        if age:
            font.setPointSizeF(10)
            painter.setFont(font)
            painter.setPen(style.INK)
            painter.drawText(QRectF(-R, -R, 2 * R, 2 * R), Qt.AlignmentFlag.AlignCenter, age)
        font.setPointSizeF(9)
        painter.setFont(font)
        name = painter.fontMetrics().elidedText(p.name, Qt.TextElideMode.ElideRight, int(R * 6))
        painter.setPen(style.INK)
        painter.drawText(QRectF(-R * 3, R + 2, R * 6, 16), Qt.AlignmentFlag.AlignHCenter, name)
        scene = self.scene()
        conflicted = scene is not None and p.id in getattr(scene, "conflicted", ())
        marks = ("?" if self.faulty else "") + ("!" if conflicted else "")
        if marks:
            painter.setPen(style.pen(1.5, color=style.FAULT))
            painter.drawText(QRectF(R - 2, -R - 8, 20, 16), Qt.AlignmentFlag.AlignLeft, marks)

    def _symbol(self, painter: QPainter, r: float) -> None:
        gender = self.person.gender
        if gender == "m":
            painter.drawRect(QRectF(-r, -r, 2 * r, 2 * r))
        elif gender == "f":
            painter.drawEllipse(QPointF(0, 0), r, r)
        else:
            path = QPainterPath(QPointF(0, -r))
            for point in (QPointF(r, 0), QPointF(0, r), QPointF(-r, 0), QPointF(0, -r)):
                path.lineTo(point)
            painter.drawPath(path)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            scene = self.scene()
            if scene is not None:
                scene.person_moved(self.person.id)  # type: ignore[attr-defined]
        return super().itemChange(change, value)


class TieItem(QGraphicsItem):
    """One tie, drawn in the style of the view the scene shows."""

    def __init__(self, tie: MapTie, faulty: bool = False) -> None:
        super().__init__()
        self.tie = tie
        self.faulty = faulty
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(1)
        self._path = QPainterPath()
        self.ended = ended(tie)
        self.setToolTip(tie_tooltip(tie))

    def map_scene(self) -> MapScene:
        return self.scene()  # type: ignore[return-value]

    def ends(self) -> tuple[QPointF, QPointF]:
        scene = self.map_scene()
        return scene.position_of(self.tie.a), scene.position_of(self.tie.b)

    def geometry_changed(self) -> None:
        self.prepareGeometryChange()
        self._path = self._outline()

    def _outline(self) -> QPainterPath:
        start, *rest = self._route(*self.ends())
        path = QPainterPath(start)
        for point in rest:
            path.lineTo(point)
        return path

    def _route(self, a: QPointF, b: QPointF) -> list[QPointF]:
        """Genogram child lines go down from the parents' line (not along it from the parent:
        an ended partner line would show through dark); everything else is straight."""
        scene = self.map_scene()
        if scene.view_name == "genogram" and self.tie.type in PARENT_TYPES:
            start = scene.descent_point(self.tie)
            middle = (start.y() + b.y() - R) / 2
            fork = scene.twin_fork(self.tie)
            # A twin's line leaves the sibling line where its twin's does, slanting down.
            turn = b.x() if fork is None else fork
            return [start, QPointF(start.x(), middle), QPointF(turn, middle),
                    QPointF(b.x(), b.y() - R)]
        return [a, b]

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._path.boundingRect().adjusted(-14, -14, 14, 14)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(2 * REACH)  # easy to hit with a finger or a pen
        return stroker.createStroke(self._path)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(style.pen(8, color=option.palette.highlight().color().lighter(150)))
            painter.drawPath(self._path)
        scene = self.map_scene()
        a, b = self.ends()
        line = _trim(QLineF(a, b))
        tie = self.tie
        if self.ended:
            painter.setOpacity(ENDED_OPACITY)  # over: still drawn, as part of the story
        if scene.view_name == "genogram":
            self._paint_genogram(painter, line)
        else:
            style.draw_quality(painter, line, tie.quality, tie.known_quality and tie.known_type)
            self._arrows(painter, line, tie.quality in DANGER_QUALITIES)
            if tie.support:
                painter.setPen(style.INK)
                painter.drawText(QRectF(line.center() - QPointF(30, 18), QPointF(
                    line.center().x() + 30, line.center().y() - 2)),
                    Qt.AlignmentFlag.AlignCenter, " ".join(tie.support))
        if self.ended:
            painter.setOpacity(1.0)
            self._until(painter)
        marks = (("?" if self.faulty else "") + ("≠" if tie.id in scene.disputed else "")
                 + ("!" if tie.id in scene.conflicted else ""))
        if marks:
            painter.setPen(style.pen(1.5, color=style.FAULT))
            painter.drawText(QRectF(line.center() + QPointF(2, 0), QPointF(
                line.center().x() + 24, line.center().y() + 16)), Qt.AlignmentFlag.AlignCenter,
                marks)

    def _until(self, painter: QPainter) -> None:
        """The year the tie ended, at the middle of its line: under it (support letters
        stand above), or above a partner line, where the children's line leaves it."""
        middle = self._path.pointAtPercent(0.5)
        above = self.map_scene().view_name == "genogram" and self.tie.type in PARTNER_TYPES
        font = QFont(painter.font())
        font.setPointSizeF(8)
        painter.setFont(font)
        painter.setPen(style.MUTED)
        painter.drawText(QRectF(middle.x() - 40, middle.y() + (-20 if above else 2), 80, 16),
                         Qt.AlignmentFlag.AlignHCenter, until_label(self.tie))

    def _paint_genogram(self, painter: QPainter, line: QLineF) -> None:
        tie = self.tie
        if tie.type in PARTNER_TYPES:
            dashed = tie.type in style.PARTNER_DASHED
            painter.setPen(style.pen(2, Qt.PenStyle.DashLine if dashed else
                                     Qt.PenStyle.SolidLine))
            painter.drawLine(line)
            slashes = style.PARTNER_SLASHES.get(tie.type or "", 0)
            if slashes:
                style.bars(painter, line, slashes)
        elif tie.type in PARENT_TYPES:
            painter.setPen(style.pen(1.8, style.CHILD_STYLES.get(tie.type or "",
                                                                 Qt.PenStyle.SolidLine)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._path)
        elif tie.quality not in style.GENOGRAM_QUALITIES and not self.map_scene().forked(tie):
            painter.setPen(style.pen(1, Qt.PenStyle.SolidLine, style.MUTED))
            painter.drawLine(line)
        if tie.quality in style.GENOGRAM_QUALITIES or not tie.known_quality:
            # The emotional line runs beside a structural one, so both stay readable.
            offset = style.parallel(line, 9) if tie.type in PARTNER_TYPES else line
            style.draw_quality(painter, offset, tie.quality, tie.known_quality)
            self._arrows(painter, offset, tie.quality in DANGER_QUALITIES)
            letter = abuse_letter(tie.quality or "")
            if letter:
                painter.setPen(style.DANGER)
                painter.drawText(QRectF(offset.center() - QPointF(16, 18), QPointF(
                    offset.center().x() + 16, offset.center().y() - 2)),
                    Qt.AlignmentFlag.AlignCenter, letter)

    def _arrows(self, painter: QPainter, line: QLineF, danger: bool) -> None:
        direction = self.tie.direction
        if danger and direction in (None, "none"):
            direction = "to"  # a danger line always points at the person affected
        color = style.DANGER if danger else style.INK
        if direction in ("to", "both"):
            style.arrow_head(painter, line.p2(), line.p1(), color)
        if direction in ("from", "both"):
            style.arrow_head(painter, line.p1(), line.p2(), color)


def _trim(line: QLineF, by: float = R + 3) -> QLineF:
    """The line between two symbols, from edge to edge rather than centre to centre."""
    length = line.length()
    if length <= 2 * by:
        return line
    ux, uy = line.dx() / length, line.dy() / length
    return QLineF(line.p1() + QPointF(ux * by, uy * by), line.p2() - QPointF(ux * by, uy * by))
