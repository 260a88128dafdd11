"""Reading an open case in one go off the UI thread: the case, its next review date and the
enrolled worker (to show "who" in words)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.colleagues import Names, read_names
from sync.protocol import Record


@dataclass(frozen=True)
class CaseHead:
    case: Record | None
    next_review: str | None
    user: dict[str, Any] | None
    open_conflicts: int = 0
    plan: Record | None = None  # the safety plan whose review date is the next one
    names: Names = Names()

    @property
    def contact_worker(self) -> str:
        """The contact worker by name (the directory's, or the worker's own)."""
        worker = self.case.fields.get("contact_worker_id") if self.case else None
        return self.names.colleague(worker) if worker else ""

    @property
    def team(self) -> str:
        """The case's team by the directory's name; "" for a team it does not name (the
        header then leaves the team out rather than show part of an id)."""
        team_id = self.case.fields.get("team_id") if self.case else None
        return self.names.teams.get(team_id, "") if isinstance(team_id, str) else ""

    @property
    def shared_with(self) -> list[str]:
        """The colleagues the case is shared with, by name."""
        ids = (self.case.fields.get("shared_with") if self.case else None) or []
        return [self.names.colleague(user_id) for user_id in ids]

    @property
    def may_place(self) -> bool:
        """Whether this worker may share or hand over the case: its contact worker or a team
        lead of its team (the service's rule, mirrored; docs/protocol.md)."""
        if self.case is None or not self.user:
            return False
        me = self.user.get("id")
        if me and me == self.case.fields.get("contact_worker_id"):
            return True
        return (self.user.get("role") == "teamlead"
                and self.case.fields.get("team_id") in (self.user.get("team_ids") or []))


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
                    user if isinstance(user, dict) else None, conflicts, plan,
                    read_names(store))
