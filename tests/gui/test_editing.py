"""Editing as a worker does, by keys and clicks: typing a date into an empty field, the
calendar, dates and numbers that cannot be, emptied names, undoable removal, the next
review date, room for the forms and a tab order that reaches every field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QWizard

from desktop.casefile.view import CaseFileView, open_and_wait
from desktop.newcase.wizard import NewCaseWizard
from tests.gui.acting import (
    USER,
    activate,
    choose,
    click,
    click_row,
    click_tab,
    open_calendar,
    settle,
    type_into,
)

pytestmark = pytest.mark.gui

TEAM_ID = USER["team_ids"][0]


SIGNED_IN = USER  # the store of every test here


@pytest.fixture
def case(store):
    """A fictional family: two household members, one visit they both took part in."""
    case = store.create_record("case", {
        "title": "Familie Visser", "team_id": TEAM_ID, "status": "active",
        "contact_worker_id": USER["id"],
    })
    people = {
        name: store.create_record("person", {"name": name, "circle": "household",
                                             "birth_date": "2014-02-27"}, case_id=case.id)
        for name in ("Sanne de Vries", "Tim Visser")
    }
    store.create_record("visit", {"date": "2026-10-01",
                                  "participants": [p.id for p in people.values()]},
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


def opened(view, qtbot, case_id, tab):
    assert open_and_wait(view, case_id)
    click_tab(qtbot, view.tabs, tab)
    qtbot.waitUntil(lambda: getattr(tab, "loaded_case", case_id) == case_id)


def choose_person(view, qtbot, name):
    model = view.people.model
    row = next(r for r in range(model.rowCount()) if model.record(r).fields["name"] == name)
    click_row(qtbot, view.people.table, row)
    assert view.people.current_record().fields["name"] == name


# -- dates -----------------------------------------------------------------------------------


def test_a_date_is_typed_into_an_empty_field_and_tab_moves_on(view, case, store, session,
                                                              qtbot):
    record, _ = case
    opened(view, qtbot, record.id, view.tasks)
    click(qtbot, view.tasks.add_button)
    qtbot.waitUntil(lambda: view.tasks.model.rowCount() == 1)
    task = view.tasks.current_record()
    due = view.tasks.form.editors["due_on"]
    assert due.value() is None
    click(qtbot, due.widget)
    qtbot.keyClicks(due.widget, "10122026")
    qtbot.keyClick(due.widget, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.tasks.form.editors["done"].widget
    settle(session, qtbot)
    assert store.get_record(task.id).fields["due_on"] == "2026-12-10"
    assert due.widget.text() == "10-12-2026"


def test_the_calendar_opens_at_today_or_at_the_date_shown(view, case, qtbot):
    record, _ = case
    opened(view, qtbot, record.id, view.tasks)
    click(qtbot, view.tasks.add_button)
    qtbot.waitUntil(lambda: view.tasks.model.rowCount() == 1)
    due = view.tasks.form.editors["due_on"].widget
    calendar = due.calendarWidget()
    open_calendar(qtbot, due)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())

    opened(view, qtbot, record.id, view.people)
    birth = view.people.form.editors["birth_date"].widget
    open_calendar(qtbot, birth)
    calendar = birth.calendarWidget()
    assert calendar.selectedDate() == QDate(2014, 2, 27)
    assert (calendar.yearShown(), calendar.monthShown()) == (2014, 2)
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)


def test_a_date_that_does_not_exist_is_refused_in_words(view, case, store, session, qtbot):
    record, people = case
    opened(view, qtbot, record.id, view.people)
    choose_person(view, qtbot, "Sanne de Vries")
    birth = view.people.form.editors["birth_date"]
    type_into(qtbot, birth.widget, "31-02-2014")
    qtbot.keyClick(birth.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    assert store.get_record(people["Sanne de Vries"].id).fields["birth_date"] == "2014-02-27"
    assert birth.message.isVisible()
    assert "31-02-2014" in birth.message.text()
    assert birth.widget.text() == "27-02-2014"  # what is saved shows again
    # A date that exists is saved, and the message goes.
    type_into(qtbot, birth.widget, "28022014")
    qtbot.keyClick(birth.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    assert store.get_record(people["Sanne de Vries"].id).fields["birth_date"] == "2014-02-28"
    assert not birth.message.isVisible()


def test_a_date_of_birth_still_to_come_is_refused_in_words(view, case, store, session, qtbot):
    record, people = case
    opened(view, qtbot, record.id, view.people)
    choose_person(view, qtbot, "Tim Visser")
    birth = view.people.form.editors["birth_date"]
    future = QDate.currentDate().addYears(1).toString("dd-MM-yyyy")
    type_into(qtbot, birth.widget, future)
    qtbot.keyClick(birth.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    assert store.get_record(people["Tim Visser"].id).fields["birth_date"] == "2014-02-27"
    assert birth.message.isVisible() and future in birth.message.text()


def test_the_wizard_keeps_a_typed_date_of_birth_and_refuses_one_to_come(store, session,
                                                                        qtbot):
    wizard = NewCaseWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    activate(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.user is not None)
    qtbot.keyClicks(wizard.family_page.title, "Familie Smit")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    household = wizard.household_page
    qtbot.keyClicks(household.name, "Noor Smit")
    qtbot.keyClick(household.name, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is household.birth.widget
    future = QDate.currentDate().addYears(2).toString("ddMMyyyy")
    qtbot.keyClicks(household.birth.widget, future)
    qtbot.keyClick(household.birth.widget, Qt.Key.Key_Return)
    assert household.model.rowCount() == 0  # not added: the date cannot be
    assert household.birth.message.isVisible()
    type_into(qtbot, household.birth.widget, "02041990")
    qtbot.keyClick(household.birth.widget, Qt.Key.Key_Return)
    assert household.model.rowCount() == 1
    assert household.model.members[0].birth_date == "1990-04-02"
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: not wizard.isVisible())
    settle(session, qtbot)
    noor = store.list_records(kind="person")[0]
    assert noor.fields["birth_date"] == "1990-04-02"


# -- required fields and numbers ---------------------------------------------------------------


def test_emptying_a_name_says_why_it_cannot_be_empty(view, case, store, session, qtbot):
    record, people = case
    opened(view, qtbot, record.id, view.people)
    choose_person(view, qtbot, "Sanne de Vries")
    name = view.people.form.editors["name"]
    type_into(qtbot, name.widget, "")
    qtbot.keyClick(name.widget, Qt.Key.Key_Delete)
    qtbot.keyClick(name.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    assert store.get_record(people["Sanne de Vries"].id).fields["name"] == "Sanne de Vries"
    assert name.widget.text() == "Sanne de Vries"
    assert name.message.isVisible() and "empty" in name.message.text()


def test_emptying_the_family_name_says_why(view, case, store, session, qtbot):
    record, _ = case
    assert open_and_wait(view, record.id)
    title = view.overview.form.editors["title"]
    type_into(qtbot, title.widget, "")
    qtbot.keyClick(title.widget, Qt.Key.Key_Backspace)
    qtbot.keyClick(title.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    assert store.get_record(record.id).fields["title"] == "Familie Visser"
    assert title.message.isVisible()


def test_a_score_above_ten_is_refused_in_words(view, case, store, session, qtbot):
    record, people = case
    opened(view, qtbot, record.id, view.visits)
    scores = view.visits.scores
    qtbot.waitUntil(lambda: len(scores.editors) == 2)
    editor = scores.editors[("", people["Tim Visser"].id)]
    type_into(qtbot, editor.widget, "11")
    qtbot.keyClick(editor.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    assert store.list_records(kind="scaling_score") == []
    assert editor.message.isVisible() and "11" in editor.message.text()
    assert editor.value() is None


# -- removing ----------------------------------------------------------------------------------


def answer_question(qtbot, button, seen):
    """Click `button` in the question once it shows (it blocks until answered); its text
    goes into `seen`."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def click_it():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click_it)
            return
        seen.append(box.text())
        click(qtbot, box.button(button))

    QTimer.singleShot(0, click_it)


