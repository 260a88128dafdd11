"""The network map on paper: PNG, SVG, PDF and the printer, with the legend; initials-only
exports hold no full name; every export and print is in the access log; the command line
exports without a display."""

from __future__ import annotations

import html
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton

from desktop.networkmap import export as map_export
from desktop.networkmap.model import build
from desktop.networkmap.reading import read_network
from desktop.networkmap.scene import MapScene
from desktop.networkmap.tab import NetworkMapTab
from desktop.networkmap.words import legend_text
from storage.store import CaseStore
from tests.gui.acting import one_tab_view, open_on_tab, print_to_file, save_in, shown_dialog
from tests.gui.conftest import signed_in

pytestmark = pytest.mark.gui

PASS = "fictional passphrase for tests"
TEAM = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"
ME = "11111111-1111-4111-8111-111111111111"
# Fictional, short enough to be drawn whole; no word of them is in a role or the legend.
FULL_NAMES = ("Mila Vonk", "Bram Vonk", "Greet Kwak", "Teun Abma")
NAME_WORDS = {word for name in FULL_NAMES for word in name.split()}


SIGNED_IN = signed_in(ME, TEAM)  # the store of every test here


@pytest.fixture
def case(store):
    case = store.create_record("case", {"title": "Familie Vonk", "team_id": TEAM})
    people = [
        store.create_record("person", dict(name=name, **fields), case_id=case.id)
        for name, fields in zip(FULL_NAMES, (
            {"circle": "household", "gender": "f", "role": "moeder", "birth_date": "1987-04-01"},
            {"circle": "household", "gender": "m", "role": "zoon", "index_person": True},
            {"circle": "family", "gender": "f", "role": "oma", "deceased": True},
            {"circle": "network", "gender": "m", "role": "buurman", "ring": 3},
        ), strict=True)
    ]
    for a, b, fields in ((0, 1, {"type": "parent_child", "quality": "strong"}),
                         (2, 0, {"type": "parent_child", "quality": "conflict"}),
                         (3, 0, {"type": "neighbour", "quality": "weak", "direction": "to",
                                 "support": ["P"]})):
        store.create_record("relationship", {"from_person_id": people[a].id,
                                             "to_person_id": people[b].id, **fields},
                            case_id=case.id)
    return case


def model_of(store, case_id):
    people, ties, _conflicted = read_network(store, case_id)
    return build(people, ties)


def svg_text(path: Path) -> str:
    return html.unescape(path.read_text(encoding="utf-8"))


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def names_in(text: str) -> set[str]:
    return {word for word in NAME_WORDS if word in text}


def legend_of(model, view_name: str) -> list[str]:
    scene = MapScene()
    scene.show_model(model, view_name)
    return [legend_text(key) for key in scene.legend_keys()]


@pytest.mark.parametrize("view_name", ["genogram", "ecogram"])
def test_initials_only_svg_and_pdf_hold_no_full_name_but_the_legend(qapp, store, case,
                                                                    tmp_path, view_name):
    model = model_of(store, case.id)
    for fmt, read in (("svg", svg_text), ("pdf", pdf_text)):
        named, hidden = tmp_path / f"named.{fmt}", tmp_path / f"hidden.{fmt}"
        map_export.export_map(model, view_name, fmt, named)
        map_export.export_map(model, view_name, fmt, hidden, names_hidden=True)
        # The check can fail: with names shown, each of them is in the text.
        assert names_in(read(named)) == NAME_WORDS, fmt
        text = read(hidden)
        assert names_in(text) == set(), fmt
        assert "M.V." in text and "moeder" in text and "T.A." in text, fmt
        flat = " ".join(text.split())
        legend = legend_of(model, view_name)
        assert legend and "Legend" in flat, fmt
        for line in legend:
            assert " ".join(line.split()) in flat, (fmt, line)


def test_an_initials_only_png_is_the_drawing_of_initials_alone(qapp, store, case, tmp_path):
    """Pixel for pixel what a map of people who are called by their initials gives: nothing
    of a full name is left in it, and it differs from the map with names."""
    model = model_of(store, case.id)
    for view_name in ("genogram", "ecogram"):
        paths = {k: tmp_path / f"{view_name}-{k}.png" for k in ("named", "hidden", "initials")}
        map_export.export_map(model, view_name, "png", paths["named"])
        map_export.export_map(model, view_name, "png", paths["hidden"], names_hidden=True)
        map_export.export_map(map_export.hide_names(model), view_name, "png",
                              paths["initials"])
        images = {k: QImage(str(p)) for k, p in paths.items()}
        assert not images["hidden"].isNull()
        assert images["hidden"] == images["initials"]
        assert images["hidden"] != images["named"]
        assert images["hidden"].width() > 400 and images["hidden"].height() > 400


def test_initials_keep_nothing_but_first_letters():
    assert map_export.initials("Sanne van Dijk") == "S.v.D."
    assert map_export.initials("  ") == ""
    assert map_export.initials("Ömer - Yılmaz") == "Ö.Y."


