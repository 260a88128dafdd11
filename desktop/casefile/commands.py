"""Undoable edits of the case file (Qt's undo framework).

Every field edit the worker makes is a FieldEdit on the case file's QUndoStack. Doing or
undoing it writes the value through the StoreSession (off the UI thread, in order) and tells
the case file so that the widget showing that field follows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

# Consecutive edits of one free-text field merge into one undo step, as typing does in an
# editor; a choice or a date is its own step.
_MERGE_ID = 0x4B54

ApplyField = Callable[[str, str, str, Any], None]  # (record_id, kind, field, value)


class FieldEdit(QUndoCommand):
    """Set one field of one record from `old` to `new`."""

    def __init__(
        self,
        apply: ApplyField,
        record_id: str,
        kind: str,
        field: str,
        old: Any,
        new: Any,
        *,
        text: str,
        mergeable: bool = False,
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self.record_id = record_id
        self.kind = kind
        self.field = field
        self.old = old
        self.new = new
        self._mergeable = mergeable

    def redo(self) -> None:
        self._apply(self.record_id, self.kind, self.field, self.new)

    def undo(self) -> None:
        self._apply(self.record_id, self.kind, self.field, self.old)

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _MERGE_ID if self._mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, FieldEdit) or not self._mergeable:
            return False
        if (other.record_id, other.field) != (self.record_id, self.field):
            return False
        self.new = other.new
        return True


class RecordRemoval(QUndoCommand):
    """Remove one record (a tombstone write); undo restores it with all of its fields."""

    def __init__(self, remove: Callable[[], None], restore: Callable[[], None], *,
                 text: str) -> None:
        super().__init__(text)
        self._remove = remove
        self._restore = restore

    def redo(self) -> None:
        self._remove()

    def undo(self) -> None:
        self._restore()
