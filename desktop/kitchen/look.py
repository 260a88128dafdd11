"""The mode's calm, large look: type readable from across the table, tap targets a finger
hits (at least 56 px high, about 9 mm at the usual 150 dpi of a laptop screen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

TEXT_PT = 18
HEADING_PT = 26
TAP_PX = 56

# A style sheet stops the widget's font from reaching the controls it styles: their size
# is set here too.
STYLE = f"""
QPushButton, QCheckBox, QComboBox, QLineEdit, QTabBar {{ font-size: {TEXT_PT}pt; }}
QScrollBar:vertical {{ width: 24px; }}
QPushButton, QToolButton, QCheckBox, QComboBox, QLineEdit {{ min-height: {TAP_PX}px; }}
QPushButton {{ padding: 6px 24px; }}
QCheckBox::indicator {{ width: 32px; height: 32px; }}
QTabBar::tab {{ min-height: {TAP_PX}px; padding: 6px 20px; }}
"""


def large(widget: QWidget, points: int = TEXT_PT, *, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSize(points)
    font.setBold(bold)
    widget.setFont(font)


def text_label(text: str, parent: QWidget, points: int = TEXT_PT, *,
               bold: bool = False) -> QLabel:
    """A family's words are shown, never run as markup."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    large(label, points, bold=bold)
    return label


def heading(text: str, parent: QWidget) -> QLabel:
    return text_label(text, parent, HEADING_PT, bold=True)
