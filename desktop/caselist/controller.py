"""The logic of the case list: what the worker searches, filters and sorts on, and which
section (my cases, shared with me, the team's cases) is shown.

Filtering by status and sorting happen in SQL inside the store (off the UI thread); only
the section - which depends on who is enrolled - is picked out here. A search asks the store
only for the ids of the cases it finds and picks those out of the list already read, as
long as no write came since; reading every row's marks and dates again for each search
took most of its time with 2,000 cases (issue 15).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.casefile.lifetime import while_alive
from desktop.caselist.model import CaseListModel
from desktop.operations import ChangeNotice, StoreSession

SEARCH_DELAY_MS = 150  # typing pauses this long before the list follows
REFRESH_DELAY_MS = 300  # a burst of edits or a sync refreshes the list once
MARKS_DELAY_MS = 2000  # edits that change no name, status or review date
LISTED_KINDS = frozenset({"case", "person", "safety_plan"})  # what the list shows or searches

ALL, MINE, OTHERS = "all", "mine", "others"  # sections; OTHERS reads "shared" or "team"
ORDERS = ("updated", "review", "title")


def in_section(summary: Any, section: str, user_id: str | None) -> bool:
    """Whether a case belongs in `section` for the enrolled user `user_id`.

    The service hands a worker only the cases they lead or that are shared with them, and a
    team lead all of the team's; so whatever is not the user's own is shared with them
    (worker) or a team case (team lead)."""
    if section == ALL or user_id is None:
        return True
    mine = summary.contact_worker_id in (user_id, None)  # a case made before enrolling is mine
    return mine if section == MINE else not mine


class CaseListController(QObject):
    updated = Signal(int)  # rows shown, after every refresh
    user_known = Signal(object)  # the enrolled user (dict) or None

    def __init__(self, session: StoreSession, model: CaseListModel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = model
        self.search = ""
        self.status: str | None = None
        self.order = "updated"
        self.section = ALL
        self.user: dict[str, Any] | None = None
        self._generation = 0
        self._search_timer = self._timer(SEARCH_DELAY_MS, self._search)
        self._refresh_timer = self._timer(REFRESH_DELAY_MS, self.refresh)
        self._all: list[Any] = []
        # The list without the search, as last read; None once a write may have changed it.
        self._unfiltered: list[Any] | None = None
        # The open case keeps its row while the worker edits it (a new name or review date
        # would otherwise move the row under the pointer); the list re-sorts when they leave.
        self._held: str | None = None
        self._held_row: int | None = None
        self._active = True  # False once cleared (locked), until the next refresh()
        session.changed.connect(self._on_changed)

    def _timer(self, msecs: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(msecs)
        timer.timeout.connect(slot)
        return timer

    # -- what the worker asks for -----------------------------------------------------------

    def hold(self, case_id: str | None) -> None:
        """`case_id` is the open case: its row stays where it is until another is opened
        (then the list sorts anew, the case that was left included)."""
        if case_id == self._held:
            return
        self._held, self._held_row = case_id, None
        self._show()

    def show_all(self) -> None:
        """Drop the search and the status filter (a case opened that they would hide)."""
        self.search, self.status, self.section = "", None, ALL
        self.refresh()

    def set_search(self, text: str, *, now: bool = False) -> None:
        self.search = text.strip()
        if now:
            self._search()
        else:
            self._search_timer.start()

    def _search(self) -> None:
        self._held_row = None
        if self._unfiltered is None or not self._active:
            self.refresh(searched=bool(self.search))
            return
        self._search_timer.stop()
        self._generation += 1
        generation, search, rows = self._generation, self.search, self._unfiltered
        if not search:
            self._all = rows
            self._show()
            return
        self.session.query(lambda store: store.log_access("search"))
        self.session.query(
            lambda store: store.matching_case_ids(search),
            while_alive(self, lambda ids: self._matched(generation, rows, ids)))

    def _matched(self, generation: int, rows: list[Any], ids: set[str]) -> None:
        if generation != self._generation:
            return  # the worker typed on, or the list was read again meanwhile
        self._all = [c for c in rows if c.id in ids]
        self._show()

    def set_status(self, status: str | None) -> None:
        self.status = status
        self._held_row = None  # the worker asked for another list: sort it as asked
        self.refresh()

    def set_order(self, order: str) -> None:
        if order not in ORDERS:
            raise ValueError(f"unknown case order {order!r}")
        self.order = order
        self._held_row = None
        self.refresh()

    def set_section(self, section: str) -> None:
        self.section = section
        self._held_row = None
        self._show()

    # -- fetching ---------------------------------------------------------------------------

    def refresh(self, *, searched: bool = False) -> None:
        """Ask the store for the list as it now stands (a later answer replaces an earlier).

        `searched`: the worker searched, which the access log records (NEN 7513) - that a
        search happened, never what was searched for."""
        self._active = True
        self._search_timer.stop()
        self._refresh_timer.stop()
        self._generation += 1
        generation = self._generation
        search, status, order = self.search or None, self.status, self.order

        def fetch(store: Any) -> tuple[list[Any], set[str] | None, Any]:
            return (store.list_cases(status=status, order=order),
                    store.matching_case_ids(search) if search else None,
                    store.get_setting("user"))

        if searched:
            # Its own job: the list need not wait for the log's write to reach the disk.
            self.session.query(lambda store: store.log_access("search"))

        self.session.query(
            fetch, while_alive(self, lambda result: self._fetched(generation, result)))

    def _fetched(self, generation: int,
                 result: tuple[Sequence[Any], set[str] | None, Any]) -> None:
        if generation != self._generation:
            return  # an answer to a question the worker no longer asks
        cases, matching, user = result
        user = user if isinstance(user, dict) else None
        if user != self.user:
            self.user = user
            self.user_known.emit(user)
        self._unfiltered = list(cases)
        self._all = self._unfiltered if matching is None \
            else [c for c in self._unfiltered if c.id in matching]
        self._show()

    def _show(self) -> None:
        user_id = self.user.get("id") if self.user else None
        shown = [c for c in self._all if in_section(c, self.section, user_id)]
        held = next((i for i, c in enumerate(shown) if c.id == self._held), None)
        if held is not None:
            if self._held_row is None:
                self._held_row = held  # where the worker found it
            else:
                # The others keep their order among themselves, so putting the open case
                # back where it was leaves every row in its place.
                shown.insert(min(self._held_row, len(shown) - 1), shown.pop(held))
        self.model.set_cases(shown)
        self.updated.emit(len(shown))

    def clear(self) -> None:
        """Forget every case (on lock): no family's name stays in memory of the list."""
        self._generation += 1
        self._active = False
        self._search_timer.stop()
        self._refresh_timer.stop()
        self._all = []
        self._unfiltered = None
        self._held = self._held_row = None
        self.model.set_cases([])

    def _on_changed(self, notice: ChangeNotice) -> None:
        # Any write may change a name, a status or the unsynced marks; a burst refreshes once.
        # A note being typed only moves the marks: that refresh may wait for a longer pause.
        if not self._active:
            return
        self._unfiltered = None  # the next search reads the list again
        shown = not notice.kinds or bool(notice.kinds & LISTED_KINDS) or notice.source == "sync"
        self._refresh_timer.start(REFRESH_DELAY_MS if shown else MARKS_DELAY_MS)
