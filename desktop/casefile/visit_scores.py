"""The scaling scores of one home visit: each participant's 0-10 answer to "how safe is it?"
for each danger/goal pair of the case's plan, and the worker's own.

Without danger statements in the plan there is one overall score per participant. Scores
that no editor shows (a danger statement removed on another laptop, an overall score from
before the plan had danger statements) are listed in words, never dropped; a score at a
removed danger statement is repaired there (see removed_scores.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QUndoCommand
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
from desktop.casefile.removed_scores import RemovedScores
from desktop.safetyplan.items_model import first_line
from sync.protocol import Record
from sync.schema import field_spec

_VALUE = field_spec("scaling_score", "value")
OVERALL = ""  # the pair of an overall score (the plan has no danger statements)
WORKER = ""  # the person of the worker's own score

Key = tuple[str, str]  # (pair: a danger statement's id or OVERALL, person id or WORKER)


def score_key(score: Record) -> tuple[str, str, str]:
    """(visit, pair, person) of a score."""
    fields = score.fields
    return (str(fields.get("visit_id") or ""), str(fields.get("plan_item_id") or OVERALL),
            str(fields.get("person_id") or WORKER))


class NewScore(QUndoCommand):
    """A first score for someone and a pair at a visit. Undo takes it away again (its
    comment with it), redo brings it back: like every other edit of a visit."""

    def __init__(self, controller: CaseFileController, fields: Mapping[str, Any]) -> None:
        super().__init__(QCoreApplication.translate("VisitScores", "Give a score"))
        self._controller = controller
        self._fields = dict(fields)
        self._case_id = controller.case_id
        self.record_id = str(uuid.uuid4())  # known now, so an undo never waits for the write
        self._made = False

    def redo(self) -> None:
        c, rid = self._controller, self.record_id
        if self._made:
            c.write(lambda s: s.restore_record(rid), c.record_created.emit, "scaling_score")
            return
        self._made = True
        fields, case_id = self._fields, self._case_id
        c.write(lambda s: s.create_record("scaling_score", fields, case_id=case_id,
                                          record_id=rid),
                c.record_created.emit, "scaling_score")

    def undo(self) -> None:
        c, rid = self._controller, self.record_id
        c.write(lambda s: s.delete_record(rid),
                lambda _r: c.record_deleted.emit(rid, "scaling_score"), "scaling_score")


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
    """One score box per participant (and the worker) and danger/goal pair of the chosen
    visit; a score saves when it is set.

    `rebuilt` says the boxes were made anew (another visit, other participants or pairs)."""

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
        self._scores: dict[tuple[str, str, str], Record] = {}  # (visit, pair, person) -> score
        self._names: dict[str, str] = {}
        self._pairs: list[Record] = []  # the danger statements of the current plan, in order
        self._visit: Record | None = None
        self.editors: dict[Key, NumberEditor] = {}  # of the shown visit
        self.notes: dict[Key, LineEditor] = {}  # "why this number?"
        self.others = QLabel(self)  # scores no editor shows, in words
        self.others.setWordWrap(True)
        self.others.setObjectName("other_scores")
        column.addWidget(self.others)
        self.removed = RemovedScores(controller, self)  # at a removed danger statement
        column.addWidget(self.removed)
        controller.record_created.connect(self._on_created)
        controller.record_deleted.connect(self._on_deleted)
        controller.field_set.connect(self._on_field_set)

    def set_scores(self, scores: list[Record], names: dict[str, str],
                   pairs: list[Record] | None = None) -> None:
        self._names = names
        self._pairs = [p for p in pairs or [] if not p.deleted]
        self._scores = {score_key(s): s for s in scores if not s.deleted}
        self.show_visit(self._visit)

    def _name(self, person_id: str) -> str:
        if person_id == WORKER:
            return self.tr("Your own score")
        return self._names.get(person_id) or self.tr("unknown")

    def _pair_title(self, pair: Record) -> str:
        text = first_line(pair.fields.get("text")) or "…"
        goal = first_line(pair.fields.get("goal"))
        title = self.tr("Danger statement: %1").replace("%1", text)
        return title + ("\n" + self.tr("Safety goal: %1").replace("%1", goal) if goal else "")

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
        if visit is not None and participants:
            if not self._pairs:
                for person_id in participants:
                    self._add_row(visit, OVERALL, person_id, "")
            for pair in self._pairs:
                heading = QLabel(self._pair_title(pair), self)
                heading.setWordWrap(True)
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
                self._layout.addRow(heading)
                short = first_line(pair.fields.get("text")) or "…"
                for person_id in [*participants, WORKER]:
                    self._add_row(visit, pair.id, person_id, short)
        self._show_others()
        self.setEnabled(visit is not None)
        self.rebuilt.emit()

    def _add_row(self, visit: Record, pair_id: str, person_id: str, pair_text: str) -> None:
        name = self._name(person_id)
        key = (pair_id, person_id)
        editor = NumberEditor(_VALUE.minimum, _VALUE.maximum, self)
        if pair_text:
            editor.widget.setAccessibleName(
                self.tr("Score of %1 for \u201c%2\u201d").replace("%1", name)
                .replace("%2", pair_text))
        else:
            editor.widget.setAccessibleName(self.tr("Scaling score of %1").replace("%1", name))
        score = self._scores.get((visit.id, *key))
        editor.set_value(score.fields.get("value") if score else None)
        editor.committed.connect(lambda old, new, k=key: self._commit(k, old, new))
        note = _ScoreNote(lambda k=key, vid=visit.id: (vid, *k) in self._scores, self)
        note.edit.setPlaceholderText(self.tr("What makes your number that high?"))
        note.widget.setAccessibleName(self.tr("Why %1 chose this score").replace("%1", name))
        note.set_value(score.fields.get("note") if score else None)
        note.committed.connect(lambda old, new, k=key: self._commit_note(k, old, new))
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
        self.editors[key] = editor
        self.notes[key] = note

    def _score_words(self, person: str, score: Record) -> str:
        line = self.tr("%1: %2").replace("%1", self._name(person)).replace(
            "%2", str(score.fields.get("value")))
        if score.fields.get("note"):
            line += " \u2013 " + str(score.fields["note"])
        return line

    def removed_scores(self) -> list[Record]:
        """The scores of the shown visit at a danger statement that no longer exists."""
        visit = self._visit
        if visit is None:
            return []
        live = {p.id for p in self._pairs}
        return [score for (vid, pair, _person), score in sorted(self._scores.items())
                if vid == visit.id and pair not in live and pair != OVERALL]

    def other_scores(self) -> list[str]:
        """The other scores of the shown visit that no editor shows (overall, or of someone
        not ticked), in words."""
        visit = self._visit
        if visit is None:
            return []
        live = {p.id for p in self._pairs}
        other = [self._score_words(person, score)
                 for (vid, pair, person), score in sorted(self._scores.items())
                 if vid == visit.id and (pair, person) not in self.editors
                 and (pair in live or pair == OVERALL)]
        if not other:
            return []
        return [self.tr("Other scores of this visit (overall, or of someone not "
                        "ticked as a participant):") + "\n• " + "\n• ".join(other)]

    def _show_others(self) -> None:
        lines = self.other_scores()
        self.others.setText("\n".join(lines))
        self.others.setVisible(bool(lines))
        self._show_removed()

    def _show_removed(self) -> None:
        rows = []
        for score in self.removed_scores():
            key = score_key(score)
            rows.append((score, key, self._name(key[2]), self._score_words(key[2], score)))
        self.removed.show_scores(rows, self._pairs, self._scores.keys())

    def focus_widgets(self) -> list[QWidget]:
        """Each score, then its comment, in the order of the rows."""
        return [w for key in self.editors
                for w in (self.editors[key].widget, self.notes[key].widget)]

    def flush(self) -> None:
        for editor in (*self.editors.values(), *self.notes.values()):
            editor.flush()

    def _commit_note(self, key: Key, old: Any, new: Any) -> None:
        score = self._scores.get((self._visit.id, *key)) if self._visit else None
        if score is not None:
            self.controller.edit_field(score.id, "scaling_score", "note", old, new)

    def _commit(self, key: Key, old: Any, new: Any) -> None:
        visit = self._visit
        if visit is None:
            return
        score = self._scores.get((visit.id, *key))
        if score is None:
            if new is not None and self.controller.case_id is not None:
                pair, person = key
                self.controller.undo_stack.push(NewScore(self.controller, {
                    "value": new, "visit_id": visit.id, "person_id": person or None,
                    "plan_item_id": pair or None, "date": visit.fields.get("date"),
                }))
        elif new is None:
            self.controller.delete(score.id, "scaling_score")
        else:
            self.controller.edit_field(score.id, "scaling_score", "value", old, new)

    def _shown(self, key: tuple[str, str, str]) -> bool:
        return self._visit is not None and key[0] == self._visit.id

    def _on_created(self, record: Record) -> None:
        if record.kind == "scaling_score":
            key = score_key(record)
            self._scores[key] = record
            editor = self.editors.get(key[1:])
            if editor is not None and self._shown(key):
                editor.set_value(record.fields.get("value"))  # a removal undone
            self._show_others()

    def _on_deleted(self, record_id: str, kind: str) -> None:
        if kind == "scaling_score":
            for key in [k for k, s in self._scores.items() if s.id == record_id]:
                del self._scores[key]
                if self._shown(key):
                    for shown in (self.notes, self.editors):  # the comment went with its score
                        editor = shown.get(key[1:])
                        if editor is not None:
                            editor.set_value(None)
            self._show_others()

    def _on_field_set(self, record_id: str, field: str, value: Any) -> None:
        old_key = next((k for k, s in self._scores.items() if s.id == record_id), None)
        if old_key is None:
            return
        score = self._scores.pop(old_key)
        score = score.model_copy(update={"fields": {**score.fields, field: value}})
        key = score_key(score)
        self._scores[key] = score
        if key == old_key:
            shown = self.notes if field == "note" else self.editors
            editor = shown.get(key[1:])
            if editor is not None and self._shown(key):
                editor.set_value(value)
        else:  # moved to another danger statement (or back): both places follow
            for place in (old_key, key):
                current = self._scores.get(place)
                if not self._shown(place):
                    continue
                for name, shown in (("value", self.editors), ("note", self.notes)):
                    editor = shown.get(place[1:])
                    if editor is not None:
                        editor.set_value(current.fields.get(name) if current else None)
        self._show_others()