def test_removing_a_person_names_them_and_undo_brings_them_back(view, case, store, session,
                                                                qtbot):
    from PySide6.QtWidgets import QMessageBox, QToolButton

    record, people = case
    sanne = people["Sanne de Vries"].id
    store.update_record(sanne, {"phone": "06-11112222", "notes": "Werkt op school."})
    opened(view, qtbot, record.id, view.people)
    choose_person(view, qtbot, "Sanne de Vries")
    seen: list[str] = []
    answer_question(qtbot, QMessageBox.StandardButton.Yes, seen)
    click(qtbot, view.people.delete_button)
    settle(session, qtbot)
    assert seen == ["Sanne de Vries verwijderen?"] or seen == ["Remove Sanne de Vries?"]
    assert store.get_record(sanne).deleted
    assert view.people.model.row_of(sanne) < 0
    undo = next(b for b in view.findChildren(QToolButton)
                if b.defaultAction() is view.undo_action)
    assert "Sanne de Vries" in view.undo_action.toolTip()
    click(qtbot, undo)
    settle(session, qtbot)
    back = store.get_record(sanne)
    assert not back.deleted
    assert back.fields["phone"] == "06-11112222" and back.fields["notes"] == "Werkt op school."
    assert view.people.model.row_of(sanne) >= 0
    # Redo removes again, and Ctrl+Z brings back once more.
    click(qtbot, next(b for b in view.findChildren(QToolButton)
                      if b.defaultAction() is view.redo_action))
    settle(session, qtbot)
    assert store.get_record(sanne).deleted
    activate(qtbot, view)
    click_row(qtbot, view.people.table, 0)
    qtbot.keyClick(view.people.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(session, qtbot)
    assert not store.get_record(sanne).deleted
    assert view.people.model.row_of(sanne) >= 0


# -- the next review date ----------------------------------------------------------------------


def test_the_next_review_date_is_set_in_the_overview_and_the_header_follows(
        view, case, store, session, qtbot):
    record, _ = case
    assert open_and_wait(view, record.id)
    review = view.overview.review
    assert review.value() is None
    # No plan yet: setting the date makes one, and the header shows it.
    type_into(qtbot, review.widget, "01032027")
    qtbot.keyClick(review.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    (plan,) = store.list_records(kind="safety_plan", case_id=record.id)
    assert plan.fields["review_on"] == "2027-03-01"
    qtbot.waitUntil(lambda: "01-03-2027" in view.header.details.text())
    # With a plan: its date changes (undoably), and the header follows.
    type_into(qtbot, review.widget, "15-02-2027")
    qtbot.keyClick(review.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    assert store.get_record(plan.id).fields["review_on"] == "2027-02-15"
    qtbot.waitUntil(lambda: "15-02-2027" in view.header.details.text())
    assert len(store.list_records(kind="safety_plan", case_id=record.id)) == 1


# -- room for the forms ------------------------------------------------------------------------


def drag(qtbot, handle, dy):
    """Drag a splitter's handle by `dy` pixels, as with the mouse."""
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        QTest.mouseMove(handle, start + QPoint(0, dy * step // 5))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start + QPoint(0, dy))


def test_the_divider_between_list_and_form_is_remembered(session, case, qtbot, tmp_path):
    from desktop.settings import Settings

    record, _ = case
    settings = Settings(tmp_path / "settings")
    first = CaseFileView(session)
    qtbot.addWidget(first)
    first.resize(1000, 800)
    first.remember_layout(settings)
    first.show()
    opened(first, qtbot, record.id, first.people)
    before = first.people.splitter.sizes()
    drag(qtbot, first.people.splitter.handle(1), 120)
    moved = first.people.splitter.sizes()
    assert moved[0] > before[0] + 60
    assert settings.get("splitter_person") == f"{moved[0]},{moved[1]}"
    first.close()

    again = CaseFileView(session)
    qtbot.addWidget(again)
    again.resize(1000, 800)
    again.remember_layout(Settings(tmp_path / "settings"))
    again.show()
    opened(again, qtbot, record.id, again.people)
    assert abs(again.people.splitter.sizes()[0] - moved[0]) <= 2


def test_every_field_of_a_person_can_be_reached_in_a_small_window(view, case, qtbot):
    from tests.gui.acting import reachable

    record, _ = case
    view.resize(900, 520)
    opened(view, qtbot, record.id, view.people)
    for name, editor in view.people.form.editors.items():
        assert reachable(editor.widget), f"{name} cannot be reached"


def test_a_new_visit_opens_at_its_first_field(view, case, qtbot):
    record, _ = case
    view.resize(1000, 600)
    opened(view, qtbot, record.id, view.visits)
    bar = view.visits.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())  # the worker had scrolled down to the scores
    click(qtbot, view.visits.add_button)
    qtbot.waitUntil(lambda: view.visits.model.rowCount() == 2)
    date = view.visits.form.editors["date"].widget
    qtbot.waitUntil(date.hasFocus)
    viewport = view.visits.scroll.viewport()
    top_left = date.mapTo(viewport, date.rect().topLeft())
    assert viewport.rect().contains(top_left), "the first field is out of sight"


# -- keyboard --------------------------------------------------------------------------------


def tab_through(qtbot, start, count):
    """Click `start`, then press Tab `count` times; the widgets that had focus, in order."""
    click(qtbot, start)
    seen = [QApplication.focusWidget()]
    for _ in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_reaches_every_tick_box_score_and_comment_of_a_visit_in_order(view, case,
                                                                         qtbot):
    record, people = case
    opened(view, qtbot, record.id, view.visits)
    scores = view.visits.scores
    qtbot.waitUntil(lambda: len(scores.editors) == 2)
    # The visit shown again (another chosen and back): its boxes and scores are rebuilt.
    click(qtbot, view.visits.add_button)
    qtbot.waitUntil(lambda: view.visits.model.rowCount() == 2)
    row = view.visits.model.row_of(
        view.visits.model.record(1).id if view.visits.current_record().id
        == view.visits.model.record(0).id else view.visits.model.record(0).id)
    click_row(qtbot, view.visits.table, row)
    qtbot.waitUntil(lambda: len(scores.editors) == 2)
    form = view.visits.form.editors
    expected = [form["date"].widget, form["location"].widget,
                *view.visits.participants_editor.boxes().values(),
                form["shared_with_family"].widget, form["notes"].widget,
                form["observations"].widget]
    for person in sorted(people.values(), key=lambda p: p.fields["name"]):
        key = ("", person.id)
        expected += [scores.editors[key].widget, scores.notes[key].widget]
    qtbot.waitUntil(lambda: all(w.isVisible() for w in expected))  # on screen
    seen = tab_through(qtbot, expected[0], len(expected) - 1)
    names = [w.accessibleName() or w.objectName() for w in seen]
    assert seen == expected, names


def test_a_comment_without_a_score_says_to_give_the_score_first(view, case, store, session,
                                                               qtbot):
    record, people = case
    opened(view, qtbot, record.id, view.visits)
    scores = view.visits.scores
    qtbot.waitUntil(lambda: len(scores.editors) == 2)
    note = scores.notes[("", people["Tim Visser"].id)]
    type_into(qtbot, note.widget, "Omdat het rustig is")
    qtbot.keyClick(note.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    assert store.list_records(kind="scaling_score") == []
    assert note.message.isVisible()
    editor = scores.editors[("", people["Tim Visser"].id)]
    type_into(qtbot, editor.widget, "6")
    qtbot.keyClick(editor.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    type_into(qtbot, note.widget, "Omdat het rustig is")
    qtbot.keyClick(note.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    (score,) = store.list_records(kind="scaling_score")
    assert score.fields["value"] == 6 and score.fields["note"] == "Omdat het rustig is"


def test_enter_in_the_wizard_goes_on_and_finishes_on_the_last_page(store, session, qtbot):
    wizard = NewCaseWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    activate(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.user is not None)
    family = wizard.family_page
    click(qtbot, family.title)
    qtbot.keyClicks(family.title, "Familie Bakker")
    choose(qtbot, family.status, "active")
    qtbot.keyClick(family.status, Qt.Key.Key_Return)  # Enter on a chosen value: next page
    household = wizard.household_page
    assert wizard.currentPage() is household
    qtbot.keyClicks(household.name, "Eva Bakker")
    qtbot.keyClick(household.name, Qt.Key.Key_Return)  # a name typed: Enter adds it
    assert wizard.currentPage() is household and household.model.rowCount() == 1
    assert QApplication.focusWidget() is household.name
    qtbot.keyClick(household.name, Qt.Key.Key_Return)  # nothing typed: Enter goes on
    assert wizard.currentPage() is wizard.check_page
    with qtbot.waitSignal(wizard.case_created):
        qtbot.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_Return)
    settle(session, qtbot)
    (person,) = store.list_records(kind="person")
    assert person.fields["name"] == "Eva Bakker"


def test_a_date_opens_its_calendar_and_steps_by_keyboard(view, case, store, session, qtbot):
    record, people = case
    opened(view, qtbot, record.id, view.people)
    choose_person(view, qtbot, "Tim Visser")
    birth = view.people.form.editors["birth_date"].widget
    click(qtbot, birth)
    qtbot.keyClick(birth, Qt.Key.Key_Up)
    qtbot.keyClick(birth, Qt.Key.Key_Tab)
    settle(session, qtbot)
    assert store.get_record(people["Tim Visser"].id).fields["birth_date"] == "2014-02-28"
    click(qtbot, birth)
    qtbot.keyClick(birth, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = birth.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate() == QDate(2014, 2, 28)
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)


def test_emptying_a_task_title_says_why(view, case, store, session, qtbot):
    record, _ = case
    task = store.create_record("task", {"title": "School bellen"}, case_id=record.id)
    opened(view, qtbot, record.id, view.tasks)
    title = view.tasks.form.editors["title"]
    assert title.value() == "School bellen"
    type_into(qtbot, title.widget, "")
    qtbot.keyClick(title.widget, Qt.Key.Key_Delete)
    qtbot.wait(900)  # a pause in typing does not refuse yet: the worker may type a new one
    assert not title.message.isVisible() and title.widget.text() == ""
    qtbot.keyClick(title.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    assert store.get_record(task.id).fields["title"] == "School bellen"
    assert title.widget.text() == "School bellen" and title.message.isVisible()


def test_tab_goes_down_the_overview_row_by_row(view, case, qtbot):
    record, _ = case
    assert open_and_wait(view, record.id)
    overview = view.overview
    editors = overview.form.editors
    expected = [editors["title"].widget, overview.contact_worker, editors["status"].widget,
                editors["legal_framework"].widget, editors["safety_team_involved"].widget,
                *editors["domains"].focus_widgets(), editors["opened_on"].widget,
                editors["closed_on"].widget, overview.review.widget, editors["summary"].widget]
    qtbot.waitUntil(lambda: all(w.isVisible() for w in expected))
    seen = tab_through(qtbot, expected[0], len(expected) - 1)
    assert seen == expected, [w.accessibleName() for w in seen]
