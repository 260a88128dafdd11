"""Step 1 of a new case: the family name, team, status and legal framework."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
    QWizardPage,
)

from desktop.casefile.labels import choice_label, choices, field_label
from desktop.colleagues import Names
from desktop.newcase.draft import NewCaseDraft

# A case made before the laptop is enrolled with a team. The nil UUID: team ids are UUIDs
# (sync/schema.py), and no team the service makes has this one.
LOCAL_TEAM = "00000000-0000-0000-0000-000000000000"


class FamilyPage(QWizardPage):
    def __init__(self, draft: NewCaseDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.setTitle(self.tr("The family"))
        self.setSubTitle(self.tr("Give the case the family's name; you can change it later."))
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("for example: Family De Vries"))
        self.title.textChanged.connect(self.completeChanged)
        self.team = QComboBox(self)
        self.status = QComboBox(self)
        for value in choices("case", "status"):
            self.status.addItem(choice_label(value), value)
        self.status.setCurrentIndex(self.status.findData(draft.status))
        self.legal = QComboBox(self)
        for value in choices("case", "legal_framework"):
            self.legal.addItem(choice_label(value), value)
        self.legal.setCurrentIndex(self.legal.findData(draft.legal_framework))
        self.safety_team = QCheckBox(field_label("safety_team_involved"), self)
        layout = QFormLayout(self)
        for name, widget in (("title", self.title), ("team_id", self.team),
                             ("status", self.status), ("legal_framework", self.legal)):
            widget.setAccessibleName(field_label(name))
            label = QLabel(field_label(name), self)
            label.setBuddy(widget)
            layout.addRow(label, widget)
        self.safety_team.setAccessibleName(field_label("safety_team_involved"))
        layout.addRow("", self.safety_team)
        self.set_teams([])

    def set_teams(self, team_ids: list[str], names: Names | None = None) -> None:
        self.team.clear()
        # By the directory's name; a team it does not name (a service from before the team
        # names, a laptop not yet synced) the worker knows as "my team".
        teams = (names or Names()).teams
        if len(team_ids) == 1:
            self.team.addItem(teams.get(team_ids[0]) or self.tr("Your team"), team_ids[0])
        else:
            for number, team_id in enumerate(team_ids, start=1):
                self.team.addItem(
                    teams.get(team_id) or self.tr("Team %1").replace("%1", str(number)), team_id)
        if not team_ids:
            self.team.addItem(self.tr("This laptop (not yet enrolled with a team)"), LOCAL_TEAM)
        self.team.setEnabled(len(team_ids) > 1)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.title.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        self.draft.title = self.title.text().strip()
        self.draft.team_id = self.team.currentData() or LOCAL_TEAM
        self.draft.status = self.status.currentData()
        self.draft.legal_framework = self.legal.currentData()
        self.draft.safety_team_involved = self.safety_team.isChecked()
        return True
