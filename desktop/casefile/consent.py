"""Toestemming: what the family agreed may be shared, with whom, and when it was withdrawn."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.casefile.editors import FieldEditor, ReferenceEditor
from desktop.casefile.record_tab import RecordTab
from desktop.casefile.records_model import Column
from sync.protocol import Record


class ConsentTab(RecordTab):
    kind = "consent"
    form_fields = ("person_id", "purpose", "basis", "given_on", "withdrawn_on")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._names: dict[str, str] = {}
        self.columns = (
            Column("person_id", text=lambda r: self._names.get(r.fields.get("person_id"), "")),
            # The form explains the purpose in full; the column title stays one word.
            Column("purpose", header=QCoreApplication.translate("ConsentTab", "Purpose")),
            Column("given_on"), Column("withdrawn_on"),
        )
        super().__init__(*args, **kwargs)

    def custom_editors(self) -> dict[str, FieldEditor]:
        self.person_editor = ReferenceEditor()
        return {"person_id": self.person_editor}

    def sort_key(self, record: Record) -> Any:
        return (record.fields.get("given_on") or "", record.id)

    def add_text(self) -> str:
        return self.tr("&Add consent")

    def accessible_table_name(self) -> str:
        return self.tr("Consent records")

    def new_fields(self) -> dict[str, Any]:
        return {"given_on": dt.date.today().isoformat()}

    def clear(self) -> None:
        self._names = {}  # no family's names linger once the case is closed
        self.person_editor.set_options([])
        super().clear()

    def fetch(self, store: Any, case_id: str, kind: str) -> Any:
        people = store.list_records(kind="person", case_id=case_id)
        return store.list_records(kind=kind, case_id=case_id), people

    def show_result(self, result: Any) -> None:
        records, people = result
        self._names = {p.id: p.fields.get("name") or "" for p in people if not p.deleted}
        self.person_editor.set_options(sorted(self._names.items(), key=lambda i: i[1].casefold()))
        self.model.set_records(records)
