"""How the map tab shares its width between the drawing and the side panel, and how the
side panel keeps to the width it gets.

A QSplitter first sizes its parts by their size hints, and the side panel's lists and forms
ask for far more than they need: the drawing opened as a strip at the left. The first time
the splitter is shown with its real width, the drawing gets most of it; after that the
worker's handle and the stretch factors decide.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QSizePolicy, QSplitter, QStackedWidget

SIDE_SHARE = 4  # the side panel gets a quarter of the width...
SIDE_MIN = 220  # ...but never less than a readable list and editor...
SIDE_MAX = 360  # ...nor more than they use on a wide screen


def side_width(total: int) -> int:
    return max(SIDE_MIN, min(SIDE_MAX, total // SIDE_SHARE))


class _FirstShow(QObject):
    def __init__(self, splitter: QSplitter) -> None:
        super().__init__(splitter)
        self.splitter = splitter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show:
            total = self.splitter.width()
            if total < 2 * SIDE_MIN:
                return False  # not laid out yet, or too narrow to share: the next show
            side = side_width(total)
            self.splitter.setSizes([total - side, side])
            self.splitter.removeEventFilter(self)
            self.deleteLater()
        return False


def favour_drawing(splitter: QSplitter) -> None:
    """Give the first widget of the horizontal `splitter` (the drawing) most of the width
    when it is first shown; the second (the side panel) keeps a readable width."""
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 1)
    splitter.installEventFilter(_FirstShow(splitter))


def size_by_current_page(stack: QStackedWidget) -> None:
    """Let `stack` ask only for the room of the page it shows. A QStackedWidget asks for its
    widest page, so beside the narrow drawing the short "choose someone" line was cut off
    for the sake of the tie editor that was not even shown."""

    def follow(index: int) -> None:
        for i in range(stack.count()):
            page = stack.widget(i)
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        stack.updateGeometry()

    stack.currentChanged.connect(follow)
    follow(stack.currentIndex())
