"""NewCaseWizard: a new case with its household in a few steps - the family, the household,
a last look - then one write that creates them all, and `case_created(case_id)`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard, QWizardPage

from desktop.casefile.labels import choice_label
from desktop.casefile.lifetime import while_alive
from desktop.colleagues import Names, read_names
from desktop.newcase.draft import NewCaseDraft
from desktop.newcase.family_page import FamilyPage
from desktop.newcase.household_page import HouseholdPage
from desktop.operations import StoreSession
from sync.schema import SchemaError


class CheckPage(QWizardPage):
    """Step 3: what will be made, in words, before it is."""

    def __init__(self, draft: NewCaseDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.setTitle(self.tr("Check and create"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("What will be created"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        d = self.draft
        names = ", ".join(m.name for m in d.members) or self.tr("nobody yet")
        self.summary.setText(
            self.tr("Family: %1\nStatus: %2\nLegal framework: %3\nHousehold: %4")
            .replace("%1", d.title).replace("%2", choice_label(d.status))
            .replace("%3", choice_label(d.legal_framework) or "—").replace("%4", names)
        )
        self.problem.clear()


class NewCaseWizard(QWizard):
    case_created = Signal(str)

    def __init__(self, session: StoreSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.draft = NewCaseDraft()
        self.user: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("New case"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.family_page = FamilyPage(self.draft, self)
        self.household_page = HouseholdPage(self.draft, self)
        self.check_page = CheckPage(self.draft, self)
        for page in (self.family_page, self.household_page, self.check_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Create case"))
        self._saving = False
        session.query(lambda s: (s.get_setting("user"), read_names(s)),
                      while_alive(self, self._user_read))

    def _user_read(self, result: tuple[Any, Names]) -> None:
        user, names = result
        self.user = user if isinstance(user, dict) else None
        teams = list(self.user.get("team_ids") or []) if self.user else []
        self.family_page.set_teams([str(t) for t in teams], names)

    def accept(self) -> None:
        """Create the case and its household in one write; close once it is saved."""
        if self._saving:
            return
        worker = self.user.get("id") if self.user else None
        try:
            items = self.draft.records(worker)
        except SchemaError:
            self._failed(None)
            return
        case_id = items[0][3]
        assert case_id is not None
        self._saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.session.change(
            lambda s: s.create_records(items), while_alive(self, lambda _r: self._created(case_id)),
            kinds=["case", "person"], case_ids=[case_id], on_error=while_alive(self, self._failed),
        )

    def _created(self, case_id: str) -> None:
        self._saving = False
        super().accept()
        self.case_created.emit(case_id)

    def _failed(self, _exc: BaseException | None) -> None:
        self._saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.check_page.problem.setText(
            self.tr("The case could not be saved. Nothing was created; please try again."))

