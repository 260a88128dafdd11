"""The window's actions, each with a shortcut, so that everything is reachable by keyboard."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

translate = QCoreApplication.translate


@dataclass
class WindowActions:
    new_case: QAction
    sync_now: QAction
    conflicts: QAction
    rejected: QAction
    enrol: QAction
    settings: QAction
    lock: QAction
    quit: QAction
    kitchen: QAction
    monitor: QAction

    @property
    def case_actions(self) -> tuple[QAction, ...]:
        """The actions that only make sense while unlocked; the settings are among them, as
        the lock screen must offer nothing but unlocking."""
        return (self.new_case, self.sync_now, self.conflicts, self.rejected, self.enrol,
                self.settings,
                self.lock, self.kitchen, self.monitor)


def _action(
    parent: QObject, text: str, shortcut: QKeySequence.StandardKey | str, tip: str
) -> QAction:
    action = QAction(text, parent)
    action.setShortcut(QKeySequence(shortcut))
    keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({keys})")
    action.setStatusTip(tip)
    return action


def build_actions(window: QObject) -> WindowActions:
    actions = WindowActions(
        new_case=_action(
            window, translate("MainWindow", "&New case"), QKeySequence.StandardKey.New,
            translate("MainWindow", "Start a new case with its household")),
        sync_now=_action(
            window, translate("MainWindow", "&Sync now"), "F5",
            translate("MainWindow", "Sync with the team's service now")),
        conflicts=_action(
            window, translate("MainWindow", "&Conflicts"), "Ctrl+K",
            translate("MainWindow", "Show the conflicts that need a decision")),
        rejected=_action(
            window, translate("MainWindow", "&Unsent changes"), "Ctrl+Shift+U",
            translate("MainWindow", "Show the changes that could not be sent")),
        enrol=_action(
            window, translate("MainWindow", "&Enrol with service…"), "Ctrl+Shift+E",
            translate("MainWindow", "Enrol this laptop with the team's service")),
        settings=_action(
            window, translate("MainWindow", "S&ettings…"), "Ctrl+,",
            translate("MainWindow", "Language, lock time, service")),
        lock=_action(
            window, translate("MainWindow", "&Lock"), "Ctrl+L",
            translate("MainWindow", "Hide everything and lock the window")),
        quit=_action(
            window, translate("MainWindow", "&Quit"), "Ctrl+Q",
            translate("MainWindow", "Close Keukentafel")),
        kitchen=_action(
            window, translate("MainWindow", "&Kitchen-table mode"), "F11",
            translate("MainWindow", "Show the open case full screen to the family")),
        monitor=_action(
            window, translate("MainWindow", "&Monitor"), "Ctrl+Shift+M",
            translate("MainWindow", "How the team's cases are going (team leads)")),
    )
    # Only a team lead has the monitor: the window shows the entry once it knows the role.
    actions.monitor.setVisible(False)
    # Quick-hide must work wherever the focus is, also inside a dialog of the window.
    actions.lock.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    return actions
