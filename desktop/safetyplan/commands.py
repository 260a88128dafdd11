"""The plan's undoable edits, on the case file's undo stack: add, remove, change and move a
line of the plan, and change the plan itself.

A removed line cannot be brought back under its old id (the protocol has no undelete), so
undoing a removal makes it again under a new id; `Ids` follows a line from id to id so that
the edits made before and after still find it, and the conditions it met stay met.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop.casefile.labels import field_label
from sync.schema import KINDS

translate = QCoreApplication.translate
# Fields of other kinds that name a plan line: they follow it when its removal is undone.
LINE_REFERENCES = tuple((kind, name) for kind, spec in KINDS.items()
                        for name, f in spec.fields.items()
                        if f.reference == "plan_item" and f.type == "str")
_MERGE_ID = 0x4B55  # typing in one field of one line is one undo step


class Ids:
    """Where each line of the plan lives now."""

    def __init__(self) -> None:
        self._moved: dict[str, str] = {}

    def current(self, record_id: str) -> str:
        while record_id in self._moved:
            record_id = self._moved[record_id]
        return record_id

    def move(self, old: str, new: str) -> None:
        self._moved[old] = new


class PlanWriter:
    """The store writes behind the commands; `write(fn, on_done)` runs one off the UI thread
    (the case file controller's ordered writes) and `landed` follows each."""

    def __init__(self, write: Callable[[Callable[[Any], Any], Callable[[Any], None]], None],
                 landed: Callable[[], None], case_id: str) -> None:
        self._write = write
        self._landed = landed
        self.case_id = case_id

    def _run(self, fn: Callable[[Any], Any]) -> None:
        self._write(fn, lambda _result: self._landed())

    def run(self, fn: Callable[[Any], Any]) -> None:
        """Several writes in one (merging two plans), with one reload after."""
        self._run(fn)

    def create(self, fields: Mapping[str, Any], record_id: str) -> None:
        case_id, values = self.case_id, dict(fields)
        self._run(lambda s: s.create_record("plan_item", values, case_id=case_id,
                                            record_id=record_id))

    def delete(self, record_id: str) -> None:
        self._run(lambda s: s.delete_record(record_id))

    def update(self, record_id: str, changes: Mapping[str, Any]) -> None:
        values = dict(changes)
        self._run(lambda s: s.update_record(record_id, values))

    def restore(self, fields: Mapping[str, Any], old_id: str, new_id: str) -> None:
        """Make a removed line again, and point what met it (`addresses`) and every field
        that names a plan line (a score's `plan_item_id`) at its new id."""
        case_id, values = self.case_id, dict(fields)

        def restore(store: Any) -> None:
            store.create_record("plan_item", values, case_id=case_id, record_id=new_id)
            for item in store.list_records(kind="plan_item", case_id=case_id):
                addresses = item.fields.get("addresses") or []
                if old_id in addresses:
                    store.update_record(item.id, {
                        "addresses": [new_id if a == old_id else a for a in addresses]})
            for kind, name in LINE_REFERENCES:
                for record in store.list_records(kind=kind, case_id=case_id):
                    if not record.deleted and record.fields.get(name) == old_id:
                        store.update_record(record.id, {name: new_id})

        self._run(restore)


class AddItem(QUndoCommand):
    def __init__(self, writer: PlanWriter, ids: Ids, fields: Mapping[str, Any]) -> None:
        super().__init__(translate("SafetyPlan", "Add a line to the plan"))
        self.writer, self.ids, self.fields = writer, ids, dict(fields)
        self.record_id = str(uuid.uuid4())
        self._made = False

    def redo(self) -> None:
        if self._made:  # made and undone before: its old id is a tombstone now
            self.ids.move(self.ids.current(self.record_id), str(uuid.uuid4()))
        self._made = True
        self.writer.create(self.fields, self.ids.current(self.record_id))

    def undo(self) -> None:
        self.writer.delete(self.ids.current(self.record_id))


class RemoveItem(QUndoCommand):
    def __init__(self, writer: PlanWriter, ids: Ids, record_id: str,
                 fields: Mapping[str, Any]) -> None:
        super().__init__(translate("SafetyPlan", "Remove a line from the plan"))
        self.writer, self.ids, self.record_id, self.fields = writer, ids, record_id, dict(fields)

    def redo(self) -> None:
        self.writer.delete(self.ids.current(self.record_id))

    def undo(self) -> None:
        old, new = self.ids.current(self.record_id), str(uuid.uuid4())
        self.ids.move(old, new)
        self.writer.restore(self.fields, old, new)


class EditItem(QUndoCommand):
    """Set fields of one line (a field the worker typed, or the position of a move)."""

    def __init__(self, writer: PlanWriter, ids: Ids, record_id: str, old: Mapping[str, Any],
                 new: Mapping[str, Any], *, text: str, mergeable: bool = False) -> None:
        super().__init__(text)
        self.writer, self.ids, self.record_id = writer, ids, record_id
        self.old, self.new = dict(old), dict(new)
        self._mergeable = mergeable

    @classmethod
    def field(cls, writer: PlanWriter, ids: Ids, record_id: str, name: str, old: Any,
              new: Any, mergeable: bool) -> EditItem:
        text = translate("SafetyPlan", "Change %1").replace("%1", field_label(name, "plan_item"))
        return cls(writer, ids, record_id, {name: old}, {name: new}, text=text,
                   mergeable=mergeable)

    def redo(self) -> None:
        self.writer.update(self.ids.current(self.record_id), self.new)

    def undo(self) -> None:
        self.writer.update(self.ids.current(self.record_id), self.old)

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _MERGE_ID if self._mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, EditItem) or not self._mergeable:
            return False
        if (other.record_id, other.new.keys()) != (self.record_id, self.new.keys()):
            return False
        self.new = other.new
        return True
