"""A date as a worker types it (dd-mm-jjjj), with a calendar behind a button."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QStyle, QVBoxLayout, QWidget

from desktop.casefile.editors.base import FieldEditor, translate

DATE_FORMAT = "dd-MM-yyyy"


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
