"""One editor widget per registry field type, saving as the worker types or leaves it.

An editor shows a value, and says `committed(old, new)` when the worker has changed it: free
text after a short pause in typing or when the field loses focus, a choice, a tick or a date
at once. A value set from outside (loading, undo, sync) never comes back as a commit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desktop.casefile.labels import choice_label, field_label
from sync.schema import field_spec

SAVE_DELAY_MS = 700  # a pause in typing this long saves the field
NO_DATE = QDate(1900, 1, 1)  # shown as "—": QDateEdit has no empty state of its own


class FieldEditor(QObject):
    """Adapter between one field of a record and the widget that edits it."""

    committed = Signal(object, object)  # old, new

    def __init__(self, widget: QWidget, debounce: bool) -> None:
        super().__init__(widget)
        self.widget = widget
        self._shown: Any = None
        self._timer: QTimer | None = None
        if debounce:
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.setInterval(SAVE_DELAY_MS)
            self._timer.timeout.connect(self.flush)
            widget.installEventFilter(self)

    # Subclasses read and write the widget.
    def _read(self) -> Any:
        raise NotImplementedError

    def _write(self, value: Any) -> None:
        raise NotImplementedError

    @property
    def pending(self) -> bool:
        """True while typed text waits for its pause to be saved."""
        return self._timer is not None and self._timer.isActive()

    def value(self) -> Any:
        return self._read()

    def set_value(self, value: Any) -> None:
        """Show `value` (from the store, undo or sync) without saving it back."""
        if self._read() != value:
            blocked = self.widget.blockSignals(True)
            try:
                self._write(value)
            finally:
                self.widget.blockSignals(blocked)
        # What the widget shows is the baseline: an unset tick box reads as "not ticked", and
        # only a change the worker makes to it is saved.
        self._shown = self._read()

    def flush(self) -> None:
        """Save now whatever the worker has typed."""
        if self._timer is not None:
            self._timer.stop()
        new = self._read()
        if new != self._shown:
            old, self._shown = self._shown, new
            self.committed.emit(old, new)

    def _touched(self) -> None:
        if self._timer is not None:
            self._timer.start()
        else:
            self.flush()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FocusOut and self.pending:
            self.flush()
        return False


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


class TextEditor(FieldEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)  # Tab leaves the field, as in a form
        super().__init__(edit, debounce=True)
        self.edit = edit
        self.edit.textChanged.connect(self._touched)

    def _read(self) -> Any:
        return self.edit.toPlainText() or None

    def _write(self, value: Any) -> None:
        self.edit.setPlainText(value or "")


class ChoiceEditor(FieldEditor):
    def __init__(self, values: tuple[str, ...], parent: QWidget | None = None) -> None:
        combo = QComboBox(parent)
        combo.addItem("—", None)
        for value in values:
            combo.addItem(choice_label(value), value)
        super().__init__(combo, debounce=False)
        self.combo = combo
        self.combo.activated.connect(self._touched)

    def _read(self) -> Any:
        return self.combo.currentData()

    def _write(self, value: Any) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(value)))


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


class DateEditor(FieldEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        edit = QDateEdit(parent)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")
        edit.setDisplayFormat("dd-MM-yyyy")
        edit.setDate(NO_DATE)
        super().__init__(edit, debounce=True)
        self.edit = edit
        self.edit.dateChanged.connect(self._touched)
        self.edit.editingFinished.connect(self.flush)

    def _read(self) -> Any:
        date = self.edit.date()
        return None if date == NO_DATE else date.toString(Qt.DateFormat.ISODate)

    def _write(self, value: Any) -> None:
        self.edit.setDate(QDate.fromString(value, Qt.DateFormat.ISODate) if value else NO_DATE)


class NumberEditor(FieldEditor):
    def __init__(self, minimum: int | None, maximum: int | None,
                 parent: QWidget | None = None) -> None:
        spin = QSpinBox(parent)
        spin.setRange(-1 if minimum is None else minimum - 1,
                      1_000_000 if maximum is None else maximum)
        spin.setSpecialValueText("—")  # the lowest value stands for "none"
        super().__init__(spin, debounce=True)
        self.spin = spin
        self.spin.valueChanged.connect(self._touched)
        self.spin.editingFinished.connect(self.flush)

    def _read(self) -> Any:
        value = self.spin.value()
        return None if value == self.spin.minimum() else value

    def _write(self, value: Any) -> None:
        self.spin.setValue(self.spin.minimum() if value is None else int(value))


class ChecklistEditor(FieldEditor):
    """A list of values, each ticked or not (domains, participants)."""

    def __init__(self, options: list[tuple[str, str]], parent: QWidget | None = None,
                 columns: int = 3) -> None:
        panel = QWidget(parent)
        super().__init__(panel, debounce=False)
        self.panel = panel
        self._grid = QGridLayout(panel)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._columns = columns
        self._boxes: dict[str, QCheckBox] = {}
        self.set_options(options)

    def set_options(self, options: list[tuple[str, str]]) -> None:
        """Replace the values on offer (keeping which are ticked where they remain)."""
        ticked = set(self._read() or [])
        for box in self._boxes.values():
            self._grid.removeWidget(box)  # out of the grid now, so the new ones take its cells
            box.hide()
            box.deleteLater()
        self._boxes = {}
        for i, (value, text) in enumerate(options):
            box = QCheckBox(text, self.panel)
            box.setAccessibleName(text)
            box.setChecked(value in ticked)
            box.clicked.connect(self._touched)
            self._grid.addWidget(box, i // self._columns, i % self._columns)
            self._boxes[value] = box

    def boxes(self) -> dict[str, QCheckBox]:
        return dict(self._boxes)

    def _read(self) -> Any:
        values = [v for v, box in self._boxes.items() if box.isChecked()]
        return values or None

    def _write(self, value: Any) -> None:
        chosen = set(value or [])
        for v, box in self._boxes.items():
            box.setChecked(v in chosen)


def editor_for(kind: str, name: str, parent: QWidget | None = None) -> FieldEditor:
    """The editor the registry's declaration of `kind.name` calls for."""
    spec = field_spec(kind, name)
    if spec.type == "bool":
        editor: FieldEditor = FlagEditor(field_label(name, kind), parent)
    elif spec.type == "date":
        editor = DateEditor(parent)
    elif spec.type == "int":
        editor = NumberEditor(spec.minimum, spec.maximum, parent)
    elif spec.type == "text":
        editor = TextEditor(parent)
    elif spec.type == "list[str]":
        editor = ChecklistEditor([(c, choice_label(c)) for c in spec.choices or ()], parent)
    elif spec.choices:
        editor = ChoiceEditor(spec.choices, parent)
    else:
        editor = LineEditor(parent)
    editor.widget.setAccessibleName(field_label(name, kind))
    editor.widget.setObjectName(f"{kind}.{name}")
    return editor


class ReferenceEditor(FieldEditor):
    """Chooses a record of the case by name (the person a consent is about)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        combo = QComboBox(parent)
        super().__init__(combo, debounce=False)
        self.combo = combo
        combo.addItem("—", None)
        combo.activated.connect(self._touched)

    def set_options(self, options: list[tuple[str, str]]) -> None:
        current = self._read()
        blocked = self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem("—", None)
        for value, text in options:
            self.combo.addItem(text, value)
        self._write(current)
        self.combo.blockSignals(blocked)

    def _read(self) -> Any:
        return self.combo.currentData()

    def _write(self, value: Any) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(value)))
