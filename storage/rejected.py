"""Rejected changes: what the worker wrote that the service refused, or that could not be
sent before its case left this laptop. Kept with the family's name and the values until the
worker dismisses them (docs/architecture.md, "Niet verzonden wijzigingen"); the purge of a
case leaves them alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, func, select

from storage import outbox, records
from storage.models import RECORD_TABLES, RejectedChangeRow

T = RejectedChangeRow.__table__
# The code a change gets when its case left the laptop before the change could be sent.
CASE_REVOKED = "case_revoked"
# Fields that name a record in words, in the order they are tried.
_LABEL_FIELDS = ("name", "title", "date", "text", "purpose")


@dataclass(frozen=True)
class RejectedChange:
    change_id: str
    case_id: str
    case_title: str | None
    record_id: str
    kind: str
    record_label: str | None
    values: dict[str, Any]
    delete: bool
    error_code: str
    rejected_at: str


def keep(
    conn: Connection, *, change_id: str, case_id: str, record_id: str, kind: str,
    values: Mapping[str, Any], delete: bool, error_code: str, stamp: str,
) -> None:
    """Keep one refused change, named by what the laptop still holds of its case and record.
    Called before a purge, while the case is still here."""
    case = records.load_many(conn, "case", [case_id]).get(case_id)
    record = case if kind == "case" else (
        records.load_many(conn, kind, [record_id]).get(record_id) if kind in RECORD_TABLES
        else None)
    case_title = (case.fields.get("title") if case is not None else None) or (
        values.get("title") if kind == "case" else None)
    label = _label({**(record.fields if record is not None else {}), **values}) \
        if kind != "case" else None
    conn.execute(T.delete().where(T.c.change_id == change_id))
    conn.execute(T.insert().values(
        change_id=change_id, case_id=case_id, case_title=case_title, record_id=record_id,
        kind=kind, record_label=label, values=dict(values), delete=delete,
        error_code=error_code or "rejected", rejected_at=stamp,
    ))


def keep_unsent(conn: Connection, case_id: str, stamp: str) -> int:
    """Before a case is purged: its changes still in the outbox (made after the push of this
    sync, or never answered) become rejected changes instead of vanishing. Returns how many."""
    rows = conn.execute(
        select(outbox.T).where(
            outbox.T.c.case_id == case_id,
            outbox.T.c.state.in_([*outbox.UNDELIVERED, outbox.REJECTED]),
            outbox.T.c.change_id.not_in(select(T.c.change_id)),
        )
    ).all()
    unsent = 0
    for row in rows:
        # A row marked rejected by some other path than a push answer is kept the same way.
        refused = row.state == outbox.REJECTED
        keep(conn, change_id=row.change_id, case_id=row.case_id, record_id=row.record_id,
             kind=row.kind, values=row.set, delete=row.delete,
             error_code=(row.error_code or "rejected") if refused else CASE_REVOKED,
             stamp=stamp)
        unsent += not refused
    return unsent


def listed(conn: Connection) -> list[RejectedChange]:
    """Every kept change, and any outbox row in state `rejected` that did not come through
    `keep` (so that no path that refuses a change can hide it from the worker)."""
    kept = [RejectedChange(**dict(r._mapping))
            for r in conn.execute(select(T).order_by(T.c.rejected_at, T.c.change_id))]
    cases = RECORD_TABLES["case"]
    stray = conn.execute(
        select(outbox.T, cases.c.title).select_from(
            outbox.T.outerjoin(cases, cases.c.id == outbox.T.c.case_id))
        .where(outbox.T.c.state == outbox.REJECTED,
               outbox.T.c.change_id.not_in(select(T.c.change_id)))
        .order_by(outbox.T.c.seq)
    ).all()
    kept += [RejectedChange(
        change_id=r.change_id, case_id=r.case_id, case_title=r.title, record_id=r.record_id,
        kind=r.kind, record_label=None, values=dict(r.set), delete=r.delete,
        error_code=r.error_code or "rejected", rejected_at=r.created_at) for r in stray]
    return kept


def dismiss(conn: Connection, change_id: str) -> bool:
    """Forget a rejected change (and its outbox row); True if there was one."""
    gone = conn.execute(T.delete().where(T.c.change_id == change_id)).rowcount
    conn.execute(outbox.T.delete().where(outbox.T.c.change_id == change_id,
                                         outbox.T.c.state == outbox.REJECTED))
    return bool(gone)


def count(conn: Connection) -> int:
    return (conn.execute(select(func.count()).select_from(T)).scalar_one()
            + conn.execute(count_stray()).scalar_one())


def count_stray() -> Select[tuple[int]]:
    """Rejected outbox rows without their own entry (refused before migration 0004); it
    reads the partial index of rejected rows, not the whole outbox (migration 0020)."""
    return select(func.count()).select_from(outbox.T).where(
        outbox.T.c.state == outbox.REJECTED, outbox.T.c.change_id.not_in(select(T.c.change_id)))


def _label(fields: Mapping[str, Any]) -> str | None:
    for name in _LABEL_FIELDS:
        value = fields.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip().splitlines()[0][:80]
    return None
