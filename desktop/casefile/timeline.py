"""Tijdlijn: what changed in the case, when and by whom (local edits and synced changes)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from desktop.casefile.controller import CaseFileController
from desktop.casefile.lifetime import while_alive
from desktop.casefile.timeline_model import BY, WHEN, TimelineModel
from desktop.colleagues import Names, read_names
from desktop.operations import ChangeNotice


class TimelineTab(QWidget):
    loaded = Signal(str)

    def __init__(self, controller: CaseFileController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.loaded_case: str | None = None
        self.model = TimelineModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Timeline of the case, newest first"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # When and by whom are short; what changed gets the room.
        metrics = self.fontMetrics()
        for column, sample in ((WHEN, "00-00-0000 00:00__"), (BY, "een collega____")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        # Every write of this case file, and every sync, adds to the timeline.
        controller.session.changed.connect(self._on_changed)

    def load(self, case_id: str) -> None:
        self.controller.session.query(
            lambda s: (s.history(case_id), s.get_setting("user"),
                       s.list_records(case_id=case_id, include_deleted=True), read_names(s)),
            while_alive(self, lambda result: self._loaded(case_id, *result)),
        )

    def _loaded(self, case_id: str, entries: Any, user: Any, records: Any, names: Names
                ) -> None:
        if case_id != self.controller.case_id:
            return
        # The records name what the entries are about (a person, a task's title).
        self.model.set_entries(entries, records, user if isinstance(user, dict) else None,
                               names)
        self.loaded_case = case_id
        self.loaded.emit(case_id)

    def clear(self) -> None:
        self.model.set_entries([])
        self.loaded_case = None

    def _on_changed(self, notice: ChangeNotice) -> None:
        if self.loaded_case is not None and notice.concerns(case_id=self.loaded_case):
            if self.isVisible():
                self.load(self.loaded_case)
            else:
                self.loaded_case = None  # reload when it is shown again
