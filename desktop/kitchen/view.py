"""Kitchen-table mode: the open case, full screen, for the family. The plan in their words,
the children's version, the network map, the scores and the shared visit notes, in large
type with big tap targets; nothing else of the app (no case list, no menu, no internal
notes, no conflicts, no other case). What it shows comes from `read_kitchen`, which copies
only the fields the family may see.

The family can add their own words (on a worry; a child's Three Houses): the mode hands them
to the plan tab, whose undoable commands write them like any edit, marked `with_family`.
Leaving asks the worker's passphrase (`LeavePanel`).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.casefile.lifetime import while_alive
from desktop.kitchen.children_page import ChildrenTablePage
from desktop.kitchen.data import KitchenData, read_kitchen
from desktop.kitchen.leave import LeavePanel
from desktop.kitchen.look import STYLE, TEXT_PT, heading, large
from desktop.kitchen.map_page import MapPage
from desktop.kitchen.plan_page import PlanPage
from desktop.kitchen.scores_page import ScoresPage
from desktop.kitchen.visits_page import VisitsPage
from desktop.operations import ChangeNotice, StoreSession


class FamilyWriter(Protocol):
    """Where the family's words go: the plan tab of the open case."""

    def write_family_view(self, record_id: str, text: str) -> None: ...

    def add_child_words(self, who: str, part: str, text: str, *,
                        with_family: bool = False) -> None: ...


class KitchenTable(QWidget):
    left = Signal()  # the worker gave the passphrase: back to the work screen
    shown = Signal(str)  # case_id: the case's data is on screen

    def __init__(self, session: StoreSession, case_id: str, writer: FamilyWriter,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kitchenTable")
        self.setStyleSheet(STYLE)
        large(self, TEXT_PT)
        self.session = session
        self.case_id = case_id
        self.writer = writer
        self.data = KitchenData(case_id)

        self.title = heading("", self)
        self.title.setAccessibleName(self.tr("Family"))
        self.leave_button = QPushButton(self.tr("Back to the work screen"), self)
        self.leave_button.setAccessibleName(self.tr("Back to the work screen"))
        self.leave_button.clicked.connect(self.ask_leave)
        self.plan = PlanPage(self)
        self.children = ChildrenTablePage(self)
        self.map = MapPage(self)
        self.scores = ScoresPage(self)
        self.visits = VisitsPage(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Parts of the plan"))
        for page, title in ((self.plan, self.tr("Our plan")),
                            (self.children, self.tr("For the children")),
                            (self.map, self.tr("Around us")),
                            (self.scores, self.tr("How safe is it")),
                            (self.visits, self.tr("Visits"))):
            self.tabs.addTab(page, title)
        self.leave_panel = LeavePanel(session, self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.tabs)
        self.pages.addWidget(self.leave_panel)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.leave_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)

        self.plan.family_view_written.connect(self._family_view)
        self.children.words_added.connect(self._child_words)
        self.leave_panel.confirmed.connect(self.left)
        self.leave_panel.cancelled.connect(self.stay)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._escape)
        session.changed.connect(self._on_changed)
        self.refresh()

    # -- what is on screen ------------------------------------------------------------------

    def refresh(self) -> None:
        case_id = self.case_id
        self.session.query(lambda store: read_kitchen(store, case_id),
                           while_alive(self, self._show))

    def _show(self, data: KitchenData) -> None:
        if data.case_id != self.case_id or data == self.data:
            return  # unchanged (a sync of other records): the pages stay as they are
        self.data = data
        names = {p.id: str(p.fields.get("name") or "") for p in data.people}
        self.title.setText(data.title)
        self.plan.show_plan(data.plan, data.items, names)
        self.children.show_plan(data.plan, data.items, data.people)
        self.map.show_map(data.people, data.ties)
        self.scores.show_scores(data.items, data.scores, data.visits, names)
        self.visits.show_visits(data.visits)
        self.shown.emit(data.case_id)

    def _on_changed(self, notice: ChangeNotice) -> None:
        if notice.concerns(case_id=self.case_id):
            self.refresh()

    # -- the family's words -----------------------------------------------------------------

    def _family_view(self, record_id: str, text: str) -> None:
        self.writer.write_family_view(record_id, text)

    def _child_words(self, who: str, part: str, text: str) -> None:
        self.writer.add_child_words(who, part, text, with_family=True)

    # -- leaving ----------------------------------------------------------------------------

    def ask_leave(self) -> None:
        self.pages.setCurrentWidget(self.leave_panel)
        self.leave_button.setEnabled(False)
        self.leave_panel.ask()

    def stay(self) -> None:
        self.leave_panel.reset()
        self.pages.setCurrentWidget(self.tabs)
        self.leave_button.setEnabled(True)
        self.tabs.setFocus()

    def _escape(self) -> None:
        if self.pages.currentWidget() is self.leave_panel:
            self.stay()
        else:
            self.ask_leave()

