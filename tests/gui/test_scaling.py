"""Scaling per danger/goal pair (issue 11): at a visit each participant and the worker score
each pair, typed as a person does; the plan shows the course per pair as a chart with a
table and words; odd data (a removed danger statement, a removed person) stays in sight."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton
from shiboken6 import isValid

from desktop.casefile.view import open_and_wait
from desktop.safetyplan.tab import PlanTab
from tests.gui.acting import choose, click, click_tab, one_tab_view, settle, type_into
from tests.gui.conftest import signed_in
from tests.gui.toolbar_acting import press

pytestmark = pytest.mark.gui

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"
ME = "11111111-1111-4111-8111-111111111111"


SIGNED_IN = signed_in(ME, TEAM_ID)  # the store of every test here


@pytest.fixture
def family(store):
    """A fictional family with a plan of two danger/goal pairs and one visit."""
    case = store.create_record("case", {"title": "Familie Mulder", "team_id": TEAM_ID,
                                        "status": "active", "contact_worker_id": ME})
    people = {name: store.create_record("person", {"name": name}, case_id=case.id)
              for name in ("Ilse Mulder", "Daan Mulder")}
    plan = store.create_record("safety_plan", {"title": "Plan", "status": "draft",
                                               "version": 1}, case_id=case.id)
    pairs = [store.create_record("plan_item", {
        "plan_id": plan.id, "section": "danger", "position": position, "text": text,
        "goal": goal}, case_id=case.id)
        for position, text, goal in (("a1", "Ruzie waar Daan bij is", "Ruzie zonder Daan erbij"),
                                     ("a2", "Te weinig eten in huis", "Elke dag warm eten"))]
    visit = store.create_record("visit", {
        "date": "2026-10-01", "participants": [p.id for p in people.values()]},
        case_id=case.id)
    return case, people, pairs, visit


@pytest.fixture
def view(session, qtbot):
    view, plan_tab = one_tab_view(qtbot, session, PlanTab)
    view.plan_tab = plan_tab
    return view


def score_records(store, case):
    return {(s.fields.get("plan_item_id"), s.fields.get("person_id")):
            (s.fields["value"], s.fields.get("note"))
            for s in store.list_records(kind="scaling_score", case_id=case.id)
            if not s.deleted}


def click_action(qtbot, view, action):
    click(qtbot, next(b for b in view.findChildren(QToolButton) if b.defaultAction() is action))


def test_each_participant_and_the_worker_score_each_pair_with_keys(view, family, store,
                                                                   session, qtbot):
    case, people, (first, second), visit = family
    ilse, daan = people["Ilse Mulder"].id, people["Daan Mulder"].id
    assert open_and_wait(view, case.id)
    click_tab(qtbot, view.tabs, view.visits)
    qtbot.waitUntil(lambda: view.visits.loaded_case == case.id)
    scores = view.visits.scores
    # Two participants and the worker's own score, for each of the two pairs.
    qtbot.waitUntil(lambda: len(scores.editors) == 6)
    assert set(scores.editors) == {(p, r) for p in (first.id, second.id)
                                   for r in (ilse, daan, "")}
    looking = score_records(store, case)
    assert looking == {}  # showing the boxes writes nothing
    for key, value in (((first.id, ilse), 6), ((first.id, daan), 3), ((first.id, ""), 4),
                       ((second.id, daan), 8)):
        editor = scores.editors[key]
        click(qtbot, editor.widget)
        type_into(qtbot, editor.widget, str(value))
        qtbot.keyClick(editor.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    note = scores.notes[(first.id, daan)]
    type_into(qtbot, note.widget, "Er was minder ruzie")
    qtbot.keyClick(note.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    assert score_records(store, case) == {
        (first.id, ilse): (6, None), (first.id, daan): (3, "Er was minder ruzie"),
        (first.id, None): (4, None), (second.id, daan): (8, None)}
    assert {s.fields["visit_id"] for s in store.list_records(kind="scaling_score")} == {
        visit.id}
    # A step down is an edit of that score, and undoable like any other edit of the visit.
    editor = scores.editors[(second.id, daan)]
    click(qtbot, editor.widget)
    qtbot.keyClick(editor.widget, Qt.Key.Key_Down)
    qtbot.keyClick(editor.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    assert score_records(store, case)[(second.id, daan)] == (7, None)
    click_action(qtbot, view, view.undo_action)
    settle(session, qtbot)
    assert score_records(store, case)[(second.id, daan)] == (8, None)
    assert editor.value() == 8
    # A first score is undone too: it goes, and its box is empty again; redo brings it back.
    editor = scores.editors[(second.id, ilse)]
    click(qtbot, editor.widget)
    type_into(qtbot, editor.widget, "5")
    qtbot.keyClick(editor.widget, Qt.Key.Key_Tab)
    settle(session, qtbot)
    assert score_records(store, case)[(second.id, ilse)] == (5, None)
    click_action(qtbot, view, view.undo_action)
    settle(session, qtbot)
    assert (second.id, ilse) not in score_records(store, case) and editor.value() is None
    click_action(qtbot, view, view.redo_action)
    settle(session, qtbot)
    assert score_records(store, case)[(second.id, ilse)] == (5, None)
    qtbot.waitUntil(lambda: editor.value() == 5)

    # The plan shows the pair chosen there: a line per rater, the same numbers in a table.
    click_tab(qtbot, view.tabs, view.plan_tab)
    plan_tab = view.plan_tab
    qtbot.waitUntil(lambda: plan_tab.loaded_case == case.id)
    panel = plan_tab.scaling
    qtbot.waitUntil(lambda: panel.pair_box.count() == 2)
    tree = plan_tab.tree
    index = plan_tab.model.index_of(first.id)
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualRect(index).center())
    assert panel.current().pair_id == first.id
    assert [panel.chart.labels[s.rater] for s in panel.current().series] == [
        "Daan Mulder", "Ilse Mulder", panel.rater_label("")]
    model = panel.table_model
    assert (model.rowCount(), model.columnCount()) == (1, 3)
    assert [model.item(0, c).text() for c in range(3)] == ["3", "6", "4"]
    assert model.item(0, 0).toolTip() == "Er was minder ruzie"
    assert "3" in panel.differences.text() and "Daan Mulder" in panel.differences.text()


def test_odd_scores_stay_in_sight_in_words(view, family, store, session, qtbot):
    case, people, (first, second), visit = family
    ilse, daan = people["Ilse Mulder"].id, people["Daan Mulder"].id
    for person, pair, value in ((ilse, first.id, 5), (daan, second.id, 9), (ilse, second.id, 2)):
        store.create_record("scaling_score", {"person_id": person, "plan_item_id": pair,
                                              "visit_id": visit.id, "value": value,
                                              "date": "2026-10-01"}, case_id=case.id)
    # On another laptop: the second danger statement removed, and Daan removed from the case.
    store.delete_record(second.id)
    store.delete_record(daan)
    assert open_and_wait(view, case.id)
    click_tab(qtbot, view.tabs, view.visits)
    qtbot.waitUntil(lambda: view.visits.loaded_case == case.id)
    scores = view.visits.scores
    qtbot.waitUntil(lambda: len(scores.editors) == 3)  # Ilse, Daan and the worker, one pair
    assert scores.removed.isVisible() and not scores.others.isVisible()
    assert scores.removed.heading.text() == scores.removed.tr("At a removed danger statement:")
    words = sorted(label.text() for label in scores.removed.lines.values())
    assert words == ["• Ilse Mulder: 2", "• " + scores.tr("unknown") + ": 9"]

    click_tab(qtbot, view.tabs, view.plan_tab)
    panel = view.plan_tab.scaling
    qtbot.waitUntil(lambda: panel.pair_box.count() == 2)
    assert panel.pair_box.itemText(1) == panel.tr("At a removed danger statement")
    choose(qtbot, panel.pair_box, second.id)
    removed = panel.current()
    assert removed.removed and len(removed.series) == 2  # nothing dropped
    assert sorted(panel.chart.labels.values()) == sorted(["Ilse Mulder", panel.tr("unknown")])
    # The chart draws it: its lines are in the picture, not only in the data.
    image = QImage(panel.chart.size(), QImage.Format.Format_ARGB32)
    panel.chart.render(image)
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2)
               for y in range(0, image.height(), 2)}
    assert {"#0072b2", "#d55e00"} <= colours
    assert "Home visits" in panel.differences.text()  # where to repair them


def test_a_danger_statement_added_in_the_plan_is_scored_at_the_visit(view, family, store,
                                                                      session, qtbot):
    case, people, pairs, visit = family
    for pair in pairs:
        store.delete_record(pair.id)
    assert open_and_wait(view, case.id)
    click_tab(qtbot, view.tabs, view.visits)
    scores = view.visits.scores
    qtbot.waitUntil(lambda: len(scores.editors) == 2)  # no danger statements: one overall
    assert set(scores.editors) == {("", p.id) for p in people.values()}
    plan_tab = view.plan_tab
    click_tab(qtbot, view.tabs, plan_tab)
    qtbot.waitUntil(lambda: plan_tab.loaded_case == case.id)
    tree = plan_tab.tree
    section = plan_tab.model.section_index("danger")
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualRect(section).center())
    press(qtbot, plan_tab.toolbar, plan_tab.plan_actions.add)
    qtbot.waitUntil(lambda: len(plan_tab.model.lines("danger")) == 1)
    (danger,) = plan_tab.model.lines("danger")
    click_tab(qtbot, view.tabs, view.visits)
    qtbot.waitUntil(lambda: len(scores.editors) == 3)  # both participants and the worker
    assert set(scores.editors) == {(danger.id, p) for p in (*[p.id for p in people.values()],
                                                            "")}


def test_undoing_the_removal_of_a_danger_statement_keeps_its_scores_with_it(
        view, family, store, session, qtbot):
    case, people, (first, second), visit = family
    ilse = people["Ilse Mulder"].id
    store.create_record("scaling_score", {"person_id": ilse, "plan_item_id": first.id,
                                          "visit_id": visit.id, "value": 6,
                                          "date": "2026-10-01"}, case_id=case.id)
    assert open_and_wait(view, case.id)
    plan_tab = view.plan_tab
    click_tab(qtbot, view.tabs, plan_tab)
    qtbot.waitUntil(lambda: plan_tab.scaling.pair_box.count() == 1)
    tree = plan_tab.tree
    index = plan_tab.model.index_of(first.id)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualRect(index).center())
    press(qtbot, plan_tab.toolbar, plan_tab.plan_actions.remove)
    qtbot.waitUntil(lambda: len(plan_tab.model.lines("danger")) == 1)
    click_action(qtbot, view, view.undo_action)
    qtbot.waitUntil(lambda: len(plan_tab.model.lines("danger")) == 2)
    settle(session, qtbot)
    # The statement is back (under a new id, the protocol has no undelete): so are its scores.
    back = next(i for i in plan_tab.model.lines("danger") if i.id != second.id)
    (score,) = store.list_records(kind="scaling_score", case_id=case.id)
    assert score.fields["plan_item_id"] == back.id
    qtbot.waitUntil(lambda: plan_tab.scaling.pair_box.itemData(0) == back.id)
    assert plan_tab.scaling.pair_box.count() == 1 and not plan_tab.scaling.current().removed


def pick(qtbot, combo, data):
    """Open a list by a click and click the item holding `data`, as acting.choose does; the
    list may be gone afterwards (its row is rebuilt once the choice is made)."""
    click(qtbot, combo)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.wait(QApplication.doubleClickInterval() + 20)
    rect = view.visualRect(combo.model().index(combo.findData(data), 0))
    for _ in range(5):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.wait(50)
        if not isValid(view) or not view.isVisible():
            return
        qtbot.wait(200)
    raise AssertionError("the list did not take the click")


def test_a_score_at_a_removed_danger_statement_is_moved_or_removed_and_undone(
        view, family, store, session, qtbot):
    case, people, (first, second), visit = family
    ilse = people["Ilse Mulder"].id

    def score(person, pair, value, note=None):
        return store.create_record("scaling_score", {
            "person_id": person, "plan_item_id": pair, "visit_id": visit.id, "value": value,
            "date": "2026-10-01", "note": note}, case_id=case.id)

    score(ilse, first.id, 5)
    ilse_gone = score(ilse, second.id, 2, "Het eten was op")
    mine_gone = score(None, second.id, 7)
    store.delete_record(second.id)  # on another laptop
    before = {s.id: dict(s.fields) for s in store.list_records(kind="scaling_score")}
    assert open_and_wait(view, case.id)
    click_tab(qtbot, view.tabs, view.visits)
    scores = view.visits.scores
    qtbot.waitUntil(lambda: set(scores.removed.moves) == {ilse_gone.id, mine_gone.id})
    assert scores.removed.isVisible()
    # Ilse has a score at the first statement already: that place is offered, but not to her.
    ilse_move = scores.removed.moves[ilse_gone.id]
    row = ilse_move.findData(first.id)
    assert not ilse_move.model().item(row).isEnabled()
    assert "Ilse Mulder" in ilse_move.itemText(row)
    assert scores.removed.moves[mine_gone.id].model().item(row).isEnabled()

    # The worker's own score moves to the first statement: its box shows it there.
    pick(qtbot, scores.removed.moves[mine_gone.id], first.id)
    settle(session, qtbot)
    assert store.get_record(mine_gone.id).fields["plan_item_id"] == first.id
    assert scores.editors[(first.id, "")].value() == 7
    assert set(scores.removed.moves) == {ilse_gone.id}
    click_action(qtbot, view, view.undo_action)
    settle(session, qtbot)
    assert store.get_record(mine_gone.id).fields == before[mine_gone.id]
    assert scores.editors[(first.id, "")].value() is None
    assert set(scores.removed.moves) == {ilse_gone.id, mine_gone.id}

    # Removing asks first; keeping keeps it.
    click(qtbot, scores.removed.removals[ilse_gone.id])
    box = scores.removed.confirm_box
    assert box is not None and box.isVisible() and "Ilse Mulder" in box.text()
    click(qtbot, box.button(QMessageBox.StandardButton.No))
    settle(session, qtbot)
    assert not store.get_record(ilse_gone.id).deleted
    click(qtbot, scores.removed.removals[ilse_gone.id])
    click(qtbot, scores.removed.confirm_box.button(QMessageBox.StandardButton.Yes))
    settle(session, qtbot)
    assert store.get_record(ilse_gone.id).deleted
    assert set(scores.removed.moves) == {mine_gone.id}
    click_action(qtbot, view, view.undo_action)
    settle(session, qtbot)
    qtbot.waitUntil(lambda: set(scores.removed.moves) == {ilse_gone.id, mine_gone.id})
    after = {s.id: dict(s.fields) for s in store.list_records(kind="scaling_score")}
    assert after == before  # undo restores exactly, under the same ids
