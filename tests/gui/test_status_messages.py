"""The status bar's messages (offline, the key kept in a file) were cut off under the counts.
They now fit in the room left at a narrow window, with the whole sentence in the tooltip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.mainwindow.window import MainWindow
from desktop.session.controller import UNLOCKED
from desktop.settings import Settings
from storage.store import CaseStore
from sync.service.process import free_port

pytestmark = pytest.mark.gui


@pytest.fixture(params=["nl", "en"], autouse=True)
def language(request, qapp):
    """The app's own font and style (the room depends on them), in Dutch and English."""
    from desktop.app import apply_calm_style
    from desktop.i18n import install_translators

    font, style = qapp.font(), qapp.styleSheet()
    apply_calm_style(qapp)
    install_translators(qapp, request.param)
    yield request.param
    install_translators(qapp, "en")
    qapp.setFont(font)
    qapp.setStyleSheet(style)

PASSPHRASE = "een rustige statusbalk onderaan"


def _unlocked(qtbot, data_dir: Path) -> MainWindow:
    w = MainWindow(data_dir, Settings(data_dir))
    qtbot.addWidget(w)
    w.resize(1024, 600)  # a small laptop screen
    w.show()
    qtbot.keyClicks(w.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(w.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    return w


def _assert_fits_with_the_whole_text_on_hover(w: MainWindow, words: str) -> None:
    label = w.status.notice
    assert label.isVisible() and label.text()
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
    assert words in label.toolTip()
    assert label.toolTip() == w.notice


def test_the_key_in_a_file_message_fits(qtbot, tmp_path, language):
    data_dir = tmp_path / "data"
    store = CaseStore.create(data_dir, PASSPHRASE)
    assert store.key_location == "file"  # tests/conftest.py: no keyring in any test
    store.close()
    w = _unlocked(qtbot, data_dir)
    words = "wachtwoordopslag" if language == "nl" else "password store"
    qtbot.waitUntil(lambda: words in w.notice, timeout=10_000)
    _assert_fits_with_the_whole_text_on_hover(w, words)
    w.controller.lock()  # the lock screen shows nothing but unlocking
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.unlock_page)
    assert w.status.notice.text() == "" and w.status.notice.toolTip() == ""
    w.close()


def test_the_offline_message_fits(qtbot, tmp_path, language):
    data_dir = tmp_path / "data"
    store = CaseStore.create(data_dir, PASSPHRASE)
    # Enrolled with a service that is not there: nothing listens on this port.
    store.set_setting("server_url", f"http://127.0.0.1:{free_port()}")
    store.set_setting("token", "fictional-token")
    store.close()
    w = _unlocked(qtbot, data_dir)
    words = "niet bereikbaar" if language == "nl" else "cannot be reached"
    qtbot.waitUntil(lambda: words in w.notice, timeout=30_000)
    _assert_fits_with_the_whole_text_on_hover(w, words)
    w.close()


def test_the_unsent_changes_button_keeps_the_window_narrow_and_the_lock_last(qtbot, language):
    """The button said the whole sentence, and a window with every count showing had to
    grow from 1,024 to 1,967 pixels for it, the lock button off a laptop's screen."""
    from PySide6.QtWidgets import QMainWindow, QPushButton, QWidget

    from desktop.mainwindow.statusbar import SyncStatusBar
    from desktop.syncing.status import SyncStatus

    window = QMainWindow()
    qtbot.addWidget(window)
    bar = SyncStatusBar()
    window.setStatusBar(bar)
    window.setCentralWidget(QWidget())
    window.resize(1280, 600)
    window.show()
    bar.show_status(SyncStatus(connection="online", last_sync="2026-11-30T09:12:00+00:00",
                               pending=3, conflicts=1, enrolled=True))
    narrowest = window.minimumSizeHint().width()
    bar.show_rejected(2)
    button = bar.findChild(QPushButton, "rejectedChanges")
    qtbot.waitUntil(button.isVisible)
    qtbot.wait(100)  # the layouts settle
    assert window.minimumSizeHint().width() <= narrowest + 200
    assert window.width() == 1280
    sentence = "veilig op deze laptop" if language == "nl" else "kept safely on this laptop"
    assert "2" in button.text() and sentence not in button.text()
    assert sentence in button.toolTip() and button.accessibleName() == button.toolTip()
    shown = sorted((w.geometry().x(), w.objectName()) for w in bar.findChildren(QWidget)
                   if w.parent() is bar and w.isVisible())
    names = [name for _x, name in shown]
    assert names[:2] == ["notice", "rejectedChanges"]
    assert names[-1] == "lockButton"
