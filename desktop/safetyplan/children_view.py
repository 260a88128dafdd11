"""The child-friendly view ("Kinderversie"): per child, in large type, a picture for each
room with a short sentence and the child's own words as they said them, then the Words and
Pictures story. It only shows; the words are written in the plan tab.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.safetyplan.children_data import OTHER, PARTS, ChildWords
from desktop.safetyplan.children_pictograms import ROOM_PICTOGRAMS, pictogram
from desktop.safetyplan.children_print import print_children
from desktop.safetyplan.children_words import (
    child_heading,
    never_your_fault,
    room_sentence,
    room_title,
    story_sentence,
    story_title,
)

TEXT_PT = 22  # large enough for a child to read from across the kitchen table (≥ 20 pt)
HEADING_PT = 30
PICTOGRAM_PX = 88


def _label(text: str, points: int, parent: QWidget, *, bold: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a child's words are shown, never run
    font = QFont(label.font())
    font.setPointSize(points)
    font.setBold(bold)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def quoted(text: str) -> str:
    return "\u201c" + text.strip() + "\u201d"


class ChildrenPage(QWidget):
    """Every child's rooms, one after another, and the story for all of them."""

    def __init__(self, groups: Sequence[ChildWords], story: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("children-page")
        self.word_labels: list[QLabel] = []
        self.pictograms: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setSpacing(18)
        if not any(group.count for group in groups):
            layout.addWidget(_label(self.tr("The children's words are not in the plan yet."),
                                    TEXT_PT, self))
        for group in groups:
            if not group.count:
                continue
            layout.addWidget(_label(child_heading(group), HEADING_PT, self, bold=True))
            for part in (*PARTS, OTHER):
                if group.room(part):
                    layout.addWidget(self._room(part, group))
        if story.strip():
            layout.addWidget(_label(story_title(), HEADING_PT, self, bold=True))
            layout.addWidget(_label(story_sentence(), TEXT_PT, self))
            self.story_label = _label(story.strip(), TEXT_PT, self)
            layout.addWidget(self.story_label)
        layout.addWidget(_label(never_your_fault(), TEXT_PT, self, bold=True))
        layout.addStretch(1)

    def _room(self, part: str, group: ChildWords) -> QWidget:
        room = QFrame(self)
        room.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(room)
        row.setSpacing(16)
        picture = QLabel(room)
        name = ROOM_PICTOGRAMS[part]
        picture.setObjectName(f"pictogram.{name}")
        picture.setPixmap(pictogram(name, PICTOGRAM_PX, self.devicePixelRatioF()))
        picture.setAccessibleName(room_title(part))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.pictograms.append(picture)
        row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.addWidget(_label(room_title(part), TEXT_PT, room, bold=True))
        column.addWidget(_label(room_sentence(part), TEXT_PT, room))
        for item in group.room(part):
            words = _label(quoted(str(item.fields.get("text") or "")), TEXT_PT, room)
            words.setProperty("record_id", item.id)
            words.setProperty("part", part)
            self.word_labels.append(words)
            column.addWidget(words)
        row.addLayout(column, 1)
        return room


class ChildrenViewDialog(QDialog):
    printed = Signal()  # after each print: the plan tab logs it (no print goes unlogged)

    def __init__(self, groups: Sequence[ChildWords], story: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Children's version"))
        self.page = ChildrenPage(groups, story, self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.page)
        scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys and Page Down scroll
        self.scroll = scroll
        self.groups, self.story = list(groups), story
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.print_button = buttons.addButton(self.tr("&Print…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_pages)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.reject)
        self.resize(900, 760)
        scroll.setFocus()

    def print_pages(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_children(self.groups, self.story, printer)
            self.printed.emit()
