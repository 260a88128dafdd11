"""The comparison drawn on the map: the later moment with the normal items, and in words
beside each what changed since the earlier one ("nieuw", "weg", "veranderd").

Who or what has gone since is put back, faded, so that one drawing shows both moments.
Colour only repeats what the words say: green for new, grey for gone, blue for changed
(red stays for danger). Nothing here can be dragged or edited.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsSimpleTextItem,
)

from desktop.networkmap import style
from desktop.networkmap.scene import MapScene
from desktop.networkmap.snapshot import Comparison, Snapshot, union_model

NEW = QColor("#2e7d32")
GONE = QColor("#757575")
CHANGED = QColor("#1565c0")
FADED = 0.35


class CompareScene(MapScene):
    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self.marks: dict[str, str] = {}  # person or tie id -> "new", "gone" or "changed"
        self._decorations: list[QGraphicsItem] = []

    def mark_text(self, mark: str) -> str:
        return {"new": self.tr("new"), "gone": self.tr("gone"),
                "changed": self.tr("changed")}[mark]

    def show_comparison(self, before: Snapshot, after: Snapshot, result: Comparison,
                        view_name: str | None = None) -> None:
        for item in self._decorations:
            self.removeItem(item)
        self._decorations = []
        self.show_model(union_model(before, after), view_name)
        self.marks = {
            **{i: "new" for i in result.added_ids | result.begun_ids},
            **{i: "gone" for i in result.left_ids | result.ended_ids},
            **{i: "changed" for i in result.changed_ids},
        }
        for person in self.people.values():
            person.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, False)
            if person.opacity() != 1.0:  # faded by the comparison shown before
                person.setOpacity(1.0)
        for person_id, item in self.people.items():
            mark = self.marks.get(person_id)
            if mark is not None:
                self._mark_person(item.pos(), mark)
                if mark == "gone":
                    item.setOpacity(FADED)
        for tie_id, item in self.ties.items():
            mark = self.marks.get(tie_id)
            if mark is None:
                continue
            if mark == "gone":
                item.setOpacity(FADED)
            if item.isVisible():
                self._label(item.boundingRect().center(), mark, 0)

    def _mark_person(self, at: QPointF, mark: str) -> None:
        color = {"new": NEW, "gone": GONE}.get(mark, CHANGED)
        r = style.RADIUS + 7
        ring = QGraphicsEllipseItem(QRectF(-r, -r, 2 * r, 2 * r))
        ring.setPos(at)
        ring.setPen(style.pen(3, Qt.PenStyle.DashLine if mark == "gone" else
                              Qt.PenStyle.SolidLine, color))
        ring.setBrush(Qt.BrushStyle.NoBrush)
        self._decorate(ring, 3)
        self._label(at + QPointF(0, -style.RADIUS - 20), mark, 4)

    def _label(self, at: QPointF, mark: str, z: float) -> None:
        color = {"new": NEW, "gone": GONE}.get(mark, CHANGED)
        text = QGraphicsSimpleTextItem(self.mark_text(mark))
        font = QFont()
        font.setPointSizeF(9)
        font.setBold(True)
        text.setFont(font)
        text.setBrush(QBrush(color))
        rect = text.boundingRect()
        text.setPos(at.x() - rect.width() / 2, at.y() - rect.height() / 2)
        back = QGraphicsEllipseItem()  # a white ground keeps the word readable over lines
        back.setRect(rect.adjusted(-4, -2, 4, 2))
        back.setPos(text.pos())
        back.setPen(style.pen(1, color=color))
        back.setBrush(QBrush(QColor("#ffffff")))
        self._decorate(back, z + 5)
        self._decorate(text, z + 6)

    def _decorate(self, item: QGraphicsItem, z: float) -> None:
        item.setZValue(z)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.addItem(item)
        self._decorations.append(item)
