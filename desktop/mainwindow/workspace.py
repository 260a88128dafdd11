"""What the unlocked window shows: the case list on the left, the open case on the right.

The workspace is built at each unlock and thrown away at each lock, so no widget keeps a
family's name while the window is locked. The case list and case file views come from
desktop/caselist and desktop/casefile; the network map and the safety plan join the case
file through `add_tab`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QWidget

from desktop.operations import StoreSession


class Workspace(QSplitter):
    """Left: `case_list`; right: `case_file`. Emits `case_opened(case_id)`."""

    case_opened = Signal(str)

    def __init__(self, session: StoreSession, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("workspace")
        self.setChildrenCollapsible(False)
        # Imported here, at the first unlock: the unlock page should not wait for them.
        from desktop.casefile.view import CaseFileView
        from desktop.caselist.view import CaseListView

        self.case_list = CaseListView(session, self)
        self.case_file = CaseFileView(session, self)
        self.addWidget(self.case_list)
        self.addWidget(self.case_file)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 5)
        self.case_list.case_activated.connect(self.open_case)

    def open_case(self, case_id: str) -> None:
        self.case_file.open_case(case_id)
        # However it was opened (the list, the wizard), the list shows and marks it.
        self.case_list.show_case(case_id)
        self.case_opened.emit(case_id)

    def clear(self) -> None:
        """Forget the open case (before locking or when another family must not be shown)."""
        self.case_file.clear()
        self.case_list.clear()

    def add_tab(self, widget: QWidget, title: str) -> int:
        """For later views of a case (network map, safety plan): a main view beside the rest."""
        return self.case_file.add_tab(widget, title)
