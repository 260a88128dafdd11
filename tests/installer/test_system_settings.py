"""IT pre-sets the service address (or any setting) for every laptop in one system-wide file:
/etc/keukentafel/settings.ini on Linux. The worker's own choice still wins."""

from __future__ import annotations

import sys

import pytest

from desktop.settings import SYSTEM_SETTINGS_ENV, Settings, system_settings_path

URL = "https://keukentafel.gemeente.example/"


@pytest.fixture
def system_file(tmp_path, monkeypatch):
    path = tmp_path / "etc" / "keukentafel" / "settings.ini"
    path.parent.mkdir(parents=True)
    monkeypatch.setenv(SYSTEM_SETTINGS_ENV, str(path))
    return path


def test_the_file_is_the_systems_own(monkeypatch):
    monkeypatch.delenv(SYSTEM_SETTINGS_ENV)
    monkeypatch.setenv("PROGRAMDATA", r"C:\ProgramData")
    expected = {"linux": "/etc/keukentafel/settings.ini",
                "win32": r"C:\ProgramData\Keukentafel\settings.ini",
                "darwin": "/Library/Application Support/Keukentafel/settings.ini"}
    assert str(system_settings_path()) == expected["linux" if sys.platform.startswith("linux")
                                                   else sys.platform]


def test_a_preset_service_address_is_every_new_laptops_default(tmp_path, system_file):
    system_file.write_text(f"[General]\nservice_url={URL}\nidle_lock_minutes=10\n")
    settings = Settings(tmp_path / "data")
    assert settings.get("service_url") == URL
    assert settings.get("idle_lock_minutes") == 10
    assert settings.get("language") == "nl"  # not pre-set: the app's own default


def test_the_workers_own_choice_wins(tmp_path, system_file):
    system_file.write_text(f"[General]\nservice_url={URL}\n")
    settings = Settings(tmp_path / "data")
    settings.set("service_url", "https://elders.example/")
    assert Settings(tmp_path / "data").get("service_url") == "https://elders.example/"


def test_confirming_the_preset_value_keeps_following_it(tmp_path, system_file):
    # The settings dialog writes every row on OK; a confirmed pre-set is not frozen by it.
    system_file.write_text(f"[General]\nservice_url={URL}\n")
    Settings(tmp_path / "data").set("service_url", URL)
    system_file.write_text("[General]\nservice_url=https://nieuw.gemeente.example/\n")
    assert Settings(tmp_path / "data").get("service_url") == "https://nieuw.gemeente.example/"


def test_what_does_not_fit_is_left_out(tmp_path, system_file):
    system_file.write_text("[General]\nservice_url=not an address\nidle_lock_minutes=999\n"
                           "language=fr\n")
    settings = Settings(tmp_path / "data")
    assert settings.get("service_url") == ""
    assert settings.get("idle_lock_minutes") == 5
    assert settings.get("language") == "nl"


def test_no_file_no_defaults(tmp_path, system_file):
    assert not system_file.exists()
    assert Settings(tmp_path / "data").get("service_url") == ""


@pytest.mark.gui
def test_the_first_run_offers_the_preset_address(qtbot, tmp_path, system_file):
    from desktop.mainwindow.window import MainWindow

    system_file.write_text(f"[General]\nservice_url={URL}\n")
    window = MainWindow(tmp_path / "new", Settings(tmp_path / "new"))
    qtbot.addWidget(window)
    window.show()
    assert window.first_run.server_url.text() == URL
    assert window.first_run.enrol_box.isChecked()
    window.close()
