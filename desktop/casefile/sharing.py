""""Delen…": with whom the case is shared (`shared_with`), chosen from the team directory.

A model/view list of the colleagues and the regional safety team's professionals, each with a
tick, and a search field over it. The dialog only chooses; the case file writes the choice as
one undoable edit (the service enforces that only the contact worker and the team lead may).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.colleagues import Names
from sync.protocol import Colleague

USER_ID = Qt.ItemDataRole.UserRole + 1


class SharingDialog(QDialog):
    def __init__(self, colleagues: Iterable[Colleague], shared_with: Iterable[str],
                 names: Names, *, exclude: Iterable[str] = (), case_title: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Share the case"))
        self.setMinimumSize(520, 480)
        self._before = list(dict.fromkeys(shared_with))
        excluded = {e for e in exclude if e}

        heading = QLabel(self.tr("Who may also see and edit %1?").replace("%1", case_title))
        heading.setObjectName("pageTitle")
        heading.setWordWrap(True)
        explain = QLabel(self.tr(
            "Tick a colleague or a professional of the regional safety team. Whoever you "
            "untick no longer sees the case after their next sync."))
        explain.setWordWrap(True)

        self.model = QStandardItemModel(self)
        listed: set[str] = set()
        for person in colleagues:
            if person.id in excluded or person.role == "admin":
                continue  # an admin sees no case content, shared or not
            text = person.display_name
            if person.safety_team:
                text = self.tr("%1 (regional safety team)").replace("%1", text)
            self._add(person.id, text, person.id in self._before)
            listed.add(person.id)
        # Shared with someone the directory does not know (yet): still there to untick.
        for user_id in self._before:
            if user_id not in listed and user_id not in excluded:
                self._add(user_id, names.colleague(user_id), True)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by name"))
        self.search.setAccessibleName(self.tr("Search colleagues"))
        self.search.setClearButtonEnabled(True)
        self.filtered = QSortFilterProxyModel(self)
        self.filtered.setSourceModel(self.model)
        self.filtered.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.filtered.setFilterFixedString)

        self.list = QListView(self)
        self.list.setModel(self.filtered)
        self.list.setAccessibleName(self.tr("Colleagues and the regional safety team"))
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(4)

        self.stop = QPushButton(self.tr("Stop sharing"), self)
        self.stop.setToolTip(self.tr("Untick everyone: only you and the team lead see the case"))
        self.stop.clicked.connect(self.stop_sharing)
        buttons = QDialogButtonBox(self)
        self.save = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.stop, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)

    def _add(self, user_id: str, text: str, checked: bool) -> None:
        item = QStandardItem(text)
        item.setData(user_id, USER_ID)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                      | Qt.ItemFlag.ItemIsSelectable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.model.appendRow(item)

    def stop_sharing(self) -> None:
        for row in range(self.model.rowCount()):
            self.model.item(row).setCheckState(Qt.CheckState.Unchecked)

    def chosen(self) -> list[str]:
        """The ticked user ids: those shared with before keep their place, new ones follow."""
        ticked = [self.model.item(row).data(USER_ID) for row in range(self.model.rowCount())
                  if self.model.item(row).checkState() == Qt.CheckState.Checked]
        kept = [u for u in self._before if u in ticked]
        return kept + [u for u in ticked if u not in kept]
