"""One editor widget per registry field type, saving as the worker types or leaves it.

Only a person's action writes. An editor shows a value, and says `committed(old, new)` only
after the worker has acted on it: typed (`textEdited`), chosen (`activated`), clicked, or
stepped or typed in a date or number box. Such an action marks the editor dirty; free text
then saves after a short pause in typing or when the field is left, a choice, a tick or a step
at once. Nothing else ever commits: loading a record, refilling the people on offer, a sync
that reloads the record, another case or the lock only show values (`set_value`, which also
forgets an unsaved action), so a widget that reads differently after any of them (a person no
longer on offer, an empty list at the lock) can never be written back as an edit.

The base also keeps the mouse wheel from changing a value the worker is only scrolling past:
a combo, date or number box takes focus by Tab or click only, and a wheel over it without
focus scrolls the form instead.

A value the field cannot hold (a date that does not exist, "11" on a scale of 0 to 10, an
emptied name) is refused when the worker leaves the field: the stored value comes back and
`message` (a label the form shows under the field) says why, in words. A pause in typing never
refuses, so a half-typed date or a name being retyped is left alone.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStyle,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.casefile.labels import choice_label, field_label
from sync.schema import field_spec

SAVE_DELAY_MS = 700  # a pause in typing this long saves the field
DATE_FORMAT = "dd-MM-yyyy"


translate = QCoreApplication.translate


def not_on_offer() -> str:
    """How a value shows that the list no longer offers (a person removed, a colleague)."""
    return QCoreApplication.translate("FieldEditor", "(not in this list)")


class FieldEditor(QObject):
    """Adapter between one field of a record and the widget that edits it.

    Subclasses connect only user-action signals to `_touched` (and `editingFinished` to
    `flush`); they never decide on their own what is saved."""

    committed = Signal(object, object)  # old, new

    def __init__(self, widget: QWidget, debounce: bool) -> None:
        super().__init__(widget)
        self.widget = widget
        self._shown: Any = None  # what the store holds, as the widget shows it
        self._dirty = False  # the worker acted on the widget since the value was shown
        self.required = False  # emptying is refused (a name, a title)
        self.label = ""  # the field's name, for the message that refuses a value
        # Why a value was refused; whoever lays the editor out places it under the field.
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("fieldMessage")
        self.message.hide()
        widget.destroyed.connect(self.message.deleteLater)
        self._timer: QTimer | None = None
        if debounce:
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.setInterval(SAVE_DELAY_MS)
            self._timer.timeout.connect(self._paused)
        if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            # Scrolling past a combo, date or number box must not give it the wheel.
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(self)

    # Subclasses read and write the widget.
    def _read(self) -> Any:
        raise NotImplementedError

    def _write(self, value: Any) -> None:
        raise NotImplementedError

    @property
    def pending(self) -> bool:
        """True while something the worker did waits to be saved."""
        return self._dirty

    def value(self) -> Any:
        return self._read()

    def focus_widgets(self) -> list[QWidget]:
        """What Tab stops at in this editor, in order."""
        return [self.widget]

    def problem(self, value: Any) -> str | None:
        """Why `value` cannot be saved, in words for the worker; None if it can."""
        if value is None and self.required:
            text = translate("FieldEditor", "%1 cannot be empty. What was there is back.")
            return text.replace("%1", self.label or translate("FieldEditor", "This field"))
        return None

    def refuse(self, text: str) -> None:
        """Show why what the worker typed is not saved."""
        self.message.setText(text)
        self.message.setAccessibleName(text)
        if self.message.parentWidget() is None:
            # Not laid out by its screen: said by the field itself rather than in a window.
            QToolTip.showText(self.widget.mapToGlobal(self.widget.rect().bottomLeft()), text,
                              self.widget)
            return
        self.message.show()

    def set_value(self, value: Any) -> None:
        """Show `value` (from the store, undo or sync) without saving it back; an unsaved
        action of the worker on the previous value is forgotten."""
        self._dirty = False
        if self._timer is not None:
            self._timer.stop()
        self.message.hide()
        if self._read() != value:
            self._quietly(lambda: self._write(value))
        # What the widget shows is the baseline: an unset tick box reads as "not ticked", and
        # only a change the worker makes to it is saved.
        self._shown = self._read()

    def flush(self) -> None:
        """Save now what the worker has changed; without an action of theirs, nothing."""
        if self._timer is not None:
            self._timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        new = self._read()
        problem = self.problem(new) if new != self._shown else None
        if problem is not None:
            shown = self._shown
            self._quietly(lambda: self._write(shown))
            self.refuse(problem)
            return
        self.message.hide()
        if new != self._shown:
            old, self._shown = self._shown, new
            self.committed.emit(old, new)

    def _paused(self) -> None:
        """A pause in typing saves, unless the value would be refused: the worker may still
        be typing it (half a date, a name retyped), so that waits until they leave."""
        if self._dirty and self.problem(self._read()) is None:
            self.flush()

    def _quietly(self, change: Any) -> None:
        """Change the widget from code: no signal of it may look like the worker's."""
        blocked = self.widget.blockSignals(True)
        try:
            change()
        finally:
            self.widget.blockSignals(blocked)

    def _touched(self, *_: Any) -> None:
        """Slot for user-action signals only."""
        self._dirty = True
        if self._timer is not None:
            self._timer.start()
        else:
            self.flush()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # on to the scroll area around it
            return True
        if kind == QEvent.Type.FocusOut and self._dirty:
            self.flush()  # leaving the field saves it
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


