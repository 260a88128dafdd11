"""Free text on one line or many, and a tick box."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from desktop.casefile.editors.base import FieldEditor


class LineEditor(FieldEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        edit = QLineEdit(parent)
        super().__init__(edit, debounce=True)
        self.edit = edit
        self.edit.textEdited.connect(self._touched)
        self.edit.editingFinished.connect(self.flush)

    def _read(self) -> Any:
        return self.edit.text().strip() or None

    def _write(self, value: Any) -> None:
        self.edit.setText(value or "")


class _PlainTextEdit(QPlainTextEdit):
    """QPlainTextEdit has no textEdited: `edited` says the worker changed the text (typing,
    pasting, dropping, the context menu), never setPlainText."""

    edited = Signal()

    def _watch(self, handle: Any, event: Any) -> None:
        revision = self.document().revision()
        handle(event)
        if self.document().revision() != revision:
            self.edited.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        self._watch(super().keyPressEvent, event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt override
        self._watch(super().inputMethodEvent, event)

    def insertFromMimeData(self, source: Any) -> None:  # noqa: N802 - Qt override
        self._watch(super().insertFromMimeData, source)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        self._watch(super().contextMenuEvent, event)


class TextEditor(FieldEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        edit = _PlainTextEdit(parent)
        edit.setTabChangesFocus(True)  # Tab leaves the field, as in a form
        super().__init__(edit, debounce=True)
        self.edit = edit
        self.edit.edited.connect(self._touched)

    def _read(self) -> Any:
        return self.edit.toPlainText() or None

    def _write(self, value: Any) -> None:
        self.edit.setPlainText(value or "")


class FlagEditor(FieldEditor):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        box = QCheckBox(text, parent)
        super().__init__(box, debounce=False)
        self.box = box
        self.box.clicked.connect(self._touched)

    def _read(self) -> Any:
        return self.box.isChecked()

    def _write(self, value: Any) -> None:
        self.box.setChecked(bool(value))
