"""The first run: choose a passphrase (with a strength hint) and, if the team has a service,
enrol this laptop with it. The page only collects; the SessionController does the work."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from desktop.session.column import centred_column, message_label
from desktop.session.strength import MINIMUM_LENGTH, strength_score
from desktop.settings import is_service_address

COLUMN_WIDTH = 760


@dataclass(frozen=True)
class Enrolment:
    """What enrolling needs; the password is used once and then dropped."""

    server_url: str
    username: str
    password: str
    device_name: str


@dataclass(frozen=True)
class FirstRunChoice:
    passphrase: str
    enrolment: Enrolment | None


class FirstRunPage(QWidget):
    """Emits `chosen(FirstRunChoice)` when the worker presses "Beginnen"."""

    chosen = Signal(object)

    def __init__(self, device_name: str = "", service_url: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunPage")
        self.title = QLabel(self.tr("Welcome to Keukentafel"))
        self.title.setObjectName("pageTitle")
        self.intro = QLabel(self.tr(
            "Choose a passphrase. You need it every time you open Keukentafel and after the "
            "window locks. Several ordinary words in a row are easy to remember and hard to guess."
        ))
        self.intro.setWordWrap(True)

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat passphrase"))
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.hint = QLabel()
        self.hint.setObjectName("strengthHint")
        self.hint.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        form.addRow(self.tr("&Repeat passphrase"), self.repeat)
        form.addRow(self.tr("Strength"), self.meter)
        form.addRow("", self.hint)
        self._set_buddies(form)

        self.enrol_box = QGroupBox(self.tr("&Enrol with the team's service (optional)"))
        self.enrol_box.setCheckable(True)
        self.enrol_box.setChecked(bool(service_url))
        self.server_url = QLineEdit(service_url)
        self.server_url.setAccessibleName(self.tr("Service address"))
        self.server_url.setPlaceholderText("https://")
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("Username"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.device_name = QLineEdit(device_name)
        self.device_name.setAccessibleName(self.tr("Name of this laptop"))
        enrol_form = QFormLayout(self.enrol_box)
        enrol_form.addRow(self.tr("Service &address"), self.server_url)
        enrol_form.addRow(self.tr("&Username"), self.username)
        enrol_form.addRow(self.tr("Pass&word"), self.password)
        enrol_form.addRow(self.tr("&Name of this laptop"), self.device_name)
        self._set_buddies(enrol_form)

        self.show_passphrase = QCheckBox(self.tr("S&how passphrase"))
        self.show_passphrase.toggled.connect(self._toggle_echo)
        self.error = message_label()
        self.error.setAccessibleName(self.tr("Message"))
        self.start = QPushButton(self.tr("&Start"))
        self.start.setDefault(True)
        self.start.setAccessibleName(self.tr("Start"))

        centred_column(
            self,
            [self.title, self.intro, form, self.show_passphrase, self.enrol_box, self.error],
            self.start, max_width=COLUMN_WIDTH, weight=4,
        )

        self.passphrase.textChanged.connect(self._update_hint)
        self.repeat.textChanged.connect(self._update_hint)
        self.repeat.returnPressed.connect(self._submit)
        self.start.clicked.connect(self._submit)
        self._update_hint()

    @staticmethod
    def _set_buddies(form: QFormLayout) -> None:
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label and field and isinstance(label.widget(), QLabel):
                label.widget().setBuddy(field.widget())

    def set_busy(self, busy: bool, message: str = "") -> None:
        self.start.setEnabled(not busy)
        self.error.setText(message)

    def show_error(self, message: str) -> None:
        self.start.setEnabled(True)
        self.error.setText(message)

    def forget_secrets(self) -> None:
        for field in (self.passphrase, self.repeat, self.password):
            field.clear()

    @Slot(bool)
    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.repeat.setEchoMode(mode)

    def strength_text(self, score: int) -> str:
        return [
            self.tr("Too short: use at least %n characters.", "", MINIMUM_LENGTH),
            self.tr("Weak: add a few more words."),
            self.tr("Fair: one or two more words make it strong."),
            self.tr("Strong."),
            self.tr("Very strong."),
        ][score]

    @Slot()
    def _update_hint(self) -> None:
        score = strength_score(self.passphrase.text())
        self.meter.setValue(score)
        text = self.strength_text(score)
        if self.repeat.text() and self.repeat.text() != self.passphrase.text():
            text += " " + self.tr("The two passphrases are not the same yet.")
        self.hint.setText(text)
        self.meter.setAccessibleDescription(text)

    def problem(self) -> str | None:
        """Why the choice cannot be accepted yet, in the worker's language; None when it can."""
        phrase = self.passphrase.text()
        if strength_score(phrase) < 2:
            return self.tr("Choose a stronger passphrase: %1").replace(
                "%1", self.strength_text(strength_score(phrase)))
        if phrase != self.repeat.text():
            return self.tr("The two passphrases are not the same.")
        if self.enrol_box.isChecked():
            url = self.server_url.text().strip()
            if not is_service_address(url):
                return self.tr("Fill in the service address, starting with https://.")
            if not self.username.text().strip() or not self.password.text():
                return self.tr("Fill in your username and password for the service.")
            if not self.device_name.text().strip():
                return self.tr("Give this laptop a name.")
        return None

    @Slot()
    def _submit(self) -> None:
        problem = self.problem()
        if problem:
            self.show_error(problem)
            return
        enrolment = None
        if self.enrol_box.isChecked():
            enrolment = Enrolment(
                server_url=self.server_url.text().strip(),
                username=self.username.text().strip(),
                password=self.password.text(),
                device_name=self.device_name.text().strip(),
            )
        choice = FirstRunChoice(self.passphrase.text(), enrolment)
        self.set_busy(True, self.tr("Creating the encrypted store…"))
        self.chosen.emit(choice)
