"""A form over one record: a label and an editor for each chosen field of its kind.

The form only lays out editors and relays their commits as `edited`; what an edit does
(an undoable write) is the CaseFileController's business.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.casefile.editors import ChecklistEditor, FieldEditor, FlagEditor, editor_for
from desktop.casefile.labels import field_label
from sync.protocol import Record
from sync.schema import field_spec, kind_spec


class RecordForm(QWidget):
    """Edits the chosen `fields` of one record of `kind` at a time."""

    edited = Signal(str, str, str, object, object)  # record_id, kind, field, old, new

    def __init__(
        self,
        kind: str,
        fields: tuple[str, ...],
        parent: QWidget | None = None,
        editors: dict[str, FieldEditor] | None = None,
    ) -> None:
        """`editors` replaces the registry's default editor for some fields."""
        super().__init__(parent)
        self.kind = kind
        self.record_id: str | None = None
        self.editors: dict[str, FieldEditor] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setVerticalSpacing(10)
        # Only the fields the registry declares get an editor: a value of any other field
        # (a newer laptop's) stays in the record, untouched by this form.
        declared = kind_spec(kind).fields
        for name in (n for n in fields if n in declared):
            editor = (editors or {}).get(name) or editor_for(kind, name, self)
            editor.widget.setAccessibleName(field_label(name, kind))
            editor.required = field_spec(kind, name).required
            editor.label = field_label(name, kind)
            editor.committed.connect(
                lambda old, new, name=name: self._relay(name, old, new)
            )
            self.editors[name] = editor
            if isinstance(editor, ChecklistEditor):
                editor.rebuilt.connect(self.chain_tab_order)
            # The field with, under it, why a value was refused (hidden until then).
            cell = QWidget(self)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor.widget)
            column.addWidget(editor.message)
            if isinstance(editor, FlagEditor):
                layout.addRow("", cell)  # the tick box carries its own label
            else:
                label = QLabel(field_label(name, kind), self)
                label.setBuddy(editor.widget)
                layout.addRow(label, cell)
        self.chain_tab_order()
        self.setEnabled(False)

    def show_record(self, record: Record | None) -> None:
        """Show `record` (None: an empty, disabled form). What the worker changed but has not
        saved yet is saved first when another record is chosen; for the same record it is
        kept. Showing never saves anything else (see editors.FieldEditor)."""
        same = record is not None and record.id == self.record_id
        if not same:
            self.flush()
        self.record_id = record.id if record is not None else None
        self.setEnabled(record is not None)
        for name, editor in self.editors.items():
            if same and editor.pending:
                continue  # the worker is changing it; the pause or leaving will save it
            editor.set_value(record.fields.get(name) if record is not None else None)

    def set_field(self, record_id: str, name: str, value: Any) -> None:
        """Follow a value set elsewhere (undo, redo) when this record is on screen."""
        editor = self.editors.get(name)
        if editor is not None and record_id == self.record_id:
            editor.set_value(value)

    tab_order_changed = Signal()

    def focus_widgets(self) -> list[QWidget]:
        """Every field Tab stops at, top to bottom (each tick box of a list too)."""
        return [w for editor in self.editors.values() for w in editor.focus_widgets()]

    def chain_tab_order(self) -> None:
        """Tab goes down the form field by field. Tick boxes made after the form (a list of
        people filled in later) would otherwise come last in the window's order."""
        widgets = self.focus_widgets()
        for before, after in pairwise(widgets):
            QWidget.setTabOrder(before, after)
        self.tab_order_changed.emit()

    def flush(self) -> None:
        for editor in self.editors.values():
            editor.flush()

    def _relay(self, name: str, old: Any, new: Any) -> None:
        # An emptied name or title never arrives here: its editor refuses it in words.
        if self.record_id is not None:
            self.edited.emit(self.record_id, self.kind, name, old, new)
