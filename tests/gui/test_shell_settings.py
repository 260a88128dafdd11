"""Settings declared once, the language of the window, and what makes the shell usable at a
kitchen table: keyboard shortcuts, accessible names, 150% scaling and a high-contrast palette."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop import app as desktop_app
from desktop import i18n
from desktop.conflicts.dialog import ResolveDialog
from desktop.mainwindow.settings_dialog import SettingsDialog
from desktop.mainwindow.window import MainWindow
from desktop.session.controller import UNLOCKED
from desktop.session.enrol_dialog import EnrolDialog
from desktop.settings import SETTINGS, Settings
from storage.store import CaseStore
from sync.protocol import Conflict

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "zeven zwarte katten op het dak"
# A 1920x1080 screen at 150% leaves 1280x720 logical pixels.
SCREEN_AT_150 = QSize(1280, 720)


def test_settings_have_declared_defaults_and_persist(tmp_path):
    settings = Settings(tmp_path)
    assert settings.get("language") == "nl"
    assert settings.get("idle_lock_minutes") == 5
    assert settings.get("device_name")  # the host name until the worker chooses one
    assert {s.name for s in SETTINGS} == {
        "language", "idle_lock_minutes", "service_url", "device_name", "sync_interval_minutes",
        "probe_interval_seconds", "splitter_person", "splitter_visit", "splitter_task",
        "splitter_consent"}
    settings.set("idle_lock_minutes", 12)
    settings.set("language", "en")
    again = Settings(tmp_path)
    assert again.get("idle_lock_minutes") == 12 and again.get("language") == "en"
    with pytest.raises(ValueError):
        settings.set("language", "fr")
    with pytest.raises(ValueError):
        settings.set("idle_lock_minutes", 0)


def test_a_broken_value_in_the_file_falls_back_to_the_default(tmp_path):
    (tmp_path / "settings.ini").write_text(
        "[General]\nidle_lock_minutes=banana\nlanguage=fr\nsync_interval_minutes=7\n")
    settings = Settings(tmp_path)
    assert settings.get("language") == "nl"
    assert settings.get("idle_lock_minutes") == 5  # back to the default, not a crash
    assert settings.get("sync_interval_minutes") == 7


def _built_catalogue(tmp_path: Path) -> Path:
    subprocess.run(
        [str(Path(sys.executable).parent / "pyside6-lrelease"), "-silent",
         str(ROOT / "resources" / "translations" / "keukentafel_nl.ts"),
         "-qm", str(tmp_path / "keukentafel_nl.qm")],
        check=True,
    )
    return tmp_path


def test_dutch_is_the_default_and_english_shows_the_source_strings(qapp, tmp_path,
                                                                   monkeypatch):
    monkeypatch.setattr(i18n, "translations_dir", lambda: _built_catalogue(tmp_path))
    try:
        assert len(i18n.install_translators(qapp, "nl")) == 2  # qtbase first, then ours
        assert QCoreApplication.translate("UnlockPage", "Keukentafel is locked") == \
            "Keukentafel is vergrendeld"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.buttons()[0].text() == "Annuleren"  # Qt's own strings are Dutch too
        i18n.install_translators(qapp, "en")
        assert QCoreApplication.translate("UnlockPage", "Keukentafel is locked") == \
            "Keukentafel is locked"
    finally:
        i18n.install_translators(qapp, "en")


def test_the_settings_dialog_writes_and_the_lock_follows(qtbot, tmp_path):
    data_dir = tmp_path / "data"
    CaseStore.create(data_dir, PASSPHRASE).close()
    w = MainWindow(data_dir, Settings(data_dir))
    qtbot.addWidget(w)
    dialog = SettingsDialog(w.settings, w)
    qtbot.addWidget(dialog)
    dialog.idle.setValue(2)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.service_url.setText("https://dienst.example.org")
    dialog.accept()
    assert w.settings.get("idle_lock_minutes") == 2
    assert w.lock.idle_minutes == 2
    assert w.settings.get("language") == "en"
    assert w.settings.get("service_url") == "https://dienst.example.org"
    w.close()


def _controls(root: QWidget) -> list[QWidget]:
    kinds = (QLineEdit, QComboBox, QSpinBox, QAbstractButton)
    return [c for c in root.findChildren(QWidget) if isinstance(c, kinds)
            and not c.objectName().startswith("qt_")]


def _named(control: QWidget) -> bool:
    if control.accessibleName():
        return True
    if isinstance(control, QAbstractButton) and control.text().replace("&", "").strip():
        return True  # a button's text is its accessible name
    return False


@pytest.fixture
def unlocked(qtbot, tmp_path):
    data_dir = tmp_path / "data"
    CaseStore.create(data_dir, PASSPHRASE).close()
    w = MainWindow(data_dir, Settings(data_dir))
    qtbot.addWidget(w)
    w.show()
    w.controller.unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    yield w
    w.close()


def _conflict() -> Conflict:
    return Conflict(id="c1", record_id="r1", case_id="k1", kind="case", field="summary",
                    base="a", kept="b", incoming="c", created_at="2026-11-20T10:00:00Z")


def test_every_action_has_a_shortcut_and_every_control_a_name(qtbot, unlocked):
    w = unlocked
    actions = w.actions
    for action in (actions.new_case, actions.sync_now, actions.conflicts, actions.enrol,
                   actions.settings, actions.lock, actions.quit):
        assert not action.shortcut().isEmpty(), action.text()
    assert actions.lock.shortcut().toString() == "Ctrl+L"
    assert actions.lock.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut
    screens = [w.first_run, w.unlock_page, w.status, SettingsDialog(w.settings, w),
               EnrolDialog("", "laptop", w), ResolveDialog(_conflict(), "Familie Test", w)]
    unnamed = [f"{type(s).__name__}.{type(c).__name__}" for s in screens for c in _controls(s)
               if not _named(c)]
    assert unnamed == []


def test_the_shell_fits_a_screen_at_150_percent(qtbot, unlocked):
    w = unlocked
    assert w.minimumSizeHint().boundedTo(SCREEN_AT_150) == w.minimumSizeHint()
    for page in (w.first_run, w.unlock_page):
        hint = page.minimumSizeHint()
        assert hint.width() <= SCREEN_AT_150.width() and hint.height() <= SCREEN_AT_150.height()
    for dialog in (SettingsDialog(w.settings, w), ResolveDialog(_conflict(), "Familie", w)):
        hint = dialog.minimumSizeHint()
        assert hint.width() <= SCREEN_AT_150.width() and hint.height() <= SCREEN_AT_150.height()


def test_the_window_starts_with_qt_scale_factor_one_and_a_half(tmp_path):
    script = (
        "import sys; from PySide6.QtWidgets import QApplication;"
        "from pathlib import Path;"
        "app = QApplication(sys.argv[:1]);"
        "from desktop.mainwindow.window import MainWindow; from desktop.settings import Settings;"
        f"d = Path({str(tmp_path / 'data')!r});"
        "w = MainWindow(d, Settings(d)); w.resize(1280, 720); w.show(); app.processEvents();"
        "print(w.devicePixelRatio(), w.grab().width())"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                         text=True, timeout=60, check=True).stdout.split()
    assert float(out[0]) == 1.5
    assert int(out[1]) == 1920  # the grab is in device pixels: 1280 logical at 150%


def test_colours_come_from_the_palette_so_high_contrast_works(qtbot, tmp_path, qapp):
    assert not re.search(r"(color|background)\s*:|#[0-9a-fA-F]{3}|rgb", desktop_app.STYLE)
    before = qapp.palette()
    contrast = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "black"),
                         (QPalette.ColorRole.WindowText, "white"),
                         (QPalette.ColorRole.Base, "black"), (QPalette.ColorRole.Text, "white"),
                         (QPalette.ColorRole.Button, "black"),
                         (QPalette.ColorRole.ButtonText, "yellow")):
        contrast.setColor(role, QColor(colour))
    QApplication.setPalette(contrast)
    try:
        data_dir = tmp_path / "data"
        CaseStore.create(data_dir, PASSPHRASE).close()
        w = MainWindow(data_dir, Settings(data_dir))
        qtbot.addWidget(w)
        w.resize(900, 600)
        w.show()
        image = w.unlock_page.grab().toImage()
        assert QColor(image.pixel(5, 5)) == QColor("black")  # the palette's window colour
        w.close()
    finally:
        QApplication.setPalette(before)


def test_the_application_has_its_icon_and_calm_large_type(qapp):
    app = desktop_app.make_application(language="en")
    assert app is qapp  # one QApplication, reused
    assert not app.windowIcon().isNull()
    assert app.font().pointSizeF() >= desktop_app.BASE_POINT_SIZE
