"""Overzicht: the case itself - title, status, contact worker, legal framework, domains,
safety team involvement and the summary - edited in place."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from desktop.casefile.controller import CaseFileController
from desktop.casefile.form import RecordForm
from sync.protocol import Record

OVERVIEW_FIELDS = (
    "title", "status", "legal_framework", "safety_team_involved", "domains",
    "opened_on", "closed_on", "summary",
)


class OverviewTab(QScrollArea):
    def __init__(self, controller: CaseFileController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.controller = controller
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        self.form = RecordForm("case", OVERVIEW_FIELDS, panel)
        self.form.edited.connect(controller.edit_field)
        # Who leads the case is set by the team (and the service), not typed here.
        self.contact_worker = QLineEdit(self.form)
        self.contact_worker.setReadOnly(True)
        self.contact_worker.setAccessibleName(self.tr("Contact worker"))
        label = QLabel(self.tr("Contact worker"), self.form)
        label.setBuddy(self.contact_worker)
        form_layout = self.form.layout()
        assert isinstance(form_layout, QFormLayout)
        form_layout.insertRow(1, label, self.contact_worker)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.setWidget(panel)
        controller.field_set.connect(self.form.set_field)

    def show_case(self, case: Record | None, contact_worker: str) -> None:
        self.form.show_record(case)
        self.contact_worker.setText(contact_worker)

    def flush(self) -> None:
        self.form.flush()
