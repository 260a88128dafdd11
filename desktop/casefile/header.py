"""The header of an open case: family name, status, legal framework, team, contact worker and
the next review date, in large calm type so it reads from across the kitchen table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QMenu, QToolButton, QWidget

from desktop.casefile.labels import choice_label
from desktop.casefile.records_model import display_value
from desktop.elided import ElidedLabel
from desktop.overdue import overdue
from sync.protocol import Record

DETAIL_SEPARATOR = "   ·   "


class CaseHeader(QWidget):
    # "inzage" or "consult": the worker asked for that export of the open case.
    disclosure_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Elided labels of a fixed number of lines: a long family name neither widens the
        # window nor, wrapping, makes the tabs below jump from one case to the next.
        self.family = ElidedLabel(parent=self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.family.setFont(font)
        self.family.setAccessibleName(self.tr("Family"))
        self.details = ElidedLabel(parent=self, lines=3, break_at=DETAIL_SEPARATOR)
        self.details.setAccessibleName(self.tr("Case details"))
        self.conflicts = ElidedLabel(parent=self)
        self.conflicts.setAccessibleName(self.tr("Open conflicts"))
        policy = self.conflicts.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # its line stays, so the header keeps its height
        self.conflicts.setSizePolicy(policy)
        self.conflicts.hide()
        # What leaves the laptop about this family, in one place beside its name.
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export"))
        self.export_button.setAccessibleName(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.export_menu = QMenu(self.export_button)
        self.inzage_action = self.export_menu.addAction(self.tr("Inzage export…"))
        self.inzage_action.setToolTip(self.tr(
            "Everything written down about the family, or about one person, for them"))
        self.consult_action = self.export_menu.addAction(self.tr("Anonymous consult…"))
        self.consult_action.setToolTip(self.tr(
            "The case without names, for specialists of the regional safety team"))
        self.export_button.setMenu(self.export_menu)
        self.export_button.hide()
        self.inzage_action.triggered.connect(lambda: self.disclosure_requested.emit("inzage"))
        self.consult_action.triggered.connect(
            lambda: self.disclosure_requested.emit("consult"))
        # The export button is placed by the case file among its other buttons, so the
        # family's name and the details keep the header's whole width.
        layout = QGridLayout(self)
        layout.addWidget(self.family, 0, 0)
        layout.setColumnStretch(0, 1)
        layout.addWidget(self.details, 1, 0)
        layout.addWidget(self.conflicts, 2, 0)

    def show_case(self, case: Record | None, contact_worker: str, next_review: str | None,
                  open_conflicts: int = 0, shared_with: Sequence[str] = (),
                  team: str = "") -> None:
        self.export_button.setVisible(case is not None)
        if case is None:
            self.family.clear()
            self.details.clear()
            self.conflicts.clear()
            self.conflicts.hide()
            return
        self.conflicts.setText(self.tr(
            "%n open conflict(s) in this case: see the conflict inbox.", "", open_conflicts))
        self.conflicts.setVisible(open_conflicts > 0)
        f = case.fields
        self.family.setText(f.get("title") or "")
        # Two short lines that break at the dots into a third on a narrow screen, then elide.
        first = [
            self.tr("Status: %1").replace("%1", choice_label(f.get("status")) or "—"),
            self.tr("Legal framework: %1").replace(
                "%1", choice_label(f.get("legal_framework")) or "—"),
        ]
        review = display_value("safety_plan", "review_on", next_review) or "—"
        if overdue(next_review):
            review = self.tr("%1 (overdue)").replace("%1", review)
        second = [
            self.tr("Contact worker: %1").replace("%1", contact_worker or "—"),
            self.tr("Next review: %1").replace("%1", review),
        ]
        if shared_with:
            second.append(self.tr("Shared with: %1").replace("%1", ", ".join(shared_with)))
        if team:  # last: the worker's own team is what a narrow header can best leave out
            second.append(self.tr("Team: %1").replace("%1", team))
        self.details.setText(
            DETAIL_SEPARATOR.join(first) + "\n" + DETAIL_SEPARATOR.join(second))
