"""The network map tab over a real store, used as a worker does: toolbar, keys, clicks,
drags and the context menu; undo and redo; a sync arriving while the map is open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolButton

from desktop.casefile.view import CaseFileView, open_and_wait
from desktop.networkmap.listmodel import ID_ROLE
from desktop.networkmap.tab import NetworkMapTab
from desktop.networkmap.words import legend_text
from desktop.operations import ChangeNotice
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
    view = CaseFileView(session)
    tab = NetworkMapTab(view.controller, view)
    view.add_tab(tab, "Network map")
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    view.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    assert open_and_wait(view, record.id)
    view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loaded_case == record.id)
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


def test_the_list_model_of_an_empty_and_a_faulty_map(qtmodeltester, qapp):
    from dataclasses import dataclass, field

    from desktop.networkmap.listmodel import MapListModel
    from desktop.networkmap.model import build

    @dataclass
    class Rec:
        id: str
        fields: dict = field(default_factory=dict)
        deleted: bool = False

    model = MapListModel()
    qtmodeltester.check(model)
    model.set_model(build([Rec("a", {"name": "A"})], [
        Rec("t", {"from_person_id": "a", "to_person_id": "a", "type": "friend"}),
        Rec("u", {"from_person_id": "a", "to_person_id": "gone"})]), "genogram")
    qtmodeltester.check(model)
    faults = model.index(2, 0)
    assert faults.data() == "What does not add up (2)"
    assert {model.index(i, 0, faults).data(ID_ROLE) for i in range(2)} == {"t", "u"}


def test_every_style_and_bad_data_draw_in_both_views(qapp):
    """Paint every tie type and quality, every symbol and the faults, in both views: the
    drawing never raises, and the legend names each style in words."""
    from dataclasses import dataclass, field

    from PySide6.QtGui import QImage, QPainter

    from desktop.networkmap.model import build
    from desktop.networkmap.scene import MapScene
    from sync.schema import QUALITIES, RELATIONSHIP_TYPES

    @dataclass
    class Rec:
        id: str
        fields: dict = field(default_factory=dict)
        deleted: bool = False

    genders = ["m", "f", "x", None]
    people = [Rec(f"p{i:02d}", {"name": f"Persoon {i}", "gender": genders[i % 4],
                                "deceased": i % 5 == 0, "index_person": i % 7 == 0,
                                "circle": ["household", "family", "network", "professional"][
                                    i % 4], "ring": 1 + i % 3, "birth_date": "2001-02-03"})
              for i in range(24)]
    ties = []
    for i, kind in enumerate([*RELATIONSHIP_TYPES, "from-a-newer-laptop"]):
        for j, quality in enumerate([*QUALITIES, "unheard-of", None]):
            if (i + j) % 3:
                continue
            ties.append(Rec(f"t{i:02d}{j:02d}", {
                "from_person_id": f"p{i % 24:02d}", "to_person_id": f"p{(i + j + 1) % 24:02d}",
                "type": kind, "quality": quality,
                "direction": ["none", "to", "from", "both", None][j % 5],
                "support": ["P", "G", "A", "E"][: j % 5]}))
    ties.append(Rec("self", {"from_person_id": "p01", "to_person_id": "p01"}))
    ties.append(Rec("gone", {"from_person_id": "p01", "to_person_id": "nobody"}))
    model = build(people, ties)
    scene = MapScene()
    for view_name in ("genogram", "ecogram"):
        scene.show_model(model, view_name)
        image = QImage(1600, 1200, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        scene.render(painter)
        painter.end()
        assert image.pixelColor(800, 600).isValid()
        texts = [legend_text(key) for key in scene.legend_keys()]
        assert all(t and "_" not in t for t in texts), texts
        assert "Question mark: something here does not add up (see the list)" in texts
    assert {k for k in scene.legend_keys() if k[0] == "quality"} >= {
        ("quality", q) for q in QUALITIES}


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


@pytest.fixture(scope="module")
def canvas():
    from PySide6.QtGui import QImage

    return QImage(400, 300, QImage.Format.Format_ARGB32)


def test_random_bad_data_always_draws(qapp, canvas):
    """Whatever the records hold, both views draw, the list and the legend fill in."""
    from hypothesis import given
    from PySide6.QtGui import QPainter

    from desktop.networkmap.listmodel import MapListModel
    from desktop.networkmap.model import build
    from desktop.networkmap.scene import MapScene
    from tests.depth import property_settings
    from tests.unit.test_network_layout import graphs

    @property_settings(15)
    @given(graphs(max_people=25))
    def draws(graph):
        people, ties = graph
        model = build(people, ties)
        scene = MapScene()
        listed = MapListModel()
        for view_name in ("genogram", "ecogram"):
            scene.show_model(model, view_name)
            painter = QPainter(canvas)
            scene.render(painter)
            painter.end()
            assert all(legend_text(key) for key in scene.legend_keys())
            listed.set_model(model, view_name)
            assert listed.rowCount() == (3 if model.problems else 2)
        scene.deleteLater()

    draws()


def test_at_1280_by_800_the_drawing_takes_most_of_the_width(session, case, qtbot):
    """A common laptop screen: the map opens wide beside a narrower, still usable side panel
    (the list, the editor and the legend), without the worker dragging the handle."""
    from PySide6.QtWidgets import QScrollArea, QSplitter

    record, _people, _ties = case
    view = CaseFileView(session)
    tab = NetworkMapTab(view.controller, view)
    view.add_tab(tab, "Network map")
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    assert open_and_wait(view, record.id)
    view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loaded_case == record.id)
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


def test_a_fitted_map_stays_fitted_as_the_view_grows_until_the_worker_zooms(qtbot):
    """The tab fits the map when it loads, often while its splitter is still settling: the
    drawing follows the view's size until the worker zooms or pans by hand."""
    from desktop.networkmap.scene import MapScene
    from desktop.networkmap.view import MapView

    scene = MapScene()
    scene.addRect(0, 0, 1000, 500)
    view = MapView(scene)
    qtbot.addWidget(view)
    view.resize(300, 300)
    view.show()
    qtbot.waitExposed(view)
    view.fit()
    narrow = view.transform().m11()
    view.resize(900, 600)
    qtbot.waitUntil(lambda: view.viewport().width() > 800)
    assert view.transform().m11() > 2 * narrow
    view.zoom_in()  # the toolbar's button
    zoomed = view.transform().m11()
    view.resize(400, 400)
    qtbot.waitUntil(lambda: view.viewport().width() < 450)
    assert view.transform().m11() == pytest.approx(zoomed)


