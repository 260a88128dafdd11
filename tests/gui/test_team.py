"""Colleagues by name (case header, timeline, conflicts) from the team directory the sync
keeps in the store, and "Share…" and "Hand over…" in the case file, driven as a person does."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt

from desktop.casefile.timeline_model import BY, WHAT
from desktop.casefile.view import CaseFileView, open_and_wait
from desktop.conflicts.model import ConflictInboxModel, load_inbox
from sync.protocol import Colleague, Conflict, PullResponse, Record
from tests.gui.acting import activate, choose, click, click_row, click_tab, type_into
from tests.gui.conftest import signed_in

pytestmark = pytest.mark.gui

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"
SAFETY_TEAM_ID = "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
ME = "11111111-1111-4111-8111-111111111111"
ANOUK = "22222222-2222-4222-8222-222222222222"
VERA = "44444444-4444-4444-8444-444444444444"
KARIN = "55555555-5555-4555-8555-555555555555"
SIGNED_IN = signed_in(ME, TEAM_ID)

DIRECTORY = [
    Colleague(id=ME, display_name="Demo Werker", role="worker", team_ids=[TEAM_ID]),
    Colleague(id=ANOUK, display_name="Anouk Jansen", role="worker", team_ids=[TEAM_ID]),
    Colleague(id=KARIN, display_name="Karin de Leider", role="teamlead", team_ids=[TEAM_ID]),
    Colleague(id=VERA, display_name="Vera Veilig", role="worker", team_ids=[SAFETY_TEAM_ID],
              safety_team=True),
    Colleague(id="66666666-6666-4666-8666-666666666666", display_name="Beheerder",
              role="admin", team_ids=[TEAM_ID]),
]


@pytest.fixture
def view(session, store, qtbot):
    store.set_colleagues(DIRECTORY)
    view = CaseFileView(session)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    activate(qtbot, view)
    return view


def _case(store, **fields):
    return store.create_record("case", {
        "title": "Familie Zonnebloem", "team_id": TEAM_ID, "status": "active",
        "contact_worker_id": ME, **fields,
    })


def _case_now(store, case_id):
    return store.get_record(case_id).fields


def test_share_with_the_safety_team_by_ticking_and_undo_it(view, store, session, qtbot):
    case = _case(store)
    assert open_and_wait(view, case.id)
    assert "Contact worker: Demo Werker" in view.header.details.text()
    assert view.share_button.isEnabled() and view.handover_button.isEnabled()

    click(qtbot, view.share_button)
    qtbot.waitUntil(lambda: view.sharing_dialog is not None and view.sharing_dialog.isVisible())
    dialog = view.sharing_dialog
    # neither the contact worker (sharing with yourself shares nothing) nor an admin (who
    # sees no case content) is on offer
    assert dialog.filtered.rowCount() == 3
    type_into(qtbot, dialog.search, "veil")
    assert dialog.filtered.rowCount() == 1
    assert dialog.filtered.index(0, 0).data() == "Vera Veilig (regional safety team)"
    click_row(qtbot, dialog.list, 0)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    click(qtbot, dialog.save)
    qtbot.waitUntil(lambda: _case_now(store, case.id).get("shared_with") == [VERA])
    session.wait_for_writes()
    qtbot.waitUntil(lambda: "Shared with: Vera Veilig" in view.header.details.text())
    assert store.pending_count() == 1  # one change in the outbox

    # one undo step takes the whole sharing back
    view.undo_action.trigger()
    qtbot.waitUntil(lambda: _case_now(store, case.id).get("shared_with") == [])


def test_stop_sharing_unticks_everyone(view, store, qtbot):
    case = _case(store, shared_with=[ANOUK, VERA])
    assert open_and_wait(view, case.id)
    assert "Shared with: Anouk Jansen, Vera Veilig" in view.header.details.text()
    click(qtbot, view.share_button)
    qtbot.waitUntil(lambda: view.sharing_dialog is not None and view.sharing_dialog.isVisible())
    click(qtbot, view.sharing_dialog.stop)
    click(qtbot, view.sharing_dialog.save)
    qtbot.waitUntil(lambda: _case_now(store, case.id).get("shared_with") == [])


def test_a_colleague_it_is_shared_with_sees_names_but_may_not_share(view, store, qtbot):
    case = _case(store, contact_worker_id=ANOUK, shared_with=[ME])
    assert open_and_wait(view, case.id)
    assert "Contact worker: Anouk Jansen" in view.header.details.text()
    assert not view.share_button.isEnabled() and not view.handover_button.isEnabled()


def test_the_timeline_and_the_conflicts_name_the_colleague(view, store, session, qtbot):
    case = _case(store)
    synced = Record(id=case.id, kind="case", case_id=case.id, rev=5, deleted=False,
                    fields={**case.fields, "summary": "Gesprek met school."},
                    updated_by=ANOUK, updated_at="2026-11-20T10:00:00Z")
    conflict = Conflict(id=str(uuid.uuid4()), record_id=case.id, case_id=case.id, kind="case",
                        field="status", base="intake", kept="closed", incoming="active",
                        kept_by=VERA, incoming_by=ME, created_at="2026-11-20T10:00:00Z")
    store.apply_pull_page(PullResponse(records=[synced], conflicts=[conflict],
                                       revoked_case_ids=[], cursor="c1", more=False))
    store.update_record(case.id, {"shared_with": [VERA]})
    assert open_and_wait(view, case.id)
    click_tab(qtbot, view.tabs, view.timeline)
    qtbot.waitUntil(lambda: view.timeline.loaded_case == case.id)
    model = view.timeline.model
    by = {model.data(model.index(r, BY)) for r in range(model.rowCount())}
    assert "Anouk Jansen" in by
    assert all("2222" not in (model.data(model.index(r, WHAT)) or "")
               for r in range(model.rowCount()))
    # the values of a change, shown on request, name the colleague too
    tips = [model.data(model.index(r, WHAT), Qt.ItemDataRole.ToolTipRole) or ""
            for r in range(model.rowCount())]
    assert any("Vera Veilig" in tip for tip in tips)
    assert not any("4444" in tip or "2222" in tip for tip in tips)

    inbox = ConflictInboxModel()
    inbox.set_rows(load_inbox(store))
    assert inbox.data(inbox.index(0, ConflictInboxModel.KEPT_BY)) == "Vera Veilig"
    assert inbox.data(inbox.index(0, ConflictInboxModel.INCOMING_BY)) == "you"


def test_hand_over_with_a_note_for_the_new_contact_worker(view, store, session, qtbot):
    case = _case(store)
    assert open_and_wait(view, case.id)
    click(qtbot, view.handover_button)
    qtbot.waitUntil(lambda: view.handover_dialog is not None
                    and view.handover_dialog.isVisible())
    dialog = view.handover_dialog
    # only the case's own team takes over; the safety team works alongside
    offered = {dialog.worker.itemData(i) for i in range(dialog.worker.count())}
    assert offered == {ANOUK, KARIN}
    choose(qtbot, dialog.worker, ANOUK)
    type_into(qtbot, dialog.note, "Vader belt op dinsdag; school weet ervan.")
    click(qtbot, dialog.confirm)
    qtbot.waitUntil(lambda: _case_now(store, case.id).get("contact_worker_id") == ANOUK)
    session.wait_for_writes()
    [task] = store.list_records(kind="task", case_id=case.id)
    assert task.fields["assignee_id"] == ANOUK
    assert task.fields["title"] == "Hand-over: Vader belt op dinsdag; school weet ervan."
    qtbot.waitUntil(lambda: "Contact worker: Anouk Jansen" in view.header.details.text())
    assert not view.share_button.isEnabled()  # no longer ours to share
    click_tab(qtbot, view.tabs, view.tasks)
    qtbot.waitUntil(lambda: view.tasks.model.rowCount() == 1)
    assert view.tasks.model.index(0, 1).data() == "Anouk Jansen"  # the assignee by name


def test_a_review_decision_names_the_team_lead(store, qtbot):
    from desktop.colleagues import read_names
    from desktop.safetyplan.review_box import ReviewBox

    store.set_colleagues(DIRECTORY)
    case = _case(store)
    plan = Record(id=str(uuid.uuid4()), kind="safety_plan", case_id=case.id, rev=3,
                  deleted=False, fields={"title": "Plan", "status": "returned"})
    version = Record(id=str(uuid.uuid4()), kind="plan_version", case_id=case.id, rev=4,
                     deleted=False, fields={"plan_id": plan.id, "version": 1,
                                            "decision": "returned", "decided_by": KARIN})
    box = ReviewBox()
    qtbot.addWidget(box)
    box.show_plan(plan, False, [version], read_names(store))
    assert "By Karin de Leider" in box.last.text()
    assert "5555" not in box.last.text()


def test_a_refused_share_is_explained_in_words():
    from desktop.rejected.text import reason

    # what a plain colleague's laptop keeps when the service refuses their sharing
    assert reason("not_case_owner") == (
        "Only the contact worker or the team lead may share, hand over or close this case")


def test_a_renamed_colleague_shows_after_the_sync_that_brought_it(view, store, session, qtbot):
    from desktop.operations import ChangeNotice

    case = _case(store, contact_worker_id=ANOUK, shared_with=[ME])
    assert open_and_wait(view, case.id)
    assert "Contact worker: Anouk Jansen" in view.header.details.text()
    store.set_colleagues([c.model_copy(update={"display_name": "Anouk de Vries"})
                          if c.id == ANOUK else c for c in DIRECTORY])
    # what the sync runner announces when the directory came back different
    session.announce(ChangeNotice(frozenset({"colleague"}), source="sync"))
    qtbot.waitUntil(lambda: "Contact worker: Anouk de Vries" in view.header.details.text())
