"""The editor of one field: shows a value, and saves only what the worker did to it
(see the package's docstring)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QToolTip, QWidget

SAVE_DELAY_MS = 700  # a pause in typing this long saves the field

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
