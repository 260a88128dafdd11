"""The children's version at the table: the child-friendly view of the plan tab
(`ChildrenPage`) and, under it, a place where a child's own words go into the Three Houses.

The page writes nothing: `words_added` goes to the plan tab, which makes the words a line of
the plan (marked as written with the family) like any other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.kitchen.look import heading, large
from desktop.safetyplan.children_data import THREE_HOUSES, child_words
from desktop.safetyplan.children_view import ChildrenPage
from desktop.safetyplan.children_words import room_prompt, room_title
from sync.protocol import Record


class ChildrenTablePage(QWidget):
    words_added = Signal(str, str, str)  # who (a child's person id), part, text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: ChildrenPage | None = None
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)

        self.child_box = QComboBox(self)
        self.child_box.setAccessibleName(self.tr("Child"))
        self.room_box = QComboBox(self)
        self.room_box.setAccessibleName(self.tr("House"))
        for part in THREE_HOUSES:
            self.room_box.addItem(room_title(part), part)
        self.room_box.currentIndexChanged.connect(self._prompt)
        self.words = QLineEdit(self)
        self.words.setAccessibleName(self.tr("The child's words"))
        self.add_button = QPushButton(self.tr("Write it down"), self)
        self.add_button.setAccessibleName(self.tr("Write the child's words down"))
        self.add_button.clicked.connect(self._add)
        self.words.returnPressed.connect(self._add)
        for widget in (self.child_box, self.room_box, self.words, self.add_button):
            large(widget)

        self.title = heading(self.tr("In your own words"), self)
        row = QHBoxLayout()
        row.addWidget(self.child_box)
        row.addWidget(self.room_box)
        row.addWidget(self.words, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.title)
        layout.addLayout(row)
        self._prompt()
        self.show_plan(None, [], [])

    def show_plan(self, plan: Record | None, items: Sequence[Record],
                  people: Sequence[Record], today: dt.date | None = None) -> None:
        groups = child_words(items, people, today or dt.date.today()) if plan else []
        story = str(plan.fields.get("children_version") or "") if plan else ""
        scrolled = self.scroll.verticalScrollBar().value()
        self.view = ChildrenPage(groups, story, self.scroll)
        self.scroll.setWidget(self.view)
        # New words do not send the child back to the top of the houses.
        QTimer.singleShot(0, self, lambda: self.scroll.verticalScrollBar().setValue(scrolled))
        chosen = self.child_box.currentData()
        self.child_box.clear()
        for group in groups:
            if group.kind == "child" and group.person_id:
                self.child_box.addItem(group.name, group.person_id)
        index = self.child_box.findData(chosen)
        self.child_box.setCurrentIndex(max(index, 0) if self.child_box.count() else -1)
        writable = plan is not None and self.child_box.count() > 0
        for widget in (self.title, self.child_box, self.room_box, self.words, self.add_button):
            widget.setVisible(writable)

    def _prompt(self) -> None:
        self.words.setPlaceholderText(room_prompt(str(self.room_box.currentData())))

    def _add(self) -> None:
        who, text = self.child_box.currentData(), self.words.text().strip()
        if who and text:
            self.words_added.emit(str(who), str(self.room_box.currentData()), text)
            self.words.clear()
