"""What the unlocked window shows: the case list on the left, the open case on the right.

The workspace is built at each unlock and thrown away at each lock, so no widget keeps a
family's name while the window is locked. The case list and case file views come from
desktop/caselist and desktop/casefile.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QWidget

from desktop.operations import StoreSession

log = logging.getLogger(__name__)


def _views() -> tuple[Any, Any]:
    """The case list and case file view classes, or None where they are not there yet."""
    try:
        from desktop.caselist.view import CaseListView
    except ImportError:
        CaseListView = None  # noqa: N806
    try:
        from desktop.casefile.view import CaseFileView
    except ImportError:
        CaseFileView = None  # noqa: N806
    return CaseListView, CaseFileView


class Workspace(QSplitter):
    """Left: `case_list`; right: `case_file`. Emits `case_opened(case_id)`."""

    case_opened = Signal(str)

    def __init__(self, session: StoreSession, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("workspace")
        self.setChildrenCollapsible(False)
        list_class, file_class = _views()
        self.case_list: Any = (
            list_class(session, self) if list_class else self._missing(self.tr("Case list"))
        )
        self.case_file: Any = (
            file_class(session, self) if file_class else self._missing(self.tr("Case file"))
        )
        self.addWidget(self.case_list)
        self.addWidget(self.case_file)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 5)
        if hasattr(self.case_list, "case_activated"):
            self.case_list.case_activated.connect(self.open_case)

    def _missing(self, what: str) -> QLabel:
        label = QLabel(self.tr("%1 is not available in this build.").replace("%1", what))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        return label

    def open_case(self, case_id: str) -> None:
        if hasattr(self.case_file, "open_case"):
            self.case_file.open_case(case_id)
        self.case_opened.emit(case_id)

    def clear(self) -> None:
        """Forget the open case (before locking or when another family must not be shown)."""
        if hasattr(self.case_file, "clear"):
            self.case_file.clear()
        if hasattr(self.case_list, "clear"):
            self.case_list.clear()

    def add_tab(self, widget: QWidget, title: str) -> None:
        """For later views of a case (network map, safety plan)."""
        if hasattr(self.case_file, "add_tab"):
            self.case_file.add_tab(widget, title)
