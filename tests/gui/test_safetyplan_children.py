"""The children's version of the plan, used as a person does: writing a child's words in a
room of the Three Houses or the Safety House, undoing it, the Words and Pictures story, the
child-friendly view with its pictograms, and words whose child left the case."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel

from desktop.casefile.editors import SAVE_DELAY_MS
from desktop.safetyplan.children_data import PARTS, child_words, is_child
from desktop.safetyplan.children_panel import ChildrenPanel
from desktop.safetyplan.children_pictograms import ROOM_PICTOGRAMS, pictogram_path
from desktop.safetyplan.children_view import TEXT_PT, ChildrenViewDialog
from storage.store import CaseStore
from sync.protocol import Record
from tests.gui.acting import choose, click, click_tab, type_into, wheel
from tests.gui.plan_tab import open_plan, plan_view, settle

pytestmark = pytest.mark.gui

TEAM = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"
ME = "11111111-1111-4111-8111-111111111111"
TODAY = dt.date.today()


def years_ago(years: int) -> str:
    return TODAY.replace(year=TODAY.year - years, day=min(TODAY.day, 28)).isoformat()


@pytest.fixture
def store(tmp_path):
    store = CaseStore.create(tmp_path / "data", "fictional passphrase for tests")
    store.set_setting("user", {"id": ME, "username": "demo", "display_name": "Demo Werker",
                               "role": "worker", "team_ids": [TEAM]})
    yield store
    from PySide6.QtCore import QThreadPool
    QThreadPool.globalInstance().waitForDone(5000)
    store.close()


@pytest.fixture
def family(store):
    """A fictional household: a mother, two children (one marked, one by age), a neighbour."""
    case = store.create_record("case", {"title": "Familie Bloem", "team_id": TEAM,
                                        "status": "active", "contact_worker_id": ME})
    people = {}
    for key, fields in {
        "mama": {"name": "Ilse Bloem", "circle": "household", "birth_date": years_ago(38)},
        "noor": {"name": "Noor Bloem", "circle": "household", "index_person": True,
                 "birth_date": years_ago(9)},
        "tim": {"name": "Tim Bloem", "circle": "household", "birth_date": years_ago(6)},
        "buur": {"name": "Kees Akker", "circle": "network"},
    }.items():
        people[key] = store.create_record("person", fields, case_id=case.id)
    plan = store.create_record("safety_plan", {"title": "Plan", "status": "draft",
                                               "version": 1}, case_id=case.id)
    return case, plan, people


tab = pytest.fixture(plan_view, name="tab")


def open_children(tab, case, qtbot):
    plan_tab = open_plan(tab, case, qtbot)
    click_tab(qtbot, plan_tab.parts, plan_tab.children)
    return plan_tab


def voices(store, case):
    return [i for i in store.list_records(kind="plan_item", case_id=case.id)
            if i.fields["section"] == "child_voice"]


def test_a_childs_worry_is_written_in_their_room_and_undone(tab, family, store, qtbot):
    case, plan, people = family
    plan_tab = open_children(tab, case, qtbot)
    panel = plan_tab.children
    # The children of the case, and only they: the one marked and the one under 18.
    names = [panel.child_box.itemText(i) for i in range(panel.child_box.count())]
    assert names == ["Noor Bloem", "Tim Bloem"]
    choose(qtbot, panel.child_box, "child:" + people["tim"].id)
    worries = panel.rooms["worries"]
    type_into(qtbot, worries.field, "Als papa hard praat")
    qtbot.keyClick(worries.field, Qt.Key.Key_Return)
    settle(tab, qtbot)
    [item] = voices(store, case)
    assert item.fields == {**item.fields, "plan_id": plan.id, "section": "child_voice",
                           "who": people["tim"].id, "part": "worries",
                           "text": "Als papa hard praat"}
    assert [worries.words.item(i).text() for i in range(worries.words.count())] == [
        "Als papa hard praat"]
    assert worries.field.text() == ""
    assert panel.child_box.currentData() == "child:" + people["tim"].id  # kept over the reload

    type_into(qtbot, panel.rooms["safe_people"].field, "Oma")
    click(qtbot, panel.rooms["safe_people"].button)
    settle(tab, qtbot)
    assert sorted(i.fields["part"] for i in voices(store, case)) == ["safe_people", "worries"]

    plan_tab.controller.undo_stack.undo()
    settle(tab, qtbot)
    assert [i.fields["part"] for i in voices(store, case)] == ["worries"]
    plan_tab.controller.undo_stack.undo()
    settle(tab, qtbot)
    assert voices(store, case) == []
    assert worries.words.count() == 0


def test_the_story_for_the_children_is_typed_and_undone(tab, family, store, qtbot):
    case, plan, _ = family
    plan_tab = open_children(tab, case, qtbot)
    wheel(plan_tab.children.scroll.viewport(), -10)  # down to the story, under the houses
    edit = plan_tab.children.story_form.editors["children_version"].widget
    type_into(qtbot, edit, "Papa en mama maakten vaak ruzie.")
    qtbot.wait(SAVE_DELAY_MS + 100)
    settle(tab, qtbot)
    assert store.get_record(plan.id).fields["children_version"] == \
        "Papa en mama maakten vaak ruzie."
    plan_tab.controller.undo_stack.undo()
    settle(tab, qtbot)
    assert not store.get_record(plan.id).fields.get("children_version")


def test_the_childrens_version_shows_the_words_large_with_their_pictogram(
        tab, family, store, qtbot):
    case, plan, people = family
    store.update_record(plan.id, {"children_version": "Iedereen helpt mee."})
    store.create_record("plan_item", {
        "plan_id": plan.id, "section": "child_voice", "who": people["noor"].id,
        "part": "dreams", "text": "Dat we weer samen eten", "position": "a"},
        case_id=case.id)
    plan_tab = open_children(tab, case, qtbot)
    panel = plan_tab.children
    type_into(qtbot, panel.rooms["worries"].field, "Ik ben bang 's nachts")
    qtbot.keyClick(panel.rooms["worries"].field, Qt.Key.Key_Return)
    settle(tab, qtbot)
    # Keyboard: Alt and the button's letter open it, as for any button.
    panel.view_button.setFocus()
    qtbot.keyClick(panel.view_button, Qt.Key.Key_Space)
    dialog = panel.view_dialog
    assert isinstance(dialog, ChildrenViewDialog)
    qtbot.waitUntil(dialog.isVisible)
    page = dialog.page
    shown = {label.text(): label for label in page.word_labels}
    assert set(shown) == {"\u201cIk ben bang 's nachts\u201d", "\u201cDat we weer samen eten\u201d"}
    worry = shown["\u201cIk ben bang 's nachts\u201d"]
    assert worry.font().pointSize() >= 20
    # Its pictogram stands beside it in the same room: the house with a cloud.
    room = worry.parentWidget()
    [picture] = [p for p in room.findChildren(QLabel) if p.objectName().startswith("pictogram")]
    assert picture.objectName() == "pictogram.worries"
    assert not picture.pixmap().isNull() and picture.isVisible()
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert "In the words of Noor Bloem" in texts and "Iedereen helpt mee." in texts
    assert all(label.font().pointSize() >= TEXT_PT for label in page.findChildren(QLabel)
               if label.text())
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_words_of_a_child_removed_from_the_case_are_kept_and_shown(tab, family, store, qtbot):
    case, plan, people = family
    store.create_record("plan_item", {
        "plan_id": plan.id, "section": "child_voice", "who": people["tim"].id,
        "part": "good_things", "text": "Voetbal met de buurjongen", "position": "a"},
        case_id=case.id)
    store.delete_record(people["tim"].id)  # removed, on this or another laptop
    plan_tab = open_children(tab, case, qtbot)
    panel = plan_tab.children
    names = [panel.child_box.itemText(i) for i in range(panel.child_box.count())]
    assert names == ["Noor Bloem", "A child who is no longer in this case"]
    choose(qtbot, panel.child_box, panel.child_box.itemData(1))
    room = panel.rooms["good_things"]
    assert room.words.item(0).text() == "Voetbal met de buurjongen"
    assert "removed from the case" in panel.note_label.text() and panel.note_label.isVisible()
    assert not room.field.isEnabled()  # no new words for a child who is not there
    click(qtbot, panel.view_button)
    page = panel.view_dialog.page
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert "A child who is no longer in this case" in texts
    assert "\u201cVoetbal met de buurjongen\u201d" in texts
    panel.view_dialog.close()


def test_every_room_has_a_pictogram_that_draws(qapp):
    for part in PARTS:
        renderer = QSvgRenderer(str(pictogram_path(ROOM_PICTOGRAMS[part])))
        assert renderer.isValid(), part
    for name in ("safety_house", "three_houses"):
        assert QSvgRenderer(str(pictogram_path(name))).isValid(), name


def _record(kind: str, fields: dict, record_id: str, deleted: bool = False) -> Record:
    return Record(id=record_id, kind=kind, case_id="c", rev=1, deleted=deleted,
                  fields=fields, updated_by=None, updated_at="2026-01-01T00:00:00+00:00")


def test_who_is_a_child_and_where_odd_words_go():
    today = dt.date(2026, 6, 1)
    adult = _record("person", {"name": "A", "circle": "household",
                               "birth_date": "2008-05-31"}, "p1")
    teen = _record("person", {"name": "B", "circle": "household",
                              "birth_date": "2008-06-02"}, "p2")
    cousin = _record("person", {"name": "C", "circle": "family",
                                "birth_date": "2018-01-01"}, "p3")
    marked = _record("person", {"name": "D", "index_person": True}, "p4")
    assert [is_child(p, today) for p in (adult, teen, cousin, marked)] == [
        False, True, False, True]
    gone = "0b1d2c3e-4f50-4a61-8b72-93a4b5c6d7e8"
    items = [_record("plan_item", {"section": "child_voice", "who": who, "part": part,
                                   "text": text, "position": pos}, f"i{n}")
             for n, (who, part, text, pos) in enumerate([
                 ("p2", "rules", "Niet slaan", "b"), ("p2", "rules", "Rustig praten", "a"),
                 (gone, "path", "Eerst praten", "a"), ("Sem", "dreams", "Een hond", "a"),
                 (None, "worries", "Ruzie", "a"), ("p2", "kitchen", "Soep", "a")])]
    groups = child_words(items, [adult, teen, cousin, marked], today)
    summary = [(g.kind, g.name, {p: [i.fields["text"] for i in v] for p, v in g.words.items()})
               for g in groups]
    assert summary == [
        ("child", "B", {"rules": ["Rustig praten", "Niet slaan"], "": ["Soep"]}),
        ("child", "D", {}),
        ("removed", "", {"path": ["Eerst praten"]}),
        ("named", "Sem", {"dreams": ["Een hond"]}),
        ("nobody", "", {"worries": ["Ruzie"]}),
    ]


def test_the_childrens_page_scrolls_down_never_sideways(qtbot):
    """Beside the case list the case file is narrow: the rooms go under each other."""
    panel = ChildrenPanel()
    qtbot.addWidget(panel)
    plan = _record("safety_plan", {"status": "draft", "children_version": "Een verhaal."}, "pl")
    child = _record("person", {"name": "Noor", "index_person": True}, "p1")
    panel.show_plan(plan, [], [child])
    panel.resize(460, 700)
    panel.show()
    qtbot.waitUntil(lambda: panel.rooms["worries"].isVisible())
    bar = panel.scroll.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() == 0, timeout=2000)
    qtbot.waitUntil(lambda: panel.rooms["dreams"].y() > panel.rooms["worries"].y())
    panel.resize(1300, 700)
    qtbot.waitUntil(lambda: panel.rooms["dreams"].y() == panel.rooms["worries"].y())


def test_the_childrens_version_prints_with_the_words_and_the_story(qapp, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from desktop.safetyplan.children_print import print_children

    child = _record("person", {"name": "Noor Bloem", "index_person": True}, "p1")
    items = [_record("plan_item", {"section": "child_voice", "who": "p1", "part": part,
                                   "text": text, "position": "a"}, f"i{n}")
             for n, (part, text) in enumerate([("worries", "Ik ben bang <'s nachts>"),
                                               ("path", "Eerst praten")])]
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "kinderversie.pdf"))
    print_children(child_words(items, [child], TODAY), "Iedereen helpt mee.", printer)
    pages = PdfReader(tmp_path / "kinderversie.pdf").pages
    assert len(pages[0].images) == 2  # the pictograms of the two rooms
    text = " ".join(page.extract_text() for page in pages)
    for words in ("In the words of Noor Bloem", "Ik ben bang <'s nachts>", "Eerst praten",
                  "Iedereen helpt mee.", "It is never your fault."):
        assert words in " ".join(text.split()), words


def test_words_taken_out_with_delete_come_back_with_undo(tab, family, store, qtbot):
    case, plan, people = family
    store.create_record("plan_item", {
        "plan_id": plan.id, "section": "child_voice", "who": people["noor"].id,
        "part": "rules", "text": "Niemand slaat", "position": "a"}, case_id=case.id)
    plan_tab = open_children(tab, case, qtbot)
    words = plan_tab.children.rooms["rules"].words
    click(qtbot, words.viewport(), words.visualItemRect(words.item(0)).center())
    qtbot.keyClick(words, Qt.Key.Key_Delete)
    settle(tab, qtbot)
    assert voices(store, case) == [] and words.count() == 0
    plan_tab.controller.undo_stack.undo()
    settle(tab, qtbot)
    [back] = voices(store, case)
    assert (back.fields["who"], back.fields["part"], back.fields["text"]) == (
        people["noor"].id, "rules", "Niemand slaat")
    assert words.item(0).text() == "Niemand slaat"
