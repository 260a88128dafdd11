"""Taken: who does what, by when; open tasks first, the most urgent on top."""

from __future__ import annotations

from typing import Any

from desktop.casefile.record_tab import RecordTab
from desktop.casefile.records_model import Column
from sync.protocol import Record


class TasksTab(RecordTab):
    kind = "task"
    columns = (Column("title"), Column("due_on"), Column("done"))
    form_fields = ("title", "due_on", "done")

    def sort_key(self, record: Record) -> Any:
        f = record.fields
        return (bool(f.get("done")), f.get("due_on") or "9999-12-31",
                (f.get("title") or "").casefold(), record.id)

    def add_text(self) -> str:
        return self.tr("&Add task")

    def accessible_table_name(self) -> str:
        return self.tr("Tasks, open ones first")

    def new_fields(self) -> dict[str, Any]:
        return {"title": self.tr("New task"), "done": False}
