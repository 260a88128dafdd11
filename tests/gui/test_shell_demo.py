"""`keukentafel demo` end to end: a real `keukentafel-server` subprocess on a free loopback
port with the seeded demo data, a store enrolled as the demo worker, the window unlocked
with the demo cases, and everything stopped and removed when the window closes."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop import demo
from desktop.mainwindow.window import MainWindow
from desktop.session.controller import UNLOCKED

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.fixture(autouse=True)
def _english_afterwards(qapp):
    """The app installs its Dutch catalogue; the other tests read the English sources."""
    yield
    from desktop.i18n import install_translators

    install_translators(qapp, "en")


def test_demo_opens_unlocked_with_the_demo_cases_and_cleans_up(qapp, monkeypatch, capsys):
    seen: dict = {}
    real_service = demo.demo_service

    def watched_service(folder: Path):
        seen["folder"] = folder
        manager = real_service(folder)

        class Watch:
            def __enter__(self):
                seen["service"] = manager.__enter__()
                return seen["service"]

            def __exit__(self, *exc):
                return manager.__exit__(*exc)

        return Watch()

    monkeypatch.setattr(demo, "demo_service", watched_service)

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or windows[0].workspace is None:
            QTimer.singleShot(200, look_and_close)
            return
        w = windows[0]
        seen["state"] = w.controller.state
        seen["cases"] = len(w.session.store.list_records(kind="case"))
        seen["user"] = w.session.store.get_setting("user")["username"]
        w.close()

    QTimer.singleShot(200, look_and_close)
    code = demo.run_demo(argparse.Namespace(command="demo", data_dir=None))
    assert code == 0
    assert seen["state"] == UNLOCKED
    assert seen["user"] == "demo" and seen["cases"] >= 1
    assert seen["service"].proc.poll() is not None  # the service stopped with the window
    assert not seen["folder"].exists()  # throwaway data folder removed
    out = capsys.readouterr().out
    assert demo.DEMO_PASSPHRASE in out and seen["service"].url in out


def test_keukentafel_without_a_command_opens_the_first_run_page(qapp, tmp_path):
    from desktop import cli
    from desktop.session.controller import FIRST_RUN

    seen: dict = {}

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(100, look_and_close)
            return
        seen["state"] = windows[0].controller.state
        seen["title"] = windows[0].windowTitle()
        windows[0].close()

    QTimer.singleShot(100, look_and_close)
    assert cli.main(["--data-dir", str(tmp_path / "new")]) == 0
    assert seen == {"state": FIRST_RUN, "title": "Keukentafel"}
