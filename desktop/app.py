"""The desktop application: QApplication, language, calm styling, and the main window.

`main(args)` is what `keukentafel` (no subcommand) and `keukentafel demo` call.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop.i18n import install_translators
from desktop.settings import Settings

if TYPE_CHECKING:
    from desktop.mainwindow.window import MainWindow

log = logging.getLogger(__name__)
READY_MESSAGE = "window ready"  # bench/bench_bundle.py waits for this line (with --verbose)

# Large type and generous spacing: the screen is read at a kitchen table, at arm's length.
BASE_POINT_SIZE = 12
STYLE = """
QLabel#pageTitle { font-size: 20pt; }
QToolBar { spacing: 8px; padding: 4px; }
QToolBar QToolButton { padding: 6px 12px; }
QPushButton { padding: 6px 14px; }
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDateEdit { padding: 4px; }
QStatusBar QLabel, QStatusBar QPushButton { padding: 0px 10px; }
"""


def make_application(argv: list[str] | None = None, language: str = "nl") -> QApplication:
    """The one QApplication (reused when it exists, as under pytest-qt), styled and translated."""
    app = QApplication.instance()
    if app is None:
        # 150% stays 150% (not rounded to 200%): the layout is laid out for it.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Keukentafel")
    app.setOrganizationName("Keukentafel")
    app.setApplicationDisplayName("Keukentafel")
    icon = icon_path()
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    apply_calm_style(app)
    install_translators(app, language)
    return app


def icon_path() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[1]
    return root / "resources" / "icons" / "keukentafel.svg"


def apply_calm_style(app: QApplication) -> None:
    font = QFont(app.font())
    if font.pointSizeF() < BASE_POINT_SIZE:
        font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)
    # Only sizes and spacing: colours stay the palette's, so high-contrast themes work.
    app.setStyleSheet(STYLE)


def open_window(data_dir: Path) -> tuple[QApplication, MainWindow]:
    """The application and its main window, shown (unlock or first-run page)."""
    settings = Settings(data_dir)
    app = make_application(language=settings.get("language"))
    from desktop.mainwindow.window import MainWindow

    window = MainWindow(data_dir, settings)
    window.resize(1280, 820)
    window.show()
    return app, window


def main(args: argparse.Namespace) -> int:
    data_dir = Path(args.data_dir)
    if getattr(args, "command", None) == "demo":
        from desktop.demo import run_demo

        return run_demo(args)
    started = time.perf_counter()
    app, window = open_window(data_dir)
    if getattr(args, "unlock_stdin", False):
        _unlock_from_stdin(window, started)
    return app.exec()


def _unlock_from_stdin(window: MainWindow, started: float) -> None:
    """As the worker does: the passphrase on the unlock page, then Enter; once the case list
    has its first rows, one log line says so (a count, no names)."""
    from desktop.session.controller import UNLOCKED

    passphrase = sys.stdin.readline().rstrip("\r\n")

    def unlocked(state: str) -> None:
        if state == UNLOCKED and window.workspace is not None:
            window.workspace.case_list.loaded.connect(ready)

    def ready(rows: int) -> None:
        if window.workspace is not None:
            window.workspace.case_list.loaded.disconnect(ready)
        log.info("%s: unlocked, %d cases listed, %.3f s after start", READY_MESSAGE, rows,
                 time.perf_counter() - started)

    window.controller.state_changed.connect(unlocked)
    window.unlock_page.passphrase.setText(passphrase)
    window.unlock_page.passphrase.returnPressed.emit()
