"""The same people and ties as the drawing, as a tree a screen reader can walk: People, Ties
and, when the data has faults, What does not add up."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, Qt

from desktop.networkmap.items import age_of
from desktop.networkmap.layout import ring_of, sector_of
from desktop.networkmap.model import MapPerson, MapTie, NetworkModel
from desktop.networkmap.words import (
    problem_text,
    ring_label,
    sector_label,
    value_label,
    viewpoint_label,
)

translate = QCoreApplication.translate
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the record id of a row

_NO_PARENT = 0xFFFF  # internal id of a top-level row


class MapListModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[tuple[str, str]]]] = []  # title, [(id, text)]

    def set_model(self, model: NetworkModel, view_name: str,
                  disputed: frozenset[str] = frozenset(),
                  conflicted: frozenset[str] = frozenset()) -> None:
        self.beginResetModel()
        names = {p.id: p.name for p in model.people.values()}
        people = sorted(model.people.values(), key=lambda p: (p.name.casefold(), p.id))
        self._groups = [
            (translate("NetworkMap", "People (%1)").replace("%1", str(len(people))),
             [(p.id, _conflict(_person_text(p, model, view_name), p.id in conflicted))
              for p in people]),
            (translate("NetworkMap", "Ties (%1)").replace("%1", str(len(model.ties))),
             [(t.id, _conflict(_tie_text(t, names, t.id in disputed), t.id in conflicted))
              for t in model.ties]),
        ]
        if model.problems:
            self._groups.append((
                translate("NetworkMap", "What does not add up (%1)").replace(
                    "%1", str(len(model.problems))),
                [(p.record_id, problem_text(p, model, names)) for p in model.problems],
            ))
        self.endResetModel()

    def index_of(self, record_id: str) -> QModelIndex:
        for group, (_title, rows) in enumerate(self._groups):
            for row, (rid, _text) in enumerate(rows):
                if rid == record_id:
                    return self.index(row, 0, self.index(group, 0))
        return QModelIndex()

    # -- QAbstractItemModel -----------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _NO_PARENT) if row < len(self._groups) \
                else QModelIndex()
        if parent.internalId() != _NO_PARENT or parent.column() != 0:
            return QModelIndex()
        group = parent.row()
        if group >= len(self._groups) or row >= len(self._groups[group][1]):
            return QModelIndex()
        return self.createIndex(row, 0, group)

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, _NO_PARENT)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            title = self._groups[index.row()][0]
            return title if role in (Qt.ItemDataRole.DisplayRole,
                                     Qt.ItemDataRole.AccessibleTextRole) else None
        rid, text = self._groups[index.internalId()][1][index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == ID_ROLE:
            return rid
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _person_text(person: MapPerson, model: NetworkModel, view_name: str) -> str:
    parts = [person.name or "—"]
    if person.role:
        parts.append(person.role)
    age = age_of(person)
    if age:
        parts.append(translate("NetworkMap", "%1 years").replace("%1", age))
    if person.index_person:
        parts.append(translate("NetworkMap", "child the worry is about"))
    if person.deceased:
        parts.append(translate("NetworkMap", "deceased"))
    if person.household:
        parts.append(translate("NetworkMap", "household"))
    elif view_name == "ecogram":
        sector = sector_of(model, person)
        if sector:
            parts.append(f"{sector_label(sector)}, {ring_label(ring_of(person)).lower()}")
    return ", ".join(parts)


def _tie_text(tie: MapTie, names: dict[str, str], disputed: bool = False) -> str:
    text = f"{names.get(tie.a, '?')} – {names.get(tie.b, '?')}"
    details = [value_label(v) for v in (tie.type, tie.quality) if v]
    if tie.direction == "to":
        details.append(translate("NetworkMap", "towards %1").replace("%1", names.get(tie.b, "")))
    elif tie.direction == "from":
        details.append(translate("NetworkMap", "from %1").replace("%1", names.get(tie.b, "")))
    elif tie.direction == "both":
        details.append(value_label("both").lower())
    if tie.support:
        details.append(" ".join(tie.support))
    if tie.according_to:
        details.append(viewpoint_label(tie.according_to, names))
    if disputed:
        details.append(translate("NetworkMap", "seen differently by others"))
    return f"{text}: {', '.join(details)}" if details else text


def _conflict(text: str, conflicted: bool) -> str:
    if not conflicted:
        return text
    return translate("NetworkMap", "%1 (two versions: choose which stays)").replace("%1", text)