def test_touch_pinch_zooms_one_finger_pans_and_a_finger_beside_a_person_takes_them(qtbot):
    """On a 2-in-1 laptop: two fingers spread zoom in, one finger on empty paper moves the
    paper, a finger that lands just beside a symbol still picks and drags that person."""
    from dataclasses import dataclass, field

    from PySide6.QtGui import QInputDevice

    from desktop.networkmap.model import build
    from desktop.networkmap.scene import MapScene
    from desktop.networkmap.style import RADIUS
    from desktop.networkmap.view import MapView

    @dataclass
    class Rec:
        id: str
        fields: dict = field(default_factory=dict)
        deleted: bool = False

    scene = MapScene()
    scene.show_model(build([Rec(f"p{i}", {"name": f"Persoon {i}", "gender": "fm"[i % 2]})
                            for i in range(12)], []), "genogram")
    view = MapView(scene)
    view.setSceneRect(-2000, -2000, 4000, 4000)  # the paper stays put while a person moves
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    viewport = view.viewport()
    finger = QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)

    def touch():
        return QTest.touchEvent(viewport, finger)

    empty = QPoint(400, 560)  # below the one row of people
    assert view.itemAt(empty) is None
    before = view.transform().m11()
    touch().press(0, empty, viewport).press(1, empty + QPoint(100, 0), viewport).commit()
    touch().move(0, empty - QPoint(50, 0), viewport).move(
        1, empty + QPoint(150, 0), viewport).commit()
    touch().release(0, empty - QPoint(50, 0), viewport).release(
        1, empty + QPoint(150, 0), viewport).commit()
    assert view.transform().m11() == pytest.approx(2 * before)  # the fingers twice as far apart

    bar = view.horizontalScrollBar()
    assert bar.maximum() > bar.minimum()
    start = bar.value()
    touch().press(0, empty, viewport).commit()
    touch().move(0, empty - QPoint(80, 0), viewport).commit()
    touch().release(0, empty - QPoint(80, 0), viewport).commit()
    assert bar.value() == start + 80  # the paper follows the finger
    assert not scene.selected_people()  # and no rubber band chose anyone

    view.resetTransform()
    person = scene.people["p3"]
    view.centerOn(person)
    # 9 px right of the symbol's edge: a fingertip's miss, beyond the old 4 px handle.
    beside = view.mapFromScene(person.scenePos()) + QPoint(RADIUS + 9, 0)
    touch().press(0, beside, viewport).commit()
    touch().move(0, beside + QPoint(10, 40), viewport).commit()
    touch().move(0, beside + QPoint(20, 80), viewport).commit()
    touch().release(0, beside + QPoint(20, 80), viewport).commit()
    assert scene.selected_people() == ["p3"]
    assert person.pos().y() == pytest.approx(80)


