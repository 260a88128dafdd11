"""A laptop one release behind (tests/compat/previous.py) shows what a newer laptop recorded
as it was recorded, and a worker's edit there sends back everything else unchanged
(design.md, "Compatibility across versions"). The service is today's, for real, on SQLite."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QPushButton

from desktop.casefile.editors import not_on_offer
from desktop.casefile.labels import choice_label
from desktop.networkmap.model import Problem
from desktop.networkmap.tab import NetworkMapTab
from desktop.networkmap.words import problem_text
from desktop.operations import StoreSession
from storage import keys
from tests.compat.family import newer_family
from tests.compat.old_service import OldService
from tests.compat.previous import one_release_behind
from tests.gui.acting import click, click_row, click_tab, one_tab_view, open_on_tab, type_into
from tests.sync.harness import (
    PASSPHRASE,
    ROOT,
    Laptop,
    QuickKdf,
    ServiceDatabase,
    ServiceProcess,
)

pytestmark = pytest.mark.gui

NEW_NOTE = "Pleegzorg sinds september; het gaat goed."


@pytest.fixture
def service(tmp_path, monkeypatch):
    monkeypatch.setattr(keys, "KdfParams", QuickKdf)  # the KDF is tested elsewhere
    db = ServiceDatabase(f"sqlite:///{tmp_path / 'service.sqlite3'}")
    with ServiceProcess(db.url) as process:
        yield db, process
    db.dispose()


def test_an_older_laptop_shows_a_newer_tie_as_recorded_and_sends_it_back_whole(
        service, tmp_path, qtbot):
    db, process = service
    account = db.add_user()
    newer = Laptop(tmp_path / "nieuw", "nieuw").enrol(process.url, account)
    family = newer_family(newer.store, account.team_id, account.user_id)
    assert newer.sync().rejected == 0
    before = newer.store.get_record(family.tie).fields

    with one_release_behind():
        older = Laptop(tmp_path / "oud", "oud").enrol(process.url, account)
        assert older.sync().rejected == 0
        session = StoreSession(older.store)
        failures: list = []
        session.failed.connect(failures.append)
        view, tab = one_tab_view(qtbot, session, NetworkMapTab)
        open_on_tab(qtbot, view, tab, family.case)

        # The map draws the tie and says in words that it holds a type and a band this
        # version does not know; the list beside it names them as recorded.
        drawn = tab.scene.ties[family.tie].tie
        assert (drawn.type, drawn.quality) == ("foster_parent_child", "close")
        listed = tab.list_model.index_of(family.tie)
        assert listed.isValid()
        model = tab.list_model
        texts = {model.index(row, 0, group).data()
                 for group in (model.index(n, 0) for n in range(model.rowCount()))
                 for row in range(model.rowCount(group))}
        for code in ("unknown_type", "unknown_quality"):
            assert problem_text(Problem(code, family.tie), tab.full_model, {}) in texts
        assert choice_label("foster_parent_child") in listed.data()

        # Chosen in the list, the tie's editor shows the unknown type and band as themselves.
        tab.list.scrollTo(listed)
        qtbot.mouseClick(tab.list.viewport(), Qt.MouseButton.LeftButton,
                         pos=tab.list.visualRect(listed).center())
        qtbot.waitUntil(lambda: tab.tie_form.record_id == family.tie)
        for name, value in (("type", "foster_parent_child"), ("quality", "close")):
            combo = tab.tie_form.editors[name].combo
            assert combo.currentData() == value
            assert combo.currentText() == choice_label(value) != not_on_offer()
        assert "since" not in tab.tie_form.editors  # a field it does not know: no editor

        # The worker changes the note and leaves the field.
        note = tab.tie_form.editors["note"].widget
        type_into(qtbot, note, NEW_NOTE)
        click(qtbot, tab.list)
        qtbot.waitUntil(lambda: older.store.get_record(family.tie).fields["note"] == NEW_NOTE)
        session.wait_for_writes()
        assert failures == []
        # In the Personen tab the worker changes the mother's phone; the fields this version
        # does not know (the child's ring and place on the ecogram) are left as they were.
        click_tab(qtbot, view.tabs, view.people)
        qtbot.waitUntil(lambda: view.people.model.row_of(family.mother) >= 0)
        click_row(qtbot, view.people.table, view.people.model.row_of(family.mother))
        phone = view.people.form.editors["phone"].widget
        type_into(qtbot, phone, "06-00000009")
        qtbot.keyClick(phone, Qt.Key.Key_Tab)
        qtbot.waitUntil(
            lambda: older.store.get_record(family.mother).fields["phone"] == "06-00000009")
        session.wait_for_writes()
        assert failures == []
        report = older.sync()
        assert (report.pushed, report.rejected, report.conflicts) == (2, 0, 0)
        view.close()
        QThreadPool.globalInstance().waitForDone(5000)

    assert newer.sync().rejected == 0
    assert newer.store.get_record(family.tie).fields == {**before, "note": NEW_NOTE}
    assert newer.store.get_record(family.mother).fields["phone"] == "06-00000009"
    child = newer.store.get_record(family.child).fields
    assert (child["ring"], child["index_person"], child["eco_x"]) == (1, True, 40)
    older.close()
    newer.close()


def test_the_window_says_a_change_waits_for_an_older_service(tmp_path, qtbot, monkeypatch):
    """Today's laptop against the previous release's service (on SQLite): at the sync that
    follows the unlock, the map snapshot waits, the worker is told why in words, and the
    rest of the work syncs."""
    from desktop.mainwindow.window import MainWindow
    from desktop.session.controller import UNLOCKED
    from desktop.settings import Settings

    monkeypatch.setattr(keys, "KdfParams", QuickKdf)
    db = ServiceDatabase(f"sqlite:///{tmp_path / 'service.sqlite3'}")
    account = db.add_user()
    with OldService(db.url, env={"PYTHONPATH": str(ROOT)}) as old:
        laptop = Laptop(tmp_path / "laptop", "laptop").enrol(old.url, account)
        case = laptop.new_case(account, "Familie Merel")
        laptop.store.create_record("map_snapshot", {"taken_on": "2026-11-02",
                                                    "content": "{}"}, case_id=case)
        laptop.close()
        w = MainWindow(laptop.data_dir, Settings(laptop.data_dir))
        qtbot.addWidget(w)
        w.show()
        w.controller.unlock(PASSPHRASE)
        qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
        waiting = w.tr(
            "%n change(s) are waiting to be sent: the service does not know this kind "
            "of information yet. They are kept safely on this laptop and go out once "
            "the service has been updated.", "", 1)
        qtbot.waitUntil(lambda: waiting in w.notices, timeout=20_000)
        # The case went; only the snapshot waits, and it is no unsent change.
        qtbot.waitUntil(lambda: not w.sync.running and w.sync.status.pending == 1,
                        timeout=20_000)
        assert w.session.store.list_rejected() == []
        rejected = w.status.findChild(QPushButton, "rejectedChanges")
        assert rejected is None or not rejected.isVisible()
        w.close()
    db.dispose()
