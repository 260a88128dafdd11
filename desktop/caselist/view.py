"""CaseListView: the worker's cases - search on top, then section, status and order, then the
list. Choosing a row (click, Enter) says `case_activated(case_id)`.

Layout only; what is fetched and shown is the CaseListController's job.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.casefile.labels import choice_label, choices
from desktop.caselist.controller import ALL, MINE, ORDERS, OTHERS, CaseListController
from desktop.caselist.model import FAMILY, MARK, NEXT_REVIEW, STATUS, CaseListModel
from desktop.operations import StoreSession


class CaseListView(QWidget):
    case_activated = Signal(str)
    loaded = Signal(int)  # rows shown, after each refresh

    def __init__(self, session: StoreSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CaseListModel(self)
        self.controller = CaseListController(session, self.model, self)
        self._open_case: str | None = None

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by family or person name"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.controller.set_search)
        self.search.returnPressed.connect(self._open_first)
        find = QAction(self.tr("Find a case"), self)
        find.setShortcut(QKeySequence("Ctrl+F"))
        find.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        find.triggered.connect(self._focus_search)
        self.addAction(find)

        self.section = QComboBox(self)
        self.section.setAccessibleName(self.tr("Which cases"))
        self.section.currentIndexChanged.connect(
            lambda _i: self.controller.set_section(self.section.currentData() or ALL))
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("Filter by status"))
        self.status.addItem(self.tr("All statuses"), None)
        for value in choices("case", "status"):
            self.status.addItem(choice_label(value), value)
        self.status.currentIndexChanged.connect(
            lambda _i: self.controller.set_status(self.status.currentData()))
        self.order = QComboBox(self)
        self.order.setAccessibleName(self.tr("Sort by"))
        order_names = {
            "updated": self.tr("Last change"),
            "review": self.tr("Next review date"),
            "title": self.tr("Family name"),
        }
        for value in ORDERS:
            self.order.addItem(order_names[value], value)
        self.order.currentIndexChanged.connect(
            lambda _i: self.controller.set_order(self.order.currentData()))

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Widths from the font, never from the contents: measuring 2,000 rows on every search
        # would cost more than the search itself.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # A chosen row would make every column title bold, wider than measured below.
        header.setHighlightSections(False)
        header.setSectionResizeMode(FAMILY, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        for column, sample in ((STATUS, "Afgesloten_"), (NEXT_REVIEW, "00-00-0000_"),
                               (MARK, "⚠ 0 ↑ 00_")):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            # The cell's own padding comes on top of the text.
            self.table.setColumnWidth(column, widest + 16)
        header.setMinimumSectionSize(metrics.horizontalAdvance("0000"))
        # Room for a family name beside the other columns, whatever the splitter does.
        others = sum(self.table.columnWidth(c) for c in (STATUS, NEXT_REVIEW, MARK))
        self.setMinimumWidth(metrics.horizontalAdvance("Familie Van der Meer") + others + 32)
        # The marks hold a returned plan's mark too: room for it, taken from the family's
        # column, which gives way first on a narrow screen.
        returned = metrics.horizontalAdvance(self.model.returned_word()) + 16
        self.table.setColumnWidth(MARK, max(self.table.columnWidth(MARK), returned))
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Two lines a row: the family and what tells it apart (see CaseListModel).
        rows.setDefaultSectionSize(2 * metrics.lineSpacing() + 12)
        self.table.activated.connect(self._activate)
        self.table.clicked.connect(self._activate)
        self.count = QLabel(self)

        filters = QFormLayout()
        filters.setHorizontalSpacing(12)
        for text, combo in ((self.tr("Sho&w"), self.section), (self.tr("Stat&us"), self.status),
                            (self.tr("Sort &by"), self.order)):
            label = QLabel(text, self)
            label.setBuddy(combo)
            filters.addRow(label, combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.setTabOrder(self.search, self.section)
        self.setTabOrder(self.section, self.status)
        self.setTabOrder(self.status, self.order)
        self.setTabOrder(self.order, self.table)

        self.controller.updated.connect(self._updated)
        self.controller.user_known.connect(self._set_sections)
        self._set_sections(None)
        self.controller.refresh()

    # -- the public face --------------------------------------------------------------------

    def refresh(self) -> None:
        self.controller.refresh()

    def clear(self) -> None:
        """Show no case at all (on lock)."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.controller.search = ""
        self._open_case = None
        self.controller.clear()
        self.count.clear()

    def select_case(self, case_id: str | None) -> None:
        """Mark `case_id` as the open case (it stays marked when the list refreshes)."""
        self._open_case = case_id
        self.controller.hold(case_id)
        row = self.model.row_of(case_id) if case_id else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, FAMILY))
        else:
            self.table.clearSelection()

    def show_case(self, case_id: str) -> None:
        """The case opened elsewhere (a new case from the wizard): mark it, and when the
        search or the status filter hides it, drop them so that the worker sees it."""
        self.select_case(case_id)
        if self.model.row_of(case_id) < 0 and (
                self.controller.search or self.controller.status is not None
                or self.controller.section != ALL):
            for widget in (self.search, self.status, self.section):
                widget.blockSignals(True)
            self.search.clear()
            self.status.setCurrentIndex(0)
            self.section.setCurrentIndex(max(0, self.section.findData(ALL)))
            for widget in (self.search, self.status, self.section):
                widget.blockSignals(False)
            self.controller.show_all()

    # -- reacting ---------------------------------------------------------------------------

    def _set_sections(self, user: dict | None) -> None:
        chosen = self.section.currentData() or ALL
        self.section.blockSignals(True)
        self.section.clear()
        self.section.addItem(self.tr("All cases"), ALL)
        if user is not None:
            self.section.addItem(self.tr("My cases"), MINE)
            if user.get("role") == "teamlead":
                self.section.addItem(self.tr("Team cases"), OTHERS)
            else:
                self.section.addItem(self.tr("Shared with me"), OTHERS)
        self.section.setCurrentIndex(max(0, self.section.findData(chosen)))
        self.section.blockSignals(False)
        self.section.setEnabled(user is not None)
        self.controller.section = self.section.currentData() or ALL

    def _updated(self, rows: int) -> None:
        self.select_case(self._open_case)
        self.count.setText(self.tr("%n case(s)", "", rows))
        self.loaded.emit(rows)

    def _activate(self, index: QModelIndex) -> None:
        case_id = self.model.data(index, CaseListModel.CaseIdRole)
        if case_id:
            self._open_case = case_id
            self.controller.hold(case_id)
            self.case_activated.emit(case_id)

    def _open_first(self) -> None:
        if self.model.rowCount():
            self.table.selectRow(0)
            self.table.setFocus()
            self._activate(self.model.index(0, 0))

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()


def search_and_wait(view: CaseListView, text: str, timeout_ms: int = 10_000) -> int:
    """Search for `text` at once and return the rows shown (for benchmarks and tests)."""
    loop = QEventLoop()
    rows: list[int] = []

    def updated(count: int) -> None:
        rows.append(count)
        loop.quit()

    view.controller.updated.connect(updated)
    QTimer.singleShot(timeout_ms, loop.quit)
    try:
        view.search.blockSignals(True)
        view.search.setText(text)
        view.search.blockSignals(False)
        view.controller.set_search(text, now=True)
        if not rows:
            loop.exec()
    finally:
        view.controller.updated.disconnect(updated)
    return rows[-1] if rows else -1
