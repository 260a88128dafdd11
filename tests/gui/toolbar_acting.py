"""Pressing a toolbar action as a person does: its button when it is in sight, otherwise
through the toolbar's "Meer" menu."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def press(qtbot: Any, toolbar: Any, action: QAction) -> None:
    """Click `action`'s button in `toolbar`, or open "Meer" and click it in the menu."""
    button = toolbar.button_for(action)
    if button is not None:
        qtbot.waitUntil(button.isVisible)  # the toolbar lays out its buttons once shown
        assert button.isEnabled(), action.text()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        return
    menu = toolbar.more_menu
    assert action in menu.actions() and action.isEnabled(), action.text()
    chosen = []

    def choose() -> None:  # the menu runs its own loop while it is open
        if QApplication.activePopupWidget() is not menu:
            QTimer.singleShot(20, choose)
            return
        chosen.append(action)
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton,
                         pos=menu.actionGeometry(action).center())

    QTimer.singleShot(0, choose)
    QTest.mouseClick(toolbar.more_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(chosen) and not menu.isVisible())
