"""The monitor's figures on the service: the same counts a team lead's laptop shows
(storage/monitor.py), by the same rules (sync/monitor.py), from the service's JSON records.

The cases counted are those of the team that are still held (the retention rule of
visibility.py), which are the cases the team lead's laptop holds after a sync.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from sync import monitor as rules
from sync.service.models import AppliedChange, CaseAccess, RecordRow
from sync.service.visibility import retained

Case = aliased(RecordRow, name="c")
Rec = aliased(RecordRow, name="r")


def _field(row: Any, name: str) -> Any:
    return row.fields[name].as_string()


def _team_cases(team_id: str, retention_days: int, today: dt.date) -> Select[tuple[str]]:
    return select(CaseAccess.case_id).where(
        CaseAccess.team_id == team_id, retained(retention_days, today))


def _live(kind: str, cases: Select[tuple[str]]) -> Any:
    return and_(Rec.kind == kind, Rec.deleted.is_(False), Rec.case_id.in_(cases))


def _open_case() -> Any:
    return or_(CaseAccess.status.is_(None), CaseAccess.status != "closed")


def figures(session: Session, team_id: str, retention_days: int,
            today: dt.date) -> tuple[dict[str, Any], int, int]:
    """The contract's figures (rules.MONITOR_KEYS, plus `overdue_tasks`), with the number
    of decisions and plans the median and shares rest on."""
    cases = _team_cases(team_id, retention_days, today)
    day = today.isoformat()
    status = _field(Rec, "status")
    by_status = session.execute(
        select(status, func.count()).where(_live("case", cases)).group_by(status)).all()
    framework, opened, closed = (_field(Rec, n) for n in
                                 ("legal_framework", "opened_on", "closed_on"))
    opened_m, closed_m = func.substr(opened, 1, 7), func.substr(closed, 1, 7)
    groups = session.execute(
        select(framework, opened_m, closed_m, func.count())
        .where(_live("case", cases), opened.is_not(None))
        .group_by(framework, opened_m, closed_m)).all()
    plans = session.execute(
        select(status, func.count()).where(_live("safety_plan", cases)).group_by(status)).all()
    plan_count = sum(n for _, n in plans)
    review_on = _field(Rec, "review_on")
    overdue_reviews = session.scalar(
        select(func.count()).select_from(Rec).join(CaseAccess, CaseAccess.case_id == Rec.case_id)
        .where(_live("safety_plan", cases), _open_case(), review_on.is_not(None),
               review_on < day)) or 0
    due_on, done = _field(Rec, "due_on"), Rec.fields["done"].as_boolean()
    overdue_tasks = session.scalar(
        select(func.count()).select_from(Rec).join(CaseAccess, CaseAccess.case_id == Rec.case_id)
        .where(_live("task", cases), _open_case(), or_(done.is_(None), done.is_(False)),
               due_on.is_not(None), due_on < day)) or 0
    decision = _field(Rec, "decision")
    versions = session.execute(
        select(_field(Rec, "plan_id"), decision, _field(Rec, "decided_at"))
        .where(_live("plan_version", cases), decision.in_(("approved", "returned")))).all()
    decided = len(versions)
    returned = sum(1 for _, d, _ in versions if d == "returned")
    voice = select(Case.id).where(
        Case.kind == "plan_item", Case.deleted.is_(False), Case.case_id == Rec.case_id,
        _field(Case, "plan_id") == Rec.id, func.coalesce(_field(Case, "part"), "") != "")
    with_voice = session.scalar(
        select(func.count()).where(_live("safety_plan", cases), voice.exists())) or 0
    out = {
        "cases_by_status": rules.by_value(by_status),
        "plans_by_status": rules.by_value(plans),
        "cases_by_legal_framework": rules.spread_over_months(
            ((lf, rules.month_of(o and f"{o}-01"), rules.month_of(c and f"{c}-01"), n)
             for lf, o, c, n in groups), today),
        "overdue_reviews": int(overdue_reviews),
        "median_days_to_decision": rules.median_days(_days_to_decision(session, versions)),
        "share_returned": rules.share(returned, decided),
        "share_with_child_voice": rules.share(int(with_voice), plan_count),
        "overdue_tasks": int(overdue_tasks),
    }
    return out, decided, plan_count


def _when(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        moment = value
    else:
        try:
            moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _days_to_decision(session: Session,
                      versions: Sequence[tuple[Any, Any, Any]]) -> list[float]:
    """Per decision, the days since the plan was submitted: the latest write the service
    accepted, at or before the decision, that left the plan with status `submitted` (the
    laptop reads the same moment from its timeline)."""
    plan_ids = sorted({p for p, _, _ in versions if p})
    if not plan_ids:
        return []
    record_id = AppliedChange.result[("record", "id")].as_string()
    submitted: dict[str, list[dt.datetime]] = {}
    for start in range(0, len(plan_ids), 500):
        rows = session.execute(
            select(record_id, AppliedChange.created_at).where(
                record_id.in_(plan_ids[start:start + 500]),
                AppliedChange.result[("record", "fields", "status")].as_string()
                == "submitted",
                AppliedChange.result["status"].as_string().in_(("applied", "merged"))))
        for plan_id, at in rows:
            moment = _when(at)
            if moment is not None:
                submitted.setdefault(plan_id, []).append(moment)
    days = []
    for plan_id, _, decided_at in versions:
        decided = _when(decided_at)
        if decided is None:
            continue
        before = [m for m in submitted.get(plan_id, []) if m <= decided]
        if before:
            days.append((decided - max(before)).total_seconds() / 86400)
    return days
