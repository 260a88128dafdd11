"""The plan's lines as a tree: each part of the plan a row, its lines below it in order.

Column 0 is the line itself, column 1 what belongs with it: the safety goal of a danger
statement, who and when of an agreement, the number of a step, and for a condition what
meets it, or in the danger colour what it still lacks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop.safetyplan.positions import sort_key
from desktop.safetyplan.rules import met_by, missing_for_condition
from desktop.safetyplan.words import SECTIONS, met_text, section_title, unmet_text
from sync.protocol import Record

Index = QModelIndex | QPersistentModelIndex
_TOP = 0  # internal id of a part's row; a line's is its part's number + 1
MIME = "application/x-keukentafel-plan-line"


def danger_color(palette: QPalette) -> QColor:
    """Red that reads on the palette's background, light or dark (red is kept for danger)."""
    light = palette.color(QPalette.ColorRole.Base).lightness() >= 128
    return QColor("#b3261e") if light else QColor("#ff8a80")


def first_line(value: Any) -> str:
    return str(value).split("\n", 1)[0] if value else ""


class PlanItemsModel(QAbstractItemModel):
    RecordRole = Qt.ItemDataRole.UserRole + 1
    UnmetRole = Qt.ItemDataRole.UserRole + 2  # for a condition: what it lacks (codes)
    # A line dragged to `row` among the lines of its own part (record_id, row). The model
    # moves nothing itself: the tab makes the move an undoable edit of the line's position.
    move_requested = Signal(str, int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: dict[str, list[Record]] = {s: [] for s in SECTIONS}
        self._met: dict[str, list[Record]] = {}
        self._names: dict[str, str] = {}

    # -- filling ----------------------------------------------------------------------------

    def set_items(self, items: Sequence[Record], names: Mapping[str, str]) -> None:
        """`names`: person id → name, to show a `who` that names a person of the case."""
        self.beginResetModel()
        self._names = dict(names)
        self._lines = {s: [] for s in SECTIONS}
        live = [i for i in items if not i.deleted]
        for item in sorted(live, key=lambda i: sort_key(i.fields.get("position"), i.id)):
            section = item.fields.get("section")
            # A part this version does not know (a newer laptop's) is kept out of view, not lost.
            if section in self._lines:
                self._lines[section].append(item)
        self._met = met_by(live)
        self.endResetModel()

    def lines(self, section: str) -> list[Record]:
        return list(self._lines.get(section, []))

    def record(self, index: Index) -> Record | None:
        if not index.isValid() or index.internalId() == _TOP:
            return None
        lines = self._lines[SECTIONS[index.internalId() - 1]]
        return lines[index.row()] if index.row() < len(lines) else None

    def section_of(self, index: Index) -> str | None:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return SECTIONS[index.row()]
        return SECTIONS[index.internalId() - 1]

    def index_of(self, record_id: str) -> QModelIndex:
        for number, section in enumerate(SECTIONS):
            for row, item in enumerate(self._lines[section]):
                if item.id == record_id:
                    return self.createIndex(row, 0, number + 1)
        return QModelIndex()

    def section_index(self, section: str) -> QModelIndex:
        return self.index(SECTIONS.index(section), 0)

    def who(self, value: Any) -> str:
        return self._names.get(value, value) if isinstance(value, str) else ""

    def missing(self, condition_id: str) -> list[str]:
        return missing_for_condition(self._met.get(condition_id, []))

    # -- Qt model API -----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        if parent.internalId() == _TOP:
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        if not parent.isValid():
            return len(SECTIONS)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._lines[SECTIONS[parent.row()]])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 2

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Line")
        if section == 1:
            return self.tr("With it")
        return None

    # -- dragging a line to another place in its part -------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags
        if index.internalId() == _TOP:
            return flags | Qt.ItemFlag.ItemIsDropEnabled
        return flags | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        return [MIME]

    def mimeData(self, indexes: Any) -> QMimeData:  # noqa: N802 - Qt API
        data = QMimeData()
        records = [self.record(i) for i in indexes]
        ids = [r.id for r in records if r is not None]
        if ids:
            data.setData(MIME, ids[0].encode())
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: Index) -> bool:
        return self._drop_target(data, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: Index) -> bool:
        target = self._drop_target(data, parent)
        if target is None or action != Qt.DropAction.MoveAction:
            return False
        record_id, section = target
        lines = self._lines[section]
        place = len(lines) if row < 0 else min(row, len(lines))
        old = next(i for i, line in enumerate(lines) if line.id == record_id)
        if place > old:
            place -= 1  # counted without the line itself
        if place != old:
            self.move_requested.emit(record_id, place)
        return False  # nothing for the view to remove: the stored plan is read again

    def _drop_target(self, data: QMimeData, parent: Index) -> tuple[str, str] | None:
        """The dragged line and its part, if it is dropped on its own part."""
        if not data.hasFormat(MIME) or not parent.isValid() or parent.internalId() != _TOP:
            return None
        record_id = bytes(data.data(MIME).data()).decode()
        section = SECTIONS[parent.row()]
        if not any(line.id == record_id for line in self._lines[section]):
            return None  # a line keeps its part
        return record_id, section

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.record(index)
        if record is None:
            if index.internalId() == _TOP and index.row() < len(SECTIONS):
                section = SECTIONS[index.row()]
                if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                            Qt.ItemDataRole.ToolTipRole):
                    count = len(self._lines[section])
                    if index.column() == 0:
                        # The title spans the row in the tab: the count goes with it.
                        title = section_title(section)
                        return f"{title} ({count})" if count else title
                    return str(count) if count else ""
            return None
        if role == self.RecordRole:
            return record.id
        section = record.fields.get("section")
        if role == self.UnmetRole:
            return self.missing(record.id) if section == "condition" else []
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            if section == "condition" and self.missing(record.id):
                return danger_color(QGuiApplication.palette())
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                        Qt.ItemDataRole.ToolTipRole):
            return None
        if index.column() == 0:
            return first_line(record.fields.get("text")) or self.tr("(empty)")
        return self._detail(record)

    def _detail(self, record: Record) -> str:
        detail = self._what_goes_with(record)
        if record.fields.get("with_family") is True:
            marker = self.tr("written together with the family")
            return f"{detail} · {marker}" if detail else marker
        return detail

    def _what_goes_with(self, record: Record) -> str:
        fields = record.fields
        section = fields.get("section")
        if section == "danger":
            return first_line(fields.get("goal")) or self.tr("No safety goal yet")
        if section == "condition":
            missing = self.missing(record.id)
            if missing:
                return unmet_text(missing)
            return met_text([first_line(i.fields.get("goal") if i.fields.get("section")
                                        == "danger" else i.fields.get("text"))
                             for i in self._met.get(record.id, [])])
        parts = [self.who(fields.get("who")), fields.get("when") or "",
                 fields.get("phone") or ""]
        return " · ".join(p for p in parts if p)
