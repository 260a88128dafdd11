"""The safety plan tab over a real store, used as a person does (clicks and keys): making a
plan, adding lines, what keeps it from being agreed, traceability, reordering, undo, that
looking writes nothing, odd data from two laptops, the map check and merged plans (the
review is in test_safetyplan_review.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from desktop.casefile.editors import SAVE_DELAY_MS
from desktop.safetyplan.items_model import PlanItemsModel
from desktop.safetyplan.review import decision_fields
from tests.gui.acting import choose
from tests.gui.plan_tab import (
    ME,
    click,
    lines,
    make_plan,
    new_case,
    open_plan,
    plan_records,
    plan_view,
    settle,
    tick,
    user,
)
from tests.gui.toolbar_acting import press

pytestmark = pytest.mark.gui

SIGNED_IN = user()  # the store of every test here


case = pytest.fixture(new_case, name="case")
tab = pytest.fixture(plan_view, name="tab")


def test_making_a_plan_and_adding_lines_creates_records(tab, case, store, qtbot):
    plan_tab = open_plan(tab, case, qtbot)
    assert plan_tab.pages.currentIndex() == 0
    QTest.mouseClick(plan_tab.make_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(plan_tab.make_button, Qt.MouseButton.LeftButton)  # a double click
    qtbot.waitUntil(lambda: plan_tab.data.plan is not None)
    assert plan_tab.pages.currentIndex() == 1
    [plan] = store.list_records(kind="safety_plan", case_id=case.id)
    assert plan.fields["status"] == "draft"

    click(plan_tab.tree, plan_tab.model.section_index("danger"))
    press(qtbot, plan_tab.toolbar, plan_tab.plan_actions.add)
    qtbot.waitUntil(lambda: len(plan_tab.model.lines("danger")) == 1)
    form = plan_tab.items.forms["danger"]
    assert plan_tab.items.currentWidget() is form
    goal = form.editors["goal"].widget
    goal.setFocus()
    QTest.keyClicks(goal, "Sanne zorgt dat de kinderen naar school gaan")
    qtbot.wait(SAVE_DELAY_MS + 100)
    settle(tab, qtbot)
    [danger] = lines(store, case, "danger")
    assert danger.fields["plan_id"] == plan.id
    assert danger.fields["goal"] == "Sanne zorgt dat de kinderen naar school gaan"
    assert danger.fields["position"]

    # a second line after it, and 112 offered for when it goes wrong
    press(qtbot, plan_tab.toolbar, plan_tab.plan_actions.add)
    qtbot.waitUntil(lambda: len(plan_tab.model.lines("danger")) == 2)
    press(qtbot, plan_tab.toolbar, plan_tab.plan_actions.emergency["112"])
    qtbot.waitUntil(lambda: len(plan_tab.model.lines("emergency_step")) == 1)
    [step] = lines(store, case, "emergency_step")
    assert step.fields["phone"] == "112"
    assert not plan_tab.plan_actions.emergency["112"].isEnabled()
    assert [d.id for d in lines(store, case, "danger")][0] == danger.id


def test_the_plan_says_exactly_what_keeps_it_from_being_agreed(tab, case, store, qtbot):
    plan, line = make_plan(store, case)
    danger = line("danger", "a", text="Vader drinkt en slaat")
    condition = line("condition", "a", text="Geen alcohol in huis", set_by="Veilig Thuis")
    line("agreement", "a", text="Oma komt elke avond", addresses=[condition.id])
    plan_tab = open_plan(tab, case, qtbot)
    text = plan_tab.blockers_label.text()
    assert "“Vader drinkt en slaat” has no safety goal" in text
    assert "No safety goal meets the condition “Geen alcohol in huis”" in text
    assert "no steps for when it goes wrong" in text
    assert "No agreement meets" not in text
    assert not plan_tab.plan_actions.agree.isEnabled()

    # the worker fills the goal, ticks the condition it meets and adds the emergency number
    click(plan_tab.tree, plan_tab.model.index_of(danger.id))
    form = plan_tab.items.forms["danger"]
    goal = form.editors["goal"].widget
    goal.setFocus()
    QTest.keyClicks(goal, "Geen klappen meer, een jaar lang")
    goal.clearFocus()
    settle(tab, qtbot)
    assert store.get_record(danger.id).fields["goal"] == "Geen klappen meer, een jaar lang"
    tick(form.editors["addresses"].boxes()[condition.id])
    settle(tab, qtbot)
    press(qtbot, plan_tab.toolbar, plan_tab.plan_actions.emergency["0800-2000"])
    settle(tab, qtbot)
    assert store.get_record(danger.id).fields["addresses"] == [condition.id]
    assert plan_tab.missing() == []
    assert plan_tab.plan_actions.agree.isEnabled()
    assert not plan_tab.blockers_label.isVisible()
    press(qtbot, plan_tab.toolbar, plan_tab.plan_actions.agree)
    # agreeing asks who of the family agreed: nobody ticked, nobody can be said to agree
    dialog = plan_tab.agree_dialog
    qtbot.waitUntil(dialog.isVisible)
    sanne = next(p for p in store.list_records(kind="person", case_id=case.id))
    assert list(dialog.boxes) == [sanne.id] and not dialog.ok_button.isEnabled()
    tick(dialog.boxes[sanne.id])
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(tab, qtbot)
    stored = store.get_record(plan.id)
    assert stored.fields["status"] == "agreed" and stored.fields["agreed_on"]
    assert stored.fields["agreed_by"] == [sanne.id]
    assert "by Sanne van Dijk" in plan_tab.status_label.text()
    assert plan_tab.plan_actions.submit.isVisible()
    press(qtbot, plan_tab.toolbar, plan_tab.plan_actions.submit)
    settle(tab, qtbot)
    assert store.get_record(plan.id).fields["status"] == "submitted"


def test_an_unmet_condition_shows_in_the_danger_colour_until_met(tab, case, store, qtbot):
    _, line = make_plan(store, case)
    condition = line("condition", "a", text="Geen alcohol in huis")
    danger = line("danger", "a", text="Zorg", goal="Nuchter thuis", addresses=[condition.id])
    line("agreement", "a", text="Oma belt elke avond")
    plan_tab = open_plan(tab, case, qtbot)
    model = plan_tab.model
    detail = model.index_of(condition.id).siblingAtColumn(1)
    assert detail.data() == "Not met: no agreement"
    assert detail.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert detail.data(PlanItemsModel.UnmetRole) == ["condition_without_agreement"]

    agreement = model.lines("agreement")[0]
    click(plan_tab.tree, model.index_of(agreement.id))
    tick(plan_tab.items.forms["agreement"].editors["addresses"].boxes()[condition.id])
    settle(tab, qtbot)
    detail = model.index_of(condition.id).siblingAtColumn(1)
    assert detail.data() == "Met by: Nuchter thuis; Oma belt elke avond"
    assert detail.data(Qt.ItemDataRole.ForegroundRole) is None
    assert store.get_record(agreement.id).fields["addresses"] == [condition.id]
    assert danger.id in {i.id for i in lines(store, case, "danger")}


def test_lines_are_reordered_by_keyboard_and_undone(tab, case, store, qtbot):
    _, line = make_plan(store, case)
    first = line("agreement", "a", text="Eerste")
    second = line("agreement", "b", text="Tweede")
    third = line("agreement", "c", text="Derde")
    plan_tab = open_plan(tab, case, qtbot)
    click(plan_tab.tree, plan_tab.model.index_of(third.id))
    QTest.keyClick(plan_tab.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    settle(tab, qtbot)
    assert [i.id for i in lines(store, case, "agreement")] == [first.id, third.id, second.id]
    QTest.keyClick(plan_tab.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    settle(tab, qtbot)
    assert [i.id for i in lines(store, case, "agreement")] == [third.id, first.id, second.id]
    assert [i.id for i in plan_tab.model.lines("agreement")] == [third.id, first.id, second.id]
    assert plan_tab.current_id() == third.id  # the moved line stays chosen
    stack = plan_tab.controller.undo_stack
    stack.undo()
    stack.undo()
    settle(tab, qtbot)
    assert [i.id for i in lines(store, case, "agreement")] == [first.id, second.id, third.id]


def test_removing_a_condition_is_undone_with_what_met_it(tab, case, store, qtbot, monkeypatch):
    _, line = make_plan(store, case)
    condition = line("condition", "a", text="Geen alcohol in huis")
    agreement = line("agreement", "a", text="Oma belt", addresses=[condition.id])
    plan_tab = open_plan(tab, case, qtbot)
    click(plan_tab.tree, plan_tab.model.index_of(condition.id))
    QTest.keyClick(plan_tab.tree, Qt.Key.Key_Delete)
    settle(tab, qtbot)
    assert lines(store, case, "condition") == []
    plan_tab.controller.undo_stack.undo()
    settle(tab, qtbot)
    [back] = lines(store, case, "condition")
    assert back.fields["text"] == "Geen alcohol in huis"
    assert store.get_record(agreement.id).fields["addresses"] == [back.id]
    # an edit made before the removal still finds the line after it is back
    plan_tab.controller.undo_stack.redo()
    settle(tab, qtbot)
    assert lines(store, case, "condition") == []
    plan_tab.controller.undo_stack.undo()
    settle(tab, qtbot)
    assert [c.fields["text"] for c in lines(store, case, "condition")] == [
        "Geen alcohol in huis"]


def test_typing_is_undone_in_the_line(tab, case, store, qtbot):
    _, line = make_plan(store, case)
    signal = line("signal", "a", text="Moeder")
    plan_tab = open_plan(tab, case, qtbot)
    click(plan_tab.tree, plan_tab.model.index_of(signal.id))
    edit = plan_tab.items.forms["signal"].editors["text"].widget
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    QTest.keyClicks(edit, " belt niet terug")
    qtbot.wait(SAVE_DELAY_MS + 100)
    settle(tab, qtbot)
    assert store.get_record(signal.id).fields["text"] == "Moeder belt niet terug"
    plan_tab.controller.undo_stack.undo()
    settle(tab, qtbot)
    assert store.get_record(signal.id).fields["text"] == "Moeder"
    assert edit.toPlainText() == "Moeder"


def test_looking_through_the_plan_writes_nothing(tab, case, store, qtbot):
    _, line = make_plan(store, case, review_on="2027-01-15", phase="direct")
    condition = line("condition", "a", text="Voorwaarde")
    line("danger", "a", text="Zorg", goal="Doel", addresses=[condition.id])
    line("agreement", "a", text="Afspraak", who="Oma", done=False, addresses=[condition.id])
    line("emergency_step", "a", text="Bel 112", phone="112")
    line("child_voice", "a", text="Ik wil dat papa lief is", part="dreams")
    before = (store.pending_count(), len(store.history(case.id)))
    plan_tab = open_plan(tab, case, qtbot)
    click(plan_tab.tree, plan_tab.model.index(0, 0))
    plan_tab.tree.setFocus()
    for _ in range(20):
        QTest.keyClick(plan_tab.tree, Qt.Key.Key_Down)
        QTest.keyClick(plan_tab.tree, Qt.Key.Key_Tab)  # into the line's form and out again
        plan_tab.tree.setFocus()
    qtbot.wait(SAVE_DELAY_MS + 100)
    settle(tab, qtbot)
    assert (store.pending_count(), len(store.history(case.id))) == before


def test_the_plan_model_passes_qt_model_checks(tab, case, store, qtbot, qtmodeltester):
    _, line = make_plan(store, case)
    condition = line("condition", "a", text="Voorwaarde")
    line("agreement", "a", text="Afspraak", addresses=[condition.id])
    line("danger", None, text="Zorg")
    plan_tab = open_plan(tab, case, qtbot)
    qtmodeltester.check(plan_tab.model)


def test_a_line_dropped_elsewhere_in_its_part_moves_there(tab, case, store, qtbot):
    _, line = make_plan(store, case)
    first = line("agreement", "a", text="Eerste")
    second = line("agreement", "b", text="Tweede")
    third = line("agreement", "c", text="Derde")
    condition = line("condition", "a", text="Voorwaarde")
    plan_tab = open_plan(tab, case, qtbot)
    model = plan_tab.model
    agreements = model.section_index("agreement")
    # what the tree hands the model when the first line is dropped below the last one
    data = model.mimeData([model.index_of(first.id)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 3, 0, agreements)
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0,
                                     model.section_index("condition"))  # a line keeps its part
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, agreements)
    settle(tab, qtbot)
    assert [i.id for i in lines(store, case, "agreement")] == [second.id, third.id, first.id]
    data = model.mimeData([model.index_of(third.id)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, agreements)
    settle(tab, qtbot)
    assert [i.id for i in lines(store, case, "agreement")] == [third.id, second.id, first.id]
    assert [i.id for i in lines(store, case, "condition")] == [condition.id]
    plan_tab.controller.undo_stack.undo()
    settle(tab, qtbot)
    assert [i.id for i in lines(store, case, "agreement")] == [second.id, third.id, first.id]


def test_odd_data_from_two_laptops_is_said_in_words_and_repaired(tab, case, store, qtbot):
    plan, line = make_plan(store, case, status="submitted")
    second, other_line = make_plan(store, case)  # made on another laptop at the same time
    other_line("signal", "a", text="Vader is boos")
    kept = line("condition", "a", text="Voorwaarde")
    gone = line("condition", "b", text="Weg")
    agreement = line("agreement", "a", text="Oma belt", addresses=[kept.id, gone.id])
    store.delete_record(gone.id)  # as a sync from the other laptop would leave it
    plan_tab = open_plan(tab, case, qtbot)
    assert plan_tab.data.plan.id == plan.id  # the one furthest in review
    notes = plan_tab.notes_label.text()
    assert "more than one plan" in notes
    assert "“Oma belt” meets a condition that was removed" in notes
    assert plan_tab.model.index_of(kept.id).siblingAtColumn(1).data() == "Not met: no safety goal"
    # the removed one is still shown ("not in this list"), never dropped unseen; the worker
    # unticks it, and it falls away
    click(plan_tab.tree, plan_tab.model.index_of(agreement.id))
    boxes = plan_tab.items.forms["agreement"].editors["addresses"].boxes()
    assert set(boxes) == {kept.id, gone.id}
    tick(boxes[gone.id])  # untick
    settle(tab, qtbot)
    assert store.get_record(agreement.id).fields["addresses"] == [kept.id]
    tick(plan_tab.items.forms["agreement"].editors["addresses"].boxes()[kept.id])  # untick
    settle(tab, qtbot)
    tick(plan_tab.items.forms["agreement"].editors["addresses"].boxes()[kept.id])
    settle(tab, qtbot)
    assert store.get_record(agreement.id).fields["addresses"] == [kept.id]
    assert "removed" not in plan_tab.notes_label.text()

    # both plans stay: the worker picks the other one, sees its lines, and can go back
    assert plan_tab.plan_choice.isVisible() and plan_tab.plan_choice.count() == 2
    assert "Submitted" in plan_tab.plan_choice.currentText()
    choose(qtbot, plan_tab.plan_choice, second.id)
    qtbot.waitUntil(lambda: plan_tab.data.plan.id == second.id)
    assert [r.fields["text"] for r in plan_tab.model.lines("signal")] == ["Vader is boos"]
    assert "more than one plan" in plan_tab.notes_label.text()
    choose(qtbot, plan_tab.plan_choice, plan.id)
    qtbot.waitUntil(lambda: plan_tab.data.plan.id == plan.id)


def test_the_plan_is_checked_against_the_network_map(tab, case, store, qtbot):
    sanne = next(p for p in store.list_records(kind="person", case_id=case.id))
    store.update_record(sanne.id, {"index_person": True})
    karel = store.create_record("person", {"name": "Karel van Dijk"}, case_id=case.id)
    store.create_record("relationship", {"from_person_id": karel.id, "to_person_id": sanne.id,
                                         "quality": "abuse_physical"}, case_id=case.id)
    plan, line = make_plan(store, case)
    agreement = line("agreement", "a", text="Karel brengt Sanne naar school")
    line("network_commitment", "a", text="Komt elke zondag", who="Tante Els")
    line("signal", "a", text="Sanne wil niet naar huis")
    line("emergency_step", "a", text="Bel de buurvrouw")
    plan_tab = open_plan(tab, case, qtbot)
    checks = plan_tab.checks_label.text()
    assert plan_tab.checks_label.isVisible()
    assert "“Komt elke zondag” is in the safety network but not on the network map" in checks
    assert "Nobody acts on the signal “Sanne wil niet naar huis”" in checks
    assert "The step “Bel de buurvrouw” has no phone number" in checks
    assert "rests on" not in checks

    # the worker lets the agreement rest on Karel: the plan says which tie and why
    click(plan_tab.tree, plan_tab.model.index_of(agreement.id))
    who = plan_tab.items.forms["agreement"].editors["who"].widget
    who.setFocus()
    QTest.keyClicks(who.lineEdit(), "Karel van Dijk")
    who.clearFocus()
    settle(tab, qtbot)
    assert store.get_record(agreement.id).fields["who"] == karel.id
    checks = plan_tab.checks_label.text()
    assert ("“Karel brengt Sanne naar school” rests on Karel van Dijk, whose tie to Sanne van "
            "Dijk (a child) is marked “Physical abuse” on the map") in checks
    assert "carry an agreement about that child" in checks


def test_who_agreed_and_what_if_an_agreement_is_not_kept_are_kept_and_compared(
        tab, case, store, qtbot):
    sanne = next(p for p in store.list_records(kind="person", case_id=case.id))
    karel = store.create_record("person", {"name": "Karel van Dijk", "circle": "household"},
                                case_id=case.id)
    store.create_record("person", {"name": "Juf Anja", "circle": "professional"},
                        case_id=case.id)
    plan, line = make_plan(store, case, status="agreed", agreed_on="2026-03-02",
                           agreed_by=[karel.id])
    agreement = line("agreement", "a", text="Karel drinkt niet")
    plan_tab = open_plan(tab, case, qtbot)
    assert "Agreed on" in plan_tab.status_label.text()
    assert "by Karel van Dijk" in plan_tab.status_label.text()
    # the plan's form offers the family, not the professionals
    boxes = plan_tab.agreed_by.boxes()
    assert set(boxes) == {sanne.id, karel.id}
    tick(boxes[sanne.id])
    settle(tab, qtbot)
    assert set(store.get_record(plan.id).fields["agreed_by"]) == {karel.id, sanne.id}

    click(plan_tab.tree, plan_tab.model.index_of(agreement.id))
    if_not = plan_tab.items.forms["agreement"].editors["if_not_kept"].widget
    if_not.setFocus()
    QTest.keyClicks(if_not, "Oma haalt de kinderen op")
    if_not.clearFocus()
    settle(tab, qtbot)
    assert store.get_record(agreement.id).fields["if_not_kept"] == "Oma haalt de kinderen op"

    # a version against the plan now: who agreed and the new line read as names and words
    version = store.create_record("plan_version", decision_fields(
        plan.model_copy(update={"fields": {**plan.fields}}), [agreement], "returned", None,
        {}, ME), case_id=case.id)
    assert version
    plan_tab.reload()
    settle(tab, qtbot)
    press(qtbot, plan_tab.toolbar, plan_tab.plan_actions.compare)
    model = plan_tab.compare_dialog.model
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    agreed = rows["Agreed by (changed)"]
    assert model.index(agreed, 1).data() == "Karel van Dijk"
    assert set(model.index(agreed, 2).data().split("\n")) == {"Karel van Dijk",
                                                               "Sanne van Dijk"}
    assert "Oma haalt de kinderen op" in model.index(rows["Agreements (changed)"], 2).data()
    # a part empty in both is out of sight; the parts that hold something are not
    table = plan_tab.compare_dialog.table
    assert table.isRowHidden(rows["What makes it harder"])
    assert not table.isRowHidden(rows["Agreements (changed)"])


def test_a_network_member_removed_from_the_map_is_said_and_chosen_again(
        tab, case, store, qtbot):
    ria = store.create_record("person", {"name": "Oma Ria"}, case_id=case.id)
    sanne = next(p for p in store.list_records(kind="person", case_id=case.id)
                 if p.fields["name"] == "Sanne van Dijk")
    plan, line = make_plan(store, case)
    role = line("network_commitment", "a", text="Haalt de kinderen op", who=ria.id)
    store.delete_record(ria.id)  # as a sync from the other laptop would leave it
    plan_tab = open_plan(tab, case, qtbot)
    assert ("“Haalt de kinderen op” rests on Oma Ria, who was removed from the network map"
            in plan_tab.checks_label.text())
    assert plan_tab.model.index_of(role.id).siblingAtColumn(1).data() == (
        "Oma Ria (removed from the map)")
    click(plan_tab.tree, plan_tab.model.index_of(role.id))
    who = plan_tab.items.forms["network_commitment"].editors["who"].widget
    assert who.currentText() == "Oma Ria (removed from the map)"
    assert store.get_record(role.id).fields["who"] == ria.id  # looking changes nothing
    # the worker opens the list by its arrow and picks someone on the map
    QTest.mouseClick(who, Qt.MouseButton.LeftButton, pos=QPoint(who.width() - 8,
                                                                who.height() // 2))
    qtbot.waitUntil(who.view().isVisible)
    qtbot.wait(QApplication.doubleClickInterval() + 20)
    index = who.model().index(who.findData(sanne.id), 0)
    for _ in range(5):  # as acting.choose: a release too soon after opening is ignored
        if not who.view().isVisible():
            break
        QTest.mouseClick(who.view().viewport(), Qt.MouseButton.LeftButton,
                         pos=who.view().visualRect(index).center())
        qtbot.wait(50)
    settle(tab, qtbot)
    assert store.get_record(role.id).fields["who"] == sanne.id
    assert not plan_tab.checks_label.isVisible()


def test_the_plan_fits_the_case_file_beside_the_case_list_at_1280_by_800(
        tab, case, store, qtbot):
    """In a 1280×800 window the case file gets about 650 × 560 px beside the case list: no
    column title, part title or button of the plan may be cut there."""
    view, _ = tab
    view.resize(650, 560)
    plan, line = make_plan(store, case)
    for n, section in enumerate(("danger", "condition", "agreement", "signal",
                                 "emergency_step", "network_commitment", "next_step")):
        line(section, f"a{n}", text="Een heel lange regel van het plan " * 4,
             goal="Een lang doel " * 6, who="Tante Els", phone="0800-2000")
    plan_tab = open_plan(tab, case, qtbot)
    qtbot.wait(50)  # the layouts settle
    tree, header = plan_tab.tree, plan_tab.tree.header()
    metrics = tree.fontMetrics()
    for column in range(2):
        title = plan_tab.model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title) + 8, title
        # a line and what goes with it both readable, neither squeezed by the other
        assert header.sectionSize(column) >= tree.viewport().width() // 3, title
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= (
            tree.viewport().width()), title  # all of the column in sight
    for row in range(plan_tab.model.rowCount()):
        part = plan_tab.model.index(row, 0)
        text_room = tree.visualRect(part).width()
        assert metrics.horizontalAdvance(part.data()) <= text_room, part.data()
    # a long line is cut, and read whole in its tooltip
    first = plan_tab.model.index(0, 0, plan_tab.model.index(0, 0))
    assert first.data(Qt.ItemDataRole.ToolTipRole) == first.data()
    for button in plan_tab.findChildren(QPushButton):
        if button.isVisibleTo(plan_tab):
            assert button.width() >= button.minimumSizeHint().width(), button.text()
            right = button.mapTo(plan_tab, button.rect().topRight()).x()
            assert right <= plan_tab.width(), button.text()
    # the form goes under the lines there; on a wide screen beside them
    assert plan_tab.body.orientation() == Qt.Orientation.Vertical
    view.resize(1300, 700)
    qtbot.waitUntil(lambda: plan_tab.body.orientation() == Qt.Orientation.Horizontal)


def test_two_plans_are_merged_into_the_one_shown_after_a_question_and_undone(
        tab, case, store, qtbot):
    plan, line = make_plan(store, case, status="submitted", worries="Ruzie thuis")
    other, other_line = make_plan(store, case, harm="Er is geslagen",
                                  worries="Geen eten in huis")  # on another laptop
    kept = line("condition", "a", text="Geen alcohol in huis")
    line("signal", "k", text="Oma hoort geschreeuw")
    for position, text in (("a", "Vader is boos"), ("b", "Sanne huilt")):
        other_line("signal", position, text=text)
    condition = other_line("condition", "a", text="Vader slaapt elders")
    agreement = other_line("agreement", "a", text="Oom haalt de kinderen",
                           addresses=[condition.id])
    before = plan_records(store, case)
    plan_tab = open_plan(tab, case, qtbot)
    assert plan_tab.data.plan.id == plan.id and plan_tab.plan_actions.merge.isVisible()
    click(plan_tab.tree, plan_tab.model.index_of(kept.id))

    # It asks first, naming both plans; keeping both keeps both.
    press(qtbot, plan_tab.toolbar, plan_tab.plan_actions.merge)
    box = plan_tab.confirm_box
    assert box is not None and box.isVisible()
    assert plan_tab.plan_label(plan) in box.text() and plan_tab.plan_label(other) in box.text()
    assert "(4 line" in box.text() and "(2 line" in box.text()  # how many each holds
    QTest.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    settle(tab, qtbot)
    assert plan_records(store, case) == before
    press(qtbot, plan_tab.toolbar, plan_tab.plan_actions.merge)
    QTest.mouseClick(plan_tab.confirm_box.button(QMessageBox.StandardButton.Yes),
                     Qt.MouseButton.LeftButton)
    settle(tab, qtbot)
    qtbot.waitUntil(lambda: not plan_tab.plan_choice.isVisible())

    assert store.get_record(other.id).deleted and not store.get_record(plan.id).deleted
    assert {i.fields["plan_id"] for i in store.list_records(kind="plan_item")} == {plan.id}
    # Each part: the shown plan's lines, then the other's in their own order.
    assert [i.fields["text"] for i in lines(store, case, "signal")] == [
        "Oma hoort geschreeuw", "Vader is boos", "Sanne huilt"]
    assert [i.id for i in lines(store, case, "condition")] == [kept.id, condition.id]
    assert store.get_record(agreement.id).fields["addresses"] == [condition.id]
    fields = store.get_record(plan.id).fields
    assert fields["harm"] == "Er is geslagen"  # empty in the plan shown: taken over
    assert fields["worries"] == "Ruzie thuis\n\nGeen eten in huis"  # both: nothing dropped
    assert fields["status"] == "submitted"
    assert [r.fields["text"] for r in plan_tab.model.lines("signal")] == [
        "Oma hoort geschreeuw", "Vader is boos", "Sanne huilt"]
    assert "more than one plan" not in plan_tab.notes_label.text()

    # One undo step brings back exactly what was; redo merges the same way again.
    merged = plan_records(store, case)
    plan_tab.controller.undo_stack.undo()
    settle(tab, qtbot)
    assert plan_records(store, case) == before
    qtbot.waitUntil(lambda: plan_tab.plan_choice.isVisible())
    plan_tab.controller.undo_stack.redo()
    settle(tab, qtbot)
    assert plan_records(store, case) == merged
