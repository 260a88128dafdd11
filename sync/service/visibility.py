"""Who may see what (design.md, "Roles"), as queries the service runs on every request.

- worker: cases where they are the contact worker or in `shared_with`;
- teamlead: every case of their teams (and, like a worker, cases assigned or shared to them);
- admin: no case content at all.
Closed cases drop out of everyone's view `retention_days` after the service learned they were
closed (`case_access.closed_seen_on`, its own UTC date) or after `closed_on`, whichever is
later, so that they leave the laptops at the next pull. Counting from the service's date
means a back-dated `closed_on` hides a case from nobody: the team lead keeps seeing it, and
can reopen it, for the whole retention period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, false, or_, select
from sqlalchemy.orm import Session

from sync.service.db import among
from sync.service.models import CaseAccess, CaseShare


@dataclass(frozen=True)
class Viewer:
    """The user and device behind a request."""

    user_id: str
    username: str
    display_name: str
    role: str
    team_ids: frozenset[str]
    device_id: str
    address: str | None = None

    def leads(self, team_id: str | None) -> bool:
        return self.role == "teamlead" and team_id in self.team_ids


def service_today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def closed_seen_on(before: str | None, was_closed: bool, status: str | None) -> str | None:
    """The `closed_seen_on` of a case after a write: set when it becomes closed, kept while
    it stays closed (no edit of a closed case restarts or shortens retention), cleared when
    it is reopened."""
    if status != "closed":
        return None
    if was_closed and before is not None:
        return before
    return service_today().isoformat()


def _retained(retention_days: int, today: dt.date | None = None) -> ColumnElement[bool]:
    cutoff = ((today or service_today()) - dt.timedelta(days=retention_days)).isoformat()
    # ISO dates compare correctly as strings. A `closed_on` in the future keeps the case
    # until then; one in the past counts for nothing.
    return or_(
        CaseAccess.status.is_(None),
        CaseAccess.status != "closed",
        CaseAccess.closed_seen_on.is_(None),
        CaseAccess.closed_seen_on >= cutoff,
        CaseAccess.closed_on >= cutoff,
    )


def retained(retention_days: int, today: dt.date | None = None) -> ColumnElement[bool]:
    """The cases still held on laptops (the monitor counts exactly those)."""
    return _retained(retention_days, today)


def _reach(viewer: Viewer) -> ColumnElement[bool]:
    if viewer.role == "admin":
        return false()
    shared = select(CaseShare.case_id).where(CaseShare.user_id == viewer.user_id)
    terms = [CaseAccess.contact_worker_id == viewer.user_id, CaseAccess.case_id.in_(shared)]
    if viewer.role == "teamlead" and viewer.team_ids:
        terms.append(CaseAccess.team_id.in_(sorted(viewer.team_ids)))
    return or_(*terms)


def sees_case(viewer: Viewer, access: CaseAccess, shared: Iterable[str], retention_days: int,
              today: dt.date | None = None) -> bool:
    """`_reach` and `_retained` for one case whose `case_access` row and shares are at hand,
    without a query: a push that creates or changes a case knows both, and asking the
    database for each of a thousand new cases cost a round trip each (issue 15). The same
    rule as the SQL above; tests/service/test_visibility_rule.py holds them side by side."""
    if viewer.role == "admin":
        return False
    reach = (access.contact_worker_id == viewer.user_id or viewer.user_id in set(shared)
             or (viewer.role == "teamlead" and access.team_id in viewer.team_ids))
    if not reach:
        return False
    cutoff = ((today or service_today()) - dt.timedelta(days=retention_days)).isoformat()
    return (access.status is None or access.status != "closed"
            or access.closed_seen_on is None or access.closed_seen_on >= cutoff
            or (access.closed_on is not None and access.closed_on >= cutoff))


def visible_cases(viewer: Viewer, retention_days: int) -> Select[tuple[str]]:
    """A SELECT of the ids of every case `viewer` may see now."""
    return select(CaseAccess.case_id).where(_reach(viewer), _retained(retention_days))


def visible_case_ids(session: Session, viewer: Viewer, retention_days: int) -> set[str]:
    return set(session.scalars(visible_cases(viewer, retention_days)))


def visible_among(session: Session, viewer: Viewer, case_ids: Iterable[str],
                  retention_days: int) -> set[str]:
    """Of `case_ids`, those `viewer` may see now: one query per 1,000 cases (a push's
    most), not one each."""
    wanted = sorted(set(case_ids))
    seen: set[str] = set()
    for start in range(0, len(wanted), 1000):
        seen |= set(session.scalars(visible_cases(viewer, retention_days).where(
            among(session, CaseAccess.case_id, wanted[start:start + 1000]))))
    return seen


def may_see(session: Session, viewer: Viewer, case_id: str, retention_days: int) -> bool:
    query = visible_cases(viewer, retention_days).where(CaseAccess.case_id == case_id)
    return session.scalar(query) is not None
