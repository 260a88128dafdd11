"""The form for one line of the plan: which fields a line has depends on its part."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QStackedWidget, QWidget

from desktop.casefile.editors import ChecklistEditor, FieldEditor
from desktop.casefile.form import RecordForm
from desktop.safetyplan.items_model import first_line
from desktop.safetyplan.words import SECTIONS
from sync.protocol import Record

translate = QCoreApplication.translate

SECTION_FIELDS: dict[str, tuple[str, ...]] = {
    "danger": ("text", "goal", "family_view", "addresses"),
    "condition": ("text", "set_by"),
    "agreement": ("who", "text", "when", "how_checked", "if_not_kept", "addresses", "done"),
    "signal": ("text", "who"),
    "emergency_step": ("text", "who", "phone"),
    "network_commitment": ("who", "text"),
    "next_step": ("text", "who", "when"),
    "child_voice": ("who", "part", "text"),
}


class WhoEditor(FieldEditor):
    """A person of the case, chosen by name, or any name typed in (someone not on the map)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem("", None)
        super().__init__(combo, debounce=True)
        self.combo = combo
        # Someone removed from the map whom a line still names: shown by name, not chosen
        # anew (text on screen -> person id), so the line reads and stays as it was.
        self._removed: dict[str, str] = {}
        self._removed_ids: dict[str, str] = {}
        line = combo.lineEdit()
        assert line is not None
        line.textEdited.connect(self._touched)
        line.installEventFilter(self)  # leaving the field saves it
        # Picking from the list is the worker's action too: saved at once.
        combo.activated.connect(self._picked)

    def _picked(self, _index: int) -> None:
        self._touched()
        self.flush()

    def set_options(self, people: list[tuple[str, str]],
                    removed: Sequence[tuple[str, str]] = ()) -> None:
        current = self._read()
        self._removed_ids = {
            person_id: translate("SafetyPlan", "%1 (removed from the map)").replace(
                "%1", name or translate("SafetyPlan", "someone"))
            for person_id, name in removed}
        self._removed = {text: person_id for person_id, text in self._removed_ids.items()}
        blocked = self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem("", None)
        for person_id, name in people:
            self.combo.addItem(name, person_id)
        self._write(current)
        self.combo.blockSignals(blocked)

    def _read(self) -> Any:
        text = self.combo.currentText().strip()
        if not text:
            return None
        if text in self._removed:
            return self._removed[text]
        index = self.combo.findText(text, Qt.MatchFlag.MatchExactly)
        return self.combo.itemData(index) if index > 0 else text

    def _write(self, value: Any) -> None:
        index = self.combo.findData(value) if value else -1
        if index > 0:
            self.combo.setCurrentIndex(index)
        else:
            self.combo.setCurrentIndex(0)
            self.combo.setEditText(self._removed_ids.get(value, value) if value else "")


class ItemForms(QStackedWidget):
    """One RecordForm per part of the plan; the chosen line's part is the one shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.forms: dict[str, RecordForm] = {}
        self.who: list[WhoEditor] = []
        self.addresses: list[ChecklistEditor] = []
        self.blank = QWidget(self)
        self.addWidget(self.blank)
        for section in SECTIONS:
            custom: dict[str, FieldEditor] = {}
            if "who" in SECTION_FIELDS[section]:
                who = WhoEditor(self)
                self.who.append(who)
                custom["who"] = who
            if "addresses" in SECTION_FIELDS[section]:
                addresses = ChecklistEditor([], self, columns=1)
                self.addresses.append(addresses)
                custom["addresses"] = addresses
            form = RecordForm("plan_item", SECTION_FIELDS[section], self, custom)
            form.setObjectName(f"form.{section}")
            self.forms[section] = form
            self.addWidget(form)

    def set_choices(self, people: list[Record], conditions: list[Record],
                    removed: Sequence[Record] = ()) -> None:
        named = [(p.id, str(p.fields.get("name") or "")) for p in people]
        gone = [(p.id, str(p.fields.get("name") or "")) for p in removed]
        for editor in self.who:
            editor.set_options(named, gone)
        options = [(c.id, first_line(c.fields.get("text")) or "…") for c in conditions]
        for addresses in self.addresses:
            addresses.set_options(options)

    def show_record(self, record: Record | None) -> None:
        section = record.fields.get("section") if record is not None else None
        for name, form in self.forms.items():
            if name != section and form.record_id is not None:
                form.show_record(None)  # saves what was typed in the line left behind
        form = self.forms.get(section) if section else None
        if form is None:
            self.setCurrentWidget(self.blank)
            return
        form.show_record(record)
        self.setCurrentWidget(form)

    def current_form(self) -> RecordForm | None:
        widget = self.currentWidget()
        return widget if isinstance(widget, RecordForm) else None

    def flush(self) -> None:
        for form in self.forms.values():
            form.flush()
