"""The map's edits as undoable commands on the case file's QUndoStack.

The store never brings a deleted record back, so undoing a delete creates the records again
under new ids; `Ids` remembers which new id stands for which old one, so that every command
still on the stack (a move, a change of a tie) finds its record.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand

from desktop.casefile.controller import CaseFileController
from sync.protocol import Record

Item = tuple[str, dict[str, Any], str]  # kind, fields, record id
REFERENCES = ("from_person_id", "to_person_id")


class Ids:
    def __init__(self) -> None:
        self._alias: dict[str, str] = {}

    def now(self, record_id: str) -> str:
        seen = 0
        while record_id in self._alias and seen < len(self._alias):
            record_id = self._alias[record_id]
            seen += 1
        return record_id

    def alias(self, old: str, new: str) -> None:
        if old != new:
            self._alias[old] = new


class MapWriter:
    """Writes through the case file's controller, in order with its other writes, and tells
    the other tabs what changed (they follow the controller's signals)."""

    def __init__(self, controller: CaseFileController, ids: Ids,
                 written: Callable[[], None]) -> None:
        self.controller = controller
        self.ids = ids
        self.written = written

    def create(self, items: list[Item]) -> None:
        case_id = self.controller.case_id
        if case_id is None or not items:
            return
        prepared = [(kind, self._mapped(fields), case_id, rid) for kind, fields, rid in items]

        def done(records: list[Record]) -> None:
            for record in records:
                self.controller.record_created.emit(record)
            self.written()

        self.controller.write(lambda s: s.create_records(prepared), done, items[0][0])

    def delete(self, records: list[tuple[str, str]]) -> None:
        """Delete (record id, kind) pairs; one that is gone already (by a sync) is skipped."""
        now = [(self.ids.now(rid), kind) for rid, kind in records]

        def run(store: Any) -> list[tuple[str, str]]:
            gone = []
            for rid, kind in now:
                current = store.get_record(rid)
                if current is not None and not current.deleted:
                    store.delete_record(rid)
                    gone.append((rid, kind))
            return gone

        def done(gone: list[tuple[str, str]]) -> None:
            for rid, kind in gone:
                self.controller.record_deleted.emit(rid, kind)
            self.written()

        if now:
            self.controller.write(run, done, now[-1][1])

    def update(self, record_id: str, kind: str, fields: Mapping[str, Any]) -> None:
        rid = self.ids.now(record_id)
        values = self._mapped(dict(fields))

        def done(record: Record) -> None:
            for name, value in values.items():
                self.controller.field_set.emit(rid, name, value)
            self.controller.record_saved.emit(record)
            self.written()

        self.controller.write(lambda s: s.update_record(rid, values), done, kind)

    def _mapped(self, fields: dict[str, Any]) -> dict[str, Any]:
        return {k: self.ids.now(v) if k in REFERENCES and isinstance(v, str) else v
                for k, v in fields.items()}


def new_id() -> str:
    return str(uuid.uuid4())


class CreateRecords(QUndoCommand):
    """Add people or ties (redo after an undo makes them again, under new ids)."""

    def __init__(self, writer: MapWriter, items: list[Item], text: str) -> None:
        super().__init__(text)
        self.writer = writer
        self.items = items
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            self.writer.create(self.items)
            return
        again = []
        for kind, fields, rid in self.items:
            fresh = new_id()
            self.writer.ids.alias(self.writer.ids.now(rid), fresh)
            again.append((kind, fields, fresh))
        self.writer.create(again)

    def undo(self) -> None:
        # Ties before people, so no tie is left pointing at someone removed.
        order = sorted(self.items, key=lambda item: item[0] != "relationship")
        self.writer.delete([(rid, kind) for kind, _fields, rid in order])


class DeleteRecords(QUndoCommand):
    """Remove people (with their ties) and ties; undo makes them again under new ids."""

    def __init__(self, writer: MapWriter, records: list[Record], text: str) -> None:
        super().__init__(text)
        self.writer = writer
        # People first when made again, ties first when removed.
        self.records = sorted(records, key=lambda r: (r.kind != "person", r.id))

    def redo(self) -> None:
        self.writer.delete([(r.id, r.kind) for r in reversed(self.records)])

    def undo(self) -> None:
        items = []
        for record in self.records:
            fresh = new_id()
            self.writer.ids.alias(self.writer.ids.now(record.id), fresh)
            items.append((record.kind, dict(record.fields), fresh))
        self.writer.create(items)


class SetFields(QUndoCommand):
    """Change some fields of one record (a move, a tie's kind or band, a form field)."""

    def __init__(self, writer: MapWriter, record_id: str, kind: str, old: Mapping[str, Any],
                 new: Mapping[str, Any], text: str) -> None:
        super().__init__(text)
        self.writer = writer
        self.record_id = record_id
        self.kind = kind
        self.old = dict(old)
        self.new = dict(new)

    def redo(self) -> None:
        self.writer.update(self.record_id, self.kind, self.new)

    def undo(self) -> None:
        self.writer.update(self.record_id, self.kind, self.old)
