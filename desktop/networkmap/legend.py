"""The legend: the Dutch words for every symbol and line the current map uses."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QWidget

from desktop.networkmap.words import legend_text


class Legend(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Legend"))
        self.keys: list[tuple[str, ...]] = []

    def show_keys(self, keys: list[tuple[str, ...]]) -> None:
        self.keys = list(keys)
        self.clear()
        self.addItems([legend_text(key) for key in keys])

    def texts(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]