class _ComboEditor(FieldEditor):
    """A combo box of values with "—" first; a value the list does not offer is kept and
    shown as an extra item, never replaced by another."""

    def __init__(self, parent: QWidget | None = None) -> None:
        combo = QComboBox(parent)
        super().__init__(combo, debounce=False)
        self.combo = combo
        self._extras: set[Any] = set()
        combo.addItem("—", None)
        combo.activated.connect(self._touched)

    def set_options(self, options: list[tuple[str, str]]) -> None:
        """Replace the values on offer; the value shown stays what it was."""
        current = self._read()

        def refill() -> None:
            self.combo.clear()
            self._extras = set()
            self.combo.addItem("—", None)
            for value, text in options:
                self.combo.addItem(text, value)
            self._write(current)

        self._quietly(refill)

    def _read(self) -> Any:
        return self.combo.currentData()

    def _write(self, value: Any) -> None:
        for extra in [e for e in self._extras if e != value]:
            self.combo.removeItem(self.combo.findData(extra))
            self._extras.discard(extra)
        if value is None:
            self.combo.setCurrentIndex(0)
            return
        index = self.combo.findData(value)
        if index < 0:
            self.combo.addItem(self._extra_text(value), value)
            self._extras.add(value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def _extra_text(self, value: Any) -> str:
        return not_on_offer()


class ChoiceEditor(_ComboEditor):
    def __init__(self, values: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_options([(value, choice_label(value)) for value in values])

    def _extra_text(self, value: Any) -> str:
        # A choice this version does not offer (a newer laptop's) reads as itself, so the
        # worker sees what was recorded; it is kept unless they choose another.
        return choice_label(str(value))


class ReferenceEditor(_ComboEditor):
    """Chooses a record of the case by name (the person a consent is about)."""


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


class _SpinBox(QSpinBox):
    """`stepped` says the worker stepped the number (arrow keys, the arrows, the wheel).

    The box takes any number of as many digits as its scale's end, so that "11" on a scale of
    0 to 10 reads as 11 (and is refused in words) rather than as the 1 a strict box keeps;
    a step never leaves the scale."""

    stepped = Signal()

    def __init__(self, lowest: int, highest: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lowest, self.highest = lowest, highest  # the scale, "—" (lowest - 1) included
        self.setRange(lowest, 10 ** len(str(highest)) - 1)

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        self.setValue(max(self.lowest, min(self.highest, self.value() + steps)))
        self.stepped.emit()

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802 - Qt override
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.value() > self.lowest:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        if self.value() < self.highest:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        return flags


class _Unreadable(str):
    """What the worker typed into a date field that is no date."""


_DATE_PARTS = re.compile(r"^\s*(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{4})\s*$")


def parse_date(text: str) -> QDate | None:
    """A date as a worker types it: 24-03-2026, 24/3/2026, 24.03.2026 or 24032026. None when
    the text is no date (31-02-2026 included: Qt would quietly make it another day)."""
    digits = text.strip()
    if re.fullmatch(r"\d{8}", digits):
        day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:])
    else:
        match = _DATE_PARTS.match(text)
        if match is None:
            return None
        day, month, year = (int(g) for g in match.groups())
    if not QDate.isValid(year, month, day):
        return None
    return QDate(year, month, day)


class DateField(QLineEdit):
    """A date typed as dd-mm-jjjj, empty when there is none, with a calendar behind the
    button at its end. A line edit rather than a QDateEdit: that one has no empty state, and
    its sections trap typing and Tab and turn 31-02 into another day."""

    picked = Signal(QDate)  # a day clicked or chosen in the calendar
    stepped = Signal()  # a day up or down with the arrow keys

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(translate("FieldEditor", "dd-mm-yyyy"))
        self.setMaxLength(10)
        self._popup = QFrame(self, Qt.WindowType.Popup)
        self._popup.setFrameShape(QFrame.Shape.StyledPanel)
        self._calendar = QCalendarWidget(self._popup)
        self._calendar.setGridVisible(True)
        QVBoxLayout(self._popup).addWidget(self._calendar)
        self._popup.layout().setContentsMargins(0, 0, 0, 0)
        self._calendar.clicked.connect(self._pick)
        self._calendar.activated.connect(self._pick)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        self.calendar_action = QAction(
            icon, translate("FieldEditor", "Choose a date in the calendar"), self)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and alt):
            self.open_calendar()  # as in a date box: the calendar by keyboard
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not alt and self.date().isValid():
            self.setDate(self.date().addDays(1 if key == Qt.Key.Key_Up else -1))
            self.stepped.emit()
            return
        super().keyPressEvent(event)

    def calendarWidget(self) -> QCalendarWidget:  # noqa: N802 - QDateEdit's name
        return self._calendar

    def date(self) -> QDate:
        """The date shown; an invalid QDate when the field is empty or holds no date."""
        return parse_date(self.text()) or QDate()

    def setDate(self, date: QDate | None) -> None:  # noqa: N802 - QDateEdit's name
        self.setText(date.toString(DATE_FORMAT) if date is not None and date.isValid() else "")

    def open_calendar(self) -> None:
        """Open the calendar at the date shown, or at today."""
        shown = self.date()
        day = shown if shown.isValid() else QDate.currentDate()
        self._calendar.setSelectedDate(day)
        self._calendar.setCurrentPage(day.year(), day.month())
        self._popup.adjustSize()
        self._popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self._popup.show()
        self._calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _pick(self, date: QDate) -> None:
        self._popup.hide()
        self.setDate(date)
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.picked.emit(date)


