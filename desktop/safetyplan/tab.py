"""The case file's tab "Veiligheidsplan": the plan's parts and lines, what still keeps it
from being agreed, and its way through the review.

Every edit is an undoable command on the case file's undo stack; only what a person does
writes (looking through the plan writes nothing). After each write the plan is read again,
so the traceability marks and the blockers always show the stored plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.casefile.controller import CaseFileController
from desktop.casefile.editors import ChecklistEditor
from desktop.casefile.form import RecordForm
from desktop.casefile.lifetime import while_alive
from desktop.familyplan.actions import FamilyPaper
from desktop.familyplan.hint import attach_hints
from desktop.operations import ChangeNotice
from desktop.safetyplan.children_panel import ChildrenPanel
from desktop.safetyplan.commands import AddItem, EditItem, Ids, PlanWriter, RemoveItem
from desktop.safetyplan.compare_view import CompareDialog, now_label, version_label
from desktop.safetyplan.data import PlanData, read_plan
from desktop.safetyplan.family_agreement import AgreeDialog, family
from desktop.safetyplan.item_forms import ItemForms
from desktop.safetyplan.items_model import PlanItemsModel, danger_color
from desktop.safetyplan.merge_plans import MergePlans
from desktop.safetyplan.merge_question import MergeQuestion
from desktop.safetyplan.plan_actions import PlanActions
from desktop.safetyplan.plan_layout import FormGroup, fit_columns, plan_page
from desktop.safetyplan.plan_words import PlanWords, mergeable_plans, missing, unapproved_parts
from desktop.safetyplan.positions import key_between, new_salt
from desktop.safetyplan.review import content, decision_fields, reopened
from desktop.safetyplan.review_box import ReviewBox
from desktop.safetyplan.rules import danger_nudges
from desktop.safetyplan.scaling_panel import ScalingPanel
from desktop.safetyplan.words import SECTIONS, emergency_text, new_item_text

PLAN_FIELDS = ("title", "phase", "review_on", "harm", "worries", "complicating_factors",
               "working_well", "agreed_by")
PLAN_KINDS = ("safety_plan", "plan_item", "plan_version", "person", "relationship")
SIDE_BY_SIDE = 1000  # px: from this width the lines and the form stand side by side


class PlanTab(QWidget):
    loaded = Signal(str)  # case_id

    def __init__(self, controller: CaseFileController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.loaded_case: str | None = None
        self.data = PlanData(None)
        self.ids = Ids()
        self._salt = new_salt()
        self._select_next: str | None = None
        self._chosen_plan: tuple[str, str] | None = None  # (case, plan) the worker picked
        self._shared = False  # the splitter's room shared out for its orientation

        self.make_button = QPushButton(self.tr("&Make a safety plan"), self)
        self.make_button.clicked.connect(self.make_plan)
        empty = QWidget(self)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(QLabel(self.tr("This case has no safety plan yet."), empty),
                               0, Qt.AlignmentFlag.AlignCenter)
        empty_layout.addWidget(self.make_button, 0, Qt.AlignmentFlag.AlignCenter)
        empty_layout.addStretch(1)

        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.blockers_label = QLabel(self)
        self.blockers_label.setWordWrap(True)
        self.blockers_label.setObjectName("blockers")
        self.nudge_label = QLabel(
            self.tr("More than three danger statements: can you bring them back to the "
                    "biggest worries?"), self)
        self.nudge_label.setWordWrap(True)
        self.notes_label = QLabel(self)  # odd data, in words: what to look at or repair
        self.notes_label.setWordWrap(True)
        self.notes_label.setObjectName("notes")
        # Two plans made on two laptops at once: both stay, the worker picks which to see.
        self.plan_choice = QComboBox(self)
        self.plan_choice.setAccessibleName(self.tr("Which plan"))
        self.plan_choice.activated.connect(self._choose_plan)
        self.words = PlanWords(self)
        self.merge_question = MergeQuestion(self)
        self.plan_actions = acts = PlanActions(self)
        self.toolbar = acts.toolbar
        # The repair: the other plan's lines and words into the plan shown, one undo step.
        acts.merge.triggered.connect(self.ask_merge)
        self.confirm_box: QMessageBox | None = None
        self.checks_label = QLabel(self)  # the plan checked against the network map
        self.checks_label.setWordWrap(True)
        self.checks_label.setObjectName("checks")
        acts.agree.triggered.connect(self.mark_agreed)
        acts.submit.triggered.connect(self.submit)
        acts.next_version.triggered.connect(self.start_next_version)
        acts.compare.triggered.connect(self.compare_versions)

        self.model = PlanItemsModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Parts and lines of the plan"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.model.move_requested.connect(self.move_line_to)
        # A long line is cut with "…" and read whole in its tooltip; the parts' titles are
        # never cut (see fit_columns).
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.header().setStretchLastSection(True)
        # Notes and warnings above it scroll away rather than squeeze the lines out of sight.
        self.tree.setMinimumHeight(10 * self.tree.fontMetrics().lineSpacing())
        self.model.modelReset.connect(lambda: fit_columns(self.tree))
        acts.add.triggered.connect(lambda: self.add_line())
        acts.remove.triggered.connect(self.remove_line)
        acts.up.triggered.connect(lambda: self.move_line(-1))
        acts.down.triggered.connect(lambda: self.move_line(1))
        for action in acts.in_list():
            self.tree.addAction(action)
        for phone, action in acts.emergency.items():
            action.triggered.connect(lambda _c=False, p=phone: self.add_emergency(p))

        self.items = ItemForms(self)
        self.agreed_by = ChecklistEditor([], self, columns=1)  # the family's people
        self.plan_form = RecordForm("safety_plan", PLAN_FIELDS, self,
                                    {"agreed_by": self.agreed_by})
        self.plan_form.edited.connect(self._on_plan_edited)
        for form in self.items.forms.values():
            form.edited.connect(self._on_item_edited)
        self.children = ChildrenPanel(self)
        self.children.words_added.connect(self.add_child_words)
        self.children.words_removed.connect(self.remove_child_words)
        self.children.story_form.edited.connect(self._on_plan_edited)
        self.form = FormGroup(self.plan_form, self.items, self.children.story_form)
        # What the family will read gets a readability hint; a child's words do not (kept
        # as said).
        self.hints = attach_hints([*(f for s, f in self.items.forms.items()
                                     if s != "child_voice"),
                                   self.plan_form, self.children.story_form])
        self.family_paper = FamilyPaper(self)
        self.children.printed.connect(self.family_paper.children_printed)
        acts.family_pdf.triggered.connect(self.family_paper.export_pdf)
        acts.family_print.triggered.connect(self.family_paper.print_plan)
        self.review = ReviewBox(self)
        self.scaling = ScalingPanel(controller, self)
        self.review.decided.connect(self.decide)

        self._build(empty)
        controller.external_change.connect(self._on_external)

    def _build(self, empty: QWidget) -> None:
        page, self.body = plan_page(self)
        # The children's words have a page of their own: the rooms need the room.
        self.parts = QTabWidget(self)
        self.parts.addTab(page, self.tr("T&he plan"))
        self.parts.addTab(self.children, self.tr("The ch&ildren"))
        self.pages = QStackedWidget(self)
        self.pages.addWidget(empty)
        self.pages.addWidget(self.parts)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        palette = self.blockers_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, danger_color(palette))
        self.blockers_label.setPalette(palette)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        wanted = (Qt.Orientation.Horizontal if self.width() >= SIDE_BY_SIDE
                  else Qt.Orientation.Vertical)
        if self.body.orientation() != wanted:
            self.body.setOrientation(wanted)
            self._shared = False
        if not self._shared:
            QTimer.singleShot(0, self, self._share_room)  # once the splitter has its size

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._shared:
            QTimer.singleShot(0, self, self._share_room)

    def _share_room(self) -> None:
        """Under each other, most of the room for the lines; the chosen line's form
        scrolls. Once per orientation: after that the worker's drag holds."""
        total = sum(self.body.sizes())
        if self._shared or total <= 0 or not self.body.isVisible():
            return
        self._shared = True
        if self.body.orientation() == Qt.Orientation.Vertical:
            self.body.setSizes([total * 2 // 3, total - total * 2 // 3])

    # -- loading ----------------------------------------------------------------------------

    def load(self, case_id: str) -> None:
        chosen = self._chosen_plan[1] if self._chosen_plan and (
            self._chosen_plan[0] == case_id) else None
        self.controller.session.query(
            lambda s: read_plan(s, case_id, chosen),
            while_alive(self, lambda data: self._loaded(case_id, data)))

    def _loaded(self, case_id: str, data: PlanData) -> None:
        if case_id != self.controller.case_id:
            return
        chosen = self._select_next or self.current_id()
        self._select_next = None
        self.data = data
        self.loaded_case = case_id
        self.pages.setCurrentIndex(1 if data.plan is not None else 0)
        self.make_button.setEnabled(data.plan is None)
        names = {p.id: self.tr("%1 (removed from the map)").replace(
            "%1", str(p.fields.get("name") or "")) for p in data.removed_people}
        names.update({p.id: str(p.fields.get("name") or "") for p in data.people})
        self.model.set_items(data.items, names)
        self.tree.expandAll()
        self.items.set_choices(data.people, self.model.lines("condition"), data.removed_people)
        self.agreed_by.set_options([(p.id, str(p.fields.get("name") or ""))
                                    for p in family(data.people)])
        self.plan_form.show_record(data.plan)
        self.children.show_plan(data.plan, data.items, data.people)
        self.scaling.set_plan(case_id, data.items, data.people)
        self._show_flow()
        index = self.model.index_of(chosen) if chosen else QModelIndex()
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(index, flags)
        self._on_current()
        self.loaded.emit(case_id)

    def clear(self) -> None:
        self.form.flush()
        self.family_paper.close_dialogs()
        self.data = PlanData(None)
        self.model.set_items([], {})
        self.items.show_record(None)
        self.plan_form.show_record(None)
        self.children.show_plan(None, [], [])
        self.review.show_plan(None, False)
        self.scaling.set_plan(None, [], [])
        self.loaded_case = None

    def reload(self) -> None:
        if self.loaded_case is not None:
            case_id = self.loaded_case
            self.controller.when_settled(lambda: self.load(case_id))

    def _on_external(self, notice: ChangeNotice) -> None:
        if self.loaded_case is None or not any(notice.concerns(kind=k) for k in PLAN_KINDS):
            return
        self.form.flush()
        if not self.isVisible():
            self.loaded_case = None  # read again when shown
            return
        self.reload()

    # -- what is on screen ------------------------------------------------------------------

    def _choose_plan(self, index: int) -> None:
        plan_id = self.plan_choice.itemData(index)
        if self.loaded_case is None or not plan_id:
            return
        self.form.flush()
        self._chosen_plan = (self.loaded_case, plan_id)
        self.reload()

    def current_id(self) -> str | None:
        record = self.model.record(self.tree.currentIndex())
        return record.id if record is not None else None

    def _on_current(self, *_: Any) -> None:
        record = self.model.record(self.tree.currentIndex())
        self.items.show_record(record)
        self.scaling.follow(record)
        acts = self.plan_actions
        for action in (acts.remove, acts.up, acts.down):
            action.setEnabled(record is not None)
        acts.add.setEnabled(self.model.section_of(self.tree.currentIndex()) is not None)

    def _show_flow(self) -> None:
        plan = self.data.plan
        if plan is None:
            self.review.show_plan(None, False)
            return
        status = plan.fields.get("status") or "draft"
        self.status_label.setText(self.words.status(self.data))
        missing = self.missing()
        if missing:
            self.blockers_label.setText(
                self.tr("Before the plan can be agreed:") + "\n• " + "\n• ".join(missing))
        self.blockers_label.setVisible(bool(missing) and status in ("draft", "returned"))
        self.nudge_label.setVisible(danger_nudges(self.data.items))
        blocked = self.plan_choice.blockSignals(True)
        self.plan_choice.clear()
        for other in self.data.plans:
            self.plan_choice.addItem(self.plan_label(other), other.id)
        self.plan_choice.setCurrentIndex(self.plan_choice.findData(plan.id))
        self.plan_choice.blockSignals(blocked)
        self.plan_choice.setVisible(len(self.data.plans) > 1)
        acts = self.plan_actions
        acts.merge.setVisible(bool(self.mergeable_plans()))
        notes = self.notes()
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))
        acts.next_version.setVisible(bool(self.unapproved_parts()))
        checks = self.checks()
        self.checks_label.setText(
            self.tr("Checked against the network map:") + "\n• " + "\n• ".join(checks))
        self.checks_label.setVisible(bool(checks))
        acts.agree.setVisible(status in ("draft", "returned"))
        acts.agree.setEnabled(not missing)
        acts.submit.setVisible(status == "agreed")
        acts.compare.setEnabled(bool(self.data.versions or self.data.refused_versions))
        for phone, action in acts.emergency.items():
            action.setEnabled(not any(i.fields.get("phone") == phone
                                      for i in self.model.lines("emergency_step")))
        # One decision at a time: a second one before the first is sent would only be refused.
        pending = any(v.rev == 0 for v in self.data.versions)
        self.review.show_plan(plan, self.data.is_teamlead and status == "submitted"
                              and not pending, self.data.versions, self.data.names)

    def ask_merge(self) -> None:
        """Asks first, naming both plans; then merges the other one into the plan shown."""
        plan, others = self.data.plan, self.mergeable_plans()
        if plan is None or not others:
            return
        other = others[0]
        box, merge = self.merge_question.box(self, self.data, self.words, plan, other)
        box.finished.connect(lambda _result: self._merge_answered(
            box, box.clickedButton() is merge, plan.id, other.id))
        self.confirm_box = box
        box.open()

    def _merge_answered(self, box: QMessageBox, yes: bool, plan_id: str, other_id: str) -> None:
        box.deleteLater()
        self.confirm_box = None
        plan = self.data.plan
        if not yes or plan is None or plan.id != plan_id or other_id not in {
                p.id for p in self.mergeable_plans()}:
            return
        self.form.flush()
        self._push(MergePlans(self._writer(), self.ids, plan_id, other_id, self._salt,
                              text=self.tr("Merge two plans")))

    def start_next_version(self) -> None:
        plan = self.data.plan
        values = reopened(plan) if plan is not None else None
        if values is not None:
            self._set_plan(values, self.tr("Start the next version"))

    def notes(self) -> list[str]:
        return self.words.notes(self.data)

    def plan_label(self, plan: Any) -> str:
        return self.words.plan_label(plan)

    def mergeable_plans(self) -> list[Any]:
        return mergeable_plans(self.data)

    def unapproved_parts(self) -> list[str]:
        return unapproved_parts(self.data)

    def checks(self) -> list[str]:
        return self.words.checks(self.data)

    def missing(self) -> list[str]:
        """What keeps the plan from being agreed, in words."""
        return missing(self.data)

    # -- edits ------------------------------------------------------------------------------

    def _writer(self) -> PlanWriter:
        return PlanWriter(lambda fn, done: self.controller.write(fn, done, "plan_item"),
                          self.reload, self.controller.case_id or "")

    def _push(self, command: Any) -> None:
        """Push an edit; an edit of an approved plan also makes it a draft of the next
        version, in the same undo step."""
        plan = self.data.plan
        reopen = reopened(plan) if plan is not None else None
        stack = self.controller.undo_stack
        if reopen is None:
            stack.push(command)
            return
        stack.beginMacro(command.text())
        stack.push(EditItem(self._writer(), self.ids, plan.id,
                            {k: plan.fields.get(k) for k in reopen}, reopen,
                            text=self.tr("Start the next version")))
        stack.push(command)
        stack.endMacro()
        self.data = replace(
            self.data, plan=plan.model_copy(update={"fields": {**plan.fields, **reopen}}))

    def make_plan(self) -> None:
        self.make_button.setEnabled(False)  # one plan, however often it is clicked
        fields = {"title": self.tr("Safety plan"), "status": "draft", "version": 1,
                  "phase": "direct"}
        self.controller.create("safety_plan", fields, lambda _r: self.reload())

    def _on_plan_edited(self, record_id: str, kind: str, name: str, old: Any, new: Any) -> None:
        mergeable = name in ("title", "harm", "worries", "complicating_factors", "working_well",
                             "children_version")
        text = QCoreApplication.translate("SafetyPlan", "Change the plan")
        self._push(EditItem(self._writer(), self.ids, record_id, {name: old}, {name: new},
                            text=text, mergeable=mergeable))

    def _on_item_edited(self, record_id: str, kind: str, name: str, old: Any, new: Any) -> None:
        mergeable = name in ("text", "goal", "family_view", "set_by", "who", "when",
                             "how_checked", "if_not_kept", "phone")
        self._push(EditItem.field(self._writer(), self.ids, record_id, name, old, new,
                                  mergeable))

    def add_line(self, section: str | None = None, **fields: Any) -> None:
        plan = self.data.plan
        index = self.tree.currentIndex()
        section = section or self.model.section_of(index)
        if plan is None or section is None:
            return
        self.form.flush()
        lines = self.model.lines(section)
        current = self.model.record(index)
        after = lines.index(current) if current in lines else len(lines) - 1
        low = lines[after].fields.get("position") if after >= 0 else None
        high = lines[after + 1].fields.get("position") if after + 1 < len(lines) else None
        values = {"plan_id": plan.id, "section": section, "text": new_item_text(section),
                  "position": key_between(low, high, self._salt), **fields}
        command = AddItem(self._writer(), self.ids, values)
        self._select_next = command.record_id
        self._push(command)

    def add_child_words(self, who: str, part: str, text: str, *,
                        with_family: bool = False) -> None:
        """What a child said, in their room, after the words written before (`with_family`:
        written with them at the kitchen table)."""
        lines = self.model.lines("child_voice")
        last = lines[-1].fields.get("position") if lines else None
        marked = {"with_family": True} if with_family else {}
        self.add_line("child_voice", who=who, part=part, text=text,
                      position=key_between(last, None, self._salt), **marked)

    def write_family_view(self, record_id: str, text: str) -> None:
        """The family's own words on a danger statement, written with them at the kitchen
        table: one undoable edit that also marks the line `with_family`."""
        record = next((r for r in self.model.lines("danger") if r.id == record_id), None)
        if record is None:
            return
        self.form.flush()
        new = {"family_view": text, "with_family": True}
        self._push(EditItem(self._writer(), self.ids, record.id,
                            {k: record.fields.get(k) for k in new}, new,
                            text=self.tr("Write the family's view")))

    def remove_child_words(self, record_id: str) -> None:
        record = next((r for r in self.model.lines("child_voice") if r.id == record_id), None)
        if record is not None:
            self.form.flush()
            self._push(RemoveItem(self._writer(), self.ids, record.id, record.fields))

    def add_emergency(self, phone: str) -> None:
        self.add_line("emergency_step", text=emergency_text(phone), phone=phone)

    def remove_line(self) -> None:
        record = self.model.record(self.tree.currentIndex())
        if record is None:
            return
        self.form.flush()
        self._push(RemoveItem(self._writer(), self.ids, record.id, record.fields))

    def move_line(self, step: int) -> None:
        record = self.model.record(self.tree.currentIndex())
        if record is None:
            return
        lines = self.model.lines(str(record.fields.get("section")))
        self.move_line_to(record.id, lines.index(record) + step)

    def move_line_to(self, record_id: str, target: int) -> None:
        """Put a line at row `target` of its part (counted without the line itself)."""
        record = next((r for s in SECTIONS for r in self.model.lines(s) if r.id == record_id),
                      None)
        if record is None:
            return
        lines = self.model.lines(str(record.fields.get("section")))
        if not 0 <= target < len(lines) or lines[target].id == record_id:
            return
        others = [line for line in lines if line.id != record.id]
        # Between the neighbours at the new place (the line itself left out).
        low = others[target - 1].fields.get("position") if target > 0 else None
        high = others[target].fields.get("position") if target < len(others) else None
        new = key_between(low, high, self._salt)
        self._select_next = record.id
        self._push(EditItem(self._writer(), self.ids, record.id,
                            {"position": record.fields.get("position")}, {"position": new},
                            text=self.tr("Move a line")))

    # -- the status flow --------------------------------------------------------------------

    def _set_plan(self, values: dict[str, Any], text: str) -> None:
        plan = self.data.plan
        if plan is None:
            return
        self.form.flush()
        self.controller.undo_stack.push(EditItem(
            self._writer(), self.ids, plan.id, {k: plan.fields.get(k) for k in values}, values,
            text=text))

    def compare_states(self) -> list[tuple[str, str]]:
        """Every version, what a refused decision saw, and the plan now: oldest first."""
        plan = self.data.plan
        if plan is None:
            return []
        refused = {v.id for v in self.data.refused_versions}
        versions = sorted([*self.data.versions, *self.data.refused_versions],
                          key=lambda v: (v.fields.get("decided_at") or "", v.id))
        states = [(version_label(v, v.id in refused), str(v.fields.get("content") or ""))
                  for v in versions]
        return [*states, (now_label(), content(plan, self.data.items))]

    def compare_versions(self) -> None:
        self.form.flush()
        names = {p.id: str(p.fields.get("name") or "")
                 for p in (*self.data.removed_people, *self.data.people)}
        self.compare_dialog = CompareDialog(self.compare_states(), self, names)
        self.compare_dialog.open()

    def mark_agreed(self) -> None:
        """Asks who of the family agreed, then marks the plan agreed with them."""
        plan = self.data.plan
        if self.missing() or plan is None:
            return  # the blockers are on screen already
        self.form.flush()
        self.agree_dialog = AgreeDialog(family(self.data.people),
                                        plan.fields.get("agreed_by") or (), self)
        self.agree_dialog.accepted.connect(
            lambda: self._set_plan({"status": "agreed",
                                    "agreed_on": dt.date.today().isoformat(),
                                    "agreed_by": self.agree_dialog.agreed()},
                                   self.tr("Mark the plan as agreed")))
        self.agree_dialog.open()

    def submit(self) -> None:
        self._set_plan({"status": "submitted"}, self.tr("Submit the plan"))

    def decide(self, fields: dict[str, Any]) -> None:
        """A team lead's decision: a version of exactly what is on screen, sent at the next
        sync; the service sets the plan's status with it, or says the plan changed."""
        plan = self.data.plan
        if plan is None:
            return
        self.form.flush()
        values = decision_fields(plan, self.data.items, fields["decision"], fields["comment"],
                                 fields["section_comments"], self.data.user.get("id"))
        self.controller.create("plan_version", values, lambda _r: self.reload())