def _rec(record_id: str, **fields):
    from types import SimpleNamespace

    return SimpleNamespace(id=record_id, fields=fields, deleted=False)


def test_twins_lines_start_from_one_point_on_the_parents_line(qapp):
    """Twins: the child lines from each parent part at one point between the twins; a
    brother who is not a twin keeps his own line; the legend says it."""
    from desktop.networkmap.model import build
    from desktop.networkmap.scene import MapScene

    people = [_rec("ma", name="Moeder", gender="f", birth_date="1985-01-01"),
              _rec("pa", name="Vader", gender="m", birth_date="1984-01-01"),
              _rec("t1", name="Tweeling Een", gender="f", birth_date="2015-03-04"),
              _rec("t2", name="Tweeling Twee", gender="m", birth_date="2015-03-04"),
              _rec("br", name="Broer", gender="m", birth_date="2012-01-01")]
    ties = [_rec("p0", from_person_id="pa", to_person_id="ma", type="married"),
            *[_rec(f"c{n}{k}", from_person_id=parent, to_person_id=kid, type="parent_child")
              for n, parent in enumerate(("ma", "pa")) for k, kid in enumerate(("t1", "t2",
                                                                                 "br"))],
            _rec("tw", from_person_id="t1", to_person_id="t2", type="twin")]
    scene = MapScene()
    scene.show_model(build(people, ties), "genogram")

    def corners(tie_id):
        path = scene.ties[tie_id]._path
        return [path.elementAt(i) for i in range(path.elementCount())]

    # From the parents' line: down, along the sibling line, to the child.
    forks = {(round(c[-2].x), round(c[-2].y)) for c in (corners(f"c{n}{k}") for n in (0, 1)
                                                     for k in (0, 1))}
    assert len(forks) == 1  # all four lines to the twins turn at one point
    fork_x, _ = forks.pop()
    twins_x = [scene.people[t].pos().x() for t in ("t1", "t2")]
    assert min(twins_x) < fork_x < max(twins_x)
    for k in (0, 1):  # and slant from there to each twin
        assert round(corners(f"c0{k}")[-1].x) == scene.people[("t1", "t2")[k]].pos().x()
    brother = corners("c02")
    assert brother[-2].x == brother[-1].x == scene.people["br"].pos().x()  # straight down
    assert ("twins",) in scene.legend_keys() and ("other",) not in scene.legend_keys()
    assert legend_text(("twins",)) == "Twins (two lines from one point)"


def test_an_ended_tie_is_drawn_faded_with_its_year_and_its_dates_in_the_tooltip(qapp):
    from PySide6.QtGui import QColor, QImage, QPainter

    from desktop.networkmap.model import build
    from desktop.networkmap.scene import MapScene

    people = [_rec("a", name="Persoon A", circle="household"),
              _rec("b", name="Persoon B", circle="network", ring=1),
              _rec("c", name="Persoon C", circle="network", ring=1)]

    def scene_with(**when):
        scene = MapScene()
        scene.show_model(build(people, [_rec("t", from_person_id="a", to_person_id="b",
                                             type="friend", quality="strong", **when)]),
                         "ecogram")
        return scene

    def darkest_on_line(scene):
        image = QImage(600, 600, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        scene.render(painter, image.rect(), scene.sceneRect().toRect())
        painter.end()
        item = scene.ties["t"]
        middle = item._path.pointAtPercent(0.5)
        spot = scene.sceneRect().toRect()
        x = round((middle.x() - spot.x()) * 600 / spot.width())
        y = round((middle.y() - spot.y()) * 600 / spot.height())
        return min(image.pixelColor(x + dx, y + dy).lightness()
                   for dx in range(-3, 4) for dy in range(-3, 4))

    over = scene_with(since="2019-03-01", until="2024-06-30")
    still = scene_with(since="2019-03-01", until="2999-01-01")
    assert over.ties["t"].ended and not still.ties["t"].ended
    assert darkest_on_line(over) > darkest_on_line(still) + 60  # faded, not gone
    tip = over.ties["t"].toolTip()
    assert "Friend" in tip and "since 01-03-2019" in tip and "until 30-06-2024" in tip
    assert ("ended",) in over.legend_keys() and ("ended",) not in still.legend_keys()
    assert not scene_with(until="some day").ties["t"].ended  # unreadable: never ended
