"""While the worker drags people on the map, everything that stays put is shown as two
pictures taken when the drag starts (the ties below what moves, the people above it); only
the dragged people and their ties are drawn at each frame.

Each move repaints the area of every tie of the dragged person, and on a map of a few hundred
ties those areas cover most of the view: without the pictures a drag frame drew the whole map
again (about 35 ms for 150 people and 300 ties, where a frame should take under 16 ms).

The pictures only stand in for items that cannot change during the drag. Anything else that
happens (a zoom, a scroll, a map rebuilt by an edit that arrived by sync, another selection)
puts the items back, so the map is then drawn as it always is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QPainter, QPixmap, QTransform

from desktop.networkmap.model import PARENT_TYPES

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsItem

    from desktop.networkmap.scene import MapScene
    from desktop.networkmap.view import MapView


class DragGlass(QObject):
    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.view = view
        self.pictures: tuple[QPixmap, QPixmap] | None = None  # (under, over) what moves
        self._still: dict[QGraphicsItem, float] = {}  # under a picture: their own opacity
        self._taken_at: tuple[QTransform, int, int, int, int] | None = None
        view.viewport().installEventFilter(self)

    @property
    def active(self) -> bool:
        return self.pictures is not None

    def _scene(self) -> MapScene | None:
        scene = self.view.scene()
        return scene if hasattr(scene, "dragging") else None  # type: ignore[return-value]

    def _where(self) -> tuple[QTransform, int, int, int, int]:
        view = self.view
        return (view.transform(), view.horizontalScrollBar().value(),
                view.verticalScrollBar().value(), view.viewport().width(),
                view.viewport().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind == QEvent.Type.MouseMove and not self.active:
            scene = self._scene()
            if scene is not None and scene.dragging and event.buttons() \
                    & Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
                self._take(scene)
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.Wheel, QEvent.Type.Resize) \
                and self.active:
            self.lift()
        return False

    def _moving(self, scene: MapScene) -> set[QGraphicsItem]:
        """The dragged people and every tie that follows them (as the scene's person_moved
        decides: a child line starts between the parents, so it follows either)."""
        people = set(scene.selected_people())
        partners = {p for person in people for p in scene._partners.get(person, ())}
        moving: set[QGraphicsItem] = {scene.people[p] for p in people}
        for item in scene.ties.values():
            tie = item.tie
            if tie.a in people or tie.b in people or (tie.type in PARENT_TYPES
                                                      and tie.a in partners):
                moving.add(item)
        return moving

    def _take(self, scene: MapScene) -> None:
        moving = self._moving(scene)
        ties = [item for item in scene.ties.values() if item not in moving
                and item.isVisible() and item.opacity() > 0]
        people = [item for item in scene.people.values() if item not in moving
                  and item.isVisible() and item.opacity() > 0]
        # Two pictures keep the order of the layers: the ties that stay under everything
        # that moves, the people who stay over it (as people are drawn over ties).
        self.pictures = (self._picture_of(scene, ties), self._picture_of(scene, people))
        self._still = {item: item.opacity() for item in (*ties, *people)}
        for item in self._still:
            item.setOpacity(0)  # drawn by a picture; Qt skips a fully transparent item
        self._taken_at = self._where()
        scene.selection_ids_changed.connect(self.lift)  # a rebuild ends with it

    def _picture_of(self, scene: MapScene, items: list[QGraphicsItem]) -> QPixmap:
        """The view as it shows `items` alone."""
        keep = set(items)
        hidden = {item: item.opacity() for item in scene.items()
                  if item not in keep and item.opacity() > 0}
        for item in hidden:
            item.setOpacity(0)
        viewport = self.view.viewport()
        ratio = viewport.devicePixelRatioF()
        picture = QPixmap(viewport.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        self.view.render(painter, QRectF(0, 0, viewport.width(), viewport.height()),
                         QRect(0, 0, viewport.width(), viewport.height()))
        painter.end()
        for item, opacity in hidden.items():
            item.setOpacity(opacity)
        return picture

    def lift(self) -> None:
        """Put every item back (after the drag, or when the picture no longer fits)."""
        if self.pictures is None:
            return
        scene = self._scene()
        if scene is not None:
            scene.selection_ids_changed.disconnect(self.lift)
        for item, opacity in self._still.items():
            # Unless something gave it another look meanwhile (a rebuild of the map).
            if item.scene() is not None and item.opacity() == 0:
                item.setOpacity(opacity)
        self._still = {}
        self.pictures = None
        self._taken_at = None
        self.view.viewport().update()

    def draw(self, painter: QPainter, layer: int) -> None:
        """Called from the view's background (layer 0) and foreground (layer 1): the
        picture of that layer, where the view still shows it."""
        if self.pictures is None:
            return
        if self._where() != self._taken_at:
            QTimer.singleShot(0, self.lift)  # not while painting
            return
        painter.save()
        painter.resetTransform()
        painter.drawPixmap(0, 0, self.pictures[layer])
        painter.restore()
