"""Taken: who does what, by when; open tasks first, the most urgent on top."""

from __future__ import annotations

from typing import Any

from desktop.casefile.editors import FieldEditor, ReferenceEditor
from desktop.casefile.record_tab import RecordTab
from desktop.casefile.records_model import Column, display_value
from desktop.overdue import overdue, overdue_word
from sync.protocol import Record


def due_text(record: Record) -> str:
    """The due date, with "overdue" in words once an open task's date has passed."""
    due = record.fields.get("due_on")
    shown = display_value("task", "due_on", due)
    if overdue(due) and not record.fields.get("done"):
        return f"{shown} · {overdue_word()}"
    return shown


class TasksTab(RecordTab):
    kind = "task"
    form_fields = ("title", "assignee_id", "due_on", "done")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._names: dict[str, str] = {}
        self.columns = (
            Column("title"),
            Column("assignee_id", text=lambda r: self._names.get(r.fields.get("assignee_id"), "")),
            Column("due_on", text=due_text), Column("done"),
        )
        super().__init__(*args, **kwargs)

    def custom_editors(self) -> dict[str, FieldEditor]:
        self.assignee_editor = ReferenceEditor()
        return {"assignee_id": self.assignee_editor}

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

    def fetch(self, store: Any, case_id: str, kind: str) -> Any:
        return (store.list_records(kind=kind, case_id=case_id),
                store.list_records(kind="person", case_id=case_id), store.get_setting("user"),
                store.colleagues())

    def show_result(self, result: Any) -> None:
        tasks, people, user, colleagues = result
        # A task is done by the worker, a colleague (the directory's: a hand-over note is a
        # task for the new contact worker) or someone of the family or its network.
        options: list[tuple[str, str]] = []
        me_id = None
        if isinstance(user, dict) and user.get("id"):
            me_id = str(user["id"])
            me = self.tr("Me (%1)").replace("%1", str(user.get("display_name") or ""))
            options.append((me_id, me))
        options += [(c.id, c.display_name) for c in colleagues if c.id != me_id]
        living = sorted((p for p in people if not p.deleted),
                        key=lambda p: (p.fields.get("name") or "").casefold())
        options += [(p.id, p.fields.get("name") or "") for p in living]
        self._names = dict(options)
        self.assignee_editor.set_options(options)
        self.model.set_records(tasks)

    def clear(self) -> None:
        self._names = {}
        self.assignee_editor.set_options([])
        super().clear()
