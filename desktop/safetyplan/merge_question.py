"""The question before two plans of one case are merged: it names both, with their lines."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from desktop.safetyplan.data import PlanData
from desktop.safetyplan.plan_words import PlanWords


class MergeQuestion(QObject):
    """Asks whether to merge `other` into the plan shown; "Keep both" is the default."""

    def box(self, parent: QWidget, data: PlanData, words: PlanWords, plan: Any,
            other: Any) -> tuple[QMessageBox, QAbstractButton]:
        """The question (not yet open) and its button that merges."""

        def named(record: Any) -> str:
            count = data.line_counts.get(record.id, 0)
            return self.tr("\u201c%1\u201d (%n line(s))", "", count).replace(
                "%1", words.plan_label(record))

        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Merge two plans"),
            self.tr("Merge the plan %1 into the plan shown, %2?").replace(
                "%1", named(other)).replace("%2", named(plan)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        box.setInformativeText(self.tr(
            "Its lines come after the lines of the plan shown, in their own order. A part "
            "the plan shown has no words for takes its words; where both have words, its "
            "words are added below. Then the other plan is removed. You can undo this "
            "(Ctrl+Z) until the next synchronisation."))
        box.setDefaultButton(QMessageBox.StandardButton.No)  # merging takes a choice
        merge = box.button(QMessageBox.StandardButton.Yes)
        merge.setText(self.tr("&Merge"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Keep both"))
        return box, merge
