"""The map on paper: PNG, SVG, PDF and the printer, always with its legend.

One page layout serves every device: a title, the drawing, the legend below it. It is laid
out in scene units at 96 dpi and scaled to the device as a whole; each device is given 96
dpi too, because the items' fonts are in points and would otherwise grow with the device's
resolution while the drawing does not. With `hide_names` every name becomes initials (and
the role), so a map can leave the office without a full name on it.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPainter,
    QPdfWriter,
    QTransform,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtSvg import QSvgGenerator

from desktop.networkmap import style
from desktop.networkmap.model import NetworkModel, build, disputed
from desktop.networkmap.reading import read_network
from desktop.networkmap.scene import MapScene
from desktop.networkmap.words import legend_text
from desktop.paper import a4_pdf, page_rect_pixels, painting
from storage.errors import StoreError

translate = QCoreApplication.translate  # the name lupdate looks for

FORMATS = ("png", "svg", "pdf")
VIEWS = ("genogram", "ecogram")
DPI = 96
MARGIN = 24.0
PAPER_MARGIN_MM = 12
LINE = 18.0  # the height of a legend line, in scene units
PNG_SCALE = 2  # a PNG sharp enough to print


def initials(name: str) -> str:
    """'Sanne van Dijk' -> 'S.v.D.': a letter of every word, nothing more of the name."""
    return "".join(f"{word[0]}." for word in name.split() if word[:1].isalnum())


def hide_names(model: NetworkModel) -> NetworkModel:
    """The model with initials and the role in place of every name."""
    people = {
        person_id: dataclasses.replace(person, name=" · ".join(
            part for part in (initials(person.name), person.role or "") if part))
        for person_id, person in model.people.items()
    }
    return dataclasses.replace(model, people=people)


def view_title(view_name: str) -> str:
    if view_name == "ecogram":
        return translate("MapExport", "Ecogram")
    return translate("MapExport", "Genogram")


def map_scene(model: NetworkModel, view_name: str, *, names_hidden: bool = False,
              conflicted: frozenset[str] = frozenset()) -> MapScene:
    """A scene of its own for the page, so what the worker has chosen on screen (and the
    selection marks) never lands on paper."""
    scene = MapScene()
    scene.conflicted = conflicted
    scene.disputed = disputed(model)
    scene.show_model(hide_names(model) if names_hidden else model, view_name)
    return scene


class Page:
    """Title, drawing and legend of one scene, laid out in scene units."""

    def __init__(self, scene: MapScene) -> None:
        self.scene = scene
        self.title = view_title(scene.view_name)
        self.legend = [legend_text(key) for key in scene.legend_keys()]
        self.font = QFont()
        self.font.setPointSizeF(10)
        self.title_font = QFont(self.font)
        self.title_font.setPointSizeF(14)
        self.title_font.setBold(True)
        bounds = scene.itemsBoundingRect()
        self.source = bounds.marginsAdded(QMarginsF(8, 8, 8, 8)) if not bounds.isEmpty() \
            else QRectF(0, 0, 200, 100)
        metrics = QFontMetricsF(self.font)
        legend_width = max((metrics.horizontalAdvance(t) for t in self.legend), default=0.0)
        self.width = max(self.source.width(), legend_width, 300.0) + 2 * MARGIN
        self.legend_top = MARGIN + 2 * LINE + self.source.height() + LINE
        self.height = self.legend_top + (len(self.legend) + 2) * LINE + MARGIN

    def size(self, scale: float = 1.0) -> QSize:
        return QSize(round(self.width * scale), round(self.height * scale))

    def paint(self, painter: QPainter, target: QRectF) -> None:
        """Paint the page into `target` (device units at 96 dpi), as large as it fits."""
        scale = min(target.width() / self.width, target.height() / self.height)
        painter.save()
        # Moved and scaled in one transform.
        painter.setWorldTransform(
            QTransform(scale, 0, 0, scale, target.left(), target.top()), True)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setPen(style.INK)
        painter.setFont(self.title_font)
        painter.drawText(QRectF(MARGIN, MARGIN, self.width - 2 * MARGIN, 1.5 * LINE),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.title)
        drawing = QRectF(QPointF(MARGIN, MARGIN + 2 * LINE), self.source.size())
        self.scene.render(painter, drawing, self.source, Qt.AspectRatioMode.KeepAspectRatio)
        painter.setPen(style.INK)
        painter.setFont(self.title_font)
        painter.drawText(QRectF(MARGIN, self.legend_top, self.width, 1.5 * LINE),
                         Qt.AlignmentFlag.AlignLeft, translate("MapExport", "Legend"))
        painter.setFont(self.font)
        for index, text in enumerate(self.legend, start=1):
            top = self.legend_top + (index + 0.5) * LINE
            painter.drawText(QRectF(MARGIN, top, self.width, LINE),
                             Qt.AlignmentFlag.AlignLeft, text)
        painter.restore()


def _painting(painter: QPainter, device: object) -> QPainter:
    if not painter.begin(device):
        raise OSError("cannot write the export file")
    return painter


def write_png(page: Page, path: Path) -> None:
    image = QImage(page.size(PNG_SCALE), QImage.Format.Format_ARGB32)
    dots_per_metre = round(DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("#ffffff"))
    painter = _painting(QPainter(), image)
    page.paint(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError("cannot write the export file")


def write_svg(page: Page, path: Path) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setResolution(DPI)
    generator.setSize(page.size())
    generator.setViewBox(QRectF(0, 0, page.width, page.height))
    generator.setTitle(page.title)
    painter = _painting(QPainter(), generator)
    page.paint(painter, QRectF(0, 0, page.width, page.height))
    painter.end()


def paint_on_paper(page: Page, device: QPdfWriter | QPrinter) -> None:
    """A4 (or the printer's paper), landscape when the page is wider than high."""
    device.setResolution(DPI)  # see the module's docstring: the fonts are in points
    device.setPageOrientation(_orientation(page))
    with painting(device) as painter:
        page.paint(painter, QRectF(0, 0, *page_rect_pixels(device)))


def _orientation(page: Page) -> QPageLayout.Orientation:
    return (QPageLayout.Orientation.Landscape if page.width > page.height
            else QPageLayout.Orientation.Portrait)


def write_pdf(page: Page, path: Path) -> None:
    paint_on_paper(page, a4_pdf(path, page.title, PAPER_MARGIN_MM, dpi=DPI,
                                orientation=_orientation(page)))


WRITERS = {"png": write_png, "svg": write_svg, "pdf": write_pdf}


def export_map(model: NetworkModel, view_name: str, fmt: str, path: Path, *,
               names_hidden: bool = False, conflicted: frozenset[str] = frozenset()) -> None:
    """Write the map of `model` in `view_name` as `fmt` to `path` (the place the worker
    chose; nothing is written anywhere else)."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}")
    if view_name not in VIEWS:
        raise ValueError(f"unknown map view {view_name!r}")
    scene = map_scene(model, view_name, names_hidden=names_hidden, conflicted=conflicted)
    WRITERS[fmt](Page(scene), Path(path))


def print_map(model: NetworkModel, view_name: str, printer: QPrinter, *,
              names_hidden: bool = False, conflicted: frozenset[str] = frozenset()) -> None:
    scene = map_scene(model, view_name, names_hidden=names_hidden, conflicted=conflicted)
    paint_on_paper(Page(scene), printer)


def access_detail(kind: str, view_name: str, names_hidden: bool) -> str:
    """What the access log says of an export: the view, the format and whether names were
    hidden; never a file name (it may hold the family's name)."""
    return f"map {view_name} {kind}" + (" initials" if names_hidden else "")



def export_case(store: Any, case_id: str, view_name: str, fmt: str, path: Path, *,
                names_hidden: bool = False) -> None:
    """Export a case's map straight from the store (the command line) and log it. A file
    whose access-log entry could not be written is removed again: no export goes unlogged."""
    people, ties, conflicted = read_network(store, case_id)
    try:
        export_map(build(people, ties), view_name, fmt, path, names_hidden=names_hidden,
                   conflicted=conflicted)
    except OSError:
        raise StoreError("cannot write the export file") from None
    try:
        store.log_access("export", case_id=case_id,
                         detail=access_detail(fmt, view_name, names_hidden))
    except BaseException:
        Path(path).unlink(missing_ok=True)
        raise


def offscreen_application(data_dir: Path | None = None) -> QCoreApplication:
    """A QApplication that needs no display, speaking the worker's language (Dutch unless
    the settings of `data_dir` say otherwise), for exports from the command line."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.i18n import install_translators

    app = QApplication.instance() or QApplication(["keukentafel"])
    language = "nl"
    if data_dir is not None:
        from desktop.settings import Settings

        language = Settings(data_dir).get("language") or "nl"
    install_translators(app, language)
    return app
