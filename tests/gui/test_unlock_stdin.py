"""`keukentafel --unlock-stdin`: the passphrase from standard input goes through the unlock
page as typed, and one log line (a count, no names) says when the case list has its rows;
bench/bench_bundle.py times the bundle's start by it."""

from __future__ import annotations

import io
import logging
import time

import pytest

from desktop import app as desktop_app
from desktop.mainwindow.window import MainWindow
from desktop.session.controller import UNLOCKED
from desktop.settings import Settings
from storage.demo import seed_store
from storage.store import CaseStore

pytestmark = pytest.mark.gui

PASSPHRASE = "de soep staat op het vuur"


def test_the_window_unlocks_from_stdin_and_says_when_it_is_ready(qtbot, tmp_path, monkeypatch,
                                                                  caplog):
    data_dir = tmp_path / "data"
    store = CaseStore.create(data_dir, PASSPHRASE)
    seed_store(store, 2, team_id="00000000-0000-4000-8000-000000000001",
               contact_worker_id=None)
    store.close()
    window = MainWindow(data_dir, Settings(data_dir))
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    with caplog.at_level(logging.INFO, logger="desktop.app"):
        desktop_app._unlock_from_stdin(window, time.perf_counter())
        qtbot.waitUntil(lambda: desktop_app.READY_MESSAGE in caplog.text, timeout=15_000)
    assert window.controller.state == UNLOCKED
    assert "unlocked, 2 cases listed" in caplog.text
    assert PASSPHRASE not in caplog.text
    window.close()

