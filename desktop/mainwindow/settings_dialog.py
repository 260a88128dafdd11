"""The settings dialog: one row per setting a worker chooses (desktop/settings.py); the probe
interval is for tests and administrators and has no row."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.session.column import message_label
from desktop.settings import SPECS, Settings, is_service_address


class SettingsDialog(QDialog):
    """Edits `settings`; values are written on OK. A new language applies at the next start."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        self.language = QComboBox()
        self.language.addItem(self.tr("Dutch"), "nl")
        self.language.addItem(self.tr("English"), "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language"))))
        self.idle = QSpinBox()
        spec = SPECS["idle_lock_minutes"]
        self.idle.setRange(spec.minimum or 1, spec.maximum or 120)
        self.idle.setValue(settings.get("idle_lock_minutes"))
        self.idle.setSuffix(self.tr(" min"))
        self.sync_interval = QSpinBox()
        spec = SPECS["sync_interval_minutes"]
        self.sync_interval.setRange(spec.minimum or 1, spec.maximum or 120)
        self.sync_interval.setValue(settings.get("sync_interval_minutes"))
        self.sync_interval.setSuffix(self.tr(" min"))
        self.service_url = QLineEdit(settings.get("service_url"))
        self.device_name = QLineEdit(settings.get("device_name"))

        form = QFormLayout()
        rows = (
            (self.tr("&Language"), self.language),
            (self.tr("Lock after &idle time"), self.idle),
            (self.tr("S&ync every"), self.sync_interval),
            (self.tr("Service &address"), self.service_url),
            (self.tr("&Name of this laptop"), self.device_name),
        )
        for text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", ""))
            form.addRow(label, widget)
        note = QLabel(self.tr("A new language is used from the next start."))
        note.setWordWrap(True)
        self.message = message_label()
        self.message.setAccessibleName(self.tr("Message"))
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def accept(self) -> None:
        address = self.service_url.text().strip()
        if address and not is_service_address(address):
            self.message.setText(self.tr(
                "This is not a service address. It starts with https://, for example "
                "https://dienst.wijkteam.nl."))
            self.message.show()
            self.service_url.setFocus()
            self.service_url.selectAll()
            return
        values = {
            "language": self.language.currentData(),
            "idle_lock_minutes": self.idle.value(),
            "sync_interval_minutes": self.sync_interval.value(),
            "service_url": address,
            "device_name": self.device_name.text().strip() or self.settings.get("device_name"),
        }
        for name, value in values.items():
            if self.settings.get(name) != value:
                self.settings.set(name, value)
        super().accept()
