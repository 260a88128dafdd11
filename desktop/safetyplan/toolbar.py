"""A toolbar that keeps the most-used actions in sight and puts the rest behind "Meer".

Qt's own toolbar hides what does not fit from the right, whatever it is, behind an extension
button that the keyboard cannot reach. Here each action has a priority: the most important
ones stay in sight as the room shrinks, the others go into the "Meer" menu in their own order.
The buttons take focus with Tab; the arrow keys go from button to button and Enter presses.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QMenu, QStyle, QToolBar, QToolButton, QWidget

MENU_ONLY = None  # the priority of an action that always sits in the "Meer" menu
_SLACK = 2  # px per button: the layout's own rounding, so nothing is cut at the edge


@dataclass
class _Entry:
    action: QAction
    priority: int | None
    group: int
    button: QToolButton | None = None
    holder: QAction | None = None  # the toolbar's place for the button


class OverflowToolBar(QToolBar):
    def __init__(self, more_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMovable(False)
        self.setFloatable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # Sizes only (the palette keeps the colours): the app's wide padding for the main
        # window's toolbar would leave room here for three buttons at 1280×800. The "Meer"
        # button's own icon says that it opens a menu.
        self.setStyleSheet("QToolButton { padding: 4px 6px; }"
                           " QToolButton#more::menu-indicator { image: none; width: 0px; }")
        small = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)
        self.setIconSize(QSize(small, small))  # the words say what a button does
        self._entries: list[_Entry] = []
        self._separators: dict[int, QAction] = {}  # before the group with this number
        self._group = 0
        self.more_menu = QMenu(self)
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("more")
        self.more_button.setText(more_text)
        self.more_button.setAccessibleName(more_text.replace("&", ""))
        self.more_button.setToolTip(more_text.replace("&", ""))
        self.more_button.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_ToolBarHorizontalExtensionButton))
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setMenu(self.more_menu)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._more_holder: QAction | None = None
        self._prepare(self.more_button)

    def add(self, action: QAction, priority: int | None, *, icon_only: bool = False) -> None:
        """Add `action` to the current group; a lower priority stays in sight longer."""
        entry = _Entry(action, priority, self._group)
        if priority is not MENU_ONLY:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAccessibleName(action.text().replace("&", ""))
            if icon_only:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            else:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self._prepare(button)
            entry.button, entry.holder = button, self.addWidget(button)
        self._entries.append(entry)
        action.changed.connect(self.fit)

    def new_group(self) -> None:
        self._group += 1
        self._separators[self._group] = self.addSeparator()

    def finish(self) -> None:
        """After the last action: the "Meer" button at the end, then the first fit."""
        self.new_group()
        self._more_holder = self.addWidget(self.more_button)
        self.fit()

    def button_for(self, action: QAction) -> QToolButton | None:
        """The button that shows `action` in the toolbar now; None when it is in the menu."""
        for entry in self._entries:
            if entry.action is action and entry.holder is not None and entry.holder.isVisible():
                return entry.button
        return None

    def buttons(self) -> list[QToolButton]:
        """The buttons in sight, left to right: the order the arrow keys follow."""
        shown = [e.button for e in self._entries
                 if e.button is not None and e.holder is not None and e.holder.isVisible()]
        return [*shown, self.more_button]

    # -- fitting ----------------------------------------------------------------------------

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.fit()

    def fit(self) -> None:
        """Shows the buttons that fit, most important first; the rest go into the menu."""
        if self._more_holder is None:
            return
        style = self.style()
        spacing = style.pixelMetric(QStyle.PixelMetric.PM_ToolBarItemSpacing, None, self)
        separator = style.pixelMetric(QStyle.PixelMetric.PM_ToolBarSeparatorExtent, None,
                                      self) + spacing
        margins = self.contentsMargins()
        room = (self.width() - margins.left() - margins.right() - 2 * style.pixelMetric(
            QStyle.PixelMetric.PM_ToolBarFrameWidth, None, self) - style.pixelMetric(
            QStyle.PixelMetric.PM_ToolBarHandleExtent, None, self) * self.isMovable()
            - self.more_button.sizeHint().width() - separator - _SLACK)
        wanted = [e for e in self._entries
                  if e.priority is not MENU_ONLY and e.action.isVisible()]
        shown: set[int] = set()
        groups: set[int] = set()
        used = 0
        for entry in sorted(wanted, key=lambda e: e.priority or 0):
            assert entry.button is not None
            extra = entry.button.sizeHint().width() + spacing + _SLACK
            if entry.group not in groups and groups:
                extra += separator
            if used + extra > room:
                break
            used += extra
            shown.add(id(entry))
            groups.add(entry.group)
        for entry in self._entries:
            if entry.holder is not None:
                entry.holder.setVisible(id(entry) in shown)
        first = min(groups, default=0)
        for group, action in self._separators.items():
            action.setVisible(group in groups and group != first)
        self._fill_menu(shown)

    def _fill_menu(self, shown: set[int]) -> None:
        self.more_menu.clear()
        group = None
        for entry in self._entries:
            if id(entry) in shown or not entry.action.isVisible():
                continue
            if group is not None and entry.group != group:
                self.more_menu.addSeparator()
            self.more_menu.addAction(entry.action)
            group = entry.group

    # -- the keyboard -----------------------------------------------------------------------

    def _prepare(self, button: QToolButton) -> None:
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setAutoRaise(True)
        button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress or (
                not isinstance(watched, QToolButton)):
            return super().eventFilter(watched, event)
        key = event.key()
        buttons = self.buttons()
        if watched not in buttons:
            return False
        at = buttons.index(watched)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 1 if key == Qt.Key.Key_Right else -1
            buttons[(at + step) % len(buttons)].setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            buttons[0 if key == Qt.Key.Key_Home else -1].setFocus(
                Qt.FocusReason.TabFocusReason)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down) and (
                watched is self.more_button):
            self.more_button.showMenu()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if watched.isEnabled():
                watched.click()
            return True
        return False
