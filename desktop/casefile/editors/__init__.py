"""One editor widget per registry field type, saving as the worker types or leaves it.

Only a person's action writes. An editor shows a value, and says `committed(old, new)` only
after the worker has acted on it: typed (`textEdited`), chosen (`activated`), clicked, or
stepped or typed in a date or number box. Such an action marks the editor dirty; free text
then saves after a short pause in typing or when the field is left, a choice, a tick or a step
at once. Nothing else ever commits: loading a record, refilling the people on offer, a sync
that reloads the record, another case or the lock only show values (`set_value`, which also
forgets an unsaved action), so a widget that reads differently after any of them (a person no
longer on offer, an empty list at the lock) can never be written back as an edit.

The base also keeps the mouse wheel from changing a value the worker is only scrolling past:
a combo, date or number box takes focus by Tab or click only, and a wheel over it without
focus scrolls the form instead.

A value the field cannot hold (a date that does not exist, "11" on a scale of 0 to 10, an
emptied name) is refused when the worker leaves the field: the stored value comes back and
`message` (a label the form shows under the field) says why, in words. A pause in typing never
refuses, so a half-typed date or a name being retyped is left alone.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.casefile.editors.base import SAVE_DELAY_MS, FieldEditor, not_on_offer
from desktop.casefile.editors.checklists import ChecklistEditor, ChoiceChecklistEditor
from desktop.casefile.editors.choices import ChoiceEditor, ReferenceEditor
from desktop.casefile.editors.dates import DATE_FORMAT, DateEditor, DateField, parse_date
from desktop.casefile.editors.numbers import NumberEditor
from desktop.casefile.editors.text import FlagEditor, LineEditor, TextEditor
from desktop.casefile.labels import choice_label, field_label
from sync.schema import field_spec

__all__ = [
    "DATE_FORMAT", "SAVE_DELAY_MS", "ChecklistEditor", "ChoiceChecklistEditor", "ChoiceEditor",
    "DateEditor", "DateField", "FieldEditor", "FlagEditor", "LineEditor", "NumberEditor",
    "ReferenceEditor", "TextEditor", "editor_for", "not_on_offer", "parse_date",
]


def editor_for(kind: str, name: str, parent: QWidget | None = None) -> FieldEditor:
    """The editor the registry's declaration of `kind.name` calls for."""
    spec = field_spec(kind, name)
    if spec.type == "bool":
        editor: FieldEditor = FlagEditor(field_label(name, kind), parent)
    elif spec.type == "date":
        editor = DateEditor(parent, not_in_future=name == "birth_date")
    elif spec.type == "int":
        editor = NumberEditor(spec.minimum, spec.maximum, parent)
    elif spec.type == "text":
        editor = TextEditor(parent)
    elif spec.type == "list[str]" and spec.choices:
        editor = ChoiceChecklistEditor([(c, choice_label(c)) for c in spec.choices], parent)
    elif spec.type == "list[str]":
        editor = ChecklistEditor([], parent)
    elif spec.choices:
        editor = ChoiceEditor(spec.choices, parent)
    else:
        editor = LineEditor(parent)
    editor.widget.setAccessibleName(field_label(name, kind))
    editor.widget.setObjectName(f"{kind}.{name}")
    editor.required = spec.required
    editor.label = field_label(name, kind)
    return editor
