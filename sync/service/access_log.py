"""The service's access log (NEN 7513): who, which device, which case and record, what,
when and from which address. Append-only (database triggers refuse UPDATE and DELETE) and
hash-chained: each row's hash covers its content and the previous row's hash, so that a
removed or altered row breaks the chain (`verify`).

Rows are appended under the row lock of `access_log_head`, inside the caller's transaction,
so the chain stays a single line when several workers or hosts write at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass

import orjson
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from sync.protocol import AuditEntry
from sync.service.bulk import insert_rows
from sync.service.models import AccessLogHead, AccessLogRow

GENESIS_HASH = "0" * 64
_CONTENT = (
    "seq", "entry_id", "source", "at", "user_id", "device_id", "case_id", "record_id",
    "action", "address", "detail",
)


@dataclass
class AccessEvent:
    action: str
    user_id: str | None = None
    device_id: str | None = None
    case_id: str | None = None
    record_id: str | None = None
    address: str | None = None
    detail: str | None = None
    source: str = "service"
    entry_id: str | None = None
    at: str | None = None


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def row_hash(prev_hash: str, content: dict[str, object]) -> str:
    canonical = json.dumps([content.get(k) for k in _CONTENT], separators=(",", ":"))
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def append(session: Session, events: list[AccessEvent]) -> None:
    """Add `events` to the chain, in order, within the caller's transaction.

    On PostgreSQL in one statement (`access_log_append`, migration 0007_push_lock): the
    head's row lock is held from it to the commit, and every round trip after taking it
    (the rows, the head) was one that a push holding the rev lock could wait for."""
    if not events:
        return
    if session.get_bind().dialect.name == "postgresql":
        # orjson: a thousand entries' JSON in a tenth of json.dumps' time; the hashed
        # `tail` inside each stays json.dumps' canonical form.
        session.execute(text("SELECT access_log_append(CAST(:entries AS jsonb))"),
                        {"entries": orjson.dumps(entries(events)).decode()})
        return
    append_rows(session, events)


def append_rows(session: Session, events: list[AccessEvent]) -> None:
    """`append` in Python, on any database (also one not migrated to 0007_push_lock)."""
    if not events:
        return
    head = session.execute(
        select(AccessLogHead).where(AccessLogHead.id == 1).with_for_update()
    ).scalar_one()
    seq, prev = head.seq, head.hash
    rows = []
    for content in contents(events):
        seq += 1
        content = {"seq": seq, **content}
        digest = row_hash(prev, content)
        rows.append({**content, "prev_hash": prev, "hash": digest})
        prev = digest
    # COPY on PostgreSQL, the driver's executemany on SQLite (bulk.py): a push or a pull
    # page logs up to a thousand rows.
    insert_rows(session, AccessLogRow.__table__, rows, plain=True)
    head.seq, head.hash = seq, prev


def contents(events: list[AccessEvent]) -> list[dict[str, object]]:
    """The rows' content columns but `seq`, which only the chain's head decides."""
    stamp = now_iso()
    return [{
        "entry_id": event.entry_id or str(uuid.uuid4()),
        "source": event.source,
        "at": event.at or stamp,
        "user_id": event.user_id,
        "device_id": event.device_id,
        "case_id": event.case_id,
        "record_id": event.record_id,
        "action": event.action,
        "address": event.address,
        "detail": event.detail,
    } for event in events]


def entries(events: list[AccessEvent]) -> list[dict[str, object]]:
    """`access_log_append`'s argument: each row's content but `seq`, and its `tail`."""
    return [{**content, "tail": tail(content)} for content in contents(events)]


def tail(content: dict[str, object]) -> str:
    """The canonical JSON of `row_hash` after its opening `[<seq>,`: a row's hash is
    sha256(prev_hash + "[" + seq + "," + tail), which the database can finish once it
    knows the seq (migration 0007_push_lock, `access_log_append`)."""
    canonical = json.dumps([content.get(k) for k in _CONTENT[1:]], separators=(",", ":"))
    return canonical[1:]


def per_case(events: list[AccessEvent]) -> list[AccessEvent]:
    """A push's events with one row per case and action instead of one per change: the
    row of several records has no `record_id` and lists them in its detail, each as
    `<record id>:<detail>` (the field names written, `delete`, or the refusal's code) or the
    bare id when there is no detail, space-separated, in the push's order. A thousand new
    cases of 29 records each log a thousand rows, not 29,000, and the log still says who,
    which device and address, which case, which records, what and when (NEN 7513). A case
    and action with one record keeps the row as it was; events without a case or record,
    or whose detail has a space (the plan's decision), keep a row of their own."""
    groups: dict[tuple[str, str], list[AccessEvent]] = {}
    order: list[AccessEvent | tuple[str, str]] = []
    for event in events:
        if event.case_id is None or event.record_id is None or " " in (event.detail or ""):
            order.append(event)
            continue
        key = (event.case_id, event.action)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(event)
    out = []
    for item in order:
        if isinstance(item, AccessEvent):
            out.append(item)
            continue
        group = groups[item]
        if len(group) == 1:
            out.append(group[0])
            continue
        first = group[0]
        out.append(AccessEvent(
            action=first.action, user_id=first.user_id, device_id=first.device_id,
            case_id=first.case_id, address=first.address,
            detail=" ".join(f"{e.record_id}:{e.detail}" if e.detail else str(e.record_id)
                            for e in group),
        ))
    return out


def verify(session: Session, batch: int = 5000) -> int | None:
    """The seq of the first row that breaks the chain, or None when it is whole."""
    prev, expected_seq, last = GENESIS_HASH, 1, 0
    while True:
        rows = session.scalars(
            select(AccessLogRow).where(AccessLogRow.seq > last)
            .order_by(AccessLogRow.seq).limit(batch)
        ).all()
        if not rows:
            break
        for row in rows:
            content = {k: getattr(row, k) for k in _CONTENT}
            if (
                row.seq != expected_seq or row.prev_hash != prev
                or row.hash != row_hash(prev, content)
            ):
                return row.seq
            prev, expected_seq, last = row.hash, expected_seq + 1, row.seq
    head = session.get(AccessLogHead, 1)
    if head is not None and (head.seq != last or head.hash != prev):
        return last + 1
    return None


def entries_for_case(session: Session, case_id: str, limit: int = 10_000) -> list[AuditEntry]:
    rows = session.scalars(
        select(AccessLogRow).where(AccessLogRow.case_id == case_id)
        .order_by(AccessLogRow.seq).limit(limit)
    ).all()
    return [
        AuditEntry(
            id=r.entry_id, at=r.at, user_id=r.user_id, device_id=r.device_id,
            case_id=r.case_id, record_id=r.record_id, action=r.action, address=r.address,
            detail=r.detail,
        )
        for r in rows
    ]
