"""Shared fixtures. Every test gets its own temporary data folder (as Vorta does), and no
test ever touches the developer's real keyring or data folder."""

from __future__ import annotations

import os
import sys

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("KEUKENTAFEL_DATA_DIR", str(tmp_path / "data"))
    # Tests never reach a desktop keyring; a test that wants one installs its own backend.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    # Nor the machine's own pre-set settings (/etc/keukentafel/settings.ini): none here.
    monkeypatch.setenv("KEUKENTAFEL_SYSTEM_SETTINGS", str(tmp_path / "system-settings.ini"))
    yield
    _restore_language()


def _restore_language() -> None:
    """A test that speaks Dutch (a command run in-process installs the worker's language)
    must not leave it to the next test, which would then read other words than it expects."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets else None
    if app is not None and getattr(app, "_keukentafel_translators", None):
        from desktop.i18n import install_translators

        install_translators(app, "en")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "deep: a property or stateful test whose depth tests/depth.py sets; make test-deep "
        "runs these with KEUKENTAFEL_TEST_DEPTH=deep",
    )


@pytest.hookimpl(tryfirst=True)  # before -m deep selects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Every @given test is a property test, so it takes part in the deep run even when its
    # module forgot the marker; state machines run through a plain function carry it by hand.
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.deep)
