"""The preview of an export before it is saved: exactly the document (or JSON) that will be
written, read-only. The worker can hide more: select text and press Weglakken (the words go
everywhere they occur, in the PDF and the JSON alike), or untick parts to leave them out.
Then Opslaan asks where; nothing is written anywhere else, and the export is logged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.disclosure.common import Built, Redactions
from desktop.disclosure.dates import DateShift, random_shift
from desktop.disclosure.document import document_of, to_json
from desktop.disclosure.entries_model import EntriesModel
from desktop.disclosure.gather import CaseContent
from desktop.disclosure.saving import build, log_export, write
from desktop.operations import StoreSession
from desktop.paper_dialogs import save_dialog


class DisclosureDialog(QDialog):
    def __init__(self, session: StoreSession, content: CaseContent, what: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.content = content
        self.what = what
        # One offset for everything this dialog builds: a redaction must not move the dates.
        self.shift = DateShift(random_shift()) if what == "consult" else None
        self.redactions = Redactions()
        self.built: Built | None = None
        self.document: QTextDocument | None = None
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Inzage export") if what == "inzage"
                            else self.tr("Anonymous consult"))
        self.resize(1000, 700)

        form = QFormLayout()
        self.person = QComboBox(self)
        self.person.setAccessibleName(self.tr("For whom"))
        self.person.addItem(self.tr("The whole case"), None)
        for record in content.of("person"):
            self.person.addItem(str(record.fields.get("name") or ""), record.id)
        if what == "inzage":
            form.addRow(self.tr("For whom"), self.person)
        else:
            self.person.hide()
        self.format = QComboBox(self)
        self.format.setAccessibleName(self.tr("Format"))
        self.format.addItem(self.tr("PDF, to read and print"), "pdf")
        self.format.addItem(self.tr("JSON, for another system"), "json")
        form.addRow(self.tr("Format"), self.format)

        self.explanation = QLabel(self.tr(
            "This is exactly what will be saved. Select text and choose Redact to hide it "
            "everywhere. Untick a part to leave it out."), self)
        self.explanation.setWordWrap(True)
        self.parts_model = EntriesModel(self)
        self.parts = QListView(self)
        self.parts.setAccessibleName(self.tr("Parts"))
        self.parts.setModel(self.parts_model)
        self.preview = QTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview"))
        # Read-only, yet the text can be selected with mouse and keyboard to redact it.
        self.preview.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        splitter = QSplitter(self)
        splitter.addWidget(self.parts)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 3)

        self.redact_button = QPushButton(self.tr("Redact"), self)
        self.redact_button.setEnabled(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        row = QHBoxLayout()
        row.addWidget(self.redact_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.explanation)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)

        self.person.currentIndexChanged.connect(self._person_changed)
        self.format.currentIndexChanged.connect(lambda _i: self.rebuild())
        self.parts_model.left_out_changed.connect(self._left_out)
        self.preview.selectionChanged.connect(
            lambda: self.redact_button.setEnabled(self.preview.textCursor().hasSelection()))
        self.redact_button.clicked.connect(self.redact_selection)
        self.buttons.accepted.connect(self.ask_where)
        self.buttons.rejected.connect(self.reject)
        self.rebuild()

    @property
    def person_id(self) -> str | None:
        return self.person.currentData() if self.what == "inzage" else None

    @property
    def fmt(self) -> str:
        return str(self.format.currentData())

    def rebuild(self) -> None:
        """Build the export again and show exactly what would be saved."""
        everything = build(self.content, self.what, self.person_id,
                           self.redactions.leaving_out(frozenset()), self.shift)
        self.built = build(self.content, self.what, self.person_id, self.redactions,
                           self.shift)
        self.parts_model.left_out = self.redactions.left_out
        self.parts_model.show(everything.entries)
        if self.fmt == "pdf":
            self.document = document_of(self.built, self.content)
        else:
            self.document = QTextDocument()
            self.document.setPlainText(to_json(self.built))
        self.document.setParent(self)
        self.preview.setDocument(self.document)
        self.redact_button.setEnabled(False)

    def redact_selection(self) -> None:
        selected = self.preview.textCursor().selectedText().replace("\u2029", " ")
        if selected.strip():
            self.redactions = self.redactions.more_words(selected)
            self.rebuild()

    def _person_changed(self, _index: int) -> None:
        # Redactions belong to what was shown; another person's export starts afresh.
        self.redactions = Redactions()
        self.rebuild()

    def _left_out(self, left_out: frozenset[str]) -> None:
        self.redactions = self.redactions.leaving_out(left_out)
        self.rebuild()

    def _suggested_name(self) -> str:
        # Never the family's name: a file name is seen in folders and mail.
        base = self.tr("inzage") if self.what == "inzage" else self.tr("anonymous-consult")
        return f"{base}.{self.fmt}"

    def ask_where(self) -> None:
        dialog = save_dialog(self, self.tr("Save the export"),
                             [self.tr("PDF document (*.pdf)") if self.fmt == "pdf"
                              else self.tr("JSON file (*.json)")], self.fmt,
                             self._suggested_name())
        dialog.fileSelected.connect(lambda path: self.save_to(Path(path)))
        dialog.finished.connect(lambda _result: self._file_dialog_done(dialog))
        self.file_dialog = dialog
        dialog.open()

    def _file_dialog_done(self, dialog: QFileDialog) -> None:
        if self.file_dialog is dialog:
            self.file_dialog = None
        dialog.deleteLater()

    def save_to(self, path: Path) -> None:
        assert self.built is not None
        if path.suffix.lower() != f".{self.fmt}":
            path = path.with_name(f"{path.name}.{self.fmt}")
        document = self.document if self.fmt == "pdf" else None
        try:
            write(self.built, self.fmt, path, document, self.content)
        except OSError:
            self._say(self.tr("The file could not be saved there. Nothing was written. "
                              "Choose another place."))
            return
        case_id, what, fmt, one = self.content.case.id, self.what, self.fmt, \
            self.person_id is not None

        def unlogged(_exc: BaseException) -> None:
            path.unlink(missing_ok=True)  # no export goes unlogged
            self._say(self.tr("The export could not be recorded in the log, so it was not "
                              "saved. Try again."))

        self.session.change(lambda store: log_export(store, case_id, what, fmt, one),
                            lambda _entry: self.accept(), case_ids=[case_id],
                            on_error=unlogged)

    def _say(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), message,
                          QMessageBox.StandardButton.Ok, self)
        box.open()
