"""The scaling scores of one home visit: each participant's 0-10 answer to "how safe is it?"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.casefile.controller import CaseFileController
from desktop.casefile.editors import LineEditor, NumberEditor
from sync.protocol import Record
from sync.schema import field_spec

_VALUE = field_spec("scaling_score", "value")


class _ScoreNote(LineEditor):
    """"Why this number?": it belongs to a score, so it waits for one, and says so."""

    def __init__(self, has_score: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._has_score = has_score

    def problem(self, value: Any) -> str | None:
        if value is not None and not self._has_score():
            return self.tr("Give a score first: the comment belongs to it.")
        return super().problem(value)


class VisitScores(QGroupBox):
    """One score box per participant of the chosen visit; a score saves when it is set.

    `rebuilt` says the boxes were made anew (another visit, other participants)."""

    rebuilt = Signal()

    def __init__(self, controller: CaseFileController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Scaling scores"))
        self.controller = controller
        # The scale in words, wrapped: a group box title would not wrap and widen the form.
        self.scale = QLabel(self.tr("0 = so unsafe the children cannot stay, "
                                    "10 = safe enough to close the case"), self)
        self.scale.setWordWrap(True)
        # The same question as a child of ten understands it: short sentences, "jij".
        self.child_question = QLabel(self.tr(
            "For children: How safe is it at home? 0 is not safe at all. "
            "10 is completely safe. Which number do you give?"), self)
        self.child_question.setWordWrap(True)
        self.child_question.setAccessibleName(self.tr("The scaling question for children"))
        column = QVBoxLayout(self)
        column.addWidget(self.scale)
        column.addWidget(self.child_question)
        self._layout = QFormLayout()
        column.addLayout(self._layout)
        self._scores: dict[tuple[str, str], Record] = {}  # (visit_id, person_id) -> score
        self._names: dict[str, str] = {}
        self._visit: Record | None = None
        self.editors: dict[str, NumberEditor] = {}  # person_id -> editor of the shown visit
        self.notes: dict[str, LineEditor] = {}  # person_id -> "why this number?"
        controller.record_created.connect(self._on_created)
        controller.record_deleted.connect(self._on_deleted)
        controller.field_set.connect(self._on_field_set)

    def set_scores(self, scores: list[Record], names: dict[str, str]) -> None:
        self._names = names
        self._scores = {
            (s.fields.get("visit_id") or "", s.fields.get("person_id") or ""): s
            for s in scores if not s.deleted
        }
        self.show_visit(self._visit)

    def show_visit(self, visit: Record | None) -> None:
        self.flush()  # a score set a moment ago belongs to the visit shown until now
        self._visit = visit
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self.editors = {}
        self.notes = {}
        participants = list(visit.fields.get("participants") or []) if visit else []
        if visit is not None and not participants:
            self._layout.addRow(QLabel(self.tr("Tick the participants of the visit first."), self))
        for person_id in participants:
            name = self._names.get(person_id, self.tr("(unknown person)"))
            editor = NumberEditor(_VALUE.minimum, _VALUE.maximum, self)
            editor.widget.setAccessibleName(self.tr("Scaling score of %1").replace("%1", name))
            score = self._scores.get((visit.id, person_id)) if visit else None
            editor.set_value(score.fields.get("value") if score else None)
            editor.committed.connect(
                lambda old, new, pid=person_id: self._commit(pid, old, new)
            )
            note = _ScoreNote(
                lambda pid=person_id, vid=visit.id: (vid, pid) in self._scores, self)
            note.edit.setPlaceholderText(self.tr("What makes your number that high?"))
            note.widget.setAccessibleName(self.tr("Why %1 chose this score").replace("%1", name))
            note.set_value(score.fields.get("note") if score else None)
            note.committed.connect(
                lambda old, new, pid=person_id: self._commit_note(pid, old, new)
            )
            row = QWidget(self)
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(editor.widget, 1)
            row_layout.addWidget(note.widget, 4)
            label = QLabel(name, self)
            label.setBuddy(editor.widget)
            self._layout.addRow(label, row)
            messages = QWidget(self)
            message_layout = QVBoxLayout(messages)
            message_layout.setContentsMargins(0, 0, 0, 0)
            message_layout.addWidget(editor.message)
            message_layout.addWidget(note.message)
            self._layout.addRow("", messages)
            self.editors[person_id] = editor
            self.notes[person_id] = note
        self.setEnabled(visit is not None)
        self.rebuilt.emit()

    def focus_widgets(self) -> list[QWidget]:
        """Each score, then its comment, in the order of the rows."""
        return [w for pid in self.editors
                for w in (self.editors[pid].widget, self.notes[pid].widget)]

    def flush(self) -> None:
        for editor in (*self.editors.values(), *self.notes.values()):
            editor.flush()

    def _commit_note(self, person_id: str, old: Any, new: Any) -> None:
        score = self._scores.get((self._visit.id, person_id)) if self._visit else None
        if score is not None:
            self.controller.edit_field(score.id, "scaling_score", "note", old, new)

    def _commit(self, person_id: str, old: Any, new: Any) -> None:
        visit = self._visit
        if visit is None:
            return
        score = self._scores.get((visit.id, person_id))
        if score is None:
            if new is not None:
                self.controller.create("scaling_score", {
                    "value": new, "visit_id": visit.id, "person_id": person_id,
                    "date": visit.fields.get("date"),
                })
        elif new is None:
            self.controller.delete(score.id, "scaling_score")
        else:
            self.controller.edit_field(score.id, "scaling_score", "value", old, new)

    def _on_created(self, record: Record) -> None:
        if record.kind == "scaling_score":
            key = (record.fields.get("visit_id") or "", record.fields.get("person_id") or "")
            self._scores[key] = record
            editor = self.editors.get(key[1])
            if editor is not None and self._visit is not None and key[0] == self._visit.id:
                editor.set_value(record.fields.get("value"))  # a removal undone

    def _on_deleted(self, record_id: str, kind: str) -> None:
        if kind == "scaling_score":
            for key in [k for k, s in self._scores.items() if s.id == record_id]:
                del self._scores[key]
                note = self.notes.get(key[1])
                if note is not None and self._visit is not None and key[0] == self._visit.id:
                    note.set_value(None)  # the comment went with its score

    def _on_field_set(self, record_id: str, field: str, value: Any) -> None:
        for key, score in self._scores.items():
            if score.id == record_id:
                self._scores[key] = score.model_copy(
                    update={"fields": {**score.fields, field: value}}
                )
                shown = self.notes if field == "note" else self.editors
                editor = shown.get(key[1])
                if editor is not None and self._visit is not None and key[0] == self._visit.id:
                    editor.set_value(value)
                return
