"""The Windows icon (.ico) drawn from resources/icons/keukentafel.svg at build time, so the
SVG stays the one icon we keep; Qt's own SVG renderer and ICO writer do it."""

from __future__ import annotations

from pathlib import Path

SIZE = 256  # Windows scales it down for the Start menu and the task bar


def write_ico(svg: Path, out: Path) -> Path:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(["icon", "-platform", "offscreen"])
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "ICO"):
        raise SystemExit(f"could not write {out.name}: is Qt's qico image plugin there?")
    del app
    return out
