"""The plan tab's page "De kinderen": per child, the rooms of the Three Houses and the Safety
House to write their words in as they say them, and the Words and Pictures story.

The page writes nothing itself: new words go out as `words_added` and the story's edits as
the form's `edited`, so the plan tab makes each an undoable command like any other line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.casefile.form import RecordForm
from desktop.safetyplan.children_data import (
    OTHER,
    SAFETY_HOUSE,
    THREE_HOUSES,
    ChildWords,
    child_words,
)
from desktop.safetyplan.children_pictograms import ROOM_PICTOGRAMS, pictogram_icon
from desktop.safetyplan.children_view import ChildrenViewDialog
from desktop.safetyplan.children_words import group_name, group_note, room_prompt, room_title
from sync.protocol import Record

ICON = QSize(40, 40)


class RoomBox(QGroupBox):
    """One room: its picture, what the child said so far, and a field for more."""

    added = Signal(str, str)  # part, text
    removed = Signal(str)  # record id of words taken out (Delete in the list)

    def __init__(self, part: str, parent: QWidget | None = None) -> None:
        super().__init__(room_title(part), parent)
        self.part = part
        self.setObjectName(f"room.{part}")
        picture = QLabel(self)
        picture.setPixmap(pictogram_icon(ROOM_PICTOGRAMS[part]).pixmap(ICON))
        self.words = QListWidget(self)
        self.words.setAccessibleName(room_title(part))
        self.words.setWordWrap(True)
        self.words.setMinimumHeight(60)
        self.words.setMinimumWidth(120)
        self.words.setMaximumHeight(100)  # six rooms and the story fit a laptop's screen
        remove = QAction(self.tr("Remove these words"), self.words)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self._remove)
        self.words.addAction(remove)
        self.words.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.field = QLineEdit(self)
        self.field.setMinimumWidth(120)
        self.field.setPlaceholderText(room_prompt(part))
        self.field.setAccessibleName(room_title(part))
        self.field.returnPressed.connect(self.add)
        self.button = QPushButton(self.tr("Add"), self)
        self.button.setAccessibleName(self.tr("Add to %1").replace("%1", room_title(part)))
        self.button.clicked.connect(self.add)
        entry = QHBoxLayout()
        entry.addWidget(self.field, 1)
        entry.addWidget(self.button)
        top = QHBoxLayout()
        top.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.words, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(entry)

    def show_words(self, items: Sequence[Record], writable: bool) -> None:
        self.words.clear()
        for item in items:
            row = QListWidgetItem(str(item.fields.get("text") or ""), self.words)
            row.setData(Qt.ItemDataRole.UserRole, item.id)
        self.field.setEnabled(writable)
        self.button.setEnabled(writable)

    def _remove(self) -> None:
        row = self.words.currentItem()
        if row is not None:
            self.removed.emit(str(row.data(Qt.ItemDataRole.UserRole)))

    def add(self) -> None:
        text = self.field.text().strip()
        if not text or not self.field.isEnabled():
            return
        self.field.clear()
        self.added.emit(self.part, text)


class RoomGrid(QGroupBox):
    """A house's rooms side by side where the case file is wide, else under each other:
    the page scrolls down, never sideways."""

    ROOM_WIDTH = 320  # room enough for the question in the empty field

    def __init__(self, title: str, rooms: Sequence[RoomBox], parent: QWidget | None = None
                 ) -> None:
        super().__init__(title, parent)
        # Its width is what the page gives it, never what the rooms side by side would ask.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.rooms = list(rooms)
        self._grid = QGridLayout(self)
        self._columns = 0
        self._place(len(self.rooms))

    def _place(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for room in self.rooms:
            self._grid.removeWidget(room)
        for n, room in enumerate(self.rooms):
            self._grid.addWidget(room, n // columns, n % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place(max(1, min(len(self.rooms), event.size().width() // self.ROOM_WIDTH)))


class ChildrenPanel(QWidget):
    words_added = Signal(str, str, str)  # who (a person id or a name), part, text
    words_removed = Signal(str)  # the line's record id
    printed = Signal()  # the children's version went to the printer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[ChildWords] = []
        self.story = ""
        self._chosen: str | None = None  # the group shown, kept over a reload

        self.child_box = QComboBox(self)
        self.child_box.setAccessibleName(self.tr("Child"))
        self.child_box.currentIndexChanged.connect(self._show_group)
        child_label = QLabel(self.tr("Chil&d:"), self)
        child_label.setBuddy(self.child_box)
        self.view_button = QPushButton(self.tr("Show the child&ren's version"), self)
        self.view_button.clicked.connect(self.show_view)
        self.empty_label = QLabel(
            self.tr("There are no children in this case yet. Put them on the network map: in "
                    "the household and under 18, or marked as a child the worry is about."),
            self)
        self.empty_label.setWordWrap(True)
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.note_label.setObjectName("notes")
        hint = QLabel(self.tr("Write down what the child says, in their own words."), self)
        hint.setWordWrap(True)

        self.rooms = {part: RoomBox(part, self) for part in (*THREE_HOUSES, *SAFETY_HOUSE)}
        self.other_room = RoomBox(OTHER, self)  # words in a room this version does not know
        for room in (*self.rooms.values(), self.other_room):
            room.added.connect(self._add)
            room.removed.connect(self.words_removed)
        self.story_form = RecordForm("safety_plan", ("children_version",), self)
        self.story_form.editors["children_version"].widget.setMaximumHeight(140)

        top = QHBoxLayout()
        top.addWidget(child_label)
        top.addWidget(self.child_box, 1)
        top.addWidget(self.view_button)
        houses = RoomGrid(self.tr("Three Houses"), [self.rooms[p] for p in THREE_HOUSES], self)
        safety = RoomGrid(self.tr("The Safety House"), [self.rooms[p] for p in SAFETY_HOUSE],
                          self)
        story = QGroupBox(self.tr("Words and Pictures"), self)
        story_layout = QVBoxLayout(story)
        story_hint = QLabel(
            self.tr("The story for the children that the parents agreed to: what happened, "
                    "and what everyone does now."), story)
        story_hint.setWordWrap(True)
        story_layout.addWidget(story_hint)
        story_layout.addWidget(self.story_form)

        body = QWidget(self)
        column = QVBoxLayout(body)
        column.addLayout(top)
        column.addWidget(hint)
        column.addWidget(self.empty_label)
        column.addWidget(self.note_label)
        column.addWidget(houses)
        column.addWidget(safety)
        column.addWidget(self.other_room)
        column.addWidget(story)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.view_dialog: ChildrenViewDialog | None = None
        self.show_plan(None, [], [])

    def show_plan(self, plan: Record | None, items: Sequence[Record],
                  people: Sequence[Record], today: dt.date | None = None) -> None:
        self.groups = child_words(items, people, today or dt.date.today()) if plan else []
        self.story = str(plan.fields.get("children_version") or "") if plan else ""
        self.story_form.show_record(plan)
        chosen = self._chosen
        blocked = self.child_box.blockSignals(True)
        self.child_box.clear()
        for group in self.groups:
            self.child_box.addItem(group_name(group), self._key(group))
        index = self.child_box.findData(chosen) if chosen is not None else -1
        self.child_box.setCurrentIndex(index if index >= 0 else 0 if self.groups else -1)
        self.child_box.blockSignals(blocked)
        self.empty_label.setVisible(plan is not None and not any(
            g.kind == "child" for g in self.groups))
        self.view_button.setEnabled(plan is not None)
        self._show_group()

    def current_group(self) -> ChildWords | None:
        index = self.child_box.currentIndex()
        return self.groups[index] if 0 <= index < len(self.groups) else None

    def _show_group(self, *_: object) -> None:
        group = self.current_group()
        self._chosen = self._key(group) if group is not None else None
        writable = group is not None and group.kind in ("child", "person", "named")
        for part, room in self.rooms.items():
            room.show_words(group.room(part) if group else [], writable)
        other = group.room(OTHER) if group else []
        self.other_room.show_words(other, False)
        self.other_room.setVisible(bool(other))
        note = group_note(group) if group is not None else ""
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))

    def _add(self, part: str, text: str) -> None:
        group = self.current_group()
        who = group.person_id or group.name if group is not None else None
        if who:
            self.words_added.emit(who, part, text)

    def show_view(self) -> None:
        editor = self.story_form.editors["children_version"]
        story = str(editor.value() or "") if self.story_form.record_id else self.story
        self.story_form.flush()  # what was typed is saved too, not only shown
        self.view_dialog = ChildrenViewDialog(self.groups, story, self)
        self.view_dialog.printed.connect(self.printed)
        self.view_dialog.open()

    @staticmethod
    def _key(group: ChildWords | None) -> str | None:
        if group is None:
            return None
        return f"{group.kind}:{group.person_id or group.name}"
