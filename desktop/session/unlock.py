"""The unlock page: all the window shows while locked. Nothing of any case is on it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.session.column import centred_column, message_label


class UnlockPage(QWidget):
    """Emits `submitted(passphrase)`; the SessionController answers with success or a message."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockPage")
        self.title = QLabel(self.tr("Keukentafel is locked"))
        self.title.setObjectName("pageTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.prompt = QLabel(self.tr("&Passphrase"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setMinimumWidth(320)
        self.prompt.setBuddy(self.passphrase)
        self.message = message_label()
        self.message.setAccessibleName(self.tr("Message"))
        self.unlock = QPushButton(self.tr("&Unlock"))
        self.unlock.setDefault(True)
        self.unlock.setAccessibleName(self.tr("Unlock"))

        centred_column(
            self, [self.title, self.prompt, self.passphrase, self.message], self.unlock,
            max_width=520, weight=3,
        )

        self.passphrase.returnPressed.connect(self._submit)
        self.unlock.clicked.connect(self._submit)

    def reset(self, message: str = "") -> None:
        self.passphrase.clear()
        self.passphrase.setEnabled(True)
        self.unlock.setEnabled(True)
        self.message.setText(message)
        self.passphrase.setFocus()

    def show_error(self, message: str) -> None:
        self.reset(message)

    @Slot()
    def _submit(self) -> None:
        phrase = self.passphrase.text()
        if not phrase:
            self.message.setText(self.tr("Type your passphrase."))
            return
        self.passphrase.setEnabled(False)
        self.unlock.setEnabled(False)
        self.message.setText(self.tr("Unlocking…"))
        self.passphrase.clear()
        self.submitted.emit(phrase)
