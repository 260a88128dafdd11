"""The new-case wizard: a case and its household in a few steps, written in one go."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop.newcase.draft import Member, NewCaseDraft
from desktop.newcase.family_page import LOCAL_TEAM
from desktop.newcase.wizard import NewCaseWizard
from sync.schema import SchemaError
from tests.gui.acting import activate, choose, click

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"

pytestmark = pytest.mark.gui

ME = "11111111-1111-4111-8111-111111111111"


def test_the_draft_becomes_a_case_and_its_household():
    draft = NewCaseDraft(title=" Familie Smit ", team_id=TEAM_ID, status="active",
                         members=[Member("Noor Smit", "moeder", "1990-04-02"), Member("Sem Smit")])
    items = draft.records(ME)
    kinds = [kind for kind, *_ in items]
    assert kinds == ["case", "person", "person"]
    case_fields, case_id = items[0][1], items[0][3]
    assert case_fields["title"] == "Familie Smit" and case_fields["contact_worker_id"] == ME
    assert all(item[2] == case_id and item[1]["circle"] == "household" for item in items[1:])
    with pytest.raises(SchemaError):
        NewCaseDraft(title="", team_id=TEAM_ID).records(ME)


def test_the_wizard_creates_a_case_with_its_household(store, session, qtbot, qtmodeltester):
    store.set_setting("user", {"id": ME, "username": "demo", "display_name": "Demo",
                               "role": "worker", "team_ids": [TEAM_ID]})
    wizard = NewCaseWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    activate(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.user is not None)
    family = wizard.family_page
    assert not family.isComplete()
    qtbot.keyClicks(family.title, "Familie Smit")
    assert family.isComplete()
    choose(qtbot, family.status, "active")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))

    household = wizard.household_page
    qtbot.keyClicks(household.name, "Noor Smit")
    qtbot.keyClicks(household.role, "moeder")
    qtbot.keyClick(household.role, Qt.Key.Key_Return)  # Enter adds, it does not go on
    assert wizard.currentPage() is household
    qtbot.keyClicks(household.name, "Sem Smit")
    qtbot.keyClick(household.name, Qt.Key.Key_Return)
    qtbot.keyClicks(household.name, "Lieke Smit")  # typed, not added: Next adds it
    qtmodeltester.check(household.model)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert "Noor Smit, Sem Smit, Lieke Smit" in wizard.check_page.summary.text()

    with qtbot.waitSignal(wizard.case_created) as blocker:
        click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    case_id = blocker.args[0]
    case = store.get_record(case_id)
    assert case.fields["title"] == "Familie Smit"
    assert case.fields["status"] == "active"
    assert case.fields["team_id"] == TEAM_ID
    assert case.fields["contact_worker_id"] == ME
    people = store.list_records(kind="person", case_id=case_id)
    assert sorted((p.fields["name"], p.fields["role"]) for p in people) == [
        ("Lieke Smit", None), ("Noor Smit", "moeder"), ("Sem Smit", None)]
    assert [c.title for c in store.list_cases(search="lieke")] == ["Familie Smit"]
    assert not wizard.isVisible()


def test_without_enrolment_the_case_stays_on_this_laptop(store, session, qtbot):
    wizard = NewCaseWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    activate(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.family_page.team.count() == 1)
    qtbot.keyClicks(wizard.family_page.title, "Familie Kaya")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    with qtbot.waitSignal(wizard.case_created) as blocker:
        click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    case = store.get_record(blocker.args[0])
    assert case.fields["team_id"] == LOCAL_TEAM and case.fields["contact_worker_id"] is None
