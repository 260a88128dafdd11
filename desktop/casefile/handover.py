""""Overdragen…": hand the case over to another contact worker, with a hand-over note.

One action: the dialog names who takes over and asks for the note, and its button says what
happens; storage/handover.py writes it (the note as a task for the new contact worker).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sync.protocol import Colleague


class HandoverDialog(QDialog):
    def __init__(self, candidates: Iterable[Colleague], *, case_title: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand over the case"))
        self.setMinimumWidth(520)
        heading = QLabel(self.tr("Hand %1 over to another contact worker").replace(
            "%1", case_title))
        heading.setObjectName("pageTitle")
        heading.setWordWrap(True)
        self.worker = QComboBox(self)
        self.worker.setAccessibleName(self.tr("New contact worker"))
        for person in candidates:
            self.worker.addItem(person.display_name, person.id)
        who = QLabel(self.tr("New contact worker"), self)
        who.setBuddy(self.worker)
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(self.tr("Hand-over note"))
        self.note.setPlaceholderText(self.tr(
            "What does your colleague need to know? Agreements, worries, the next step."))
        note_label = QLabel(self.tr("Hand-over note"), self)
        note_label.setBuddy(self.note)
        warning = QLabel(self.tr(
            "After the hand-over your colleague is the contact worker. Your changes that are "
            "not yet sent go with the next sync; then the case may leave this laptop."), self)
        warning.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.confirm = buttons.addButton(self.tr("Hand over"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.confirm.setEnabled(self.worker.count() > 0)
        layout = QVBoxLayout(self)
        for widget in (heading, who, self.worker, note_label, self.note, warning, buttons):
            layout.addWidget(widget)

    def to_user_id(self) -> str | None:
        return self.worker.currentData()

    def note_title(self) -> str | None:
        """The task that carries the note, or None without a note."""
        note = self.note.toPlainText().strip()
        return self.tr("Hand-over: %1").replace("%1", note) if note else None
