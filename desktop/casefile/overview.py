"""Overzicht: the case itself - title, status, contact worker, legal framework, domains,
safety team involvement, the next review date and the summary - edited in place.

The next review date the header shows is the safety plan's (`review_on`, the earliest of the
case's plans): it is set here too, on that plan, and a case without a plan gets one with it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from desktop.casefile.controller import CaseFileController
from desktop.casefile.editors import DateEditor
from desktop.casefile.form import RecordForm
from desktop.casefile.labels import field_label
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
        self.plan: Record | None = None
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
        self.review = DateEditor(self.form)
        self.review.label = field_label("review_on", "safety_plan")
        self.review.widget.setObjectName("safety_plan.review_on")
        self.review.widget.setAccessibleName(self.review.label)
        self.review.committed.connect(self._review_set)
        cell = QWidget(self.form)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.review.widget)
        column.addWidget(self.review.message)
        review_label = QLabel(self.review.label, self.form)
        review_label.setBuddy(self.review.widget)
        # After the dates of the case, before the summary.
        form_layout.insertRow(form_layout.rowCount() - 1, review_label, cell)
        # Tab follows the rows, the two added here included.
        editors = self.form.editors
        for before, after in ((editors["title"].widget, self.contact_worker),
                              (self.contact_worker, editors["status"].widget),
                              (editors["closed_on"].widget, self.review.widget),
                              (self.review.widget, editors["summary"].widget)):
            QWidget.setTabOrder(before, after)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.setWidget(panel)
        controller.field_set.connect(self.form.set_field)
        controller.field_set.connect(self._on_field_set)

    def show_case(self, case: Record | None, contact_worker: str,
                  plan: Record | None = None) -> None:
        self.form.show_record(case)
        self.contact_worker.setText(contact_worker)
        if case is None or not self.review.pending:
            self.review.flush()
            self.plan = plan
            self.review.set_value(plan.fields.get("review_on") if plan is not None else None)

    def flush(self) -> None:
        self.form.flush()
        self.review.flush()

    def _review_set(self, old: Any, new: Any) -> None:
        case_id = self.form.record_id
        if case_id is None:
            return
        if self.plan is not None:
            self.controller.edit_field(self.plan.id, "safety_plan", "review_on", old, new)
        elif new is not None:
            self.controller.create("safety_plan", {
                "title": self.tr("Safety plan"), "status": "draft", "version": 1,
                "review_on": new,
            }, self._plan_created)

    def _plan_created(self, plan: Record) -> None:
        self.plan = plan

    def _on_field_set(self, record_id: str, field: str, value: Any) -> None:
        if self.plan is not None and record_id == self.plan.id and field == "review_on":
            self.review.set_value(value)
