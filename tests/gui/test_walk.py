"""Seeded random walks over the real main window (issue 8 section 1): a worker who only clicks
through cases, tabs and rows, scrolls over forms, opens and cancels the new-case wizard and
locks and unlocks must leave every record exactly as it was; a walk that also types edits and
finishes the wizard leaves exactly those; and the same holds with syncs against the real
service in between. Every family is fictional."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.mainwindow.window import MainWindow
from desktop.session.controller import UNLOCKED
from desktop.settings import Settings
from storage.store import CaseStore
from tests.gui.acting import USER, activate, click_case, click_row, click_tab, filled_family
from tests.gui.test_shell_sync import PASSPHRASE as SYNC_PASSPHRASE
from tests.gui.test_shell_sync import enrolled_window, line, service  # noqa: F401 - fixtures
from tests.gui.walk import Walk

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"  # a team's id is a UUID, like every id

pytestmark = pytest.mark.gui

PASSPHRASE = "rode kater op de vensterbank"


def _no_sync(store):
    from sync.errors import NotEnrolled

    raise NotEnrolled("not enrolled in this walk")


@pytest.fixture
def window(qtbot, tmp_path: Path):
    """The unlocked main window over two families of the same name, every field filled in,
    and a third with little in it."""
    data_dir = tmp_path / "laptop"
    store = CaseStore.create(data_dir, PASSPHRASE)
    store.set_setting("user", USER)
    filled_family(store, "Familie Hoekstra", "Hoekstra", 1)
    filled_family(store, "Familie Hoekstra", "Hoekstra-de Wit", 2)
    store.create_record("case", {"title": "Familie Yilmaz", "team_id": TEAM_ID})
    store.close()
    w = MainWindow(data_dir, Settings(data_dir), engine_factory=_no_sync)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    activate(qtbot, w)
    qtbot.keyClicks(w.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(w.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=20_000)
    qtbot.waitUntil(lambda: w.workspace.case_list.model.rowCount() == 3, timeout=10_000)
    yield w
    w.close()


@pytest.mark.parametrize("seed", [8, 15])
def test_a_walk_that_only_looks_changes_nothing(qtbot, window, seed):
    walk = Walk(qtbot, window, PASSPHRASE, seed)
    walk.run(250)
    assert walk.made_on_purpose == 0


def test_finishing_the_wizard_leaves_the_open_case_as_it_was(qtbot, window):
    """Issue 8: creating a case from the Taken, Toestemming or Huisbezoeken tab of an open
    case wiped that case's assignee, consent person and visit participants."""
    walk = Walk(qtbot, window, PASSPHRASE, 1)
    view = window.workspace.case_file
    model = window.workspace.case_list.model
    for tab in (view.tasks, view.consent, view.visits):
        hoekstra = next(model.case(r).id for r in range(model.rowCount())
                        if model.case(r).title == "Familie Hoekstra")
        click_case(qtbot, window.workspace.case_list, hoekstra)
        walk.wait_case(hoekstra)
        click_tab(qtbot, view.tabs, tab)
        walk.wait_tab()
        click_row(qtbot, tab.table, 0)
        walk.new_case_wizard(finish=True)  # checks every record against what it made
    assert walk.made_on_purpose == 6  # three cases, each with one person


def test_a_walk_with_edits_and_new_cases_leaves_exactly_those(qtbot, window):
    walk = Walk(qtbot, window, PASSPHRASE, 2026, edits=True, finish_wizard=True)
    walk.run(250)
    assert walk.made_on_purpose > 0  # the walk did type and create something


def test_a_walk_with_syncs_against_the_service(qtbot, enrolled_window):  # noqa: F811
    activate(qtbot, enrolled_window)
    walk = Walk(qtbot, enrolled_window, SYNC_PASSPHRASE, 7, edits=True, finish_wizard=True,
                sync=True)
    walk.run(150)
    assert walk.made_on_purpose > 0 and "synced" in walk.log
    # What was made on purpose reached the service; the rest stayed as it was.
    walk.sync_now()
    assert enrolled_window.session.store.pending_count() == 0
