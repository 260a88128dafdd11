"""The logic of an open case file: which case, its undo stack, and every write it makes.

Views hand the controller what the worker did; the controller turns it into undoable
FieldEdits or plain writes through the StoreSession, keeps the views in step (`field_set`,
`record_saved`) and tells them when something changed elsewhere (`external_change`), for
instance a sync, so they reload.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.casefile.commands import FieldEdit, RecordRemoval
from desktop.casefile.labels import field_label, kind_label
from desktop.casefile.lifetime import while_alive
from desktop.operations import ChangeNotice, StoreSession
from sync.protocol import Record
from sync.schema import field_spec


class CaseFileController(QObject):
    field_set = Signal(str, str, object)  # record_id, field, value (do, undo or redo)
    record_saved = Signal(object)  # Record, as the store has it after a write of ours
    record_created = Signal(object)  # Record
    record_deleted = Signal(str, str)  # record_id, kind
    external_change = Signal(object)  # ChangeNotice concerning this case, not made here

    def __init__(self, session: StoreSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id: str | None = None
        self.undo_stack = QUndoStack(self)
        self._echoes = 0  # change notices still to come back for writes made here
        self._in_flight = 0
        self._after_writes: list[Callable[[], None]] = []
        session.changed.connect(self._on_changed)

    def open(self, case_id: str | None) -> None:
        if case_id != self.case_id:
            self.undo_stack.clear()  # undo never reaches into another family's file
            self.case_id = case_id

    # -- edits ------------------------------------------------------------------------------

    def edit_field(self, record_id: str, kind: str, field: str, old: Any, new: Any,
                   text: str | None = None) -> None:
        """An undoable change of one field, as the worker made it. With `text` (a repair
        such as moving a score) it is named so and is always its own undo step."""
        mergeable = text is None and field_spec(kind, field).type in ("str", "text")
        text = text or QCoreApplication.translate("CaseFileController", "Change %1").replace(
            "%1", field_label(field, kind)
        )
        self.undo_stack.push(
            FieldEdit(self._apply, record_id, kind, field, old, new, text=text,
                      mergeable=mergeable)
        )

    def create(
        self,
        kind: str,
        fields: Mapping[str, Any],
        on_done: Callable[[Record], None] | None = None,
    ) -> None:
        """Add a record to the open case."""
        case_id = self.case_id
        if case_id is None:
            return

        def done(record: Record) -> None:
            self.record_created.emit(record)
            if on_done is not None:
                on_done(record)

        self._write(lambda s: s.create_record(kind, dict(fields), case_id=case_id), done, kind)

    def delete(self, record_id: str, kind: str, name: str = "") -> None:
        """Remove a record, undoably: undo brings it back with all of its fields (as long as
        no sync has sent the removal; then the store refuses and the window says so)."""
        text = QCoreApplication.translate("CaseFileController", "Remove %1").replace(
            "%1", name or kind_label(kind))
        self.undo_stack.push(RecordRemoval(
            lambda: self._write(lambda s: s.delete_record(record_id),
                                lambda _r: self.record_deleted.emit(record_id, kind), kind),
            lambda: self._write(lambda s: s.restore_record(record_id),
                                self.record_created.emit, kind),
            text=text,
        ))

    def write(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None], kind: str) -> None:
        """A write a view's own undoable command makes (the safety plan's): in order with the
        others, and not mistaken for a change from elsewhere."""
        self._write(fn, on_done, kind)

    def _apply(self, record_id: str, kind: str, field: str, value: Any) -> None:
        self.field_set.emit(record_id, field, value)
        self._write(lambda s: s.update_record(record_id, {field: value}),
                    self.record_saved.emit, kind)

    def _write(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None], kind: str) -> None:
        self._in_flight += 1

        def done(result: Any) -> None:
            self._echoes += 1  # the session announces this write right after this call
            self._landed()
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._landed()
            self.session.failed.emit(exc)  # the window's one error handler says what went wrong

        self.session.change(fn, while_alive(self, done), kinds=[kind],
                            case_ids=[self.case_id or ""], on_error=while_alive(self, failed))

    def when_settled(self, callback: Callable[[], None]) -> None:
        """Run `callback` once every write made here has landed, so that a read that follows
        sees them (reads and writes run on different threads)."""
        if self._in_flight:
            self._after_writes.append(callback)
        else:
            callback()

    def _landed(self) -> None:
        self._in_flight -= 1
        if not self._in_flight:
            callbacks, self._after_writes = self._after_writes, []
            for callback in callbacks:
                callback()

    def _on_changed(self, notice: ChangeNotice) -> None:
        if self._echoes:
            self._echoes -= 1
            return
        if self.case_id is not None and notice.concerns(case_id=self.case_id):
            self.external_change.emit(notice)
