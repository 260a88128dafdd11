"""Huisbezoeken: home visits with their notes, observations and scaling scores.

A case may have thousands of visit notes, so this tab loads only when it is first shown.
"""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.casefile.editors import ChecklistEditor, FieldEditor
from desktop.casefile.record_tab import RecordTab
from desktop.casefile.records_model import Column, display_value
from desktop.casefile.visit_scores import VisitScores
from desktop.networkmap.visit_snapshot import create_visit, keep_for_visit
from desktop.operations import ChangeNotice
from desktop.safetyplan.data import current_plan
from desktop.safetyplan.positions import sort_key
from sync.protocol import Record


def _newest_first(date: str | None) -> int:
    return -int((date or "0000-00-00").replace("-", ""))


def danger_pairs(store: Any, case_id: str) -> list[Record]:
    """The danger/goal pairs of the case's current plan, in the plan's order: what each
    participant scores at a visit."""
    plan = current_plan(store.list_records(kind="safety_plan", case_id=case_id))
    if plan is None:
        return []
    pairs = [i for i in store.list_records(kind="plan_item", case_id=case_id)
             if not i.deleted and i.fields.get("plan_id") == plan.id
             and i.fields.get("section") == "danger"]
    return sorted(pairs, key=lambda i: sort_key(i.fields.get("position"), i.id))


class VisitsTab(RecordTab):
    kind = "visit"
    form_fields = (
        "date", "location", "participants", "shared_with_family", "notes", "observations",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._names: dict[str, str] = {}
        self.columns = (
            Column("date"), Column("location"),
            Column("participants", text=self._participant_names),
            Column("shared_with_family"),
        )
        super().__init__(*args, **kwargs)
        self.controller.field_set.connect(self._on_field_set_visit)
        # After the field's own write (connected first): the worker saved the visit.
        self.form.edited.connect(self._visit_saved)
        self.form.tab_order_changed.connect(self._chain_scores)
        self.scores.rebuilt.connect(self._chain_scores)
        # Not only external changes: a danger statement added in the plan tab of this very
        # case file changes which scores a visit asks for.
        self.controller.session.changed.connect(self._on_any_change)

    def _chain_scores(self) -> None:
        """The scores and their comments follow the form in the tab order."""
        widgets = self.form.focus_widgets()[-1:] + self.scores.focus_widgets()
        for before, after in pairwise(widgets):
            QWidget.setTabOrder(before, after)

    def custom_editors(self) -> dict[str, FieldEditor]:
        self.participants_editor = ChecklistEditor([], columns=2)
        return {"participants": self.participants_editor}

    def detail_widget(self) -> QWidget:
        self.scores = VisitScores(self.controller, self)
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.form)
        layout.addWidget(self.scores)
        layout.addStretch(1)
        return panel

    def record_name(self, record: Record) -> str:
        return self.tr("the home visit of %1").replace(
            "%1", display_value("visit", "date", record.fields.get("date")) or "—")

    def sort_key(self, record: Record) -> Any:
        return (_newest_first(record.fields.get("date")), record.id)

    def add_text(self) -> str:
        return self.tr("&Add home visit")

    def accessible_table_name(self) -> str:
        return self.tr("Home visits, newest first")

    def new_fields(self) -> dict[str, Any]:
        return {"date": dt.date.today().isoformat(), "shared_with_family": False}

    def add_record(self) -> None:
        """A new visit keeps the network map as it stands, in the same write."""
        self.form.flush()
        case_id = self.controller.case_id
        if case_id is None:
            return
        fields = self.new_fields()
        self.controller.write(lambda s: create_visit(s, case_id, fields),
                              self._created_with_map, "visit")

    def _created_with_map(self, records: list[Record]) -> None:
        for record in records:
            self.controller.record_created.emit(record)
        self._created(records[0])

    def _visit_saved(self, record_id: str, *_: Any) -> None:
        # Only what the worker changes in the form: undo, redo and a sync never take one.
        case_id = self.controller.case_id
        if case_id is None:
            return
        self.controller.write(
            lambda s: keep_for_visit(s, case_id, record_id), self._snapshot_kept, "map_snapshot")

    def _snapshot_kept(self, record: Record | None) -> None:
        if record is not None:
            self.controller.record_created.emit(record)

    def fetch(self, store: Any, case_id: str, kind: str) -> Any:
        return (
            store.list_records(kind=kind, case_id=case_id),
            store.list_records(kind="person", case_id=case_id),
            store.list_records(kind="scaling_score", case_id=case_id),
            danger_pairs(store, case_id),
        )

    def show_result(self, result: Any) -> None:
        visits, people, scores, pairs = result
        living = sorted((p for p in people if not p.deleted),
                        key=lambda p: (p.fields.get("name") or "").casefold())
        self._names = {p.id: p.fields.get("name") or "" for p in living}
        self.participants_editor.set_options([(p.id, self._names[p.id]) for p in living])
        self.model.set_records(visits)
        self.scores.set_scores(scores, self._names, pairs)

    def record_chosen(self, record: Record | None) -> None:
        self.scores.flush()
        self.scores.show_visit(record)

    def clear(self) -> None:
        # Names stay nowhere once the case is closed, not even in hidden tick boxes.
        self._names = {}
        self.participants_editor.set_options([])
        self.scores.set_scores([], {})
        self.scores.show_visit(None)
        super().clear()

    def _on_any_change(self, notice: ChangeNotice) -> None:
        case_id = self.loaded_case
        if case_id is None or not notice.concerns(case_id=case_id):
            return
        kinds = notice.kinds or frozenset({"plan_item"})  # no kinds named: it may be any
        plan_changed = bool(kinds & {"safety_plan", "plan_item"})
        if not plan_changed and not (notice.source == "sync" and "scaling_score" in kinds):
            return
        self.scores.flush()
        if not self.isVisible():
            self.loaded_case = None  # read again when shown
            return
        self.controller.when_settled(lambda: self.load(case_id))

    def _participant_names(self, record: Record) -> str:
        ids = record.fields.get("participants") or []
        return ", ".join(self._names.get(i, "?") for i in ids)

    def _on_field_set_visit(self, record_id: str, field: str, value: Any) -> None:
        if field == "participants":
            current = self.current_record()
            if current is not None and current.id == record_id:
                self.scores.show_visit(current)
