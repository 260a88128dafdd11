"""Leaving the table: the worker's passphrase, checked by the code that unlocks the store
(`CaseStore.check_passphrase`, Argon2id, off the UI thread). A wrong one keeps the mode;
nothing pops up over the family's screen, the question stands on the page itself."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.casefile.lifetime import while_alive
from desktop.kitchen.look import large, text_label
from desktop.operations import StoreSession


class LeavePanel(QWidget):
    """Emits `confirmed` for the right passphrase, `cancelled` to stay at the table."""

    confirmed = Signal()
    cancelled = Signal()

    def __init__(self, session: StoreSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.prompt = QLabel(self.tr("&Passphrase to go back to the work screen:"), self)
        large(self.prompt)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        large(self.passphrase)
        self.prompt.setBuddy(self.passphrase)
        self.message = text_label("", self)
        self.message.setAccessibleName(self.tr("Message"))
        self.leave_button = QPushButton(self.tr("Back to the work screen"), self)
        self.stay_button = QPushButton(self.tr("Stay at the table"), self)
        for button in (self.leave_button, self.stay_button):
            large(button)
        self.leave_button.clicked.connect(self._check)
        self.passphrase.returnPressed.connect(self._check)
        self.stay_button.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.leave_button)
        buttons.addWidget(self.stay_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(self.prompt)
        column.addWidget(self.passphrase)
        column.addWidget(self.message)
        column.addLayout(buttons)
        column.addStretch(2)
        column.setContentsMargins(160, 0, 160, 0)  # a calm column in the middle

    def ask(self) -> None:
        self.reset()
        self.passphrase.setFocus()

    def reset(self, message: str = "") -> None:
        self.passphrase.clear()
        self.passphrase.setEnabled(True)
        self.leave_button.setEnabled(True)
        self.message.setText(message)

    def _check(self) -> None:
        phrase = self.passphrase.text()
        if not phrase:
            self.message.setText(self.tr("Type your passphrase."))
            return
        self.passphrase.clear()
        self.passphrase.setEnabled(False)
        self.leave_button.setEnabled(False)
        self.message.setText(self.tr("Checking…"))
        self.session.query(lambda store: store.check_passphrase(phrase),
                           while_alive(self, lambda _none: self.confirmed.emit()),
                           on_error=while_alive(self, self._refused))

    def _refused(self, exc: BaseException) -> None:
        wrong = getattr(exc, "code", "") == "wrong_passphrase"
        self.reset(self.tr("That is not your passphrase.") if wrong
                   else self.tr("The passphrase could not be checked. Try again."))
        self.passphrase.setFocus()
