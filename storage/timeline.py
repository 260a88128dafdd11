"""The timeline of a case: what changed, when, by whom, whether here or by sync."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, select

from storage import as_pulled
from storage.models import HistoryRow

T = HistoryRow.__table__

HistoryAction = Literal["create", "update", "delete", "sync", "conflict", "resolve"]


@dataclass(frozen=True)
class HistoryEntry:
    at: str
    case_id: str
    record_id: str
    kind: str
    action: str
    changes: dict[str, Any]  # field -> new value ({} for a delete; see as_pulled)
    by: str | None
    source: str  # "local" or "sync"


def add(
    conn: Connection, rows: list[dict[str, Any]]
) -> None:
    """Append timeline rows: dicts with at, case_id, record_id, kind, action, changes, by,
    source."""
    if rows:
        conn.execute(T.insert(), rows)


def entries(conn: Connection, case_id: str) -> list[HistoryEntry]:
    rows = conn.execute(select(T).where(T.c.case_id == case_id).order_by(T.c.seq)).all()
    pulled = as_pulled.fill(conn, rows)
    return [
        HistoryEntry(
            at=r.at, case_id=r.case_id, record_id=r.record_id, kind=r.kind, action=r.action,
            changes=r.changes if r.changes is not None else pulled.get(r.record_id, {}),
            by=r.by, source=r.source,
        )
        for r in rows
    ]


def remove_case(conn: Connection, case_id: str) -> None:
    conn.execute(T.delete().where(T.c.case_id == case_id))
