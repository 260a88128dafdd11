"""A value chosen from a list: the registry's choices, or a record of the case."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.casefile.editors.base import FieldEditor, not_on_offer
from desktop.casefile.labels import choice_label


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
