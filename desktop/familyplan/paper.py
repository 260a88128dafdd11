"""The plan for the family on paper: a PDF file or the printer, A4, each page with a footer
that names the plan's version and the day it was made (a copy on the fridge says which
plan it is). The document is laid out for the device itself, so fonts are in points and
the pictograms keep their size on paper. The same pages can be drawn as images (the
screenshots: PySide6 has no QtPdf here to read a PDF back)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageSize,
    QPaintDevice,
    QPainter,
    QTextDocument,
)

from desktop.paper import a4_pdf, lay_out_a4, page_rect_pixels, painting

PDF_DPI = 300
MARGIN_MM = 18
FOOTER_PT = 9

Footer = Callable[[int, int], str]  # (page, pages) -> the footer's text


class _Pages:
    """`document` laid out in pages of `width` x `height` device pixels of `device`, with
    room under each for the footer."""

    def __init__(self, document: QTextDocument, device: QPaintDevice, width: float,
                 height: float, footer: Footer) -> None:
        self.document, self.footer, self.width, self.height = document, footer, width, height
        self.font = QFont(document.defaultFont())
        self.font.setPointSizeF(FOOTER_PT)
        self.line = QFontMetricsF(self.font, device).lineSpacing()
        document.documentLayout().setPaintDevice(device)
        self.page = QSizeF(width, height - 2 * self.line)
        document.setPageSize(self.page)
        self.count = document.pageCount()

    def paint(self, painter: QPainter, number: int) -> None:
        """Page `number` (from 0), its top left at the painter's origin."""
        painter.save()
        clip = QRectF(0, number * self.page.height(), self.page.width(), self.page.height())
        painter.translate(0, -clip.top())
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        self.document.documentLayout().draw(painter, context)
        painter.restore()
        painter.setFont(self.font)
        painter.drawText(QRectF(0, self.height - self.line, self.width, self.line),
                         Qt.AlignmentFlag.AlignCenter, self.footer(number + 1, self.count))


def paint_pages(document: QTextDocument, device: QPagedPaintDevice, footer: Footer) -> int:
    """Lay `document` out for `device`'s pages and paint them, each with its footer;
    returns the number of pages."""
    lay_out_a4(device, MARGIN_MM)
    with painting(device) as painter:
        pages = _Pages(document, device, *page_rect_pixels(device), footer)
        for number in range(pages.count):
            if number:
                device.newPage()
            pages.paint(painter, number)
    return pages.count


def write_pdf(document: QTextDocument, path: Path, footer: Footer, title: str) -> int:
    return paint_pages(document, a4_pdf(path, title, MARGIN_MM, dpi=PDF_DPI), footer)


def _blank(width: int, height: int, dpi: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("#ffffff"))
    return image


def page_images(document: QTextDocument, footer: Footer, dpi: int = 100,
                margin_mm: float = MARGIN_MM) -> list[QImage]:
    """Every A4 page as a white image at `dpi`, laid out as on paper with `margin_mm`."""
    size = QPageSize(QPageSize.PageSizeId.A4).sizePixels(dpi)
    margin = round(margin_mm / 25.4 * dpi)
    probe = _blank(size.width(), size.height(), dpi)
    pages = _Pages(document, probe, size.width() - 2 * margin, size.height() - 2 * margin,
                   footer)
    images = []
    for number in range(pages.count):
        image = _blank(size.width(), size.height(), dpi)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(margin, margin)
        pages.paint(painter, number)
        painter.end()
        images.append(image)
    return images
