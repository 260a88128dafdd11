"""The case list: one SQL query however many cases there are.

The search matches the family name and every person name of the case, case- and
accent-folded: one LIKE on the case's `search` column, which triggers keep (migration 0007),
rather than a Python fold per name per search. The next review date is the earliest
`review_on` of the case's live safety plans; the plan's mark is the status of the case's
current plan (CURRENT_PLAN_ORDER), so that a returned plan shows in the list.
"""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

from sqlalchemy import Connection, func, literal_column, select
from sqlalchemy import case as when

from storage.database import fold
from storage.models import (
    RECORD_TABLES,
    ConflictRow,
    HistoryRow,
    OutboxEntry,
    QueuedResolution,
)
from storage.outbox import UNDELIVERED

CaseOrder = Literal["updated", "title", "review"]
# Which plan of a case is its current one when two laptops each made one: the furthest in
# review, then the newest version, then by id, so that every laptop and the case list agree
# (a plan without a status is a draft).
CURRENT_PLAN_ORDER = ("submitted", "agreed", "returned", "draft", "approved")


class CaseSummary(NamedTuple):
    """One row of the case list (a tuple: 2,000 of them are made per search)."""

    id: str
    title: str
    status: str | None
    contact_worker_id: str | None
    team_id: str | None
    legal_framework: str | None
    next_review: str | None
    updated_at: str | None
    pending: int
    conflicts: int
    # What tells two families of one name apart: the first name of the youngest household
    # member (most often the child the case is about) and the date the case started.
    youngest: str | None = None
    opened_on: str | None = None
    plan_status: str | None = None  # of the case's current safety plan


def list_cases(
    conn: Connection,
    search: str | None = None,
    status: str | None = None,
    order: CaseOrder = "updated",
) -> list[CaseSummary]:
    case = RECORD_TABLES["case"]
    plan = RECORD_TABLES["safety_plan"]
    person = RECORD_TABLES["person"]
    outbox = OutboxEntry.__table__
    conflict = ConflictRow.__table__
    queued = QueuedResolution.__table__
    history = HistoryRow.__table__

    next_review = (
        select(func.min(plan.c.review_on))
        .where(plan.c.case_id == case.c.id, plan.c.deleted.is_(False))
        .scalar_subquery()
    )
    pending = (
        select(func.count()).select_from(outbox)
        .where(outbox.c.case_id == case.c.id, outbox.c.state.in_(UNDELIVERED))
        .scalar_subquery()
    )
    conflicts = (
        select(func.count()).select_from(conflict)
        .where(conflict.c.case_id == case.c.id, conflict.c.resolved.is_(False),
               ~conflict.c.id.in_(select(queued.c.conflict_id)))
        .scalar_subquery()
    )
    touched = (
        select(func.max(history.c.at)).where(history.c.case_id == case.c.id).scalar_subquery()
    )
    updated = func.coalesce(touched, case.c.updated_at)
    youngest = (
        select(person.c.name)
        .where(person.c.case_id == case.c.id, person.c.deleted.is_(False),
               person.c.circle == "household", person.c.birth_date.is_not(None))
        .order_by(person.c.birth_date.desc(), person.c.id)
        .limit(1)
        .scalar_subquery()
    )
    rank = when(
        *((plan.c.status == status, number) for number, status in enumerate(CURRENT_PLAN_ORDER)),
        (plan.c.status.is_(None), CURRENT_PLAN_ORDER.index("draft")),
        else_=len(CURRENT_PLAN_ORDER),
    )
    plan_status = (
        select(func.coalesce(plan.c.status, "draft"))
        .where(plan.c.case_id == case.c.id, plan.c.deleted.is_(False))
        .order_by(rank, func.coalesce(plan.c.version, 1).desc(), plan.c.id)
        .limit(1)
        .scalar_subquery()
    )
    query = select(
        case.c.id, case.c.title, case.c.status, case.c.contact_worker_id, case.c.team_id,
        case.c.legal_framework, next_review.label("next_review"),
        updated.label("updated"), pending.label("pending"), conflicts.label("conflicts"),
        youngest.label("youngest"), case.c.opened_on, plan_status.label("plan_status"),
    ).where(case.c.deleted.is_(False))
    if status is not None:
        query = query.where(case.c.status == status)
    if search:
        needle = f"%{_escape(fold(search) or '')}%"
        query = query.where(case.c.search.like(needle, escape="\\"))
    query = query.order_by(*_ordering(order, case))
    # The columns are selected in CaseSummary's order: plain tuples, no per-field lookups;
    # only the youngest's name is cut down to the first name.
    make = CaseSummary._make
    return [make((*row[:-3], first_name(row[-3]), *row[-2:]))
            for row in conn.execute(query).all()]


def matching_ids(conn: Connection, search: str) -> set[str]:
    """The ids of the cases `list_cases(search=...)` would list, without the columns: the
    case list filters the rows it holds by these, so a search costs one LIKE rather than
    every row's marks and dates again (issue 15)."""
    case = RECORD_TABLES["case"]
    needle = f"%{_escape(fold(search) or '')}%"
    query = select(case.c.id).where(case.c.deleted.is_(False),
                                    case.c.search.like(needle, escape="\\"))
    return set(conn.execute(query).scalars())


def first_name(name: str | None) -> str | None:
    """"Sanne de Vries" -> "Sanne": enough to tell the family apart, no more of the name."""
    parts = (name or "").split()
    return parts[0] if parts else None


def _ordering(order: CaseOrder, case: Any) -> list[Any]:
    title = case.c.search  # begins with the folded title, then a line break
    if order == "title":
        return [title, case.c.id]
    if order == "review":
        return [literal_column("next_review").is_(None), literal_column("next_review"), title]
    if order == "updated":
        return [literal_column("updated").desc(), title]
    raise ValueError(f"unknown case order {order!r}")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
