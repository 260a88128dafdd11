"""At a home visit: the scores given for a danger statement that no longer exists (removed
on another laptop), each in words and with its repair. The worker moves a score to a danger
statement of the plan (its `plan_item_id`), or removes it after a question; both are one
undoable step on the case file's undo stack, like every other edit of the visit."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.casefile.controller import CaseFileController
from desktop.safetyplan.items_model import first_line
from sync.protocol import Record

ScoreKey = tuple[str, str, str]  # (visit, pair, person), as visit_scores.score_key


class RemovedScores(QWidget):
    def __init__(self, controller: CaseFileController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("removed_scores")
        self.controller = controller
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self.tr("At a removed danger statement:"), self)
        self.heading.setWordWrap(True)
        self.hint = QLabel(self.tr(
            "Move each score to a danger statement of the plan, or remove it."), self)
        self.hint.setWordWrap(True)
        self._rows = QGridLayout()
        self._rows.setColumnStretch(0, 1)
        column.addWidget(self.heading)
        column.addWidget(self.hint)
        column.addLayout(self._rows)
        self.lines: dict[str, QLabel] = {}  # score id -> the score in words
        self.moves: dict[str, QComboBox] = {}  # score id -> "move to" a danger statement
        self.removals: dict[str, QPushButton] = {}  # score id -> its remove button
        self.confirm_box: QMessageBox | None = None
        self._scores: dict[str, tuple[Record, ScoreKey, str]] = {}  # id -> score, key, name
        self._taken: Collection[ScoreKey] = ()
        self.hide()

    def show_scores(self, scores: list[tuple[Record, ScoreKey, str, str]],
                    pairs: list[Record], taken: Collection[ScoreKey]) -> None:
        """`scores`: (score, its key, who gave it, the score in words); `pairs`: the plan's
        danger statements, in order; `taken`: the keys that have a score already."""
        while self._rows.count():
            widget = self._rows.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()  # it may be the box whose choice led here
        self.lines, self.moves, self.removals = {}, {}, {}
        self._scores = {s.id: (s, key, name) for s, key, name, _words in scores}
        self._taken = taken
        for row, (score, key, name, words) in enumerate(scores):
            line = QLabel("• " + words, self)
            line.setWordWrap(True)
            move = self._move_box(score, key, name, pairs)
            remove = QPushButton(self.tr("Remove…"), self)
            remove.setAccessibleName(self.tr("Remove the score of %1").replace("%1", name))
            remove.clicked.connect(lambda _c=False, sid=score.id: self.ask_remove(sid))
            for column, widget in enumerate((line, move, remove)):
                self._rows.addWidget(widget, row, column)
            self.lines[score.id], self.moves[score.id] = line, move
            self.removals[score.id] = remove
        self.setVisible(bool(scores))

    def _move_box(self, score: Record, key: ScoreKey, name: str,
                  pairs: list[Record]) -> QComboBox:
        move = QComboBox(self)
        move.setAccessibleName(self.tr("Move the score of %1 to a danger statement")
                               .replace("%1", name))
        move.addItem(self.tr("Move to…"), None)
        for pair in pairs:
            text = first_line(pair.fields.get("text")) or "…"
            taken = (key[0], pair.id, key[2]) in self._taken
            if taken:  # one score per person and danger statement at a visit
                text = self.tr("%1 (%2 has a score there)").replace("%1", text).replace(
                    "%2", name)
            move.addItem(text, pair.id)
            move.model().item(move.count() - 1).setEnabled(not taken)
        move.setEnabled(bool(pairs))
        move.activated.connect(lambda index, sid=score.id: self._move(sid, index))
        return move

    def _move(self, score_id: str, index: int) -> None:
        found, combo = self._scores.get(score_id), self.moves.get(score_id)
        pair_id = combo.itemData(index) if combo is not None else None
        if found is None or not pair_id:
            return
        score, (visit, _pair, person), _name = found
        if (visit, pair_id, person) in self._taken:
            return  # offered disabled
        self.controller.edit_field(score.id, "scaling_score", "plan_item_id",
                                   score.fields.get("plan_item_id"), pair_id,
                                   text=self.tr("Move a score"))

    def ask_remove(self, score_id: str) -> None:
        """Asks first: a score is what someone said at a visit."""
        found = self._scores.get(score_id)
        if found is None:
            return
        score, _key, name = found
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Remove a score"),
            self.tr("Remove the score %1 of %2 at a removed danger statement?")
            .replace("%1", str(score.fields.get("value"))).replace("%2", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setInformativeText(self.tr("You can undo this (Ctrl+Z) until the next "
                                       "synchronisation."))
        box.setDefaultButton(QMessageBox.StandardButton.No)  # removing takes a choice
        remove = box.button(QMessageBox.StandardButton.Yes)
        remove.setText(self.tr("&Remove"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Keep"))
        box.finished.connect(lambda _result: self._answered(
            box, box.clickedButton() is remove, score_id, name))
        self.confirm_box = box
        box.open()

    def _answered(self, box: QMessageBox, yes: bool, score_id: str, name: str) -> None:
        box.deleteLater()
        self.confirm_box = None
        if yes and score_id in self._scores:
            self.controller.delete(score_id, "scaling_score",
                                   self.tr("the score of %1").replace("%1", name))