@pytest.fixture
def opened(session, case, qtbot):
    view, tab = one_tab_view(qtbot, session, NetworkMapTab)
    open_on_tab(qtbot, view, tab, case.id)
    return view, tab


def press(tab, action) -> None:
    button = next(b for b in tab.toolbar.findChildren(QToolButton)
                  if b.defaultAction() is action)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def paper_entries(store, case_id, action):
    return [e for e in store.access_log(case_id) if e.action == action]


def test_export_from_the_tab_asks_where_and_logs_it(opened, case, store, session, qtbot,
                                                    tmp_path):
    view, tab = opened
    press(tab, tab.hide_names_action)
    assert tab.hide_names_action.isChecked()
    tab.show_view("ecogram")
    press(tab, tab.export_action)
    dialog = shown_dialog(qtbot, lambda: tab.paper.export_dialog)
    dialog.selectNameFilter(tab.paper.export_filters()["svg"])
    dialog.filterSelected.emit(tab.paper.export_filters()["svg"])
    target = tmp_path / "gekozen plek" / "kaart"
    target.parent.mkdir()
    save_in(dialog, target.parent, target.name)
    written = target.with_name("kaart.svg")
    qtbot.waitUntil(lambda: bool(paper_entries(store, case.id, "export")))
    assert written.exists() and list(target.parent.iterdir()) == [written]
    text = svg_text(written)
    assert names_in(text) == set() and "Ecogram" in text
    entry, = paper_entries(store, case.id, "export")
    assert entry.detail == "map ecogram svg initials"
    assert names_in(entry.detail or "") == set()


def test_a_cancelled_export_writes_and_logs_nothing(opened, case, store, qtbot, tmp_path):
    view, tab = opened
    press(tab, tab.export_action)
    QTest.keyClick(shown_dialog(qtbot, lambda: tab.paper.export_dialog), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tab.paper.export_dialog is None)
    QThreadPool.globalInstance().waitForDone(5000)
    assert paper_entries(store, case.id, "export") == []


def test_print_from_the_tab_goes_to_the_printer_and_is_logged(opened, case, store, qtbot,
                                                              tmp_path):
    view, tab = opened
    press(tab, tab.print_action)
    printed = tmp_path / "afdruk.pdf"
    print_to_file(shown_dialog(qtbot, lambda: tab.paper.print_dialog), printed)
    qtbot.waitUntil(lambda: bool(paper_entries(store, case.id, "print")))
    text = pdf_text(printed)
    assert names_in(text) == NAME_WORDS  # names shown: the option is off
    assert "Genogram" in text and "Legend" in text
    entry, = paper_entries(store, case.id, "print")
    assert entry.detail == "map genogram paper"


def cli(data_dir: Path, *argv: str, stdin: str = PASS + "\n") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), *argv],
        input=stdin, capture_output=True, text=True, env=env, timeout=120, check=False)


def test_the_command_line_exports_the_map_without_a_display(store, case, tmp_path):
    data_dir = store.data_dir
    store.close()  # the command line opens the store itself
    out = tmp_path / "kaart.pdf"
    done = cli(data_dir, "export", "--what", "map", "--case", case.id, "--view", "ecogram",
               "--format", "pdf", "--initials", "--out", str(out), "--passphrase-stdin")
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert names_in(text) == set() and "M.V." in text and "Ecogram" in text
    assert "Legenda" in text  # the command line speaks Dutch, as the window does
    assert names_in(done.stderr + done.stdout) == set()
    png = tmp_path / "kaart.png"
    done = cli(data_dir, "export", "--what", "map", "--case", case.id, "--format", "png",
               "--out", str(png), "--passphrase-stdin")
    assert done.returncode == 0, done.stderr
    assert not QImage(str(png)).isNull()
    # The JSON export stays the default.
    done = cli(data_dir, "export", "--case", case.id, "--passphrase-stdin")
    assert done.returncode == 0 and '"kind": "case"' in done.stdout
    wrong = cli(data_dir, "export", "--what", "map", "--case", case.id, "--format", "json",
                "--out", str(tmp_path / "x"), "--passphrase-stdin")
    assert wrong.returncode == 1 and "png, svg or pdf" in wrong.stderr
    reopened = CaseStore.open(data_dir, PASS)
    try:
        details = [e.detail for e in reopened.access_log(case.id) if e.action == "export"]
    finally:
        reopened.close()
    assert details == ["map ecogram pdf initials", "map genogram png", "json export"]


def test_closing_the_case_closes_the_export_dialog_without_exporting(opened, case, store,
                                                                     qtbot):
    view, tab = opened
    press(tab, tab.export_action)
    dialog = shown_dialog(qtbot, lambda: tab.paper.export_dialog)
    tab.clear()  # what the case file does when it closes or the store locks
    qtbot.waitUntil(lambda: tab.paper.export_dialog is None)
    assert not dialog.isVisible()
    QThreadPool.globalInstance().waitForDone(5000)
    assert paper_entries(store, case.id, "export") == []
