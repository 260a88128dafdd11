"""Handing a case over to another contact worker, with a hand-over note (docs/architecture.md,
"Colleagues, sharing and hand-over").

The note becomes a task assigned to the new contact worker: it shows in their Taken, with
their name, and stays in the timeline. Nothing in the outbox is touched: every unsent edit,
the note's task too, goes out with the next sync. The hand-over may coalesce into an older
pending change of the case and so reach the service first; the service still takes what
follows from the worker who just lost the case (the held-case rule, docs/protocol.md), and
anything it refuses is kept on the laptop as a rejected change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sync.protocol import Record


def hand_over(store: Any, case_id: str, to_user_id: str, note_title: str | None) -> Record:
    """Make `to_user_id` the case's contact worker; with a note, first a task for them."""
    if note_title:
        store.create_record("task", {
            "title": note_title, "assignee_id": to_user_id, "done": False,
            "due_on": dt.date.today().isoformat(),
        }, case_id=case_id)
    return store.update_record(case_id, {"contact_worker_id": to_user_id})
