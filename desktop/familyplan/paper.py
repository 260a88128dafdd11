"""The plan for the family on paper: a PDF file or the printer, A4, each page with a footer
that names the plan's version and the day it was made (a copy on the fridge says which
plan it is). The document is laid out for the device itself, so fonts are in points and
the pictograms keep their size on paper."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

PDF_DPI = 300
MARGIN_MM = 18
FOOTER_PT = 9

Footer = Callable[[int, int], str]  # (page, pages) -> the footer's text


def paint_pages(document: QTextDocument, device: QPagedPaintDevice, footer: Footer) -> int:
    """Lay `document` out for `device`'s pages and paint them, each with its footer;
    returns the number of pages."""
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                          QPageLayout.Unit.Millimeter)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot write the family plan")
    try:
        area = device.pageLayout().paintRectPixels(device.resolution())
        font = QFont(document.defaultFont())
        font.setPointSizeF(FOOTER_PT)
        line = QFontMetricsF(font, device).lineSpacing()
        document.documentLayout().setPaintDevice(device)
        page = QSizeF(area.width(), area.height() - 2 * line)
        document.setPageSize(page)
        pages = document.pageCount()
        for number in range(pages):
            if number:
                device.newPage()
            painter.save()
            clip = QRectF(0, number * page.height(), page.width(), page.height())
            painter.translate(0, -clip.top())
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            document.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(font)
            painter.drawText(QRectF(0, area.height() - line, area.width(), line),
                             Qt.AlignmentFlag.AlignCenter, footer(number + 1, pages))
    finally:
        painter.end()
    return pages


def write_pdf(document: QTextDocument, path: Path, footer: Footer, title: str) -> int:
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setTitle(title)
    writer.setCreator("Keukentafel")
    return paint_pages(document, writer, footer)
