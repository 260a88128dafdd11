"""The calm column the first-run and unlock pages share: one narrow column in the middle of
the window, a little above centre, however wide the screen is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget


def centred_column(
    page: QWidget, items: list[QWidget | QLayout], button: QPushButton, *,
    max_width: int, weight: int,
) -> None:
    """Lay `items` out top to bottom in a column centred on `page`, `button` last, on the right."""
    column = QWidget()
    column.setMaximumWidth(max_width)
    layout = QVBoxLayout(column)
    layout.setSpacing(16)
    for item in items:
        if isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(column, weight)
    row.addStretch(1)
    outer = QVBoxLayout(page)
    outer.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)


def message_label() -> QLabel:
    """The label a page shows its errors in. Text and background are the palette's
    WindowText on Window, the pair every palette (default, dark, high contrast) keeps
    readable; bold instead of a colour of our own makes it stand out."""
    label = QLabel()
    label.setObjectName("errorMessage")
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.WindowText)
    label.setBackgroundRole(QPalette.ColorRole.Window)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
