"""Reading an open case in one go off the UI thread: the case, its next review date and the
enrolled worker (to show "who" in words)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from sync.protocol import Record

translate = QCoreApplication.translate


@dataclass(frozen=True)
class CaseHead:
    case: Record | None
    next_review: str | None
    user: dict[str, Any] | None
    open_conflicts: int = 0
    plan: Record | None = None  # the safety plan whose review date is the next one

    @property
    def contact_worker(self) -> str:
        """The contact worker as the screen names them: the worker's own name when it is them."""
        worker = self.case.fields.get("contact_worker_id") if self.case else None
        if worker and self.user and worker == self.user.get("id"):
            return str(self.user.get("display_name") or self.user.get("username") or worker)
        if worker:
            # The service knows colleagues by id only; an id means nothing to a family.
            return translate("CaseHeader", "a colleague")
        return ""


def log_opening(store: Any, case_id: str) -> None:
    """Opening a case is itself logged (NEN 7513): the store logs edits, the screen that
    shows a case logs that it was read."""
    store.log_access("open_case", case_id=case_id)


def read_case_head(store: Any, case_id: str) -> CaseHead:
    """Read what the header shows."""
    case = store.get_record(case_id)
    if case is not None and case.deleted:
        case = None
    plans = [p for p in store.list_records(kind="safety_plan", case_id=case_id)
             if not p.deleted]
    # The next review is the earliest of the plans'; without one, the newest plan's is set.
    dated = sorted((p for p in plans if p.fields.get("review_on")),
                   key=lambda p: p.fields["review_on"])
    newest = sorted(plans, key=lambda p: p.updated_at or "")
    plan = dated[0] if dated else (newest[-1] if newest else None)
    user = store.get_setting("user")
    conflicts = len(store.list_conflicts(open_only=True, case_id=case_id))
    return CaseHead(case, dated[0].fields["review_on"] if dated else None,
                    user if isinstance(user, dict) else None, conflicts, plan)
