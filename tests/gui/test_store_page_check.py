"""The full page check of the store runs in the background after unlocking: a damaged page
is reported in the status bar, and the store stays usable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.mainwindow.window import MainWindow
from desktop.session.controller import UNLOCKED
from desktop.settings import Settings
from storage.database import DB_NAME
from storage.store import CaseStore

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"  # ids are UUIDs

PASSPHRASE = "groene gieter naast de regenton"
pytestmark = pytest.mark.gui


def _no_sync(store):
    from sync.errors import NotEnrolled

    raise NotEnrolled("not enrolled in this test")


def _seed(data_dir: Path) -> None:
    store = CaseStore.create(data_dir, PASSPHRASE)
    for i in range(30):
        store.create_record("case", {"title": f"Familie Proef {i}", "team_id": TEAM_ID,
                                     "status": "active"})
    store.close()


def _open_window(qtbot, data_dir: Path) -> MainWindow:
    w = MainWindow(data_dir, Settings(data_dir), engine_factory=_no_sync)
    qtbot.addWidget(w)
    w.show()
    w.controller.integrity_delay_ms = 0
    return w


def _unlock(qtbot, w: MainWindow) -> int:
    qtbot.keyClicks(w.unlock_page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(w.controller.pages_checked, timeout=20_000) as checked:
        qtbot.keyClick(w.unlock_page.passphrase, Qt.Key.Key_Return)
    return checked.args[0]


def test_a_whole_store_says_nothing(qtbot, tmp_path):
    data_dir = tmp_path / "data"
    _seed(data_dir)
    w = _open_window(qtbot, data_dir)
    assert _unlock(qtbot, w) == 0
    assert w.controller.state == UNLOCKED
    assert not any("damaged" in n for n in w.notices)


def test_a_damaged_page_is_reported_and_the_window_stays_usable(qtbot, tmp_path):
    data_dir = tmp_path / "data"
    _seed(data_dir)
    db = data_dir / DB_NAME
    data = bytearray(db.read_bytes())
    data[2 * 4096 + 100] ^= 0xFF  # inside page 3, which opening the store does not read
    db.write_bytes(bytes(data))
    w = _open_window(qtbot, data_dir)
    assert _unlock(qtbot, w) == 1
    assert w.controller.state == UNLOCKED
    qtbot.waitUntil(lambda: any("damaged" in n for n in w.notices), timeout=5_000)
    assert "damaged" in w.status.notice.toolTip() or "damaged" in w.status.notice.text()
