"""The household as entered in the new-case wizard: name, role, date of birth."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.casefile.records_model import display_value
from desktop.newcase.draft import Member
from desktop.table_model import RowTableModel

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


class HouseholdModel(RowTableModel):
    @property
    def members(self) -> list[Member]:
        return self._rows

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = (
            translate("HouseholdModel", "Name"), translate("HouseholdModel", "Role"),
            translate("HouseholdModel", "Date of birth"),
        )

    def add(self, member: Member) -> None:
        row = len(self.members)
        self.beginInsertRows(QModelIndex(), row, row)
        self.members.append(member)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.members):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.members[row]
            self.endRemoveRows()

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.members):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        member = self.members[index.row()]
        if index.column() == 0:
            return member.name
        if index.column() == 1:
            return member.role or ""
        if index.column() == 2:
            return display_value("person", "birth_date", member.birth_date)
        return None
