"""The case file over a real store: opening, editing a person (saved, undo, redo), adding a
visit with scaling scores, tasks, the timeline, clearing, and room for more views. Going from
case to case in the workspace is in test_casefile_switching.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.casefile.editors import SAVE_DELAY_MS
from desktop.casefile.view import CaseFileView, open_and_wait
from desktop.operations import ChangeNotice
from tests.gui.acting import (
    activate,
    choose,
    click,
    click_record,
    click_tab,
    pick_date,
    settle,
    type_into,
)
from tests.gui.conftest import signed_in

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"

pytestmark = pytest.mark.gui

ME = "11111111-1111-4111-8111-111111111111"


SIGNED_IN = signed_in(ME, TEAM_ID)  # the store of every test here


@pytest.fixture
def case(store):
    """A fictional family: two household members and a grandmother, one visit, one plan."""
    case = store.create_record("case", {
        "title": "Familie De Boer", "team_id": TEAM_ID, "status": "active",
        "contact_worker_id": ME, "legal_framework": "voluntary",
    })
    people = {
        name: store.create_record("person", {"name": name, "circle": circle}, case_id=case.id)
        for name, circle in (("Lotte de Boer", "household"), ("Finn de Boer", "household"),
                             ("Oma Greet", "family"))
    }
    store.create_record("visit", {"date": "2026-10-01", "notes": "Eerste gesprek."},
                        case_id=case.id)
    store.create_record("safety_plan", {"title": "Plan", "review_on": "2027-01-15"},
                        case_id=case.id)
    return case, people


@pytest.fixture
def view(session, qtbot):
    view = CaseFileView(session)
    qtbot.addWidget(view)
    view.resize(1000, 800)
    view.show()
    activate(qtbot, view)
    return view


def show_tab(view, tab, qtbot, case_id):
    """Click the tab, and wait for its records."""
    click_tab(qtbot, view.tabs, tab)
    qtbot.waitUntil(lambda: getattr(tab, "loaded_case", case_id) == case_id)


def click_action(qtbot, view, action):
    """Click the tool button of an action (undo, redo) in the case file's header."""
    from PySide6.QtWidgets import QToolButton

    button = next(b for b in view.findChildren(QToolButton) if b.defaultAction() is action)
    click(qtbot, button)


def test_opening_a_case_shows_its_header_and_overview(view, case, store, qtbot):
    record, _ = case
    assert open_and_wait(view, record.id)
    assert view.header.family.text() == "Familie De Boer"
    details = view.header.details.text()
    assert "Demo Werker" in details and "Voluntary" in details and "15-01-2027" in details
    assert view.overview.form.editors["title"].value() == "Familie De Boer"
    # Who read which case is logged (NEN 7513), without any of its content.
    def opened():
        return [e for e in store.access_log(case_id=record.id) if e.action == "open_case"]

    qtbot.waitUntil(lambda: bool(opened()))  # logged beside the reading, not before it
    assert len(opened()) == 1 and opened()[0].detail is None
    # Visits load only when their tab is shown: opening stays quick however many there are.
    assert view.visits.loaded_case is None


def test_models_pass_qt_model_checks(view, case, qtbot, qtmodeltester):
    record, _ = case
    assert open_and_wait(view, record.id)
    for tab in (view.people, view.visits, view.tasks, view.consent, view.timeline):
        show_tab(view, tab, qtbot, record.id)
        qtmodeltester.check(tab.model)


def test_people_are_listed_by_circle(view, case, qtbot):
    record, _ = case
    assert open_and_wait(view, record.id)
    show_tab(view, view.people, qtbot, record.id)
    names = [view.people.model.record(r).fields["name"] for r in range(3)]
    assert names == ["Finn de Boer", "Lotte de Boer", "Oma Greet"]
    assert view.people.model.headerData(3, Qt.Orientation.Horizontal) == "Age"


def test_editing_a_person_saves_as_you_type_and_undo_works(view, case, store, session, qtbot):
    record, people = case
    lotte = people["Lotte de Boer"]
    assert open_and_wait(view, record.id)
    show_tab(view, view.people, qtbot, record.id)
    click_record(qtbot, view.people, lotte.id)
    role = view.people.form.editors["role"]
    type_into(qtbot, role.widget, "moeder")
    # No save button: a pause in typing saves the field.
    qtbot.waitUntil(lambda: store.get_record(lotte.id).fields["role"] == "moeder",
                    timeout=SAVE_DELAY_MS + 2000)
    assert [c.set for c in store.take_outbox() if c.record_id == lotte.id][-1]["role"] == "moeder"

    click_action(qtbot, view, view.undo_action)
    settle(session, qtbot)
    assert store.get_record(lotte.id).fields["role"] is None
    assert role.value() is None
    click_action(qtbot, view, view.redo_action)
    settle(session, qtbot)
    assert store.get_record(lotte.id).fields["role"] == "moeder"
    assert role.value() == "moeder"


