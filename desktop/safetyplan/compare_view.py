"""Two states of the plan side by side, part by part: any two versions, a version and the
plan as it is now, or what a team lead saw before the plan changed under their decision."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.casefile.labels import choice_label
from desktop.i18n import local_day
from desktop.safetyplan.compare import PartDiff, compare
from desktop.safetyplan.words import part_title
from desktop.table_model import RowTableModel
from sync.protocol import Record

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


class ComparisonModel(RowTableModel):
    ChangedRole = Qt.ItemDataRole.UserRole + 1

    def headers(self) -> Sequence[str]:
        return [self.tr("Part"), self.tr("Before"), self.tr("After")]

    def __init__(self, parent: Any = None, names: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self.names = dict(names or {})  # person id -> name: a line says who, not an id

    def named(self, line: str) -> str:
        for person_id, name in self.names.items():
            if person_id in line:
                line = line.replace(person_id, name)
        return line

    def set_diffs(self, diffs: Sequence[PartDiff]) -> None:
        self.beginResetModel()
        self._rows = list(diffs)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        diff: PartDiff | None = self.row_object(index)
        if diff is None:
            return None
        if role == self.ChangedRole:
            return diff.changed
        if role == Qt.ItemDataRole.FontRole and diff.changed:
            font = QFont()
            font.setBold(True)  # a changed part stands out
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if index.column() == 0:
            title = part_title(diff.part)
            return title + (" " + self.tr("(changed)") if diff.changed else "")
        lines = diff.before if index.column() == 1 else diff.after
        return "\n".join(self.named(line) for line in lines)


class CompareDialog(QDialog):
    """`states`: (label, content JSON) of each state that can be chosen, oldest first;
    `names`: person id -> name, for the lines that name someone of the case."""

    def __init__(self, states: list[tuple[str, str]], parent: QWidget | None = None,
                 names: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare versions"))
        self.states = states
        self.before = QComboBox(self)
        self.after = QComboBox(self)
        for label, _content in states:
            self.before.addItem(label)
            self.after.addItem(label)
        self.before.setCurrentIndex(max(0, len(states) - 2))
        self.after.setCurrentIndex(len(states) - 1)
        self.model = ComparisonModel(self, names)
        self.first_change: int | None = None
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("The parts of the plan compared"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Rows as tall as their wrapped text at the columns' width now, not when first shown.
        self.table.horizontalHeader().sectionResized.connect(
            lambda *_: self.table.resizeRowsToContents())
        choose = QFormLayout()
        choose.addRow(self.tr("&Before"), self.before)
        choose.addRow(self.tr("&After"), self.after)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.before.currentIndexChanged.connect(self._show)
        self.after.currentIndexChanged.connect(self._show)
        self.resize(900, 600)
        self._show()

    def _show(self, *_: Any) -> None:
        before = self.states[self.before.currentIndex()][1] if self.states else None
        after = self.states[self.after.currentIndex()][1] if self.states else None
        diffs = compare(before, after)
        self.model.set_diffs(diffs)
        # A part empty in both is left out of sight; the first changed part is in sight.
        for row, diff in enumerate(diffs):
            self.table.setRowHidden(row, not diff.before and not diff.after)
        self.table.resizeRowsToContents()
        self.first_change = next((row for row, diff in enumerate(diffs) if diff.changed), None)
        if self.isVisible():
            self._to_first_change()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        QTimer.singleShot(0, self, self._to_first_change)  # once the rows have their height

    def _to_first_change(self) -> None:
        """The first changed part in sight: that is what the comparison is for."""
        if self.first_change is not None:
            self.table.scrollTo(self.model.index(self.first_change, 0),
                                QAbstractItemView.ScrollHint.PositionAtTop)


def version_label(version: Record, refused: bool) -> str:
    text = translate("CompareDialog", "Version %1, %2 on %3").replace(
        "%1", str(version.fields.get("version") or 1)).replace(
        "%2", choice_label(version.fields.get("decision"))).replace(
        "%3", local_day(str(version.fields.get("decided_at") or "")))
    if refused:
        text += " " + translate("CompareDialog", "(what you saw; not accepted)")
    return text


def now_label() -> str:
    return translate("CompareDialog", "The plan now")
