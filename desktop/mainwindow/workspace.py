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
        from desktop.networkmap.tab import NetworkMapTab

        self.case_list = CaseListView(session, self)
        self.case_file = CaseFileView(session, self)
        self.network_map = NetworkMapTab(self.case_file.controller, self.case_file)
        self.add_tab(self.network_map, self.tr("N&etwork map"))
        self.addWidget(self.case_list)
        self.addWidget(self.case_file)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 5)
        self.case_list.case_activated.connect(self.open_case)
        from desktop.safetyplan.queue import ReviewQueueView
        from desktop.safetyplan.tab import PlanTab

        self.plan_tab = PlanTab(self.case_file.controller, self.case_file)
        self.add_tab(self.plan_tab, self.tr("&Safety plan"))
        # A team lead's plans to review, left of the case list; hidden for everyone else.
        self.review_queue = ReviewQueueView(session, self)
        self.insertWidget(0, self.review_queue)
        self.review_queue.plan_chosen.connect(self.open_plan)
        self.review_queue.load()

    def open_case(self, case_id: str) -> None:
        self.case_file.open_case(case_id)
        # However it was opened (the list, the wizard), the list shows and marks it.
        self.case_list.show_case(case_id)
        self.case_opened.emit(case_id)

    def open_plan(self, case_id: str) -> None:
        self.open_case(case_id)
        self.case_file.tabs.setCurrentWidget(self.plan_tab)

    def clear(self) -> None:
        """Forget the open case (before locking or when another family must not be shown)."""
        self.case_file.clear()
        self.case_list.clear()

    def add_tab(self, widget: QWidget, title: str) -> int:
        """For later views of a case (network map, safety plan): a main view beside the rest."""
        return self.case_file.add_tab(widget, title)
