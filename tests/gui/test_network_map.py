"""The network map tab over a real store, used as a worker does: toolbar, keys, clicks,
drags and the context menu; undo and redo; a sync arriving while the map is open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolButton

from desktop.networkmap.listmodel import ID_ROLE
from desktop.networkmap.tab import NetworkMapTab
from desktop.operations import ChangeNotice
from tests.gui.acting import one_tab_view, open_on_tab
from tests.gui.conftest import signed_in

TEAM_NOORD = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"  # ids are UUIDs

pytestmark = pytest.mark.gui

ME = "11111111-1111-4111-8111-111111111111"


SIGNED_IN = signed_in(ME, TEAM_NOORD)  # the store of every test here


@pytest.fixture
def case(store):
    """A fictional family: mother and son in the household, a grandmother, a neighbour."""
    case = store.create_record("case", {"title": "Familie Testdorp", "team_id": TEAM_NOORD})
    people = {
        name: store.create_record("person", dict(name=name, **fields), case_id=case.id)
        for name, fields in (
            ("Moeder Testdorp", {"circle": "household", "gender": "f",
                                 "birth_date": "1988-02-03"}),
            ("Zoon Testdorp", {"circle": "household", "gender": "m", "index_person": True,
                               "birth_date": "2016-05-06"}),
            ("Oma Testdorp", {"circle": "family", "gender": "f", "ring": 1}),
            ("Buurman Jansen", {"circle": "network", "gender": "m", "ring": 3}),
        )
    }
    ties = {
        "parent": store.create_record("relationship", {
            "from_person_id": people["Moeder Testdorp"].id,
            "to_person_id": people["Zoon Testdorp"].id, "type": "parent_child",
            "quality": "strong"}, case_id=case.id),
        "oma": store.create_record("relationship", {
            "from_person_id": people["Oma Testdorp"].id,
            "to_person_id": people["Moeder Testdorp"].id, "type": "parent_child",
            "quality": "conflict"}, case_id=case.id),
        "buur": store.create_record("relationship", {
            "from_person_id": people["Buurman Jansen"].id,
            "to_person_id": people["Moeder Testdorp"].id, "type": "neighbour",
            "quality": "weak", "direction": "to", "support": ["P"]}, case_id=case.id),
    }
    return case, people, ties


@pytest.fixture
def opened(session, case, qtbot):
    """The case file with the map added as the main window adds it, the map tab shown."""
    record, people, ties = case
    view, tab = one_tab_view(qtbot, session, NetworkMapTab)
    open_on_tab(qtbot, view, tab, record.id)
    tab.view.resetTransform()
    tab.view.centerOn(0, 150)
    tab.view.setFocus()
    return view, tab


def settle(view, tab, session, qtbot):
    """Writes land, and the map has read the store again."""
    qtbot.waitUntil(lambda: not session.busy and not tab._reading)


def at(tab, person_id: str) -> QPoint:
    return tab.view.mapFromScene(tab.scene.people[person_id].scenePos())


def click(tab, person_id: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    tab.view.centerOn(tab.scene.people[person_id])
    QTest.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, modifier, at(tab, person_id))


def drag(tab, start: QPoint, end: QPoint, release: bool = True) -> None:
    viewport = tab.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    steps = 5
    for i in range(1, steps + 1):
        point = QPointF(start + (end - start) * i / steps)
        QApplication.sendEvent(viewport, QMouseEvent(
            QMouseEvent.Type.MouseMove, point, viewport.mapToGlobal(point),
            Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    if release:
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           end)


def outbox_and_history(store, case_id):
    return store.pending_count(), len(store.history(case_id))


def test_opening_and_switching_the_map_only_reads(opened, case, store, session, qtbot,
                                                   qtmodeltester):
    view, tab = opened
    record, people, ties = case
    before = outbox_and_history(store, record.id)
    assert set(tab.scene.people) == {p.id for p in people.values()}
    assert set(tab.scene.ties) == {t.id for t in ties.values()}
    legend = tab.legend.texts()
    assert "Woman (circle)" in legend and "Birth child (solid line)" in legend
    assert "Child the worry is about (double outline)" in legend
    QTest.keyClick(tab.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert tab.view_name == "ecogram"
    assert "Weak (dashed line)" in tab.legend.texts()
    assert "P: practical help" in tab.legend.texts()
    QTest.keyClick(tab.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert tab.view_name == "genogram"
    # Choosing people and ties, and refreshes from a sync, write nothing either.
    click(tab, people["Oma Testdorp"].id)
    tab.list.setCurrentIndex(tab.list_model.index_of(ties["buur"].id))
    with qtbot.waitSignal(tab.loaded):
        session.announce(ChangeNotice(frozenset({"person"}), frozenset({record.id}), "sync"))
    settle(view, tab, session, qtbot)
    assert outbox_and_history(store, record.id) == before
    assert not view.controller.undo_stack.count()
    qtmodeltester.check(tab.list_model)


def test_the_list_reads_out_people_and_ties(opened, case):
    _view, tab = opened
    _record, people, ties = case
    son = tab.list_model.index_of(people["Zoon Testdorp"].id).data()
    assert son.startswith("Zoon Testdorp") and "child the worry is about" in son
    tie = tab.list_model.index_of(ties["buur"].id).data()
    assert tie == "Buurman Jansen – Moeder Testdorp: Neighbour, Weak, towards Moeder " \
                  "Testdorp, P"


def test_add_a_person_from_the_toolbar_then_undo_and_redo(opened, case, store, session,
                                                          qtbot):
    view, tab = opened
    record, people, _ = case
    button = next(b for b in tab.toolbar.findChildren(QToolButton)
                  if b.defaultAction() is tab.add_person_action)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(view, tab, session, qtbot)

    def names():
        return sorted(p.fields["name"] for p in store.list_records("person", record.id))

    assert "New person" in names() and len(names()) == 5
    added = next(p for p in store.list_records("person", record.id)
                 if p.fields["name"] == "New person")
    assert added.fields["map_x"] is not None  # placed where the worker could see it
    assert tab.scene.selected_people() == [added.id]
    assert len(tab.scene.people) == 5
    view.controller.undo_stack.undo()
    settle(view, tab, session, qtbot)
    assert len(names()) == 4 and len(tab.scene.people) == 4
    view.controller.undo_stack.redo()
    settle(view, tab, session, qtbot)
    assert "New person" in names() and len(tab.scene.people) == 5


def test_connect_two_chosen_people_with_the_keyboard(opened, case, store, session, qtbot):
    view, tab = opened
    record, people, _ = case
    oma, buur = people["Oma Testdorp"].id, people["Buurman Jansen"].id
    click(tab, oma)
    click(tab, buur, Qt.KeyboardModifier.ControlModifier)
    assert tab.scene.selected_people() == sorted([oma, buur])
    assert tab.connect_action.isEnabled()
    QTest.keyClick(tab.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    settle(view, tab, session, qtbot)
    new = [t for t in store.list_records("relationship", record.id)
           if {t.fields["from_person_id"], t.fields["to_person_id"]} == {oma, buur}]
    assert len(new) == 1 and new[0].fields["type"] == "family"
    assert new[0].id in tab.scene.ties
    view.controller.undo_stack.undo()
    settle(view, tab, session, qtbot)
    assert store.get_record(new[0].id).deleted and new[0].id not in tab.scene.ties


def test_drag_stores_the_place_and_undo_puts_it_back(opened, case, store, session, qtbot):
    view, tab = opened
    _record, people, _ = case
    oma = people["Oma Testdorp"].id
    tab.view.centerOn(tab.scene.people[oma])
    start = at(tab, oma)
    before = tab.scene.people[oma].pos()
    drag(tab, start, start + QPoint(80, 30))
    settle(view, tab, session, qtbot)
    moved = tab.scene.people[oma].pos()
    assert moved != before
    fields = store.get_record(oma).fields
    assert (fields["map_x"], fields["map_y"]) == (round(moved.x()), round(moved.y()))
    assert fields["eco_x"] is None  # the ecogram keeps its own places
    view.controller.undo_stack.undo()
    settle(view, tab, session, qtbot)
    assert store.get_record(oma).fields["map_x"] is None
    assert tab.scene.people[oma].pos() == before  # back where the layout puts her
    view.controller.undo_stack.redo()
    settle(view, tab, session, qtbot)
    assert tab.scene.people[oma].pos() == moved


def test_moving_several_people_is_one_undo_step(opened, case, store, session, qtbot):
    view, tab = opened
    _record, people, _ = case
    oma, buur = people["Oma Testdorp"].id, people["Buurman Jansen"].id
    click(tab, oma)
    click(tab, buur, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(tab.view, Qt.Key.Key_Right)
    settle(view, tab, session, qtbot)
    assert view.controller.undo_stack.count() == 1
    assert store.get_record(oma).fields["map_x"] is not None
    assert store.get_record(buur).fields["map_x"] is not None
    view.controller.undo_stack.undo()
    settle(view, tab, session, qtbot)
    assert store.get_record(oma).fields["map_x"] is None
    assert store.get_record(buur).fields["map_x"] is None


def test_change_a_tie_in_the_side_panel(opened, case, store, session, qtbot):
    view, tab = opened
    _record, _people, ties = case
    tab.list.setFocus()
    tab.list.setCurrentIndex(tab.list_model.index_of(ties["oma"].id))
    assert tab.scene.selected_ties() == [ties["oma"].id]
    combo = tab.tie_form.editors["quality"].widget
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)
    settle(view, tab, session, qtbot)
    changed = store.get_record(ties["oma"].id).fields["quality"]
    assert changed not in ("conflict", None)
    assert tab.scene.ties[ties["oma"].id].tie.quality == changed
    view.controller.undo_stack.undo()
    settle(view, tab, session, qtbot)
    assert store.get_record(ties["oma"].id).fields["quality"] == "conflict"


def test_change_a_tie_from_the_context_menu(opened, case, store, session, qtbot):
    view, tab = opened
    _record, _people, ties = case
    tab.list.setCurrentIndex(tab.list_model.index_of(ties["buur"].id))
    tab._context_menu(QPoint(10, 10))
    menu = tab.last_menu
    band = next(a.menu() for a in menu.actions() if a.menu() and a.text() == "Band")
    next(a for a in band.actions() if a.text() == "Strong").trigger()
    settle(view, tab, session, qtbot)
    assert store.get_record(ties["buur"].id).fields["quality"] == "strong"
    menu.close()


def test_delete_a_person_with_their_ties_and_undo_brings_both_back(opened, case, store,
                                                                   session, qtbot):
    view, tab = opened
    record, people, ties = case
    buur = people["Buurman Jansen"].id
    click(tab, buur)
    QTest.keyClick(tab.view, Qt.Key.Key_Delete)
    settle(view, tab, session, qtbot)
    assert store.get_record(buur).deleted and store.get_record(ties["buur"].id).deleted
    assert buur not in tab.scene.people and ties["buur"].id not in tab.scene.ties
    view.controller.undo_stack.undo()
    settle(view, tab, session, qtbot)
    again = [p for p in store.list_records("person", record.id)
             if p.fields["name"] == "Buurman Jansen"]
    assert len(again) == 1
    tie = [t for t in store.list_records("relationship", record.id)
           if t.fields["from_person_id"] == again[0].id]
    assert len(tie) == 1 and tie[0].fields["support"] == ["P"]
    assert again[0].id in tab.scene.people and tie[0].id in tab.scene.ties
    view.controller.undo_stack.redo()
    settle(view, tab, session, qtbot)
    assert store.get_record(again[0].id).deleted


def test_an_edit_that_arrives_by_sync_shows_without_moving_what_is_dragged(
        opened, case, store, session, qtbot):
    view, tab = opened
    record, people, _ = case
    oma, buur = people["Oma Testdorp"].id, people["Buurman Jansen"].id
    tab.view.centerOn(tab.scene.people[oma])
    start = at(tab, oma)
    drag(tab, start, start + QPoint(60, 40), release=False)
    held = tab.scene.people[oma].pos()
    # As the sync engine applies a pulled change: straight into the store, then announced.
    store.update_record(oma, {"name": "Oma Greet", "map_x": -900, "map_y": -900})
    store.update_record(buur, {"map_x": 700, "map_y": 20})
    with qtbot.waitSignal(tab.loaded):
        session.announce(ChangeNotice(frozenset({"person"}), frozenset({record.id}), "sync"))
    assert tab.scene.people[oma].person.name == "Oma Greet"
    assert tab.scene.people[oma].pos() == held  # the worker's hand wins while dragging
    assert tab.scene.people[buur].pos() == QPointF(700, 20)
    QTest.mouseRelease(tab.view.viewport(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, start + QPoint(60, 40))
    settle(view, tab, session, qtbot)
    fields = store.get_record(oma).fields
    assert (fields["map_x"], fields["map_y"]) == (round(held.x()), round(held.y()))


def test_take_a_snapshot_then_compare_it_with_now(opened, case, store, session, qtbot):
    view, tab = opened
    record, people, ties = case
    button = next(b for b in tab.toolbar.findChildren(QToolButton)
                  if b.defaultAction() is tab.snapshot_action)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(view, tab, session, qtbot)
    snapshots = store.list_records("map_snapshot", record.id)
    assert len(snapshots) == 1 and "Oma Testdorp" in snapshots[0].fields["content"]
    assert not view.controller.undo_stack.count()  # a snapshot is kept, never undone
    tab.set_tie_field(ties["oma"].id, "quality", "close")
    click(tab, people["Buurman Jansen"].id)
    QTest.keyClick(tab.view, Qt.Key.Key_Delete)
    settle(view, tab, session, qtbot)
    tab.compare_action.trigger()
    qtbot.waitUntil(lambda: tab.compare_dialog is not None)
    assert tab.compare_dialog.texts() == [
        "Buurman Jansen is no longer in the network",
        "Tie ended: Buurman Jansen – Moeder Testdorp (Neighbour)",
        "Oma Testdorp – Moeder Testdorp: bond was Quarrelling, is now Close",
    ]
    tab.compare_dialog.after.setCurrentIndex(0)  # the snapshot against itself
    assert tab.compare_dialog.texts() == ["Nothing changed between these two moments."]
    view.clear()
    assert tab.compare_dialog is None


def test_opening_another_case_while_the_map_reads_shows_the_other_case(
        opened, case, store, session, qtbot):
    view, tab = opened
    record, _people, _ties = case
    other = store.create_record("case", {"title": "Familie Anders", "team_id": TEAM_NOORD})
    someone = store.create_record("person", {"name": "Iemand Anders"}, case_id=other.id)
    # A sync makes the map read its case again; before that read is back, the worker opens
    # another family.
    session.announce(ChangeNotice(frozenset({"person"}), frozenset({record.id}), "sync"))
    view.open_case(other.id)
    qtbot.waitUntil(lambda: tab.loaded_case == other.id)
    assert set(tab.scene.people) == {someone.id}


def test_rename_a_person_in_the_side_panel(opened, case, store, session, qtbot):
    view, tab = opened
    _record, people, _ties = case
    oma = people["Oma Testdorp"].id
    click(tab, oma)
    name = tab.person_form.editors["name"].widget
    assert tab.details.currentWidget() is tab.person_form and name.text() == "Oma Testdorp"
    name.setFocus()
    name.selectAll()
    QTest.keyClicks(name, "Oma Greet")
    QTest.keyClick(name, Qt.Key.Key_Return)
    settle(view, tab, session, qtbot)
    assert store.get_record(oma).fields["name"] == "Oma Greet"
    assert tab.scene.people[oma].person.name == "Oma Greet"
    view.controller.undo_stack.undo()
    settle(view, tab, session, qtbot)
    assert store.get_record(oma).fields["name"] == "Oma Testdorp"
    assert name.text() == "Oma Testdorp"


def test_choose_whose_view_the_map_shows(opened, case, store, session, qtbot):
    view, tab = opened
    record, people, ties = case
    mother, oma = people["Moeder Testdorp"].id, people["Oma Testdorp"].id
    hers = store.create_record("relationship", {
        "from_person_id": oma, "to_person_id": mother, "type": "family",
        "quality": "hostile", "according_to": oma}, case_id=record.id)
    store.update_record(ties["oma"].id, {"quality": "close", "according_to": mother})
    with qtbot.waitSignal(tab.loaded):
        session.announce(ChangeNotice(frozenset({"relationship"}), frozenset({record.id}),
                                      "sync"))
    combo = tab.viewpoint
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All views", "According to Moeder Testdorp", "According to Oma Testdorp"]
    assert tab.scene.disputed == {hers.id, ties["oma"].id}
    assert "≠: people see this tie differently (choose whose view)" in tab.legend.texts()
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # according to the mother
    assert set(tab.scene.ties) == {ties["oma"].id, ties["parent"].id, ties["buur"].id}
    assert "According to Moeder Testdorp" in tab.list_model.index_of(ties["oma"].id).data()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # according to the grandmother
    assert hers.id in tab.scene.ties and ties["oma"].id not in tab.scene.ties
    view.clear()
    assert tab.viewpoint.count() == 1  # no name of the family is left in the list


def test_a_conflict_on_a_tie_shows_on_the_map_and_leads_to_choosing(opened, case, store,
                                                                     session, qtbot):
    import uuid

    from sync.protocol import Conflict, PullResponse

    view, tab = opened
    record, _people, ties = case
    tie = store.get_record(ties["buur"].id)
    # As a pull delivers it: the tie as the service kept it, and the conflict beside it.
    pulled = tie.model_copy(update={"rev": 5, "fields": {**tie.fields, "quality": "strong"}})
    conflict = Conflict(id=str(uuid.uuid4()), record_id=tie.id, case_id=record.id,
                        kind="relationship", field="quality", base="normal", kept="strong",
                        incoming="weak", kept_by="u-other", incoming_by=ME,
                        created_at="2026-11-20T10:00:00Z")
    store.apply_pull_page(PullResponse(records=[pulled], conflicts=[conflict],
                                       revoked_case_ids=[], cursor="9", more=False))
    with qtbot.waitSignal(tab.loaded):
        session.announce(ChangeNotice(frozenset(), frozenset({record.id}), "sync"))
    assert tab.scene.conflicted == {tie.id}
    assert "(two versions: choose which stays)" in tab.list_model.index_of(tie.id).data()
    assert any(text.startswith("!:") for text in tab.legend.texts())
    tab.list.setCurrentIndex(tab.list_model.index_of(tie.id))
    tab._context_menu(QPoint(10, 10))
    choose = next(a for a in tab.last_menu.actions() if a.text() == "Choose between the versions…")
    with qtbot.waitSignal(tab.conflict_chosen) as chosen:
        choose.trigger()
    assert chosen.args == [tie.id]
    tab.last_menu.close()


def test_choose_two_people_in_the_list_and_connect_them_by_keyboard(opened, case, store,
                                                                    session, qtbot):
    view, tab = opened
    record, people, _ties = case
    buur, mother = people["Buurman Jansen"].id, people["Moeder Testdorp"].id
    tab.list.setFocus()
    tab.list.setCurrentIndex(tab.list_model.index_of(buur))  # the first person, by name
    QTest.keyClick(tab.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert tab.scene.selected_people() == sorted([buur, mother])
    QTest.keyClick(tab.list, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    settle(view, tab, session, qtbot)
    made = [t for t in store.list_records("relationship", record.id)
            if t.fields["type"] == "family"]
    assert len(made) == 1
    assert {made[0].fields["from_person_id"], made[0].fields["to_person_id"]} == {buur, mother}
    # Choosing on the map shows in the list, and back.
    click(tab, mother)
    chosen = tab.list.selectionModel().selectedIndexes()
    assert [i.data(ID_ROLE) for i in chosen] == [mother]


def test_an_edit_in_the_people_tab_shows_on_the_map(opened, case, store, session, qtbot):
    view, tab = opened
    record, people, _ties = case
    oma = people["Oma Testdorp"].id
    view.tabs.setCurrentWidget(view.people)
    qtbot.waitUntil(lambda: view.people.loaded_case == record.id)
    view.people.select_record(oma)
    name = view.people.form.editors["name"].widget
    name.setFocus()
    name.selectAll()
    QTest.keyClicks(name, "Oma Greet")
    QTest.keyClick(name, Qt.Key.Key_Return)
    settle(view, tab, session, qtbot)
    assert store.get_record(oma).fields["name"] == "Oma Greet"
    view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loaded_case == record.id)
    assert tab.scene.people[oma].person.name == "Oma Greet"


def test_at_1280_by_800_the_drawing_takes_most_of_the_width(session, case, qtbot):
    """A common laptop screen: the map opens wide beside a narrower, still usable side panel
    (the list, the editor and the legend), without the worker dragging the handle."""
    from PySide6.QtWidgets import QScrollArea, QSplitter

    record, _people, _ties = case
    view, tab = one_tab_view(qtbot, session, NetworkMapTab, size=(1280, 800))
    open_on_tab(qtbot, view, tab, record.id)
    main = next(s for s in tab.findChildren(QSplitter)
                if s.orientation() == Qt.Orientation.Horizontal)
    drawing, side = main.sizes()
    assert tab.view.width() == drawing
    assert drawing >= 0.65 * tab.width(), main.sizes()
    assert side >= 220, main.sizes()  # the list and the editor stay readable
    # Nothing chosen: the hint wraps in the panel, not cut off for a wider editor unseen.
    area = next(a for a in tab.findChildren(QScrollArea) if a.widget() is tab.details)
    qtbot.waitUntil(lambda: area.viewport().width() > 0)
    assert tab.details.currentWidget() is tab.nothing_chosen
    assert area.horizontalScrollBar().maximum() == 0
