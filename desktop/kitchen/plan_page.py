"""The plan as the family reads it: its parts under headings in their words, each line with
who does what and when, the emergency numbers, and beside each worry what the family says
about it, which they can write here themselves.

The page writes nothing: `family_view_written` goes to the plan tab, which makes it an
undoable edit like any other (marked as written with the family).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.kitchen.look import TAP_PX, heading, large, text_label
from desktop.kitchen.words import (
    FAMILY_SECTIONS,
    PLAN_TEXTS,
    family_words,
    goal_words,
    if_not_kept_words,
    section_heading,
    text_heading,
    with_family_mark,
)
from sync.protocol import Record


class FamilyViewBox(QFrame):
    """One worry, and the family's own words on it."""

    written = Signal(str, str)  # record id, the family's words

    def __init__(self, item: Record, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record_id = item.id
        self.setFrameShape(QFrame.Shape.StyledPanel)
        f = item.fields
        column = QVBoxLayout(self)
        column.addWidget(text_label(str(f.get("text") or ""), self, bold=True))
        if f.get("goal"):
            column.addWidget(text_label(goal_words(str(f["goal"])), self))
        if f.get("with_family") is True:
            column.addWidget(text_label(with_family_mark(), self))
        self.stored = str(f.get("family_view") or "")
        title = text_label(family_words(), self)
        column.addWidget(title)
        # Their words so far stand in the field: they change them, they do not start over.
        self.editor = QPlainTextEdit(self.stored, self)
        self.editor.setPlaceholderText(self.tr("What do you say about this? Write it here."))
        self.editor.setAccessibleName(self.tr("Your words on this worry"))
        self.editor.setTabChangesFocus(True)  # Tab goes on to the button, as everywhere
        self.editor.setFixedHeight(3 * TAP_PX)
        large(self.editor)
        column.addWidget(self.editor)
        self.save = QPushButton(self.tr("Save your words"), self)
        self.save.setAccessibleName(self.tr("Save your words on this worry"))
        self.save.clicked.connect(self._save)
        column.addWidget(self.save)

    def _save(self) -> None:
        words = self.editor.toPlainText().strip()
        if words and words != self.stored.strip():
            self.written.emit(self.record_id, words)

    @property
    def draft(self) -> str | None:
        """What is typed and not saved yet (None: nothing)."""
        text = self.editor.toPlainText()
        return text if text != self.stored else None


class PlanPage(QScrollArea):
    family_view_written = Signal(str, str)  # record id, words

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.boxes: dict[str, FamilyViewBox] = {}
        self.show_plan(None, [], {})

    def show_plan(self, plan: Record | None, items: Sequence[Record],
                  names: Mapping[str, str]) -> None:
        """Build the page again; what is typed and not saved, and the scroll position, stay
        (a sync or another box's save must not throw away what the family is writing)."""
        drafts = {i: box.draft for i, box in self.boxes.items() if box.draft is not None}
        scrolled = self.verticalScrollBar().value()
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setSpacing(16)
        self.boxes = {}
        if plan is None:
            column.addWidget(text_label(self.tr("There is no plan yet."), body))
        else:
            for name in PLAN_TEXTS:
                words = str(plan.fields.get(name) or "").strip()
                if words:
                    column.addWidget(heading(text_heading(name), body))
                    column.addWidget(text_label(words, body))
            for section in FAMILY_SECTIONS:
                lines = [i for i in items if i.fields.get("section") == section]
                if not lines:
                    continue
                column.addWidget(heading(section_heading(section), body))
                for item in lines:
                    column.addWidget(self._line(item, names, body))
        column.addStretch(1)
        self.setWidget(body)
        for record_id, draft in drafts.items():
            box = self.boxes.get(record_id)
            if box is not None and draft.strip() != box.stored.strip():
                box.editor.setPlainText(draft)
        QTimer.singleShot(0, self, lambda: self.verticalScrollBar().setValue(scrolled))

    def _line(self, item: Record, names: Mapping[str, str], parent: QWidget) -> QWidget:
        if item.fields.get("section") == "danger":
            box = FamilyViewBox(item, parent)
            box.written.connect(self.family_view_written)
            self.boxes[item.id] = box
            return box
        f = item.fields
        who = str(f.get("who") or "")
        parts = [str(f.get("text") or "").strip(), names.get(who, who),
                 str(f.get("when") or ""), str(f.get("phone") or "")]
        line = text_label(" · ".join(p for p in parts if p), parent)
        if f.get("if_not_kept"):
            line.setText(line.text() + "\n" + if_not_kept_words(str(f["if_not_kept"])))
        return line
