""""Overdragen…": hand the case over to another contact worker, with a hand-over note.

One action: the dialog names who takes over and asks for the note, and its button says what
happens. The note becomes a task assigned to the new contact worker (it shows in their Taken
with their name and stays in the timeline), written in the same store job that sets
`contact_worker_id`, before it: both go out in the outbox's order at the next sync.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sync.protocol import Colleague, Record


def hand_over(store: Any, case_id: str, to_user_id: str, note_title: str | None) -> Record:
    """Make `to_user_id` the case's contact worker; with a note, first a task for them.

    Runs on the store's thread. Nothing in the outbox is touched: every unsent edit goes out
    with the next sync, and one the service no longer takes from this worker is kept as a
    rejected change (the held-case rule, docs/protocol.md)."""
    if note_title:
        store.create_record("task", {
            "title": note_title, "assignee_id": to_user_id, "done": False,
            "due_on": dt.date.today().isoformat(),
        }, case_id=case_id)
    return store.update_record(case_id, {"contact_worker_id": to_user_id})


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
