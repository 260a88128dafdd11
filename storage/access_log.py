"""The local access log, in the spirit of NEN 7513: who opened, read, edited, searched,
exported or printed which case, and when.

Entries are append-only (triggers refuse updates and deletes) and hash-chained: each
entry's hash covers its content and its predecessor's hash, and the newest hash is kept
in the settings, so a changed, inserted or removed entry breaks the chain. The sync
engine hands the entries to the service (`take_batch` / `mark_pushed`).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, func, select, update

from storage.models import AccessLogRow, Setting
from storage.records import now
from sync.protocol import AuditEntry
from sync.schema import SchemaError

T = AccessLogRow.__table__
S = Setting.__table__
GENESIS = "0" * 64
HEAD_SETTING = "access_log_head"

ACTIONS = frozenset({
    "open_case", "read", "edit", "search", "export", "print", "sync", "resolve", "purge",
    "unlock", "lock",
})

_CHAINED = ("id", "at", "user_id", "device_id", "case_id", "record_id", "action", "detail")


def entry_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    content = json.dumps({k: entry.get(k) for k in _CHAINED}, sort_keys=True,
                         separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(f"{prev_hash}\n{content}".encode("ascii")).hexdigest()


@dataclass(frozen=True)
class ChainCheck:
    """The outcome of verifying the chain: `ok`, and the first entry where it breaks."""

    ok: bool
    entries: int
    broken_at: int | None = None  # seq of the first entry that does not fit

    def __bool__(self) -> bool:
        return self.ok


def _checked(entry: dict[str, Any]) -> AuditEntry:
    """The entry as the service will take it (sync/protocol.py's text and id rules), or
    SchemaError: an entry it would refuse must never wait in the log to be uploaded."""
    try:
        return AuditEntry(**entry)
    except ValidationError as exc:
        first = exc.errors()[0]
        code = first["type"] if first["type"] in ("invalid_text", "invalid_id") else "wrong_type"
        where = ".".join(str(p) for p in first["loc"])
        raise SchemaError(code, f"access-log {where}: {first['msg']}") from None


def _head(conn: Connection) -> dict[str, Any]:
    value = conn.execute(select(S.c.value).where(S.c.name == HEAD_SETTING)).scalar()
    return value or {"seq": 0, "hash": GENESIS, "count": 0}


def append(
    conn: Connection,
    action: str,
    *,
    user_id: str | None,
    device_id: str | None,
    case_id: str | None = None,
    record_id: str | None = None,
    detail: str | None = None,
) -> AuditEntry:
    if action not in ACTIONS:
        raise ValueError(f"unknown access-log action {action!r}")
    head = _head(conn)
    entry = {
        "id": str(uuid.uuid4()), "at": now(), "user_id": user_id, "device_id": device_id,
        "case_id": case_id, "record_id": record_id, "action": action, "detail": detail,
    }
    checked = _checked(entry)
    digest = entry_hash(head["hash"], entry)
    seq = conn.execute(
        T.insert().values(**entry, prev_hash=head["hash"], hash=digest, pushed=False)
    ).inserted_primary_key[0]
    _set_head(conn, head, {"seq": seq, "hash": digest, "count": head["count"] + 1})
    return checked


def append_many(
    conn: Connection, items: list[dict[str, Any]], *, user_id: str | None,
    device_id: str | None,
) -> None:
    """Append several entries (each: action, case_id, record_id, detail) in one statement."""
    if not items:
        return
    head = _head(conn)
    prev, stamp, rows = head["hash"], now(), []
    for item in items:
        if item["action"] not in ACTIONS:
            raise ValueError(f"unknown access-log action {item['action']!r}")
        entry = {"id": str(uuid.uuid4()), "at": stamp, "user_id": user_id,
                 "device_id": device_id, "case_id": item.get("case_id"),
                 "record_id": item.get("record_id"), "action": item["action"],
                 "detail": item.get("detail")}
        _checked(entry)
        digest = entry_hash(prev, entry)
        rows.append((*[entry[k] for k in _CHAINED], prev, digest))
        prev = digest
    conn.exec_driver_sql(
        "INSERT INTO access_log (id, at, user_id, device_id, case_id, record_id, action, "
        "detail, prev_hash, hash, pushed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", rows
    )
    seq = conn.execute(select(func.max(T.c.seq))).scalar_one()
    _set_head(conn, head, {"seq": seq, "hash": prev, "count": head["count"] + len(rows)})


def _set_head(conn: Connection, old: dict[str, Any], new: dict[str, Any]) -> None:
    if old["count"] == 0:
        conn.execute(S.delete().where(S.c.name == HEAD_SETTING))
        conn.execute(S.insert().values(name=HEAD_SETTING, value=new))
    else:
        conn.execute(update(S).where(S.c.name == HEAD_SETTING).values(value=new))


def verify(conn: Connection) -> ChainCheck:
    prev = GENESIS
    count = 0
    for row in conn.execute(select(T).order_by(T.c.seq)):
        entry = dict(row._mapping)
        if row.prev_hash != prev or entry_hash(prev, entry) != row.hash:
            return ChainCheck(False, count, row.seq)
        prev = row.hash
        count += 1
    head = _head(conn)
    if head["hash"] != prev or head["count"] != count:
        return ChainCheck(False, count, head["seq"])  # the newest entries were removed
    return ChainCheck(True, count)


def entries(conn: Connection, case_id: str | None = None) -> list[AuditEntry]:
    query = select(T).order_by(T.c.seq)
    if case_id is not None:
        query = query.where(T.c.case_id == case_id)
    return [_to_entry(r) for r in conn.execute(query)]


def take_batch(conn: Connection, limit: int) -> list[AuditEntry]:
    rows = conn.execute(select(T).where(T.c.pushed.is_(False)).order_by(T.c.seq).limit(limit))
    return [_to_entry(r) for r in rows]


def mark_pushed(conn: Connection, ids: list[str]) -> None:
    for start in range(0, len(ids), 500):
        conn.execute(update(T).where(T.c.id.in_(ids[start:start + 500])).values(pushed=True))


def _to_entry(row: Any) -> AuditEntry:
    return AuditEntry(**{k: getattr(row, k) for k in _CHAINED})
