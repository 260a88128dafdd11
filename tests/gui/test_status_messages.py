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


def test_the_unsent_changes_button_comes_before_the_counts_and_the_lock_stays_last(qtbot,
                                                                                     language):
    from PySide6.QtWidgets import QWidget

    from desktop.mainwindow.statusbar import SyncStatusBar

    bar = SyncStatusBar()
    qtbot.addWidget(bar)
    bar.resize(1200, 30)
    bar.show()
    bar.show_rejected(2)
    qtbot.waitUntil(lambda: bar.findChild(QWidget, "rejectedChanges").isVisible())
    shown = sorted((w.geometry().x(), w.objectName()) for w in bar.findChildren(QWidget)
                   if w.parent() is bar and w.isVisible())
    names = [name for _x, name in shown]
    assert names[:2] == ["notice", "rejectedChanges"]
    assert names[-1] == "lockButton"
