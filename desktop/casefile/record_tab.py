"""A case-file tab that lists the records of one kind and edits the chosen one in a form.

People, home visits, tasks and consent all work this way; each says which columns, which
form fields and what a new record starts with. The tab loads its records only when it is
first shown (`load`), so that opening a case stays quick however long its history is.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.casefile.controller import CaseFileController
from desktop.casefile.editors import FieldEditor
from desktop.casefile.form import RecordForm
from desktop.casefile.lifetime import while_alive
from desktop.casefile.records_model import Column, RecordTableModel
from desktop.operations import ChangeNotice
from desktop.settings import SPECS, Settings
from sync.protocol import Record
from sync.schema import field_spec


class RecordTab(QWidget):
    """Table of records above, the chosen record's form below."""

    loaded = Signal(str)  # case_id, once the records are on screen
    kind = ""
    columns: tuple[Column, ...] = ()
    form_fields: tuple[str, ...] = ()

    def __init__(self, controller: CaseFileController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.loaded_case: str | None = None
        self.model = RecordTableModel(self.kind, self.columns, self.sort_key, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self._size_columns()
        self.table.verticalHeader().hide()
        # A handful of rows always shows; the form below scrolls instead.
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 6)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.form = RecordForm(self.kind, self.form_fields, self, self.custom_editors())
        self.form.edited.connect(controller.edit_field)
        self.add_button = QPushButton(self.add_text(), self)
        self.add_button.clicked.connect(self.add_record)
        self.delete_button = QPushButton(self.tr("&Remove"), self)
        self.delete_button.setAccessibleName(self.tr("Remove the chosen entry"))
        self.delete_button.clicked.connect(self.delete_current)
        self.delete_button.setEnabled(False)
        self._build_layout()
        controller.field_set.connect(self._on_field_set)
        # A saved field is already on screen (field_set); only a new record needs placing.
        controller.record_created.connect(self._on_created)
        controller.record_deleted.connect(self._on_deleted)
        controller.external_change.connect(self._on_external)

    def _size_columns(self) -> None:
        """Dates and ticks get what they need, from the font (never measured over thousands of
        rows); the text columns share the rest."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for index, column in enumerate(self.columns):
            kind_of_value = field_spec(self.kind, column.field).type
            if column.text is None and kind_of_value in ("date", "bool"):
                title = str(self.model.headerData(index, Qt.Orientation.Horizontal))
                widest = max(metrics.horizontalAdvance("00-00-0000"),
                             metrics.horizontalAdvance(title))
                header.setSectionResizeMode(index, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(index, widest + 24)

    # -- what a tab says about itself --------------------------------------------------------

    def sort_key(self, record: Record) -> Any:
        return record.id

    def add_text(self) -> str:
        return self.tr("&Add")

    def new_fields(self) -> dict[str, Any]:
        """The fields a new record starts with (the registry's required ones at least)."""
        return {}

    def custom_editors(self) -> dict[str, FieldEditor]:
        """Editors that replace the registry's default for some fields."""
        return {}

    def detail_widget(self) -> QWidget:
        """What shows the chosen record: the form, or the form with more around it."""
        return self.form

    # -- layout -----------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.table.setAccessibleName(self.accessible_table_name())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.table)
        # The form scrolls, however small the window: no field is ever cut off.
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.detail_widget())
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.scroll)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def remember_layout(self, settings: Settings) -> None:
        """Put the divider between list and form where the worker left it, and keep it there."""
        name = f"splitter_{self.kind}"
        if name not in SPECS:
            return
        sizes = [int(p) for p in str(settings.get(name)).split(",") if p.strip().isdigit()]
        if len(sizes) == 2 and all(sizes):
            self.splitter.setSizes(sizes)
        self.splitter.splitterMoved.connect(
            lambda *_: settings.set(name, ",".join(str(h) for h in self.splitter.sizes())))

    def accessible_table_name(self) -> str:
        return self.tr("List")

    # -- loading ----------------------------------------------------------------------------

    def load(self, case_id: str) -> None:
        """Fetch this tab's records of `case_id` (off the UI thread)."""
        kind = self.kind
        self.controller.session.query(
            lambda s: self.fetch(s, case_id, kind),
            while_alive(self, lambda result: self._loaded(case_id, result)),
        )

    def fetch(self, store: Any, case_id: str, kind: str) -> Any:
        return store.list_records(kind=kind, case_id=case_id)

    def _loaded(self, case_id: str, result: Any) -> None:
        if case_id != self.controller.case_id:
            return  # the worker has moved on to another case meanwhile
        chosen = self.current_record()
        self.show_result(result)
        self.loaded_case = case_id
        row = self.model.row_of(chosen.id) if chosen is not None else -1
        self._select_row(row if row >= 0 else (0 if self.model.rowCount() else -1))
        self.loaded.emit(case_id)

    def show_result(self, result: Any) -> None:
        self.model.set_records(result)

    def clear(self) -> None:
        self.form.show_record(None)
        self.model.set_records([])
        self.loaded_case = None

    # -- the chosen record ------------------------------------------------------------------

    def current_record(self) -> Record | None:
        return self.model.record(self.table.currentIndex().row())

    def select_record(self, record_id: str) -> None:
        self._select_row(self.model.row_of(record_id))

    def _select_row(self, row: int) -> None:
        if row < 0:
            self.table.selectionModel().clearCurrentIndex()
            self.table.clearSelection()
            self._on_current()
            return
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        self._on_current()

    def _on_current(self, *_: Any) -> None:
        record = self.current_record()
        self.form.show_record(record)
        self.delete_button.setEnabled(record is not None)
        self.record_chosen(record)

    def record_chosen(self, record: Record | None) -> None:
        """For tabs that show more about the chosen record than its form."""

    # -- edits ------------------------------------------------------------------------------

    def add_record(self) -> None:
        self.form.flush()
        self.controller.create(self.kind, self.new_fields(), self._created)

    def _created(self, record: Record) -> None:
        self.select_record(record.id)
        first = next(iter(self.form.editors.values()), None)
        if first is not None:
            self.scroll.verticalScrollBar().setValue(0)  # the form from its top
            self.scroll.ensureWidgetVisible(first.widget)
            first.widget.setFocus()
            if isinstance(first.widget, QLineEdit):
                first.widget.selectAll()  # "New person" is there to be typed over

    def record_name(self, record: Record) -> str:
        """How the question and the undo button name a record ("Sanne de Vries")."""
        for field in ("name", "title", "purpose"):
            if record.fields.get(field):
                return str(record.fields[field])
        return self.tr("this entry")

    def delete_current(self) -> None:
        record = self.current_record()
        if record is None:
            return
        name = self.record_name(record)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove"),
                          self.tr("Remove %1?").replace("%1", name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setInformativeText(self.tr("You can undo this (Ctrl+Z) until the next "
                                       "synchronisation."))
        box.setDefaultButton(QMessageBox.StandardButton.No)  # removing takes a choice
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.form.flush()  # nothing typed into it may arrive after it is gone
            self.controller.delete(record.id, self.kind, name)

    def _on_field_set(self, record_id: str, field: str, value: Any) -> None:
        row = self.model.row_of(record_id)
        if row < 0:
            return
        record = self.model.record(row)
        assert record is not None
        fields = {**record.fields, field: value}
        self.model.upsert(record.model_copy(update={"fields": fields}))
        self.form.set_field(record_id, field, value)

    def _on_created(self, record: Record) -> None:
        if record.kind == self.kind and record.case_id == self.loaded_case:
            self.model.upsert(record)

    def _on_deleted(self, record_id: str, kind: str) -> None:
        if kind == self.kind:
            self.model.remove(record_id)
            self._on_current()

    def _on_external(self, notice: ChangeNotice) -> None:
        if self.loaded_case is not None and notice.concerns(kind=self.kind):
            self.form.flush()
            if not self.isVisible():
                self.loaded_case = None  # read again when shown: a sync need not wait on it
                return
            case_id = self.loaded_case
            self.controller.when_settled(lambda: self.load(case_id))
