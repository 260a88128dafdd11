"""A number on a scale, with "—" for none."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractSpinBox, QSpinBox, QWidget

from desktop.casefile.editors.base import FieldEditor, translate


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
