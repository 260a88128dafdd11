"""What the worker can do with the plan, as actions in one toolbar above it: the lines, the
emergency numbers, the way through the review, and behind "Meer" the less-used ones.

Each action has its words, a tooltip, an accessible name and its keys; the tab connects what
they do and says when they are shown and enabled.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from desktop.safetyplan.toolbar import MENU_ONLY, OverflowToolBar

EMERGENCY = ("112", "0800-2000")  # always offered: danger now, and Veilig Thuis
SP = QStyle.StandardPixmap


class PlanActions(QObject):
    """The plan tab's actions and the toolbar that shows them."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._widget = parent
        self.add = self._action(self.tr("Add a li&ne"), ("list-add", SP.SP_FileDialogNewFolder),
                                self.tr("Add a line after the chosen one, in its part"))
        self.remove = self._action(self.tr("&Remove line"), ("list-remove", SP.SP_TrashIcon),
                                   self.tr("Remove the chosen line"),
                                   QKeySequence(QKeySequence.StandardKey.Delete))
        self.up = self._action(self.tr("Move up"), ("go-up", SP.SP_ArrowUp),
                               self.tr("Move the chosen line up"), QKeySequence("Ctrl+Up"))
        self.down = self._action(self.tr("Move down"), ("go-down", SP.SP_ArrowDown),
                                 self.tr("Move the chosen line down"),
                                 QKeySequence("Ctrl+Down"))
        self.emergency = {phone: self._action(
            self.tr("Add %1").replace("%1", phone), ("call-start", SP.SP_MessageBoxWarning),
            self.tr("Add a step for when it goes wrong: call %1").replace("%1", phone))
            for phone in EMERGENCY}
        self.agree = self._action(self.tr("Mark as &agreed"),
                                  ("dialog-ok", SP.SP_DialogApplyButton),
                                  self.tr("Mark the plan as agreed with the family"))
        self.submit = self._action(self.tr("Su&bmit to the team lead"),
                                   ("mail-send", SP.SP_ArrowForward),
                                   self.tr("Send the agreed plan to the team lead for review"))
        # An approved plan edited on another laptop before the approval reached it.
        self.next_version = self._action(self.tr("Start the ne&xt version"),
                                         ("document-new", SP.SP_BrowserReload),
                                         self.tr("Make the plan a draft of its next version"))
        # Two plans made on two laptops at once: the other one into the plan shown.
        self.merge = self._action(self.tr("Mer&ge with the plan shown…"),
                                  ("edit-copy", SP.SP_FileDialogContentsView),
                                  self.tr("Merge the other plan of this case into this one"))
        self.compare = self._action(self.tr("Co&mpare versions…"),
                                    ("edit-find", SP.SP_FileDialogDetailedView),
                                    self.tr("Compare the versions of the plan part by part"))
        self.family_pdf = self._action(self.tr("Plan for the family as PD&F…"),
                                       ("document-save", SP.SP_DialogSaveButton),
                                       self.tr("Save the plan for the family as a PDF"))
        self.family_print = self._action(self.tr("Print the plan for the famil&y…"),
                                         ("document-print", SP.SP_FileIcon),
                                         self.tr("Print the plan for the family"))
        self.toolbar = self._toolbar()

    def _action(self, text: str, icon: tuple[str, QStyle.StandardPixmap], tip: str,
                keys: QKeySequence | None = None) -> QAction:
        action = QAction(QIcon.fromTheme(icon[0], self._widget.style().standardIcon(icon[1])),
                         text, self)
        action.setIconText(text)  # keeps the Alt+letter on the toolbar's button
        if keys is not None:
            action.setShortcut(keys)
            # Only while the list (or the button itself) has the focus: Delete in a text
            # field deletes text, not a line of the plan.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            tip = f"{tip} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        return action

    def _toolbar(self) -> OverflowToolBar:
        bar = OverflowToolBar(self.tr("&More"), self._widget)
        bar.setAccessibleName(self.tr("Actions for the plan"))
        # Lower numbers stay in sight longest: the line being written and the plan's next
        # step in its review first; the emergency numbers and reordering give way.
        bar.add(self.add, 0)
        bar.add(self.remove, 2)
        bar.add(self.up, 5, icon_only=True)
        bar.add(self.down, 5, icon_only=True)
        bar.new_group()
        for action in self.emergency.values():
            bar.add(action, 4)
        bar.new_group()
        bar.add(self.agree, 1)
        bar.add(self.submit, 1)
        bar.add(self.next_version, 1)
        bar.add(self.merge, 3)
        bar.new_group()
        for action in (self.compare, self.family_pdf, self.family_print):
            bar.add(action, MENU_ONLY)
        bar.finish()
        return bar

    def in_list(self) -> tuple[QAction, ...]:
        """The actions whose keys work in the list of lines."""
        return self.up, self.down, self.remove
