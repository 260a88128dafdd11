"""Step 2 of a new case: who lives in the household. Type a name (and a role and a date of
birth if known), press Enter, and the next one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.casefile.editors import DateEditor
from desktop.casefile.labels import field_label
from desktop.newcase.draft import Member, NewCaseDraft
from desktop.newcase.household_model import HouseholdModel


class HouseholdPage(QWizardPage):
    def __init__(self, draft: NewCaseDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.setTitle(self.tr("The household"))
        self.setSubTitle(self.tr("Who lives in the household? Adults and children, of every "
                                 "age. Family, network and professionals can follow later."))
        self.model = HouseholdModel(self)
        self.name = QLineEdit(self)
        self.role = QLineEdit(self)
        self.role.setPlaceholderText(self.tr("for example: mother, son"))
        self.birth = DateEditor(not_in_future=True)
        self.birth.widget.setParent(self)
        self.birth.label = field_label("birth_date")
        for edit in (self.name, self.role, self.birth.widget):
            edit.installEventFilter(self)
        self.add_button = QPushButton(self.tr("&Add to household"), self)
        self.add_button.clicked.connect(self.add_member)
        self.remove_button = QPushButton(self.tr("&Remove from household"), self)
        self.remove_button.clicked.connect(self.remove_member)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Household"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        form = QFormLayout()
        for name, widget in (("name", self.name), ("role", self.role),
                             ("birth_date", self.birth.widget)):
            widget.setAccessibleName(field_label(name))
            label = QLabel(field_label(name), self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.birth.message.setParent(self)
        form.addRow("", self.birth.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Enter in the name, role or date of birth adds the person typed there (the wizard
        # would otherwise go on); with nothing typed it goes on, as Enter does on every page.
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.name.text().strip()):
            self.add_member()
            return True
        return super().eventFilter(watched, event)

    def add_member(self) -> bool:
        """Add the person typed in; False (and a message by the date) if it cannot be."""
        name = self.name.text().strip()
        if not name:
            self.name.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        birth = self.birth.value()
        problem = self.birth.problem(birth)
        if problem is not None:
            self.birth.refuse(problem)
            self.birth.widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        self.model.add(Member(name, self.role.text().strip() or None, birth))
        self.name.clear()
        self.role.clear()
        self.birth.set_value(None)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def remove_member(self) -> None:
        self.model.remove(self.table.currentIndex().row())

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self.name.text().strip() and not self.add_member():
            return False  # typed but not yet added: the worker surely meant it
        self.draft.members = list(self.model.members)
        return True
