"""The plan for the family: the PDF's text holds the agreements, the emergency numbers on a
page of their own, the children's version, the signatures, the date and the version; the
JSON holds the same; exporting and printing from the plan tab go where the worker chose and
are logged once each; the command line does the same without a display; the readability
hint follows what the worker types under the fields the family reads."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.casefile.editors import SAVE_DELAY_MS
from desktop.familyplan.content import family_plan
from desktop.familyplan.export import as_json, write
from desktop.familyplan.hint import ReadabilityHint, hint_text
from desktop.familyplan.readability import readability
from desktop.safetyplan.data import read_plan
from desktop.safetyplan.tab import PlanTab
from storage.store import CaseStore
from tests.gui.acting import one_tab_view, open_on_tab, print_to_file, save_in, shown_dialog
from tests.gui.conftest import signed_in
from tests.gui.toolbar_acting import press

pytestmark = pytest.mark.gui

PASS = "fictional passphrase for tests"
TEAM = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"
ME = "11111111-1111-4111-8111-111111111111"
SIGNED_IN = signed_in(ME, TEAM)
TODAY = dt.date(2026, 11, 29)

AGREEMENT = "Sanne belt oma als ze boos wordt"
IF_NOT_KEPT = "Dan komt oma de kinderen halen"
NUMBER = "06-11112222"  # fictional
STEP = "De kinderen gaan naar de buurvrouw"
CHILD_WORDS = "Ik wil dat mama rustig blijft"
STORY = "Mama en papa hadden ruzie. Nu helpt oma."
GONE = "99999999-9999-4999-8999-999999999999"  # a person no longer in the case, on no laptop


@pytest.fixture
def case(store):
    case = store.create_record("case", {"title": "Familie Vonk", "team_id": TEAM})
    mother = store.create_record("person", {"name": "Sanne Vonk", "circle": "household"},
                                 case_id=case.id)
    child = store.create_record("person", {"name": "Jesse Vonk", "circle": "household",
                                           "index_person": True}, case_id=case.id)
    plan = store.create_record("safety_plan", {
        "title": "Plan", "status": "agreed", "version": 2, "agreed_on": "2026-11-20",
        "agreed_by": [mother.id, GONE], "worries": "Er is veel ruzie thuis.",
        "children_version": STORY}, case_id=case.id)
    for position, section, fields in (
            ("a", "agreement", {"text": AGREEMENT, "who": mother.id, "when": "elke avond",
                                "if_not_kept": IF_NOT_KEPT}),
            ("b", "emergency_step", {"text": "Bel 112 als er nu gevaar is", "phone": "112"}),
            ("c", "emergency_step", {"text": STEP, "who": "de kinderen", "phone": NUMBER}),
            ("d", "child_voice", {"text": CHILD_WORDS, "who": child.id, "part": "dreams"})):
        store.create_record("plan_item", {"plan_id": plan.id, "section": section,
                                          "position": position, **fields}, case_id=case.id)
    return case


def pages_of(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


def page_with(pages: list[str], text: str) -> int:
    found = [n for n, page in enumerate(pages) if text in page]
    assert len(found) == 1, (text, found)
    return found[0]


def assert_plan_pages(pages: list[str]) -> None:
    agreements = page_with(pages, AGREEMENT)
    assert "Who does what, when" in pages[agreements]
    assert f"If it does not happen: {IF_NOT_KEPT}" in pages[agreements]
    assert "Sanne Vonk" in pages[agreements] and "When: elke avond" in pages[agreements]
    # The signatures: who agreed by name, and room for more.
    assert "We agree to this plan" in pages[page_with(pages, "Signature")]
    assert GONE[:8] not in " ".join(pages)  # also not wrapped over two lines
    emergency = page_with(pages, STEP)
    assert emergency != agreements and "When it goes wrong" in pages[emergency]
    assert NUMBER in pages[emergency] and "112" in pages[emergency]
    assert "Veilig Thuis: 0800-2000" in pages[emergency]  # always offered
    assert NUMBER not in " ".join(pages[:emergency])
    children = page_with(pages, CHILD_WORDS)
    assert children > emergency and "Jesse Vonk" in pages[children]
    assert "Nu helpt oma." in " ".join(pages[children:])
    for number, page in enumerate(pages, 1):
        assert page.endswith(f"version 2 · 29-11-2026 · page {number} of {len(pages)}")


def test_the_pdf_holds_the_plan_the_emergency_page_and_the_children(qapp, store, case,
                                                                    tmp_path):
    plan = family_plan(read_plan(store, case.id), TODAY)
    write(plan, "plan", "pdf", tmp_path / "plan.pdf")
    assert_plan_pages(pages_of(tmp_path / "plan.pdf"))
    write(plan, "children", "pdf", tmp_path / "kinderen.pdf")
    children = " ".join(pages_of(tmp_path / "kinderen.pdf"))
    assert CHILD_WORDS in children and STORY.split(". ")[1] in children
    assert AGREEMENT not in children and NUMBER not in children


def test_the_json_holds_the_same(qapp, store, case):
    content = as_json(family_plan(read_plan(store, case.id), TODAY), "plan")
    assert content["version"] == 2 and content["made_on"] == "2026-11-29"
    agreement, = content["agreements"]
    assert (agreement["who"], agreement["what"], agreement["when"],
            agreement["if_not_kept"]) == ("Sanne Vonk", AGREEMENT, "elke avond", IF_NOT_KEPT)
    # Veilig Thuis is always offered, also when no step names it.
    assert [s.get("phone") for s in content["when_it_goes_wrong"]] == [
        "112", NUMBER, "0800-2000"]
    # Whom no laptop knows any more signs on a blank line: the family reads no id.
    assert content["signatures"] == ["Sanne Vonk"]
    assert GONE not in json.dumps(content)
    child, = content["children_version"]["children"]
    assert child == {"name": "Jesse Vonk", "words": {"dreams": [CHILD_WORDS]}}
    assert content["children_version"]["story"] == STORY
    json.dumps(content)  # plain JSON through and through


@pytest.fixture
def opened(session, case, qtbot):
    view, tab = one_tab_view(qtbot, session, PlanTab)
    open_on_tab(qtbot, view, tab, case.id)
    qtbot.waitUntil(lambda: tab.data.plan is not None)
    return view, tab


def entries(store, case_id, action):
    return [e for e in store.access_log(case_id) if e.action == action]


def test_the_pdf_from_the_tab_goes_where_the_worker_chose_and_is_logged(opened, case, store,
                                                                        qtbot, tmp_path):
    view, tab = opened
    press(qtbot, tab.toolbar, tab.plan_actions.family_pdf)
    paper = tab.family_paper
    folder = tmp_path / "gekozen plek"
    folder.mkdir()
    save_in(shown_dialog(qtbot, lambda: paper.export_dialog), folder, "plan thuis")
    qtbot.waitUntil(lambda: bool(entries(store, case.id, "export")))
    written = folder / "plan thuis.pdf"
    assert list(folder.iterdir()) == [written]
    assert AGREEMENT in " ".join(pages_of(written))
    entry, = entries(store, case.id, "export")
    assert entry.detail == "family_plan_pdf"


def test_printing_from_the_tab_goes_to_the_printer_and_is_logged(opened, case, store, qtbot,
                                                                 tmp_path):
    view, tab = opened
    press(qtbot, tab.toolbar, tab.plan_actions.family_print)
    paper = tab.family_paper
    printed = tmp_path / "afdruk.pdf"
    print_to_file(shown_dialog(qtbot, lambda: paper.print_dialog), printed)
    qtbot.waitUntil(lambda: bool(entries(store, case.id, "print")))
    pages = pages_of(printed)
    assert page_with(pages, STEP) != page_with(pages, AGREEMENT)
    entry, = entries(store, case.id, "print")
    assert entry.detail == "family_plan_paper"
    assert entries(store, case.id, "export") == []


def test_a_cancelled_export_writes_and_logs_nothing(opened, case, store, qtbot):
    view, tab = opened
    press(qtbot, tab.toolbar, tab.plan_actions.family_pdf)
    paper = tab.family_paper
    QTest.keyClick(shown_dialog(qtbot, lambda: paper.export_dialog), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: paper.export_dialog is None)
    QThreadPool.globalInstance().waitForDone(5000)
    assert entries(store, case.id, "export") == []


def test_the_readability_hint_follows_typing_under_the_fields_the_family_reads(opened, qtbot):
    view, tab = opened
    tab.tree.setCurrentIndex(tab.model.index_of(tab.model.lines("agreement")[0].id))
    form = tab.items.forms["agreement"]
    qtbot.waitUntil(lambda: tab.items.currentWidget() is form)
    # What the store holds is read too, not only what is typed.
    shown = form.editors["text"].widget.parentWidget().findChild(ReadabilityHint)
    qtbot.waitUntil(lambda: shown.isVisible() and "Readability:" in shown.text())
    field = form.editors["if_not_kept"].widget
    hint = field.parentWidget().findChild(ReadabilityHint)
    assert hint is not None
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "De gezinsvertegenwoordiger informeert de jeugdbeschermingstafel")
    assert field.toPlainText().endswith("jeugdbeschermingstafel")  # typing is never held up
    qtbot.waitUntil(lambda: hint.isVisible() and "gezinsvertegenwoordiger" in hint.text())
    assert "jeugdbeschermingstafel" in hint.text() and "Readability:" in hint.text()
    field.selectAll()
    QTest.keyClicks(field, "Dan belt oma.")
    qtbot.waitUntil(lambda: "Long words" not in hint.text())
    qtbot.wait(SAVE_DELAY_MS)
    # The story is told to the children: a sentence of 13 words is long for them.
    story = tab.children.story_form.editors["children_version"].widget
    story_hint = story.parentWidget().findChild(ReadabilityHint)
    sentence = readability("Oma en de buurvrouw helpen mama en papa elke week met de kinderen.")
    assert "Short sentences" in hint_text(sentence, story_hint.limit)
    assert "Short sentences" not in hint_text(sentence, hint.limit)
    # A child's words are kept as said: no hint asks to rewrite them.
    voice = tab.items.forms["child_voice"].editors["text"].widget
    assert voice.parentWidget().findChild(ReadabilityHint) is None


def cli(data_dir: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), *argv],
        input=PASS + "\n", capture_output=True, text=True, env=env, timeout=120, check=False)


def test_the_command_line_exports_the_plan_and_the_children_without_a_display(store, case,
                                                                             tmp_path, capsys,
                                                                             monkeypatch):
    data_dir = store.data_dir
    store.close()  # the command line opens the store itself
    out = tmp_path / "plan.pdf"
    done = cli(data_dir, "export", "--what", "plan", "--case", case.id, "--format", "pdf",
               "--out", str(out), "--passphrase-stdin")
    assert done.returncode == 0, done.stderr
    text = " ".join(pages_of(out))
    assert AGREEMENT in text and NUMBER in text and CHILD_WORDS in text
    assert "Wie doet wat, wanneer" in text  # Dutch, as the window speaks
    # The rest in this process (one start of Python and Qt is enough to show it headless).
    from desktop.cli import main
    from desktop.i18n import install_translators

    children = tmp_path / "kinderen.json"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASS + "\n"))
    try:
        assert main(["--data-dir", str(data_dir), "export", "--what", "children", "--case",
                     case.id, "--format", "json", "--out", str(children),
                     "--passphrase-stdin"]) == 0
    finally:
        install_translators(QApplication.instance(), "en")  # the command line set Dutch
    assert json.loads(children.read_text(encoding="utf-8"))["children"][0]["words"] == {
        "dreams": [CHILD_WORDS]}
    # Without --out nothing is written anywhere (it stops before the store is opened).
    assert main(["--data-dir", str(data_dir), "export", "--what", "plan", "--case", case.id,
                 "--format", "pdf", "--passphrase-stdin"]) == 1
    assert "--out" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".json")) == [
        "kinderen.json", "plan.pdf"]
    reopened = CaseStore.open(data_dir, PASS)
    try:
        details = [e.detail for e in reopened.access_log(case.id) if e.action == "export"]
    finally:
        reopened.close()
    assert details == ["family_plan_pdf", "children_version_json"]


def test_printing_the_childrens_version_is_logged_too(opened, case, store, qtbot, tmp_path):
    """The children's version had a print of its own that left no trace in the access log."""
    view, tab = opened
    tab.parts.setCurrentWidget(tab.children)
    QTest.mouseClick(tab.children.view_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.children.view_dialog is not None
                    and tab.children.view_dialog.isVisible())
    printed = tmp_path / "kinderversie.pdf"

    def answer() -> None:  # the print dialog runs its own loop: the worker answers it
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QPrintDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(50, answer)
            return
        print_to_file(dialog, printed)

    QTimer.singleShot(50, answer)
    QTest.mouseClick(tab.children.view_dialog.print_button, Qt.MouseButton.LeftButton)
    assert CHILD_WORDS in " ".join(pages_of(printed))
    qtbot.waitUntil(lambda: bool(entries(store, case.id, "print")), timeout=3000)
    entry, = entries(store, case.id, "print")
    assert entry.detail == "children_version_paper"


