"""Entering and leaving kitchen-table mode in the main window.

Entering puts a `KitchenTable` of the open case on top of the window's stack, hides the
toolbar, the menu bar and the status bar, and goes full screen; the workspace stays behind
it, hidden, with the open case. Leaving (after the passphrase) puts everything back.

Locking ends the mode: the window throws the table away with the workspace, and unlocking
(with the passphrase) opens the work screen. So the case list is never reached without the
passphrase, and after an idle lock nobody at the table sees more than the lock screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:
    from desktop.kitchen.view import KitchenTable
    from desktop.mainwindow.window import MainWindow


class KitchenMode(QObject):
    changed = Signal(bool)  # at the table or not

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.table: KitchenTable | None = None
        self._state = Qt.WindowState.WindowNoState

    @property
    def active(self) -> bool:
        return self.table is not None

    def open_case(self) -> str | None:
        workspace = self.window.workspace
        if workspace is None or not workspace.case_file_built:
            return None
        return workspace.case_file.case_id

    def enter(self) -> bool:
        """At the table with the open case; False when no case is open."""
        w = self.window
        case_id = self.open_case()
        if self.table is not None or not w.controller.unlocked or case_id is None:
            return False
        from desktop.kitchen.view import KitchenTable

        workspace = w.workspace
        assert workspace is not None
        workspace.case_file.flush()  # what the worker typed is saved before the family looks
        plan_tab = workspace.plan_tab
        table = KitchenTable(w.session, case_id, plan_tab)
        # The family's words go through the plan tab's commands: it must hold this case.
        table.shown.connect(
            lambda shown: plan_tab.loaded_case != shown and plan_tab.load(shown))
        table.left.connect(self.leave)
        self.table = table
        self._state = w.windowState()
        w.stack.addWidget(table)
        w.stack.setCurrentWidget(table)
        for bar in (w.toolbar, w.menuBar(), w.statusBar()):
            bar.hide()
        w.showFullScreen()
        table.tabs.setFocus()
        self.changed.emit(True)
        return True

    def leave(self) -> None:
        """Back to the work screen (the passphrase was given)."""
        w = self.window
        if not self._drop():
            return
        for bar in (w.toolbar, w.menuBar()):
            bar.setVisible(w.controller.unlocked)
        if w.workspace is not None:
            w.stack.setCurrentWidget(w.workspace)
            w.workspace.setFocus()

    def end(self) -> None:
        """Locking: the table goes; the window shows the lock screen as it is."""
        self._drop()

    def _drop(self) -> bool:
        table, self.table = self.table, None
        if table is None:
            return False
        w = self.window
        w.stack.removeWidget(table)
        table.hide()
        table.deleteLater()
        w.statusBar().show()
        w.setWindowState(self._state)
        self.changed.emit(False)
        return True
