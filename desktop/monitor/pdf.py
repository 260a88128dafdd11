"""The monitor as a PDF: each figure's chart and its numbers, nothing else (no names, no
case ids: the charts and tables it draws hold aggregates only)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPdfWriter

from desktop.monitor.chart import MonitorChart
from desktop.monitor.tables import FigureTableModel
from desktop.paper import a4_pdf, page_rect_pixels, painting

Section = tuple[str, MonitorChart | None, FigureTableModel]

DPI = 96
# 15 points all round (about 5 mm), as the monitor's page has always had.
MARGIN_MM = 15 * 25.4 / 72


def write_pdf(path: Path, title: str, sections: Sequence[Section]) -> None:
    writer = a4_pdf(path, title, MARGIN_MM, dpi=DPI)
    with painting(writer) as painter:
        _paint(writer, painter, title, sections)


def _paint(writer: QPdfWriter, painter: QPainter, title: str,
           sections: Sequence[Section]) -> None:
    width, page_height = page_rect_pixels(writer)
    y = 0.0

    def line(text: str, bold: bool = False, size: int = 10) -> None:
        nonlocal y
        font = QFont(painter.font())
        font.setPointSize(size)
        font.setBold(bold)
        painter.setFont(font)
        height = painter.fontMetrics().height() + 4
        if y + height > page_height:
            writer.newPage()
            y = 0.0
        painter.drawText(QRectF(0, y, width, height), Qt.AlignmentFlag.AlignLeft, text)
        y += height

    line(title, bold=True, size=16)
    for heading, chart, model in sections:
        y += 8
        line(heading, bold=True, size=12)
        if chart is not None and chart.bars:
            if y + 200 > page_height:
                writer.newPage()
                y = 0.0
            painter.save()
            painter.translate(0, y)
            scale = min(1.0, width / max(chart.width(), 1), 200 / max(chart.height(), 1))
            painter.scale(scale, scale)
            chart.render(painter, QPoint(0, 0))
            painter.restore()
            y += chart.height() * scale + 6
        line("  |  ".join(model.headers()), bold=True)
        for row in range(model.rowCount()):
            line("  |  ".join(str(model.data(model.index(row, c)) or "")
                              for c in range(model.columnCount())))