def test_a_case_without_a_plan_exports_nothing_and_logs_nothing(qapp, store, tmp_path):
    from desktop.familyplan.export import export_case
    from storage.errors import StoreError

    bare = store.create_record("case", {"title": "Familie Zonder Plan", "team_id": TEAM})
    folder = tmp_path / "gekozen"
    folder.mkdir()
    with pytest.raises(StoreError, match="no safety plan"):
        export_case(store, bare.id, "plan", "pdf", folder / "plan.pdf", TODAY)
    assert list(folder.iterdir()) == []
    assert entries(store, bare.id, "export") == []


def test_a_childrens_version_without_words_still_has_its_page(qapp, store, tmp_path):
    from desktop.familyplan.export import export_case

    bare = store.create_record("case", {"title": "Familie Stil", "team_id": TEAM})
    store.create_record("safety_plan", {"title": "Plan", "status": "draft", "version": 1},
                        case_id=bare.id)
    export_case(store, bare.id, "children", "pdf", tmp_path / "kinderen.pdf", TODAY)
    pages = pages_of(tmp_path / "kinderen.pdf")
    assert len(pages) == 1 and "For the children" in pages[0]
    assert "It is never your fault." in pages[0]
    entry, = [e for e in store.access_log(bare.id) if e.action == "export"]
    assert entry.detail == "children_version_pdf"
