""""Over Keukentafel": the version, the licence, where the source is, and the licences of
what this build carries (the list the bundle was built with, desktop/licences.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.build_info import LICENCE, source_url, version
from desktop.licences import current_list


class LicencesDialog(QDialog):
    """The third-party list as plain text to read (and copy for IT), nothing else."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Licences"))
        self.resize(720, 520)
        self.text = QPlainTextEdit(current_list())
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Licences of the included software"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Keukentafel"))
        self.setMinimumWidth(480)
        self.version = QLabel(self.tr("Version %1").replace("%1", version()))
        self.version.setObjectName("aboutVersion")
        self.licence = QLabel(self.tr("Free software under the licence %1.").replace(
            "%1", LICENCE))
        self.licence.setWordWrap(True)
        url = source_url()
        self.source = QLabel(self.tr("Source code: %1").replace(
            "%1", f'<a href="{url}">{url}</a>' if url else self.tr("not known")))
        self.source.setTextFormat(Qt.TextFormat.RichText)
        self.source.setOpenExternalLinks(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.licences_button = QPushButton(self.tr("&Licences of included software…"))
        self.licences_button.setAutoDefault(False)
        self.licences_button.clicked.connect(self.show_licences)
        self.licences: LicencesDialog | None = None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)

        title = QLabel("Keukentafel")
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        for widget in (title, self.version, self.licence, self.source, self.licences_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def show_licences(self) -> None:
        self.licences = LicencesDialog(self)
        self.licences.open()
