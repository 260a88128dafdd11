"""No raw ids in front of a worker: user and team ids in a refused change, a conflict and the
new-case dialog are named by the team directory the sync keeps in the store; an id it does
not know reads "a colleague (1a2b3c4d)" or "a team (…)", never the whole id."""

from __future__ import annotations

import re
import uuid

import pytest
from PySide6.QtWidgets import QWizard

from desktop.casefile.view import CaseFileView, open_and_wait
from desktop.colleagues import (
    PERSON_OR_USER_FIELDS,
    TEAM_ID_FIELDS,
    USER_ID_FIELDS,
    Names,
    read_names,
)
from desktop.conflicts.dialog import ResolveDialog
from desktop.newcase.wizard import NewCaseWizard
from desktop.rejected.view import RejectedChanges
from sync.protocol import Colleague, Conflict, PullResponse, Record, Result, TeamName
from sync.schema import KINDS
from tests.gui.acting import activate, choose, click, click_row
from tests.gui.conftest import signed_in

pytestmark = pytest.mark.gui

NOORD = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"
OOST = "3b9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f"
STRANGER_TEAM = "a1b2c3d4-0000-4000-8000-00000000abcd"  # a team the directory does not name
ME = "11111111-1111-4111-8111-111111111111"
VERA = "44444444-4444-4444-8444-444444444444"
CASE = "c0ffee00-1234-4abc-8def-000000000001"
UNKNOWN = "99999999-9999-4999-8999-999999999999"  # someone the directory does not know
SIGNED_IN = signed_in(ME, NOORD)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Record-id fields that hold ids of the case's own persons, not of users or teams.
PERSON_ID_FIELDS = {("safety_plan", "agreed_by"), ("visit", "participants")}


@pytest.fixture
def named(store):
    store.set_colleagues([
        Colleague(id=ME, display_name="Demo Werker", role="worker", team_ids=[NOORD, OOST]),
        Colleague(id=VERA, display_name="Vera Veilig", role="worker", team_ids=[]),
    ])
    store.set_teams([TeamName(id=NOORD, name="Team Noord"), TeamName(id=OOST, name="Team Oost")])
    return store


def test_every_id_field_of_the_registry_is_named_or_a_record_of_the_case():
    """A new field holding user or team ids must be put in one of the formatter's lists."""
    ids = {(k.name, f.name) for k in KINDS.values() for f in k.fields.values()
           if f.holds_id and f.reference is None}
    assert ids <= USER_ID_FIELDS | TEAM_ID_FIELDS | PERSON_OR_USER_FIELDS | PERSON_ID_FIELDS
    every = {(k.name, f) for k in KINDS.values() for f in k.fields}
    assert USER_ID_FIELDS | TEAM_ID_FIELDS | PERSON_OR_USER_FIELDS <= every


def test_a_refused_change_names_the_colleagues_and_the_team(named, session, qtbot):
    case_id = str(uuid.uuid4())
    named.apply_pull_page(PullResponse(records=[
        Record(id=case_id, kind="case", case_id=case_id, rev=3,
               fields={"title": "Familie Zonnebloem", "team_id": NOORD,
                       "contact_worker_id": ME}),
    ], conflicts=[], revoked_case_ids=[], cursor="3", more=False))
    named.update_record(case_id, {"shared_with": [VERA, UNKNOWN], "team_id": STRANGER_TEAM})
    (change,) = named.take_outbox()
    named.apply_push_results([Result(
        change_id=change.change_id, status="rejected", rev=0,
        error={"code": "not_case_owner", "message": "not the contact worker"})])

    view = RejectedChanges(session)
    qtbot.addWidget(view)
    view.show()
    activate(qtbot, view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5_000)
    click_row(qtbot, view.table, 0)
    text = view.detail.toPlainText()
    assert "Vera Veilig, a colleague (99999999)" in text
    assert "a team (a1b2c3d4)" in text
    assert not UUID.search(text), text


def test_a_conflict_on_the_sharing_shows_both_sides_by_name(named, qtbot):
    conflict = Conflict(
        id=str(uuid.uuid4()), record_id=CASE, case_id=CASE, kind="case", field="shared_with",
        base=[], kept=[VERA], incoming=[UNKNOWN], kept_by=VERA, incoming_by=ME,
        created_at="2026-11-02T10:00:00Z")
    dialog = ResolveDialog(conflict, "Familie Zonnebloem", me=ME, names=read_names(named))
    qtbot.addWidget(dialog)
    assert dialog.kept.toPlainText() == "Vera Veilig"
    assert dialog.incoming.toPlainText() == "a colleague (99999999)"


def test_the_new_case_dialog_offers_the_teams_by_name(named, session, qtbot):
    named.set_setting("user", {**SIGNED_IN, "team_ids": [NOORD, OOST]})
    wizard = NewCaseWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    activate(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.user is not None)
    family = wizard.family_page
    assert [family.team.itemText(i) for i in range(family.team.count())] == [
        "Team Noord", "Team Oost"]
    qtbot.keyClicks(family.title, "Familie Smit")
    choose(qtbot, family.team, OOST)
    assert family.team.currentText() == "Team Oost"
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.draft.team_id == OOST


def test_the_case_header_names_the_team_and_leaves_out_one_it_cannot_name(named, session,
                                                                          qtbot):
    view = CaseFileView(session)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    case = named.create_record("case", {"title": "Familie Zonnebloem", "team_id": OOST,
                                        "status": "active", "contact_worker_id": ME})
    assert open_and_wait(view, case.id)
    assert "Team: Team Oost" in view.header.details.text()
    other = named.create_record("case", {"title": "Familie Smit", "team_id": STRANGER_TEAM,
                                         "status": "active", "contact_worker_id": ME})
    assert open_and_wait(view, other.id)
    assert "Team:" not in view.header.details.text()
    assert not UUID.search(view.header.details.text())


def test_an_unnamed_team_keeps_the_old_words():
    assert Names().team(STRANGER_TEAM) == "a team (a1b2c3d4)"
    assert Names().someone(UNKNOWN) == "a colleague (99999999)"
