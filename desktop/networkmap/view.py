"""The map's QGraphicsView: zoom (Ctrl and the wheel, the toolbar, two fingers), pan (the
scroll bars, one finger on empty paper), fit to window, a rubber band to choose several
people, and the context menu the tab fills.

Touch on a 2-in-1 laptop: the view takes touch events itself rather than the mouse events
Qt would make of them, because a finger's drag on empty paper would otherwise draw a rubber
band instead of moving the paper. A finger that lands on a person or a tie is left to Qt, which
turns it into the mouse events that select and drag, exactly as with a mouse or a pen.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QNativeGestureEvent,
    QPainter,
    QResizeEvent,
    QTouchEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView, QWidget

from desktop.networkmap.glass import DragGlass

ZOOM_STEP = 1.2
MIN_SCALE = 0.05
MAX_SCALE = 8.0


class MapView(QGraphicsView):
    context_menu_at = Signal(QPoint)  # view coordinates

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        # Until the worker zooms or pans, the drawing stays fitted when the view changes size
        # (the tab's splitter settling, the window growing).
        self.fitted = False
        self._pinch: tuple[float, float] | None = None  # (fingers' distance, scale) at start
        self._pan: QPointF | None = None  # where the panning finger was
        self.glass = DragGlass(self)  # a drag frame draws only what moves

    # -- zoom and fit -----------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_to(self, factor: float, anchor: QPointF | None = None) -> None:
        """Scale the drawing to `factor`, keeping the scene point under `anchor` (view
        coordinates) in place."""
        factor = max(MIN_SCALE, min(MAX_SCALE, factor))
        if not math.isfinite(factor) or factor == self.zoom:
            return
        self.fitted = False
        if anchor is None:
            ratio = factor / self.zoom
            self.scale(ratio, ratio)
            return
        before = self.mapToScene(anchor.toPoint())
        old = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        ratio = factor / self.zoom
        self.scale(ratio, ratio)
        shift = self.mapFromScene(before) - anchor.toPoint()
        self._scroll_by(QPointF(shift))
        self.setTransformationAnchor(old)

    def resetTransform(self) -> None:  # noqa: N802 - Qt override
        self.fitted = False
        super().resetTransform()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt API
        super().drawBackground(painter, rect)
        self.glass.draw(painter, 0)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt API
        super().drawForeground(painter, rect)
        self.glass.draw(painter, 1)

    def zoom_in(self) -> None:
        self.zoom_to(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_to(self.zoom / ZOOM_STEP)

    def fit(self) -> None:
        rect = self.scene().itemsBoundingRect().adjusted(-40, -40, 40, 40)
        if rect.isValid():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            self.fitted = True

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.fitted:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)()
            event.accept()
            return
        self.fitted = False
        super().wheelEvent(event)

    # -- touch, pen and touchpad ------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                    QEvent.Type.TouchCancel):
            return self._touch(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.NativeGesture:
            gesture: QNativeGestureEvent = event  # type: ignore[assignment]
            if gesture.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                # A touchpad's pinch: value() is the change of scale since the last event.
                self.zoom_to(self.zoom * (1 + gesture.value()), gesture.position())
                event.accept()
                return True
        return super().viewportEvent(event)

    def _touch(self, event: QTouchEvent) -> bool:
        points = [p for p in event.points()
                  if p.state() != p.State.Released] or list(event.points())
        kind = event.type()
        if kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self._pinch = self._pan = None
            event.accept()
            return True
        if len(points) >= 2:
            a, b = points[0].position(), points[1].position()
            distance = math.hypot(a.x() - b.x(), a.y() - b.y())
            if self._pinch is None or kind == QEvent.Type.TouchBegin:
                self._pinch = (max(distance, 1.0), self.zoom)
            else:
                start, scale = self._pinch
                self.zoom_to(scale * distance / start, (a + b) / 2)
            self._pan = None
            event.accept()
            return True
        here = points[0].position()
        if kind == QEvent.Type.TouchBegin:
            if self._grabs(here):
                event.ignore()  # Qt makes mouse events of it: select and drag as a mouse
                return False
            self._pan = here
        elif self._pan is not None and self._pinch is None:
            self.fitted = False
            self._scroll_by(self._pan - here)
            self._pan = here
        event.accept()
        return True

    def _grabs(self, at: QPointF) -> bool:
        item = self.itemAt(at.toPoint())
        return item is not None and bool(
            item.flags() & (QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable))

    def _scroll_by(self, delta: QPointF) -> None:
        for bar, step in ((self.horizontalScrollBar(), delta.x()),
                          (self.verticalScrollBar(), delta.y())):
            bar.setValue(bar.value() + round(step))

    # -- context menu -----------------------------------------------------------------------

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        item = self.itemAt(event.pos())
        if item is not None and item.flags() & item.GraphicsItemFlag.ItemIsSelectable \
                and not item.isSelected():
            self.scene().clearSelection()
            item.setSelected(True)
        self.context_menu_at.emit(event.pos())
