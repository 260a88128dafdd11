"""The window's actions, each with a shortcut, so that everything is reachable by keyboard."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence


@dataclass
class WindowActions:
    new_case: QAction
    sync_now: QAction
    conflicts: QAction
    enrol: QAction
    settings: QAction
    lock: QAction
    quit: QAction

    @property
    def case_actions(self) -> tuple[QAction, ...]:
        """The actions that only make sense while unlocked."""
        return (self.new_case, self.sync_now, self.conflicts, self.enrol, self.lock)


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
    tr = window.tr
    actions = WindowActions(
        new_case=_action(window, tr("&New case"), QKeySequence.StandardKey.New,
                         tr("Start a new case with its household")),
        sync_now=_action(window, tr("&Sync now"), "F5", tr("Sync with the team's service now")),
        conflicts=_action(window, tr("&Conflicts"), "Ctrl+K",
                          tr("Show the conflicts that need a decision")),
        enrol=_action(window, tr("&Enrol with service…"), "Ctrl+Shift+E",
                      tr("Enrol this laptop with the team's service")),
        settings=_action(window, tr("S&ettings…"), "Ctrl+,", tr("Language, lock time, service")),
        lock=_action(window, tr("&Lock"), "Ctrl+L", tr("Hide everything and lock the window")),
        quit=_action(window, tr("&Quit"), QKeySequence.StandardKey.Quit, tr("Close Keukentafel")),
    )
    # Quick-hide must work wherever the focus is, also inside a dialog of the window.
    actions.lock.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    return actions
