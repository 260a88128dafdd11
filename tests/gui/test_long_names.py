"""An 87-character family name made the window 2,209 px wide on a 1,600 px screen, and it
never shrank back. Long names are elided with the whole name in a tooltip, the window never
grows past the screen, and the case header keeps one height whatever the case."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop.mainwindow.window import MainWindow
from desktop.session.controller import UNLOCKED
from desktop.settings import Settings
from storage.store import CaseStore

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"  # a team's id is a UUID, like every id

pytestmark = pytest.mark.gui

PASSPHRASE = "lange namen aan de keukentafel"
LONG = ("Familie Van den Heuvel-Oosterhuis-Wijnbergen-Kloppenburg tot Nyenrode en "
        "Sint-Oedenrode")  # fictional, 87 characters
SHORT = "Familie Bos"


def _no_sync(store):
    from sync.errors import NotEnrolled

    raise NotEnrolled("not enrolled in this test")


@pytest.fixture
def window(qtbot, tmp_path: Path):
    data_dir = tmp_path / "data"
    store = CaseStore.create(data_dir, PASSPHRASE)
    ids = {title: store.create_record("case", {"title": title, "team_id": TEAM_ID,
                                               "status": "active"}).id
           for title in (LONG, SHORT)}
    store.close()
    w = MainWindow(data_dir, Settings(data_dir), engine_factory=_no_sync)
    qtbot.addWidget(w)
    w.resize(780, 560)
    w.show()
    qtbot.keyClicks(w.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(w.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED and w.workspace is not None,
                    timeout=10_000)
    w.ids = ids
    yield w
    w.close()


def _open(qtbot, w: MainWindow, title: str) -> None:
    view = w.workspace.case_file
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        w.workspace.open_case(w.ids[title])
    qtbot.waitUntil(lambda: view.header.family.text() == title, timeout=10_000)
    qtbot.wait(50)  # let the layouts settle after the texts changed


def test_a_long_family_name_never_widens_the_window_past_the_screen(qtbot, window):
    w = window
    screen = (w.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    assert len(LONG) == 87
    _open(qtbot, w, LONG)
    assert w.width() <= screen.width()
    assert w.minimumSizeHint().width() <= screen.width()
    header = w.workspace.case_file.header
    assert header.family.text() == LONG  # the whole name is kept...
    assert header.family.toolTip() == LONG  # ...and shown in full on hover
    w.resize(700, 560)
    qtbot.waitUntil(lambda: w.width() <= 700)


def test_the_case_header_keeps_one_height(qtbot, window):
    w = window
    _open(qtbot, w, SHORT)
    header = w.workspace.case_file.header
    short_height = header.height()
    assert header.family.toolTip() == ""  # nothing hidden, nothing to hover for
    _open(qtbot, w, LONG)
    assert header.height() == short_height
