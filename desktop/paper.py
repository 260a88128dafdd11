"""A4 for every printout: one way to set up the page, the PDF's metadata and the painter,
shared by the plan for the family, the inzage and consult, the monitor and the network map.

The PDF's metadata says no more than the paper does: its title is the document's own
heading in general words ("Plan voor het gezin", "Ecogram", "Inzage"), never a family's or a
worker's name, and its creator is the app. A file that is sent on keeps nothing hidden about
whom it concerns.

Each document keeps its own margin and resolution (the resolution decides how its fonts in
points and its drawings in pixels relate), so a PDF comes out page for page as it did when
each set up the page itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QIODevice, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

CREATOR = "Keukentafel"

Orientation = QPageLayout.Orientation


def lay_out_a4(device: QPagedPaintDevice, margin_mm: float,
               orientation: QPageLayout.Orientation = Orientation.Portrait) -> None:
    """A4 in `orientation` with `margin_mm` all round, on a PDF writer or a printer. Set one
    by one rather than as one layout: a printer that cannot print so close to the edge then
    still gets A4 and keeps its own smallest margins."""
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageOrientation(orientation)
    device.setPageMargins(QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm),
                          QPageLayout.Unit.Millimeter)


def a4_pdf(target: Path | QIODevice, title: str, margin_mm: float, *, dpi: int | None = None,
           orientation: QPageLayout.Orientation = Orientation.Portrait) -> QPdfWriter:
    """A PDF writer to `target` (a path, or the QSaveFile of the place the worker chose),
    A4, titled `title` (general words only, see the module's docstring). Without `dpi` the
    writer keeps Qt's own resolution."""
    writer = QPdfWriter(str(target) if isinstance(target, Path) else target)
    if dpi is not None:
        writer.setResolution(dpi)
    lay_out_a4(writer, margin_mm, orientation)
    writer.setTitle(title)
    writer.setCreator(CREATOR)
    return writer


@contextmanager
def painting(device: QPagedPaintDevice) -> Iterator[QPainter]:
    """A painter on `device` that is ended however the painting ends (an unended painter
    leaves a PDF without its last page); OSError when the device cannot be opened, such as
    a folder the worker may not write in."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot write the printout")
    try:
        yield painter
    finally:
        painter.end()


def page_rect_pixels(device: QPagedPaintDevice) -> tuple[float, float]:
    """The width and height inside the margins, in `device` pixels."""
    area = device.pageLayout().paintRectPixels(device.resolution())
    return float(area.width()), float(area.height())