def test_leaving_a_field_saves_it_and_a_name_cannot_be_emptied(view, case, store, session,
                                                                 qtbot):
    record, people = case
    finn = people["Finn de Boer"]
    assert open_and_wait(view, record.id)
    show_tab(view, view.people, qtbot, record.id)
    click_record(qtbot, view.people, finn.id)
    name = view.people.form.editors["name"]
    type_into(qtbot, name.widget, "Finn Jansen")
    qtbot.keyClick(name.widget, Qt.Key.Key_Tab)  # leaving the field saves it, at once
    assert not name.pending
    settle(session, qtbot)
    assert store.get_record(finn.id).fields["name"] == "Finn Jansen"
    # Clicking elsewhere saves too.
    phone = view.people.form.editors["phone"]
    type_into(qtbot, phone.widget, "06-11112222")
    click(qtbot, view.people.form.editors["organisation"].widget)
    assert not phone.pending
    settle(session, qtbot)
    assert store.get_record(finn.id).fields["phone"] == "06-11112222"
    # A name may be changed, never emptied.
    type_into(qtbot, name.widget, "")
    qtbot.keyClick(name.widget, Qt.Key.Key_Backspace)
    qtbot.keyClick(name.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    assert store.get_record(finn.id).fields["name"] == "Finn Jansen"
    assert name.widget.text() == "Finn Jansen"


def test_choosing_a_circle_is_one_undo_step(view, case, store, session, qtbot):
    record, people = case
    greet = people["Oma Greet"]
    assert open_and_wait(view, record.id)
    show_tab(view, view.people, qtbot, record.id)
    click_record(qtbot, view.people, greet.id)
    choose(qtbot, view.people.form.editors["circle"].combo, "network")
    settle(session, qtbot)
    assert store.get_record(greet.id).fields["circle"] == "network"
    click_action(qtbot, view, view.undo_action)
    settle(session, qtbot)
    assert store.get_record(greet.id).fields["circle"] == "family"


def test_adding_a_visit_with_scaling_scores(view, case, store, session, qtbot):
    record, people = case
    assert open_and_wait(view, record.id)
    show_tab(view, view.visits, qtbot, record.id)
    assert view.visits.model.rowCount() == 1
    click(qtbot, view.visits.add_button)
    qtbot.waitUntil(lambda: view.visits.model.rowCount() == 2)
    visit = view.visits.current_record()
    assert visit is not None and visit.fields["shared_with_family"] is False
    participants = view.visits.participants_editor
    for name in ("Lotte de Boer", "Finn de Boer"):
        click(qtbot, participants.boxes()[people[name].id])
    settle(session, qtbot)
    assert set(store.get_record(visit.id).fields["participants"]) == {
        people["Lotte de Boer"].id, people["Finn de Boer"].id}
    scores = view.visits.scores
    qtbot.waitUntil(lambda: len(scores.editors) == 2)
    for name, value in (("Lotte de Boer", 4), ("Finn de Boer", 7)):
        editor = scores.editors[("", people[name].id)]
        type_into(qtbot, editor.widget, str(value))
        qtbot.keyClick(editor.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    saved = {s.fields["person_id"]: s.fields["value"]
             for s in store.list_records(kind="scaling_score", case_id=record.id)}
    assert saved == {people["Lotte de Boer"].id: 4, people["Finn de Boer"].id: 7}
    # "What makes your number that high?" - written beside the score.
    note = scores.notes[("", people["Finn de Boer"].id)]
    assert note.widget.isEnabled()
    type_into(qtbot, note.widget, "Papa komt nu op tijd thuis")
    qtbot.keyClick(note.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    finn = [s for s in store.list_records(kind="scaling_score", case_id=record.id)
            if s.fields["person_id"] == people["Finn de Boer"].id][0]
    assert finn.fields["note"] == "Papa komt nu op tijd thuis"
    assert finn.fields["visit_id"] == visit.id
    # Changing a score (a step up with the arrow key) is an edit of that score, and undoable.
    editor = scores.editors[("", people["Finn de Boer"].id)]
    click(qtbot, editor.widget)
    qtbot.keyClick(editor.widget, Qt.Key.Key_Up)
    qtbot.keyClick(editor.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    assert store.get_record(finn.id).fields["value"] == 8
    click_action(qtbot, view, view.undo_action)
    settle(session, qtbot)
    values = [s.fields["value"] for s in store.list_records(kind="scaling_score",
                                                            case_id=record.id)]
    assert sorted(values) == [4, 7]
    assert editor.value() == 7


def test_a_task_with_a_due_date_and_who_does_it(view, case, store, session, qtbot):
    record, people = case
    assert open_and_wait(view, record.id)
    show_tab(view, view.tasks, qtbot, record.id)
    click(qtbot, view.tasks.add_button)
    qtbot.waitUntil(lambda: view.tasks.model.rowCount() == 1)
    task = view.tasks.current_record()
    due = view.tasks.form.editors["due_on"]
    pick_date(qtbot, due.widget, "2026-12-01")
    assignee = view.tasks.assignee_editor
    assert assignee.combo.itemText(1) == "Me (Demo Werker)"
    choose(qtbot, assignee.combo, people["Oma Greet"].id)
    settle(session, qtbot)
    saved = store.get_record(task.id).fields
    assert saved["due_on"] == "2026-12-01"
    assert saved["assignee_id"] == people["Oma Greet"].id
    assert view.tasks.model.data(view.tasks.model.index(0, 1)) == "Oma Greet"


def test_the_timeline_shows_what_changed(view, case, session, qtbot):
    record, people = case
    assert open_and_wait(view, record.id)
    show_tab(view, view.timeline, qtbot, record.id)
    before = view.timeline.model.rowCount()
    assert before == 6  # the case, three people, a visit and a plan
    title = view.overview.form.editors["title"]
    click_tab(qtbot, view.tabs, view.overview)
    type_into(qtbot, title.widget, "Familie De Boer-Smit")
    qtbot.keyClick(title.widget, Qt.Key.Key_Return)
    settle(session, qtbot)
    click_tab(qtbot, view.tabs, view.timeline)
    qtbot.waitUntil(lambda: view.timeline.model.rowCount() == before + 1)
    model = view.timeline.model
    assert model.data(model.index(0, 1)) == "Family name of the case changed"
    assert model.data(model.index(0, 1), 3) == \
        "Family name of the case changed\nFamily name: Familie De Boer-Smit"  # tooltip
    assert model.data(model.index(0, 2)) == "you"
    # The header follows the new family name.
    assert view.header.family.text() == "Familie De Boer-Smit"


def test_a_sync_elsewhere_reloads_the_open_tab(view, case, store, session, qtbot):
    record, _ = case
    assert open_and_wait(view, record.id)
    show_tab(view, view.people, qtbot, record.id)
    with qtbot.waitSignal(view.people.loaded):
        session.change(lambda s: s.create_record("person", {"name": "Buurvrouw Ans"},
                                                 case_id=record.id),
                       kinds=["person"], case_ids=[record.id], source="sync")
    assert view.people.model.rowCount() == 4
    # A tab out of sight is read again only when it is shown.
    show_tab(view, view.tasks, qtbot, record.id)
    with qtbot.waitSignal(view.tasks.loaded, raising=False, timeout=500) as quiet:
        session.announce(ChangeNotice(frozenset({"person"}), frozenset({record.id}), "sync"))
    assert not quiet.signal_triggered
    assert view.people.loaded_case is None
    show_tab(view, view.people, qtbot, record.id)
    assert view.people.model.rowCount() == 4


def test_clear_shows_nothing_of_the_case(view, case, qtbot):
    record, _ = case
    assert open_and_wait(view, record.id)
    show_tab(view, view.people, qtbot, record.id)
    show_tab(view, view.visits, qtbot, record.id)
    show_tab(view, view.consent, qtbot, record.id)
    view.clear()
    assert view.pages.currentWidget() is view.placeholder
    assert view.header.family.text() == ""
    assert view.people.model.rowCount() == 0
    # No name of the family is left in any widget of the case file, shown or hidden.
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit

    shown = [w.text() for w in view.findChildren(QLineEdit) + view.findChildren(QAbstractButton)
             if not w.isHidden() or isinstance(w, QLineEdit)]
    shown += [c.itemText(i) for c in view.findChildren(QComboBox) for i in range(c.count())]
    assert not [t for t in shown if "de Boer" in t or "Greet" in t]
    assert view.overview.form.editors["title"].value() is None
    assert not view.undo_action.isEnabled()


def test_more_views_slot_in_after_the_overview(view, case, qtbot):
    record, _ = case
    extra = QLabel("network map")
    view.add_tab(extra, "Network map")
    view.add_tab(QLabel("safety plan"), "Safety plan")
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert titles[:4] == ["&Overview", "Network map", "Safety plan", "&People"]
    assert open_and_wait(view, record.id)


def test_a_sync_while_typing_keeps_what_was_typed(view, case, store, session, qtbot):
    record, people = case
    lotte = people["Lotte de Boer"]
    assert open_and_wait(view, record.id)
    show_tab(view, view.people, qtbot, record.id)
    click_record(qtbot, view.people, lotte.id)
    role = view.people.form.editors["role"]
    type_into(qtbot, role.widget, "pleegmoeder")
    assert role.pending
    with qtbot.waitSignal(view.people.loaded):
        session.announce(ChangeNotice(frozenset({"person"}), frozenset({record.id}), "sync"))
    assert role.value() == "pleegmoeder"
    assert store.get_record(lotte.id).fields["role"] == "pleegmoeder"


def test_consent_names_the_person_it_is_about(view, case, store, session, qtbot):
    record, people = case
    assert open_and_wait(view, record.id)
    show_tab(view, view.consent, qtbot, record.id)
    click(qtbot, view.consent.add_button)
    qtbot.waitUntil(lambda: view.consent.model.rowCount() == 1)
    consent = view.consent.current_record()
    choose(qtbot, view.consent.person_editor.combo, people["Lotte de Boer"].id)
    purpose = view.consent.form.editors["purpose"]
    type_into(qtbot, purpose.widget, "Gesprek met school over Finn")
    qtbot.keyClick(purpose.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    saved = store.get_record(consent.id).fields
    assert saved["person_id"] == people["Lotte de Boer"].id
    assert saved["purpose"] == "Gesprek met school over Finn"
    assert view.consent.model.data(view.consent.model.index(0, 0)) == "Lotte de Boer"


def test_removing_a_person_asks_first(view, case, store, session, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    record, people = case
    assert open_and_wait(view, record.id)
    show_tab(view, view.people, qtbot, record.id)
    click_record(qtbot, view.people, people["Oma Greet"].id)

    def answer(button):
        """Click `button` in the question once it shows (it blocks until answered)."""
        def click_it():
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, click_it)
                return
            click(qtbot, box.button(button))
        QTimer.singleShot(0, click_it)

    answer(QMessageBox.StandardButton.No)
    click(qtbot, view.people.delete_button)
    settle(session, qtbot)
    assert not store.get_record(people["Oma Greet"].id).deleted
    answer(QMessageBox.StandardButton.Yes)
    click(qtbot, view.people.delete_button)
    settle(session, qtbot)
    assert store.get_record(people["Oma Greet"].id).deleted
    assert view.people.model.rowCount() == 2


def test_the_header_says_when_a_case_has_open_conflicts(view, case, store, session, qtbot):
    import uuid

    from sync.protocol import Conflict, PullResponse

    record, _ = case
    assert open_and_wait(view, record.id)
    assert view.header.conflicts.isHidden()
    conflict = Conflict(id=str(uuid.uuid4()), record_id=record.id, case_id=record.id,
                        kind="case", field="status", base="active", kept="closed",
                        incoming="active", created_at="2026-11-20T10:00:00Z")
    page = PullResponse(records=[], conflicts=[conflict], revoked_case_ids=[], cursor="c1",
                        more=False)
    with qtbot.waitSignal(view.loaded):
        session.change(lambda s: s.apply_pull_page(page), kinds=["case"],
                       case_ids=[record.id], source="sync")
    assert not view.header.conflicts.isHidden()
    assert "1 open conflict" in view.header.conflicts.text()


def test_a_colleagues_case_names_no_id(view, store, qtbot):
    theirs = store.create_record("case", {
        "title": "Familie Bos", "team_id": TEAM_ID,
        "contact_worker_id": "33333333-3333-4333-8333-333333333333",
    })
    assert open_and_wait(view, theirs.id)
    assert "a colleague" in view.header.details.text()
    assert "3333" not in view.header.details.text()
