"""CaseFileView: the open case - its header and its views as tabs.

Overzicht, Personen, Huisbezoeken, Taken, Toestemming and Tijdlijn are built in; the
network map and the safety plan slot in with `add_tab` after the overview. A tab is
filled only when it is shown (`load(case_id)`), so a case opens quickly whatever its size.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.casefile.consent import ConsentTab
from desktop.casefile.controller import CaseFileController
from desktop.casefile.handover import HandoverDialog
from desktop.casefile.header import CaseHeader
from desktop.casefile.lifetime import while_alive
from desktop.casefile.loading import CaseHead, log_opening, read_case_head
from desktop.casefile.overview import OverviewTab
from desktop.casefile.people import PeopleTab
from desktop.casefile.sharing import SharingDialog
from desktop.casefile.tasks import TasksTab
from desktop.casefile.timeline import TimelineTab
from desktop.casefile.visits import VisitsTab
from desktop.disclosure.dialog import DisclosureDialog
from desktop.disclosure.gather import CaseContent, gather, gather_for_inzage
from desktop.operations import ChangeNotice, StoreSession
from desktop.settings import Settings
from storage.handover import hand_over


class CaseFileView(QWidget):
    loaded = Signal(str)  # case_id: header, overview and the shown tab are on screen

    def __init__(self, session: StoreSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.controller = CaseFileController(session, self)
        self.head: CaseHead | None = None
        self._waiting: set[QWidget] = set()
        self._head_pending = False

        self.header = CaseHeader(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Views of the case"))
        self.tabs.setDocumentMode(True)
        self.overview = OverviewTab(self.controller, self)
        self.people = PeopleTab(self.controller, self)
        self.visits = VisitsTab(self.controller, self)
        self.tasks = TasksTab(self.controller, self)
        self.consent = ConsentTab(self.controller, self)
        self.timeline = TimelineTab(self.controller, self)
        self.tabs.addTab(self.overview, self.tr("&Overview"))
        self.tabs.addTab(self.people, self.tr("&People"))
        self.tabs.addTab(self.visits, self.tr("Home &visits"))
        self.tabs.addTab(self.tasks, self.tr("&Tasks"))
        self.tabs.addTab(self.consent, self.tr("&Consent"))
        self.tabs.addTab(self.timeline, self.tr("Time&line"))
        self._next_slot = 1  # where the next added main view goes: after the overview
        self.tabs.currentChanged.connect(self._on_tab)
        for tab in self._lazy_tabs():
            tab.loaded.connect(lambda _case_id, w=tab: self._tab_loaded(w))

        # Fixed texts (what would be undone is in the tooltip), so the header does not shift
        # with every edit.
        stack = self.controller.undo_stack
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(stack.undo)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.undoTextChanged.connect(self.undo_action.setToolTip)
        self.redo_action = QAction(self.tr("Redo"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(stack.redo)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.redoTextChanged.connect(self.redo_action.setToolTip)
        for action in (self.undo_action, self.redo_action):
            action.setEnabled(False)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

        self.placeholder = QLabel(self.tr("Choose a case from the list."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setAccessibleName(self.tr("No case open"))
        content = QWidget(self)
        bar = QHBoxLayout()
        bar.addWidget(self.header, 1)
        # Undo and redo above sharing and handing over: two short rows beside the header
        # instead of one long one, so the family's name keeps its room.
        buttons = QGridLayout()
        buttons.setSpacing(4)
        for index, action in enumerate((self.undo_action, self.redo_action)):
            button = QToolButton(content)
            button.setDefaultAction(action)
            button.setAccessibleName(action.text())
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button, 0, index)
        # Sharing and handing over decide who sees the case: only its contact worker and the
        # team lead may (the service refuses anyone else), so only they see them enabled.
        self.share_button = QPushButton(self.tr("Share…"), content)
        self.share_button.setToolTip(self.tr(
            "Share the case with a colleague or the regional safety team"))
        self.share_button.clicked.connect(self.share)
        self.handover_button = QPushButton(self.tr("Hand over…"), content)
        self.handover_button.setToolTip(self.tr("Hand the case over to another contact worker"))
        self.handover_button.clicked.connect(self.hand_over)
        for index, button in enumerate((self.share_button, self.handover_button)):
            button.setEnabled(False)
            buttons.addWidget(button, 1, index)
        # What leaves the laptop (inzage, consult) below them.
        self.header.export_button.setSizePolicy(QSizePolicy.Policy.Expanding,
                                                QSizePolicy.Policy.Fixed)
        buttons.addWidget(self.header.export_button, 2, 0, 1, 2)
        bar.addLayout(buttons)
        bar.setAlignment(buttons, Qt.AlignmentFlag.AlignTop)
        self.sharing_dialog: SharingDialog | None = None
        self.handover_dialog: HandoverDialog | None = None
        column = QVBoxLayout(content)
        column.addLayout(bar)
        column.addWidget(self.tabs, 1)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.disclosure: DisclosureDialog | None = None
        self.header.disclosure_requested.connect(self.open_disclosure)
        self.controller.external_change.connect(self._on_external)
        self.controller.record_saved.connect(self._on_saved)
        self.controller.record_created.connect(self._on_saved)

    @property
    def case_id(self) -> str | None:
        return self.controller.case_id

    # -- the public face: open, clear, add a view -------------------------------------------

    def open_case(self, case_id: str) -> None:
        """Show `case_id`; `loaded` follows once it is on screen."""
        self.flush()
        if case_id != self.controller.case_id:
            # Until the new case has loaded, nothing can be typed: a keystroke in that moment
            # would land in the previous family's record or be overwritten by the load.
            self._close_disclosure()
            self.overview.show_case(None, "", None)
            for tab in self._lazy_tabs():
                tab.clear()
        self.controller.open(case_id)
        self._waiting = set()
        self._read_head(case_id, opening=True)
        self._ensure_loaded(self.tabs.currentWidget())

    def open_disclosure(self, what: str) -> None:
        """The inzage or anonymous consult of the open case: read it (and for the inzage the
        service's log) off the UI thread, then show the preview."""
        case_id = self.case_id
        if case_id is None:
            return

        def show(content: CaseContent) -> None:
            if content.case.id != self.case_id:
                return  # another case was opened meanwhile: never show the wrong family
            self._close_disclosure()
            self.disclosure = DisclosureDialog(self.session, content, what, self)
            self.disclosure.finished.connect(lambda _r: self._close_disclosure())
            self.disclosure.open()

        # The inzage also holds the service's log of the case: fetched here, off the UI
        # thread, with one short attempt (offline the inzage says its log is incomplete).
        read = gather_for_inzage if what == "inzage" else gather
        self.session.query(lambda store: read(store, case_id), while_alive(self, show))

    def _close_disclosure(self) -> None:
        dialog, self.disclosure = self.disclosure, None
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()

    def clear(self) -> None:
        """Show nothing of any case (locking, or another family at the table)."""
        self._close_disclosure()
        self.flush()
        self.controller.open(None)
        self.head = None
        self.header.show_case(None, "", None)
        self.overview.show_case(None, "", None)
        for tab in self._lazy_tabs():
            tab.clear()
        self.pages.setCurrentWidget(self.placeholder)

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a main view of the case (network map, safety plan) after the ones added before.

        A view with `load(case_id)` is filled when first shown and should then emit
        `loaded(case_id)`; one with `clear()` is emptied when the case closes."""
        index = self.tabs.insertTab(self._next_slot, widget, title)
        self._next_slot += 1
        if hasattr(widget, "loaded"):
            widget.loaded.connect(lambda _case_id, w=widget: self._tab_loaded(w))
        return index

    def remember_layout(self, settings: Settings) -> None:
        """Keep the dividers between lists and forms where the worker puts them."""
        for tab in (self.people, self.visits, self.tasks, self.consent):
            tab.remember_layout(settings)

    def flush(self) -> None:
        """Save what the worker has typed but not yet paused on."""
        self.overview.flush()
        for tab in self._lazy_tabs():
            form = getattr(tab, "form", None)
            if form is not None:
                form.flush()
        self.visits.scores.flush()

    # -- loading ----------------------------------------------------------------------------

    def _lazy_tabs(self) -> list[Any]:
        widgets = (self.tabs.widget(i) for i in range(self.tabs.count()))
        return [w for w in widgets if hasattr(w, "load") and hasattr(w, "clear")]

    def _read_head(self, case_id: str, *, opening: bool = False) -> None:
        self._head_pending = True
        if opening:
            # Its own job, so that the case shows without waiting for the log on disk.
            self.session.query(lambda s: log_opening(s, case_id))
        self.controller.when_settled(lambda: self.session.query(
            lambda s: read_case_head(s, case_id),
            while_alive(self, lambda head: self._head_read(case_id, head))))

    def _head_read(self, case_id: str, head: CaseHead) -> None:
        if case_id != self.controller.case_id:
            return
        self._head_pending = False
        if head.case is None:
            self.clear()  # removed, or purged by a sync
            return
        self.head = head
        self._show_head()
        self.overview.show_case(head.case, head.contact_worker, head.plan)
        self.pages.setCurrentIndex(1)
        self._maybe_loaded()

    def _show_head(self) -> None:
        head = self.head
        if head is None:
            return
        self.header.show_case(head.case, head.contact_worker, head.next_review,
                              head.open_conflicts, head.shared_with, head.team)
        for button in (self.share_button, self.handover_button):
            button.setEnabled(head.may_place)

    # -- sharing and handing over ----------------------------------------------------------

    def share(self) -> None:
        """Open "Share…" once the directory is read; saving is one undoable edit."""
        case_id = self.case_id
        if case_id is None or self.head is None or not self.head.may_place:
            return
        self.session.query(lambda s: s.colleagues(),
                           while_alive(self, lambda users: self._open_sharing(case_id, users)))

    def _open_sharing(self, case_id: str, users: Any) -> None:
        head = self.head
        if case_id != self.case_id or head is None or head.case is None:
            return
        fields = head.case.fields
        before = list(fields.get("shared_with") or [])
        dialog = SharingDialog(users, before, head.names, case_title=fields.get("title") or "",
                               exclude=[fields.get("contact_worker_id") or ""], parent=self)

        def save() -> None:
            chosen = dialog.chosen()
            if case_id == self.case_id and chosen != before:
                self.controller.edit_field(
                    case_id, "case", "shared_with", before, chosen,
                    text=self.tr("Share the case") if chosen else self.tr("Stop sharing"))

        dialog.accepted.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        self.sharing_dialog = dialog
        dialog.open()

    def hand_over(self) -> None:
        """Open "Hand over…"; its button hands over (not undoable: the case may leave)."""
        case_id = self.case_id
        if case_id is None or self.head is None or not self.head.may_place:
            return
        self.session.query(lambda s: s.colleagues(),
                           while_alive(self, lambda users: self._open_handover(case_id, users)))

    def _open_handover(self, case_id: str, users: Any) -> None:
        head = self.head
        if case_id != self.case_id or head is None or head.case is None:
            return
        fields = head.case.fields
        # A contact worker is one of the case's own team (not a team lead's admin account).
        candidates = [u for u in users if fields.get("team_id") in u.team_ids
                      and u.id != fields.get("contact_worker_id") and u.role != "admin"]
        dialog = HandoverDialog(candidates, case_title=fields.get("title") or "", parent=self)

        def confirm() -> None:
            to_user, note = dialog.to_user_id(), dialog.note_title()
            if case_id != self.case_id or not to_user:
                return
            self.controller.undo_stack.clear()  # an undo would write into a case not ours
            self.controller.write(lambda s: hand_over(s, case_id, to_user, note),
                                  self.controller.record_saved.emit, "case")
            self.controller.when_settled(lambda: self._read_head(case_id))

        dialog.accepted.connect(confirm)
        dialog.finished.connect(dialog.deleteLater)
        self.handover_dialog = dialog
        dialog.open()

    def _ensure_loaded(self, widget: QWidget | None) -> None:
        case_id = self.controller.case_id
        if case_id is None or widget is None or not hasattr(widget, "load"):
            return
        if getattr(widget, "loaded_case", None) != case_id:
            self._waiting.add(widget)
            self.controller.when_settled(lambda: widget.load(case_id))

    def _on_tab(self, index: int) -> None:
        self._ensure_loaded(self.tabs.widget(index))

    def _tab_loaded(self, widget: QWidget) -> None:
        self._waiting.discard(widget)
        self._maybe_loaded()

    def _maybe_loaded(self) -> None:
        if not self._head_pending and not self._waiting and self.controller.case_id:
            self.loaded.emit(self.controller.case_id)

    def _on_saved(self, record: Any) -> None:
        if record.kind == "safety_plan" and self.case_id:
            self._read_head(self.case_id)  # a review date set in the overview
            return
        if record.kind == "case" and self.head is not None and record.id == self.case_id:
            self.head = CaseHead(record, self.head.next_review, self.head.user,
                                 self.head.open_conflicts, self.head.plan, self.head.names)
            self._show_head()

    def _on_external(self, notice: ChangeNotice) -> None:
        # A sync or a resolved conflict may change the case, its plans' review dates or its
        # open conflicts: the header reads them again.
        if self.case_id:
            self._read_head(self.case_id)


def open_and_wait(view: CaseFileView, case_id: str, timeout_ms: int = 10_000) -> bool:
    """Open `case_id` and return once it is on screen (for benchmarks and tests)."""
    loop = QEventLoop()
    done: list[str] = []

    def finished(loaded_id: str) -> None:
        if loaded_id == case_id:
            done.append(loaded_id)
            loop.quit()

    view.loaded.connect(finished)
    QTimer.singleShot(timeout_ms, loop.quit)
    try:
        view.open_case(case_id)
        if not done:
            loop.exec()
    finally:
        view.loaded.disconnect(finished)
    return bool(done)
