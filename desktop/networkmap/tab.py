"""Netwerkkaart: the case's network as a genogram or an ecogram, edited with the family.

The drawing, a list of the same people and ties (for the keyboard and a screen reader), the
legend and an editor of the chosen person or tie. Showing, refreshing or switching the map
never writes; only what the worker does (a drag released, an arrow key, a menu action, a
form field) becomes an undoable command on the case file's undo stack.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QMenu,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.casefile.controller import CaseFileController
from desktop.casefile.form import RecordForm
from desktop.casefile.labels import choices, field_label
from desktop.casefile.lifetime import while_alive
from desktop.networkmap.commands import (
    CreateRecords,
    DeleteRecords,
    Ids,
    MapWriter,
    SetFields,
    new_id,
)
from desktop.networkmap.compare import CompareDialog
from desktop.networkmap.legend import Legend
from desktop.networkmap.listmodel import ID_ROLE, MapListModel
from desktop.networkmap.model import NetworkModel, build, disputed, seen_by, viewpoints
from desktop.networkmap.paper_actions import MapPaper
from desktop.networkmap.reading import MAP_KINDS, Network, read_network
from desktop.networkmap.scene import MapScene, Move
from desktop.networkmap.snapshot import content_of
from desktop.networkmap.split import favour_drawing, size_by_current_page
from desktop.networkmap.view import MapView
from desktop.networkmap.words import value_label, viewpoint_label
from desktop.operations import ChangeNotice
from sync.protocol import Record

PERSON_FIELDS = ("name", "role", "gender", "birth_date", "circle", "ring", "index_person",
                 "deceased")
TIE_FIELDS = ("type", "quality", "direction", "support", "since", "until", "note")
POSITION = {"genogram": ("map_x", "map_y"), "ecogram": ("eco_x", "eco_y")}
DEFAULT_TIE = {"type": "family", "quality": "normal"}


class NetworkMapTab(QWidget):
    loaded = Signal(str)  # case_id, once the map is on screen
    conflict_chosen = Signal(str)  # record id: the worker wants to choose between versions

    def __init__(self, controller: CaseFileController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.loaded_case: str | None = None
        self.records: dict[str, Record] = {}
        self.model = NetworkModel()  # what is shown: all views, or one person's
        self.full_model = NetworkModel()
        self.ids = Ids()
        self.writer = MapWriter(controller, self.ids, self._written)
        self._select_after: set[str] = set()
        self._reading = False
        self._read_again = False
        self._wanted: str | None = None
        self._from_list = False

        self.scene = MapScene(self)
        self.view = MapView(self.scene, self)
        self.view.setAccessibleName(self.tr("Network map drawing"))
        self.list_model = MapListModel(self)
        self.list = QTreeView(self)
        self.list.setModel(self.list_model)
        self.list.setHeaderHidden(True)
        self.list.setAccessibleName(self.tr("People and ties of the map"))
        self.legend = Legend(self)
        self.person_form = RecordForm("person", PERSON_FIELDS, self)
        self.tie_form = RecordForm("relationship", TIE_FIELDS, self)
        for form in (self.person_form, self.tie_form):
            form.edited.connect(self._form_edited)
        self.nothing_chosen = QLabel(self.tr("Choose a person or a tie to change it."), self)
        self.nothing_chosen.setWordWrap(True)
        self.details = QStackedWidget(self)
        for widget in (self.nothing_chosen, self.person_form, self.tie_form):
            self.details.addWidget(widget)
        self.toolbar = QToolBar(self)
        self.paper = MapPaper(self)
        self._make_actions()
        self._build_layout()

        self.scene.moved.connect(self._moved)
        self.scene.selection_ids_changed.connect(self._selection_changed)
        self.view.context_menu_at.connect(self._context_menu)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.selectionModel().selectionChanged.connect(self._list_chosen)
        controller.external_change.connect(self._on_external)
        # Edits made in the other tabs of the case file (Personen) are not outside changes.
        controller.field_set.connect(
            lambda record_id, _field, _value: self._edited_elsewhere(record_id in self.records))
        controller.record_created.connect(
            lambda record: self._edited_elsewhere(record.kind in MAP_KINDS))
        controller.record_deleted.connect(
            lambda record_id, kind: self._edited_elsewhere(kind in MAP_KINDS))

    # -- building ---------------------------------------------------------------------------

    def _action(self, text: str, slot: Any, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.genogram_action = self._action(self.tr("&Genogram"), lambda: self.show_view(
            "genogram"), "Ctrl+1")
        self.ecogram_action = self._action(self.tr("&Ecogram"), lambda: self.show_view(
            "ecogram"), "Ctrl+2")
        group = QActionGroup(self)
        for action in (self.genogram_action, self.ecogram_action):
            action.setCheckable(True)
            group.addAction(action)
        self.genogram_action.setChecked(True)
        self.add_person_action = self._action(self.tr("Add &person"), self.add_person, "Ins")
        self.connect_action = self._action(self.tr("&Connect"), self.connect_chosen, "Ctrl+L")
        self.connect_action.setToolTip(self.tr("Connect the two chosen people"))
        self.delete_action = self._action(self.tr("&Remove"), self.delete_chosen,
                                          QKeySequence.StandardKey.Delete)
        self.relayout_action = self._action(self.tr("New &layout"), self.relayout)
        self.relayout_action.setToolTip(self.tr("Put everyone where the automatic layout "
                                                "puts them"))
        self.zoom_in_action = self._action(self.tr("Zoom in"), self.view.zoom_in,
                                           QKeySequence.StandardKey.ZoomIn)
        self.zoom_out_action = self._action(self.tr("Zoom out"), self.view.zoom_out,
                                            QKeySequence.StandardKey.ZoomOut)
        self.fit_action = self._action(self.tr("Fit to window"), self.view.fit, "Ctrl+0")
        self.snapshot_action = self._action(self.tr("Take &snapshot"), self.take_snapshot)
        self.snapshot_action.setToolTip(self.tr("Keep the map as it is now, to compare later"))
        self.compare_action = self._action(self.tr("C&ompare"), self.compare_snapshots)
        self.compare_action.setToolTip(self.tr("What changed between two snapshots"))
        self.compare_dialog: CompareDialog | None = None
        self.export_action = self._action(self.tr("E&xport…"), lambda: self.paper.export_map())
        self.export_action.setToolTip(self.tr("Save the map with its legend as PDF, PNG or "
                                              "SVG"))
        self.print_action = self._action(self.tr("Pr&int…"), lambda: self.paper.print_map(),
                                         QKeySequence.StandardKey.Print)
        self.hide_names_action = self._action(self.tr("Hide &names"), lambda: None)
        self.hide_names_action.setCheckable(True)
        self.hide_names_action.setToolTip(self.tr("Exports and prints show initials and roles "
                                                  "only"))
        for action in (self.genogram_action, self.ecogram_action, None,
                       self.add_person_action, self.connect_action, self.delete_action, None,
                       self.relayout_action, self.zoom_in_action, self.zoom_out_action,
                       self.fit_action, None, self.snapshot_action, self.compare_action, None,
                       self.export_action, self.print_action, self.hide_names_action):
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)
        self.toolbar.setAccessibleName(self.tr("Network map tools"))
        self.viewpoint = QComboBox(self)
        self.viewpoint.setAccessibleName(self.tr("Whose view"))
        self.viewpoint.addItem(self.tr("All views"), None)
        self.viewpoint.activated.connect(lambda _index: self._show_filtered())
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.viewpoint)

    def _build_layout(self) -> None:
        # The editor scrolls, so the tab fits a small screen at 150 % like the rest.
        details = QScrollArea(self)
        details.setWidgetResizable(True)
        details.setWidget(self.details)
        side = QSplitter(Qt.Orientation.Vertical, self)
        side.addWidget(self.list)
        side.addWidget(details)
        side.addWidget(self.legend)
        for widget in (self.list, self.legend, details):
            widget.setMinimumHeight(60)
        main = QSplitter(Qt.Orientation.Horizontal, self)
        main.addWidget(self.view)
        main.addWidget(side)
        favour_drawing(main)
        size_by_current_page(self.details)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.toolbar)
        column.addWidget(main, 1)

    # -- loading: reads only ----------------------------------------------------------------

    @property
    def view_name(self) -> str:
        return self.scene.view_name

    def load(self, case_id: str) -> None:
        self._wanted = case_id
        if self._reading:
            self._read_again = True  # one read at a time; the last word wins
            return
        self._reading = True
        self.controller.session.query(
            lambda s: read_network(s, case_id),
            while_alive(self, lambda result: self._loaded(case_id, result)),
            on_error=while_alive(self, self._read_failed),
        )

    def _read_failed(self, exc: BaseException) -> None:
        self._reading = self._read_again = False
        self.controller.session.failed.emit(exc)  # the window's one error handler

    def _loaded(self, case_id: str, result: Network) -> None:
        self._reading = False
        if self._read_again:
            self._read_again = False
            if self._wanted == self.controller.case_id:
                self.load(self._wanted)
            return
        if case_id != self.controller.case_id:
            return
        first = self.loaded_case != case_id
        people, ties, conflicted = result
        self.scene.conflicted = conflicted
        self.records = {r.id: r for r in (*people, *ties)}
        self.full_model = build(people, ties)
        self._fill_viewpoints()
        self._show_filtered()
        self.loaded_case = case_id
        if first:
            self.view.fit()
        if self._select_after:
            self.scene.select_ids(self._select_after)
            self._select_after = set()
        self.loaded.emit(case_id)

    def _fill_viewpoints(self) -> None:
        names = {p.id: p.name for p in self.full_model.people.values()}
        current = self.viewpoint.currentData()
        while self.viewpoint.count() > 1:
            self.viewpoint.removeItem(1)
        labelled = sorted(((viewpoint_label(who, names), who)
                           for who in viewpoints(self.full_model)),
                          key=lambda item: (item[0].casefold(), item[1]))
        for label, who in labelled:
            self.viewpoint.addItem(label, who)
        self.viewpoint.setCurrentIndex(max(0, self.viewpoint.findData(current)))

    def _show_filtered(self, view_name: str | None = None) -> None:
        self._show(seen_by(self.full_model, self.viewpoint.currentData()), view_name)

    def _show(self, model: NetworkModel, view_name: str | None = None) -> None:
        self.model = model
        chosen = set(self.scene.selected_people()) | set(self.scene.selected_ties())
        self.scene.disputed = disputed(self.full_model)
        self.scene.show_model(model, view_name)
        self.list_model.set_model(model, self.scene.view_name, self.scene.disputed,
                                  self.scene.conflicted)
        self.list.expandAll()
        self.legend.show_keys(self.scene.legend_keys())
        self.scene.select_ids(chosen)
        self._selection_changed()

    def show_view(self, view_name: str) -> None:
        (self.genogram_action if view_name == "genogram" else self.ecogram_action).setChecked(
            True)
        if view_name != self.scene.view_name:
            self._show_filtered(view_name)
            self.view.fit()

    def clear(self) -> None:
        if self.compare_dialog is not None:
            self.compare_dialog.close()  # no family's names stay on screen
            self.compare_dialog = None
        self.paper.close_dialogs()  # a case closed or locked is not exported afterwards
        self.loaded_case = None
        self.records = {}
        self.ids = self.writer.ids = Ids()
        self.scene.conflicted = frozenset()
        self.full_model = NetworkModel()
        self._fill_viewpoints()  # no names of this family stay in the list of views
        self._show(NetworkModel())

    def _reload(self) -> None:
        case_id = self.loaded_case
        if case_id is not None:
            self.controller.when_settled(lambda: self.load(case_id))

    def _written(self) -> None:
        self._reload()

    def _edited_elsewhere(self, concerns_map: bool) -> None:
        if not concerns_map or self.loaded_case is None:
            return
        if self.isVisible():
            self._reload()
        else:
            self.loaded_case = None  # read again when shown

    def _on_external(self, notice: ChangeNotice) -> None:
        if self.loaded_case is None or not (not notice.kinds or notice.kinds & MAP_KINDS):
            return
        if not self.isVisible():
            self.loaded_case = None  # read again when shown
            return
        self._reload()

    # -- what the worker does: each one undoable --------------------------------------------

    def _push(self, command: Any) -> None:
        self.controller.undo_stack.push(command)

    def add_person(self, at: QPointF | None = None) -> None:
        if self.loaded_case is None:
            return
        if not isinstance(at, QPointF):
            at = self.view.mapToScene(self.view.viewport().rect().center())
        x_field, y_field = POSITION[self.view_name]
        fields = {"name": self.tr("New person"), "circle": "network",
                  x_field: round(at.x()), y_field: round(at.y())}
        person_id = new_id()
        self._select_after = {person_id}
        self._push(CreateRecords(self.writer, [("person", fields, person_id)],
                                 self.tr("Add person")))

    def connect_chosen(self, tie_type: str | None = None) -> None:
        chosen = self.scene.selected_people()
        if len(chosen) != 2 or self.loaded_case is None:
            return
        fields = {"from_person_id": chosen[0], "to_person_id": chosen[1], **DEFAULT_TIE}
        if isinstance(tie_type, str):
            fields["type"] = tie_type
        tie_id = new_id()
        self._select_after = {tie_id}
        self._push(CreateRecords(self.writer, [("relationship", fields, tie_id)],
                                 self.tr("Connect two people")))

    def delete_chosen(self) -> None:
        people = set(self.scene.selected_people())
        ties = set(self.scene.selected_ties())
        ties |= {r.id for r in self.records.values() if r.kind == "relationship"
                 and not r.deleted and ({r.fields.get("from_person_id"),
                                         r.fields.get("to_person_id")} & people)}
        records = [self.records[i] for i in sorted(people | ties) if i in self.records]
        if records:
            self._push(DeleteRecords(self.writer, records, self.tr("Remove from the map")))

    def set_tie_field(self, tie_id: str, field: str, value: str | None) -> None:
        record = self.records.get(tie_id)
        if record is None or record.fields.get(field) == value:
            return
        text = self.tr("Change %1").replace("%1", field_label(field, "relationship"))
        self._push(SetFields(self.writer, tie_id, "relationship", {field: record.fields.get(
            field)}, {field: value}, text))

    def relayout(self) -> None:
        """Everyone back where the automatic layout puts them (one undo step)."""
        x_field, y_field = POSITION[self.view_name]
        placed = [r for r in self.records.values() if r.kind == "person" and not r.deleted
                  and (r.fields.get(x_field) is not None or r.fields.get(y_field) is not None)]
        if not placed:
            return
        stack = self.controller.undo_stack
        stack.beginMacro(self.tr("New layout"))
        for record in sorted(placed, key=lambda r: r.id):
            old = {x_field: record.fields.get(x_field), y_field: record.fields.get(y_field)}
            self._push(SetFields(self.writer, record.id, "person", old,
                                 {x_field: None, y_field: None}, self.tr("New layout")))
        stack.endMacro()

    def _moved(self, moves: Move) -> None:
        x_field, y_field = POSITION[self.view_name]
        stack = self.controller.undo_stack
        several = len(moves) > 1
        text = self.tr("Move on the map")
        if several:
            stack.beginMacro(text)
        for person_id, (before, after) in sorted(moves.items()):
            record = self.records.get(person_id)
            old = ({x_field: record.fields.get(x_field), y_field: record.fields.get(y_field)}
                   if record is not None else {x_field: before[0], y_field: before[1]})
            self._push(SetFields(self.writer, person_id, "person", old,
                                 {x_field: after[0], y_field: after[1]}, text))
        if several:
            stack.endMacro()

    def take_snapshot(self) -> None:
        """Keep the map as it stands. Not on the undo stack: a snapshot is never removed."""
        case_id = self.loaded_case
        if case_id is None:
            return
        fields = {"taken_on": dt.date.today().isoformat(), "content": content_of(self.full_model)}
        self.controller.write(
            lambda s: s.create_record("map_snapshot", fields, case_id=case_id),
            self.controller.record_created.emit, "map_snapshot")

    def compare_snapshots(self) -> None:
        case_id = self.loaded_case
        if case_id is None:
            return
        now = content_of(self.full_model)
        self.controller.when_settled(lambda: self.controller.session.query(
            lambda s: s.list_records(kind="map_snapshot", case_id=case_id),
            while_alive(self, lambda snapshots: self._open_comparison(case_id, snapshots, now))))

    def _open_comparison(self, case_id: str, snapshots: list[Record], now: str) -> None:
        if case_id != self.loaded_case:
            return
        if self.compare_dialog is not None:
            self.compare_dialog.close()
        self.compare_dialog = CompareDialog(snapshots, now, self)
        self.compare_dialog.open()

    def _form_edited(self, record_id: str, kind: str, field: str, old: Any, new: Any) -> None:
        text = self.tr("Change %1").replace("%1", field_label(field, kind))
        self._push(SetFields(self.writer, record_id, kind, {field: old}, {field: new}, text))

    # -- choosing ---------------------------------------------------------------------------

    def _selection_changed(self) -> None:
        people, ties = self.scene.selected_people(), self.scene.selected_ties()
        self.connect_action.setEnabled(len(people) == 2)
        self.delete_action.setEnabled(bool(people or ties))
        chosen = [*people, *ties]
        record = self.records.get(chosen[0]) if len(chosen) == 1 else None
        if record is not None and record.kind == "person":
            self.person_form.show_record(record)
            self.details.setCurrentWidget(self.person_form)
        elif record is not None and record.kind == "relationship":
            self.tie_form.show_record(record)
            self.details.setCurrentWidget(self.tie_form)
        else:
            self.person_form.show_record(None)
            self.tie_form.show_record(None)
            self.details.setCurrentWidget(self.nothing_chosen)
        if not self._from_list:
            self._mirror_in_list(chosen)

    def _mirror_in_list(self, chosen: list[str]) -> None:
        model = self.list.selectionModel()
        blocked = model.blockSignals(True)
        try:
            model.clearSelection()
            for record_id in chosen:
                index = self.list_model.index_of(record_id)
                if index.isValid():
                    model.select(index, QItemSelectionModel.SelectionFlag.Select)
            if len(chosen) == 1:
                model.setCurrentIndex(self.list_model.index_of(chosen[0]),
                                      QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            model.blockSignals(blocked)
        self.list.viewport().update()

    def _list_chosen(self, *_: Any) -> None:
        """Choosing in the list (Ctrl or Shift for several) chooses on the map, so every
        action can be done from the keyboard."""
        ids = {index.data(ID_ROLE) for index in self.list.selectionModel().selectedIndexes()}
        ids = {i for i in ids if i in self.scene.people or i in self.scene.ties}
        self._from_list = True
        try:
            self.scene.select_ids(ids)
        finally:
            self._from_list = False
        current = self.list.currentIndex().data(ID_ROLE)
        item = self.scene.people.get(current) or self.scene.ties.get(current)
        if item is not None:
            self.view.ensureVisible(item)

    def _context_menu(self, at: QPoint) -> None:
        menu = QMenu(self)
        scene_at = self.view.mapToScene(at)
        add = menu.addAction(self.tr("Add person here"))
        add.triggered.connect(lambda: self.add_person(scene_at))
        people, ties = self.scene.selected_people(), self.scene.selected_ties()
        if len(people) == 2:
            connect = menu.addMenu(self.tr("Connect as"))
            for value in choices("relationship", "type"):
                action = connect.addAction(value_label(value))
                action.triggered.connect(lambda _=False, v=value: self.connect_chosen(v))
        if len(ties) == 1:
            for field, title in (("type", self.tr("Kind of relationship")),
                                 ("quality", self.tr("Band")),
                                 ("direction", self.tr("Direction"))):
                sub = menu.addMenu(title)
                for value in choices("relationship", field):
                    action = sub.addAction(value_label(value))
                    action.triggered.connect(
                        lambda _=False, f=field, v=value, t=ties[0]: self.set_tie_field(t, f, v))
        chosen = [*people, *ties]
        if len(chosen) == 1 and chosen[0] in self.scene.conflicted:
            resolve = menu.addAction(self.tr("Choose between the versions…"))
            resolve.triggered.connect(lambda: self.conflict_chosen.emit(chosen[0]))
        if people or ties:
            menu.addAction(self.delete_action)
        menu.addSeparator()
        menu.addAction(self.relayout_action)
        menu.popup(self.view.viewport().mapToGlobal(at))
        self.last_menu = menu

