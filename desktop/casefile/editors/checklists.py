"""A list of values, each ticked or not."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from desktop.casefile.editors.base import FieldEditor, not_on_offer
from desktop.casefile.labels import choice_label


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