class DateEditor(FieldEditor):
    def __init__(self, parent: QWidget | None = None, *, not_in_future: bool = False) -> None:
        """`not_in_future`: a date still to come is refused (a date of birth)."""
        edit = DateField(parent)
        super().__init__(edit, debounce=True)
        self.edit = edit
        self.not_in_future = not_in_future
        edit.textEdited.connect(self._touched)
        edit.stepped.connect(self._touched)
        edit.picked.connect(self._picked)
        edit.editingFinished.connect(self.flush)

    def _picked(self, _date: QDate) -> None:
        self._touched()
        self.flush()  # a day chosen in the calendar is a choice, saved at once

    def _read(self) -> Any:
        text = self.edit.text().strip()
        if not text:
            return None
        date = parse_date(text)
        return date.toString(Qt.DateFormat.ISODate) if date is not None else _Unreadable(text)

    def _write(self, value: Any) -> None:
        if isinstance(value, _Unreadable):
            self.edit.setText(value)
        else:
            self.edit.setDate(QDate.fromString(value, Qt.DateFormat.ISODate) if value else None)

    def problem(self, value: Any) -> str | None:
        if isinstance(value, _Unreadable):
            return translate("FieldEditor", "%1 is not a date. The date has not changed; type "
                             "it as, for example, 24-03-2026.").replace("%1", value)
        date = QDate.fromString(value, Qt.DateFormat.ISODate) if value else QDate()
        if self.not_in_future and date.isValid() and date > QDate.currentDate():
            return translate("FieldEditor", "%1 is still to come, so it cannot be a date of "
                             "birth. The date has not changed.").replace(
                "%1", date.toString(DATE_FORMAT))
        return super().problem(value)

    def flush(self) -> None:
        super().flush()
        value = self._read()
        if not self.pending and value is not None and not isinstance(value, _Unreadable):
            self._quietly(lambda: self._write(value))  # 24032026 reads back as 24-03-2026


