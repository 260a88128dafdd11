"""While the window is locked (or before the first run is done) only unlocking is in reach:
no menu, shortcut or toolbar opens the settings or anything else. The service address in the
settings is checked before it is kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from desktop.mainwindow.settings_dialog import SettingsDialog
from desktop.mainwindow.window import MainWindow
from desktop.session.controller import FIRST_RUN, LOCKED, UNLOCKED
from desktop.settings import Settings
from storage.store import CaseStore

pytestmark = pytest.mark.gui

PASSPHRASE = "groene kikker op de vensterbank"


def _no_sync(store):
    from sync.errors import NotEnrolled

    raise NotEnrolled("not enrolled in this test")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def window(qtbot, data_dir):
    made: list[MainWindow] = []

    def make() -> MainWindow:
        w = MainWindow(data_dir, Settings(data_dir), engine_factory=_no_sync)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()


def _dialogs_that_opened(qtbot, act) -> list[str]:
    """Does `act` (keys or clicks) open a dialog? Any that opens is closed again at once, so
    a modal one cannot hang the test."""
    opened: list[str] = []

    def close_any() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                opened.append(type(widget).__name__)
                widget.reject()

    timer = QTimer()
    timer.timeout.connect(close_any)
    timer.start(50)
    act()
    qtbot.wait(300)  # let any dialog come up before looking a last time
    close_any()
    timer.stop()
    return opened


def _try_everything(qtbot, w: MainWindow) -> list[str]:
    def act() -> None:
        for key, mods in ((Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
                           | Qt.KeyboardModifier.ShiftModifier),
                          (Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier)):
            qtbot.keyClick(QApplication.focusWidget() or w, key, mods)

    return _dialogs_that_opened(qtbot, act)


def test_the_locked_window_offers_only_unlocking(qtbot, window, data_dir):
    CaseStore.create(data_dir, PASSPHRASE).close()
    w = window()
    assert w.controller.state == LOCKED
    assert _try_everything(qtbot, w) == []
    assert not w.menuBar().isVisible()  # no menu to open with the mouse or Alt
    reachable = [a.text() for a in w.findChildren(type(w.actions.settings))
                 if a.isEnabled() and a.isVisible() and a.shortcut().toString()
                 and a is not w.actions.quit]
    assert reachable == []
    # Unlocking still works, and then everything is back.
    qtbot.keyClicks(w.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(w.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    assert w.menuBar().isVisible() and w.actions.settings.isEnabled()
    assert _dialogs_that_opened(qtbot, lambda: qtbot.keyClick(
        w, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)) == ["SettingsDialog"]


def test_the_first_run_page_offers_nothing_else_either(qtbot, window):
    w = window()
    assert w.controller.state == FIRST_RUN
    assert _try_everything(qtbot, w) == []
    assert not w.menuBar().isVisible()


@pytest.mark.parametrize("address", ["dienst.wijkteam.nl", "ftp://dienst.wijkteam.nl",
                                     "https://", "https://dienst wijkteam.nl"])
def test_settings_refuse_an_address_that_is_not_a_service_address(qtbot, tmp_path, address):
    settings = Settings(tmp_path)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.service_url
    field.clear()
    qtbot.keyClicks(field, address)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.isVisible()  # not accepted
    assert settings.get("service_url") == ""
    assert "https://" in dialog.message.text() and dialog.message.isVisible()
    assert dialog.focusWidget() is field


def test_settings_keep_a_good_address(qtbot, tmp_path):
    settings = Settings(tmp_path)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.service_url, " https://dienst.wijkteam.example/ ")
    qtbot.keyClick(dialog.service_url, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert settings.get("service_url") == "https://dienst.wijkteam.example/"
    assert isinstance(dialog.service_url, QLineEdit)
