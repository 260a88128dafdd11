"""Enrolling later (or again, after the service stopped accepting this laptop's token)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.session.first_run import Enrolment
from desktop.settings import is_service_address


class EnrolDialog(QDialog):
    """Collects an `Enrolment`; `enrolment()` after exec() returned Accepted."""

    def __init__(self, service_url: str, device_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enrol with the team's service"))
        self.setMinimumWidth(520)
        self.server_url = QLineEdit(service_url)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.device_name = QLineEdit(device_name)
        form = QFormLayout()
        for text, widget in (
            (self.tr("Service &address"), self.server_url),
            (self.tr("&Username"), self.username),
            (self.tr("Pass&word"), self.password),
            (self.tr("&Name of this laptop"), self.device_name),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", ""))
            form.addRow(label, widget)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if not is_service_address(self.server_url.text()):
            self.message.setText(self.tr("Fill in the service address, starting with https://."))
        elif not self.username.text().strip() or not self.password.text():
            self.message.setText(self.tr("Fill in your username and password for the service."))
        else:
            self.accept()

    def enrolment(self) -> Enrolment:
        result = Enrolment(
            server_url=self.server_url.text().strip(),
            username=self.username.text().strip(),
            password=self.password.text(),
            device_name=self.device_name.text().strip() or "laptop",
        )
        self.password.clear()
        return result
