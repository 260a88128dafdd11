"""The About dialog, reached as a person does: Alt+K opens the Keukentafel menu, the About
entry's letter opens the dialog, Alt+L the licences; Escape closes each."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from desktop.build_info import source_url, version
from desktop.mainwindow.about_dialog import AboutDialog, LicencesDialog
from desktop.mainwindow.window import MainWindow
from desktop.session.controller import UNLOCKED
from desktop.settings import Settings
from storage.store import CaseStore

pytestmark = pytest.mark.gui

PASSPHRASE = "een kop thee aan de keukentafel"


def _letter(text: str) -> Qt.Key:
    found = re.search(r"&([^&\s])", text)
    assert found, text
    return Qt.Key(ord(found.group(1).upper()))


@pytest.fixture
def unlocked(qtbot, tmp_path: Path):
    data_dir = tmp_path / "data"
    CaseStore.create(data_dir, PASSPHRASE).close()
    w = MainWindow(data_dir, Settings(data_dir))
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.keyClicks(w.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(w.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    yield w
    w.close()


def test_about_by_keys_shows_version_licence_source_and_the_licences(qtbot, unlocked):
    w = unlocked
    qtbot.keyClick(w, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=5000)
    menu = QApplication.activePopupWidget()
    assert w.about_action in menu.actions()
    qtbot.keyClick(menu, _letter(w.about_action.text()))
    qtbot.waitUntil(lambda: w.findChild(AboutDialog) is not None
                    and w.findChild(AboutDialog).isVisible(), timeout=5000)
    about = w.findChild(AboutDialog)
    assert version() in about.version.text()
    assert "EUPL-1.2" in about.licence.text()
    assert source_url() and source_url() in about.source.text()

    about.activateWindow()  # the window manager's part when a dialog opens
    qtbot.waitUntil(about.isActiveWindow, timeout=5000)
    qtbot.keyClick(about, _letter(about.licences_button.text()),
                   Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: about.licences is not None and about.licences.isVisible(),
                    timeout=5000)
    listed = about.licences.text.toPlainText()
    assert "PySide6" in listed and "sqlcipher3" in listed
    qtbot.keyClick(about.licences, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not about.licences.isVisible(), timeout=5000)
    qtbot.keyClick(about, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not about.isVisible(), timeout=5000)
    assert isinstance(about.licences, LicencesDialog)
