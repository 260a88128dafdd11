"""The notes of the visits the worker marked as shared with the family, newest first: the
date and the notes, never the observations (data.py does not read them)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from desktop.casefile.records_model import display_value
from desktop.kitchen.look import heading, text_label
from sync.protocol import Record


class VisitsPage(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.show_visits([])

    def show_visits(self, visits: Sequence[Record]) -> None:
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setSpacing(16)
        if not visits:
            column.addWidget(text_label(self.tr("No visit notes are shared yet."), body))
        for visit in reversed(visits):
            day = display_value("visit", "date", visit.fields.get("date")) or "—"
            column.addWidget(heading(self.tr("Visit of %1").replace("%1", str(day)), body))
            column.addWidget(text_label(str(visit.fields.get("notes") or ""), body))
        column.addStretch(1)
        self.setWidget(body)
