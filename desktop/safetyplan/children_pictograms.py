"""The pictograms of the children's version (resources/pictograms/, drawn for the project),
rendered sharp at any size from their SVG."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop.safetyplan.children_data import OTHER, SAFETY_HOUSE, THREE_HOUSES

# Each room has its own picture; words in an unknown room get the Safety House's list.
ROOM_PICTOGRAMS = {part: part for part in THREE_HOUSES + SAFETY_HOUSE} | {OTHER: "rules"}


def pictogram_path(name: str) -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root / "resources" / "pictograms" / f"{name}.svg"


def pictogram(name: str, size: int, ratio: float = 1.0) -> QPixmap:
    """The pictogram `name` as a `size`×`size` pixmap (for a screen's device pixel ratio)."""
    renderer = QSvgRenderer(str(pictogram_path(name)))
    pixels = max(1, round(size * ratio))
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    if renderer.isValid():
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def pictogram_icon(name: str) -> QIcon:
    return QIcon(str(pictogram_path(name)))
