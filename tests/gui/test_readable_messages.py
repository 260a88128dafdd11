"""The error texts of the unlock and first-run pages stay readable (WCAG contrast >= 4.5)
in the default, a dark and a high-contrast palette: they were white on light grey."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from desktop.session.first_run import FirstRunPage
from desktop.session.unlock import UnlockPage

pytestmark = pytest.mark.gui


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in (color.redF(), color.greenF(), color.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _dark() -> QPalette:
    palette = QPalette(QColor("#353535"), QColor("#2a2a2a"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    palette.setColor(QPalette.ColorRole.BrightText, QColor("#ff5555"))
    return palette


def _high_contrast() -> QPalette:
    palette = QPalette(QColor("black"))
    for role, colour in ((QPalette.ColorRole.Window, "black"),
                         (QPalette.ColorRole.WindowText, "white"),
                         (QPalette.ColorRole.Base, "black"), (QPalette.ColorRole.Text, "white"),
                         (QPalette.ColorRole.Button, "black"),
                         (QPalette.ColorRole.ButtonText, "yellow"),
                         (QPalette.ColorRole.BrightText, "white")):
        palette.setColor(role, QColor(colour))
    return palette


PALETTES = {
    "default": lambda: QApplication.style().standardPalette(),
    "dark": _dark,
    "high contrast": _high_contrast,
}


@pytest.fixture(params=list(PALETTES))
def palette(request, qapp):
    before = qapp.palette()
    qapp.setPalette(PALETTES[request.param]())
    yield qapp.palette()
    qapp.setPalette(before)


def _assert_readable(label: QLabel) -> None:
    assert label.isVisible() and label.text()
    fg = label.palette().color(label.foregroundRole())
    bg = label.palette().color(label.backgroundRole())
    assert contrast(fg, bg) >= 4.5, (fg.name(), bg.name())


def test_the_unlock_pages_message_is_readable(qtbot, palette):
    page = UnlockPage()
    qtbot.addWidget(page)
    page.show()
    QTest.mouseClick(page.unlock, Qt.MouseButton.LeftButton)  # no passphrase typed
    _assert_readable(page.message)


def test_the_first_run_pages_message_is_readable(qtbot, palette):
    page = FirstRunPage("laptop")
    qtbot.addWidget(page)
    page.show()
    QTest.keyClicks(page.passphrase, "vier gewone woorden achter elkaar")
    QTest.keyClicks(page.repeat, "iets heel anders")
    QTest.mouseClick(page.start, Qt.MouseButton.LeftButton)
    _assert_readable(page.error)
