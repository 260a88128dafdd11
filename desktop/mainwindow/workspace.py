"""What the unlocked window shows: the case list on the left, the open case on the right.

The workspace is built at each unlock and thrown away at each lock, so no widget keeps a
family's name while the window is locked. The case list and case file views come from
desktop/caselist and desktop/casefile; the network map and the safety plan join the case
file through `add_tab`.

Only the case list (and a team lead's review queue) is built at unlock. The case file with
its tabs, the network map and the safety plan are imported and built when first needed
(`case_file`, usually the first case opened): they cost about half of the start, and the
worker first looks at the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QWidget

from desktop.operations import StoreSession
from desktop.settings import Settings

if TYPE_CHECKING:
    from desktop.casefile.view import CaseFileView
    from desktop.networkmap.tab import NetworkMapTab
    from desktop.safetyplan.tab import PlanTab


class Workspace(QSplitter):
    """Left: `case_list`; right: `case_file`. Emits `case_opened(case_id)`."""

    case_opened = Signal(str)
    # A conflicted person or tie chosen on the map: the window opens its conflict dialog.
    map_conflict_chosen = Signal(str)

    def __init__(self, session: StoreSession, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("workspace")
        self.setChildrenCollapsible(False)
        self.session = session
        self.settings = settings
        self._case_file: CaseFileView | None = None
        # Put beside the open case's header when the case file is built (the window's
        # kitchen-table button).
        # Imported here, at the first unlock: the unlock page should not wait for them.
        from desktop.caselist.view import CaseListView
        from desktop.safetyplan.queue import ReviewQueueView

        self.case_list = CaseListView(session, self)
        # What the case file shows with no case open, until the case file is built.
        self._stand_in = QLabel(
            QCoreApplication.translate("CaseFileView", "Choose a case from the list."), self)
        self._stand_in.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stand_in.setAccessibleName(
            QCoreApplication.translate("CaseFileView", "No case open"))
        self.addWidget(self.case_list)
        self.addWidget(self._stand_in)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 5)
        self.case_list.case_activated.connect(self.open_case)
        # A team lead's plans to review, left of the case list; hidden for everyone else.
        self.review_queue = ReviewQueueView(session, self)
        self.insertWidget(0, self.review_queue)
        self.review_queue.plan_chosen.connect(self.open_plan)
        self.review_queue.load()

    @property
    def case_file_built(self) -> bool:
        return self._case_file is not None

    @property
    def case_file(self) -> CaseFileView:
        """The case file, built (with the map and plan tabs) the first time it is asked for."""
        if self._case_file is None:
            self._build_case_file()
        assert self._case_file is not None
        return self._case_file

    @property
    def network_map(self) -> NetworkMapTab:
        self.case_file  # noqa: B018 - builds the tabs
        return self._network_map

    @property
    def plan_tab(self) -> PlanTab:
        self.case_file  # noqa: B018 - builds the tabs
        return self._plan_tab

    def _build_case_file(self) -> None:
        from desktop.casefile.view import CaseFileView
        from desktop.networkmap.tab import NetworkMapTab
        from desktop.safetyplan.tab import PlanTab

        view = CaseFileView(self.session)  # no parent yet: the splitter would append it
        self._case_file = view
        self._network_map = NetworkMapTab(view.controller, view)
        self.add_tab(self._network_map, self.tr("N&etwork map"))
        self._network_map.conflict_chosen.connect(self.map_conflict_chosen)
        self._plan_tab = PlanTab(view.controller, view)
        self.add_tab(self._plan_tab, self.tr("&Safety plan"))
        if self.settings is not None:
            view.remember_layout(self.settings)
        sizes = self.sizes()
        index = self.indexOf(self._stand_in)
        self.replaceWidget(index, view)
        self.setStretchFactor(index, 5)
        self.setSizes(sizes)  # the divider stays where it was
        self._stand_in.deleteLater()

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
        if self._case_file is not None:
            self._case_file.clear()
        self.case_list.clear()

    def add_tab(self, widget: QWidget, title: str) -> int:
        """For later views of a case (network map, safety plan): a main view beside the rest."""
        return self.case_file.add_tab(widget, title)
