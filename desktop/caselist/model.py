"""CaseListModel: the case list as a table - family, status, next review, and the marks:
unsynced changes, open conflicts and a returned plan (an icon and words).

Rows are the store's CaseSummary objects, already searched, filtered and sorted in SQL; the
model only shows them, so that a new list of 2,000 cases is one cheap reset.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.casefile.labels import choice_label
from desktop.casefile.records_model import display_value
from desktop.overdue import overdue, overdue_word
from desktop.table_model import RowTableModel

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate

FAMILY, STATUS, NEXT_REVIEW, MARK = range(4)


def sync_mark(pending: int, conflicts: int) -> str:
    """A short mark: ⚠ with the open conflicts, ↑ with unsynced changes."""
    parts = []
    if conflicts:
        parts.append(f"⚠ {conflicts}")
    if pending:
        parts.append(f"↑ {pending}")
    return "  ".join(parts)


class CaseListModel(RowTableModel):
    CaseIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = (
            translate("CaseListModel", "Family"), translate("CaseListModel", "Status"),
            translate("CaseListModel", "Next review"), translate("CaseListModel", "Sync"),
        )

    def sync_mark_words(self, pending: int, conflicts: int) -> str:
        """The sync mark in words, for screen readers and tooltips."""
        parts = []
        if conflicts:
            parts.append(self.tr("%n open conflict(s)", "", conflicts))
        if pending:
            parts.append(self.tr("%n change(s) not yet synced", "", pending))
        return "; ".join(parts)

    def set_cases(self, cases: Sequence[Any]) -> None:
        new = list(cases)
        if new and [c.id for c in new] == [c.id for c in self._rows]:
            # The same cases in the same order (a sync, an edit): the rows keep their place,
            # and the worker's place in the list with them.
            self._rows = new
            last = self.index(len(new) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    def case(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, case_id: str) -> int:
        for row, summary in enumerate(self._rows):
            if summary.id == case_id:
                return row
        return -1

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == self.CaseIdRole:
            return summary.id
        if role == Qt.ItemDataRole.DisplayRole:
            # Two lines a row: the second tells apart families of one name, and says in
            # words (never by colour alone) that a review date has passed.
            if column == FAMILY:
                return "\n".join(filter(None, (summary.title, self.second_line(summary))))
            if column == STATUS:
                return choice_label(summary.status)
            if column == NEXT_REVIEW:
                date = display_value("safety_plan", "review_on", summary.next_review)
                return f"{date}\n{overdue_word()}" if overdue(summary.next_review) else date
            if column == MARK:
                marks = [sync_mark(summary.pending, summary.conflicts)]
                if summary.plan_status == "returned":
                    marks.append(self.returned_word())
                return "\n".join(m for m in marks if m)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == MARK:
                words = [self.sync_mark_words(summary.pending, summary.conflicts)]
                if summary.plan_status == "returned":
                    words.append(self.tr("The team lead returned the safety plan."))
                return " ".join(w for w in words if w)
            if column == FAMILY:
                return self.family_words(summary)
            if column == NEXT_REVIEW and overdue(summary.next_review):
                return self.tr("Review overdue since %1").replace(
                    "%1", display_value("safety_plan", "review_on", summary.next_review))
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return str(self.data(index, Qt.ItemDataRole.DisplayRole) or "").replace(
                    "\n", ", ")
        return None

    def returned_word(self) -> str:
        """The mark of a case whose current plan the team lead returned: an arrow back, as
        the other marks are a sign and words (the whole sentence is in the tooltip)."""
        return "↩ " + self.tr("Returned")

    def second_line(self, summary: Any) -> str:
        """"Mila · since 2025": the youngest of the household and the year the case started,
        short enough for a narrow list (the whole date is in the tooltip)."""
        parts = []
        if summary.youngest:
            parts.append(summary.youngest)
        if summary.opened_on:
            parts.append(self.tr("since %1").replace("%1", summary.opened_on[:4]))
        return " · ".join(parts)

    def family_words(self, summary: Any) -> str:
        """The family and its second line in whole sentences (tooltip, screen reader)."""
        words = [summary.title]
        if summary.youngest:
            words.append(self.tr("Youngest in the household: %1.").replace(
                "%1", summary.youngest))
        if summary.opened_on:
            words.append(self.tr("Started on %1.").replace(
                "%1", display_value("case", "opened_on", summary.opened_on)))
        return " ".join(words)