class NumberEditor(FieldEditor):
    def __init__(self, minimum: int | None, maximum: int | None,
                 parent: QWidget | None = None) -> None:
        self.minimum = minimum
        self.maximum = maximum
        spin = _SpinBox(-1 if minimum is None else minimum - 1,
                        1_000_000 if maximum is None else maximum, parent)
        spin.setSpecialValueText("—")  # the lowest value stands for "none"
        super().__init__(spin, debounce=True)
        self.spin = spin
        # A number has no "edited" signal: typing and a step are the worker's actions.
        spin.stepped.connect(self._touched)
        spin.lineEdit().textEdited.connect(self._touched)
        spin.editingFinished.connect(self.flush)

    def _read(self) -> Any:
        value = self.spin.value()
        return None if value == self.spin.minimum() else value

    def _write(self, value: Any) -> None:
        self.spin.setValue(self.spin.minimum() if value is None else int(value))

    def problem(self, value: Any) -> str | None:
        if value is not None and self.maximum is not None and value > self.maximum:
            low = 0 if self.minimum is None else self.minimum
            text = translate("FieldEditor", "%1 is not on the scale: choose a number from %2 "
                             "to %3. The number has not changed.")
            return text.replace("%1", str(value)).replace("%2", str(low)).replace(
                "%3", str(self.maximum))
        return super().problem(value)


class ChecklistEditor(FieldEditor):
    """A list of values, each ticked or not (domains, participants). `rebuilt` says the tick
    boxes were made anew, so that whoever lays them out can put them in the tab order."""

    rebuilt = Signal()

    def __init__(self, options: list[tuple[str, str]], parent: QWidget | None = None,
                 columns: int = 3) -> None:
        panel = QWidget(parent)
        super().__init__(panel, debounce=False)
        self.panel = panel
        self._grid = QGridLayout(panel)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._columns = columns
        self._boxes: dict[str, QCheckBox] = {}
        self._extras: set[str] = set()
        self.set_options(options)

    def set_options(self, options: list[tuple[str, str]]) -> None:
        """Replace the values on offer; what is ticked stays ticked, on offer or not."""
        ticked = self._read() or []
        for box in self._boxes.values():
            self._grid.removeWidget(box)  # out of the grid now, so the new ones take its cells
            box.hide()
            box.deleteLater()
        self._boxes = {}
        self._extras = set()
        for value, text in options:
            self._add_box(value, text)
        self._write(ticked)
        self.rebuilt.emit()

    def focus_widgets(self) -> list[QWidget]:
        return list(self._boxes.values())

    def _add_box(self, value: str, text: str) -> QCheckBox:
        box = QCheckBox(text, self.panel)
        box.setAccessibleName(text)
        box.clicked.connect(self._touched)
        i = len(self._boxes)
        self._grid.addWidget(box, i // self._columns, i % self._columns)
        self._boxes[value] = box
        return box

    def boxes(self) -> dict[str, QCheckBox]:
        return dict(self._boxes)

    def _read(self) -> Any:
        values = [v for v, box in self._boxes.items() if box.isChecked()]
        return values or None

    def _write(self, value: Any) -> None:
        chosen = list(value or [])
        for extra in [e for e in self._extras if e not in chosen]:
            box = self._boxes.pop(extra)
            self._grid.removeWidget(box)
            box.hide()
            box.deleteLater()
            self._extras.discard(extra)
        for v in chosen:
            if v not in self._boxes:
                self._add_box(v, self._extra_text(v))
                self._extras.add(v)
        for v, box in self._boxes.items():
            box.setChecked(v in chosen)


    def _extra_text(self, value: str) -> str:
        return not_on_offer()


class ChoiceChecklistEditor(ChecklistEditor):
    """A checklist of the registry's choices: one it does not offer (a newer laptop's) is a
    ticked box that reads as itself, and stays ticked unless the worker unticks it."""

    def _extra_text(self, value: str) -> str:
        return choice_label(value)


def editor_for(kind: str, name: str, parent: QWidget | None = None) -> FieldEditor:
    """The editor the registry's declaration of `kind.name` calls for."""
    spec = field_spec(kind, name)
    if spec.type == "bool":
        editor: FieldEditor = FlagEditor(field_label(name, kind), parent)
    elif spec.type == "date":
        editor = DateEditor(parent, not_in_future=name == "birth_date")
    elif spec.type == "int":
        editor = NumberEditor(spec.minimum, spec.maximum, parent)
    elif spec.type == "text":
        editor = TextEditor(parent)
    elif spec.type == "list[str]" and spec.choices:
        editor = ChoiceChecklistEditor([(c, choice_label(c)) for c in spec.choices], parent)
    elif spec.type == "list[str]":
        editor = ChecklistEditor([], parent)
    elif spec.choices:
        editor = ChoiceEditor(spec.choices, parent)
    else:
        editor = LineEditor(parent)
    editor.widget.setAccessibleName(field_label(name, kind))
    editor.widget.setObjectName(f"{kind}.{name}")
    editor.required = spec.required
    editor.label = field_label(name, kind)
    return editor
