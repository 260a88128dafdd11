"""Records, conflicts and revs as the service stores them, and their wire form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from sync.protocol import Conflict, Record
from sync.service.db import among
from sync.service.models import (
    CaseAccess,
    CaseShare,
    ConflictRow,
    DeviceCase,
    RecordRow,
    RevCounter,
)
from sync.service.visibility import closed_seen_on


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def iso(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:  # SQLite hands back naive datetimes; they were stored as UTC
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.isoformat(timespec="microseconds")


def next_rev(session: Session) -> int:
    """Take the next rev, holding the counter's row lock until this transaction ends.

    This lock is what keeps the pull cursor from skipping records (see pull.py): every
    transaction that hands out a rev holds it until it commits, so revs become visible
    strictly in order.
    """
    return session.execute(
        update(RevCounter).where(RevCounter.id == 1)
        .values(value=RevCounter.value + 1).returning(RevCounter.value)
    ).scalar_one()


def lock_revs(session: Session) -> int:
    """Lock the counter row until this transaction ends and return the last rev handed out.

    The caller hands out the following revs itself and stores the last with `store_revs`
    before committing; the lock gives the same ordering as `next_rev`.
    """
    return session.execute(
        select(RevCounter.value).where(RevCounter.id == 1).with_for_update()
    ).scalar_one()


def store_revs(session: Session, last: int) -> None:
    session.execute(update(RevCounter).where(RevCounter.id == 1).values(value=last))


def hold_case(session: Session, device_id: str, case_id: str, since_rev: int) -> None:
    """Note that a device holds a case, unless it is noted already (see `hold_cases`)."""
    hold_cases(session, device_id, {case_id: since_rev})


def hold_cases(session: Session, device_id: str, since_revs: dict[str, int]) -> None:
    """Note that a device holds each case of `since_revs`, unless it is noted already, in
    one statement (a first sync of a thousand cases notes a thousand).

    INSERT … ON CONFLICT DO NOTHING, because a push and a pull of the same device may both
    note the same case at the same moment; the first one's `since_rev` stands.
    """
    if not since_revs:
        return
    rows = [{"device_id": device_id, "case_id": case_id, "since_rev": rev, "revoked_rev": None}
            for case_id, rev in since_revs.items()]
    if session.get_bind().dialect.name == "postgresql":
        statement = pg_insert(DeviceCase).on_conflict_do_nothing()
    else:
        statement = sqlite_insert(DeviceCase).on_conflict_do_nothing()
    session.execute(statement, rows)


# The key of `RecordRow.field_revs` for every field not listed by name.
ALL_FIELDS = "*"


def field_rev(row: RecordRow, name: str) -> int:
    """The rev at which the field last changed, or a rev not older than that.

    A record from before migration 0003 has no field revs: its own rev stands in, since no
    field of it changed after it.
    """
    revs = row.field_revs
    if revs is None:
        return row.rev
    return int(revs.get(name, revs.get(ALL_FIELDS, row.rev)))


def note_write(row: RecordRow, rev: int, changed: Iterable[str] = (), *,
               every_field: bool = False) -> None:
    """Note in `field_revs` the fields a write at `rev` changes; before `row.rev` moves.

    Every write calls it, also one that changes no field (a delete), so that a record from
    before migration 0003 gets its revs seeded from its old rev on its first write, and the
    fields the write leaves alone keep a rev that is not too new.
    """
    if every_field:
        row.field_revs = {ALL_FIELDS: rev}
        return
    revs = dict(row.field_revs) if row.field_revs is not None else {ALL_FIELDS: row.rev}
    revs.update(dict.fromkeys(changed, rev))
    row.field_revs = revs  # a new dict: the JSON column sees only reassignment


def to_record(row: RecordRow | Any) -> Record:
    """The wire form of a record (an ORM object or a plain row of the records table).

    Built without validation: every stored record was checked against the schema when it
    was written, and a push of 29,000 records or a pull page of 5,000 spent more on
    validating them again than on writing or reading them (issue 15)."""
    return Record.model_construct(
        id=row.id, kind=row.kind, case_id=row.case_id, rev=row.rev, deleted=row.deleted,
        fields=dict(row.fields), updated_by=row.updated_by, updated_at=iso(row.updated_at),
    )


def to_conflict(row: ConflictRow) -> Conflict:
    return Conflict.model_construct(
        id=row.id, record_id=row.record_id, case_id=row.case_id, kind=row.kind,
        field=row.field, base=row.base, kept=row.kept, incoming=row.incoming,
        kept_by=row.kept_by, incoming_by=row.incoming_by,
        created_at=iso(row.created_at) or "", resolved=row.resolved,
    )


def access_values(before: CaseAccess | None, fields: dict[str, Any]) -> dict[str, Any]:
    """The `case_access` columns of a case with these record fields, `before` its row now."""
    return {
        "team_id": fields.get("team_id") or "",
        "contact_worker_id": fields.get("contact_worker_id"),
        "status": fields.get("status"),
        "closed_on": fields.get("closed_on"),
        "closed_seen_on": closed_seen_on(
            before.closed_seen_on if before else None,
            before is not None and before.status == "closed",
            fields.get("status"),
        ),
    }


def shared_ids(fields: dict[str, Any]) -> list[str]:
    return sorted(set(fields.get("shared_with") or []))


def mirror_case_access(session: Session, case_id: str, fields: dict[str, Any]) -> None:
    """Keep `case_access`/`case_shares` equal to the case record's deciding fields."""
    access = session.get(CaseAccess, case_id)
    values = access_values(access, fields)
    if access is None:
        session.add(CaseAccess(case_id=case_id, **values))
    else:
        for name, value in values.items():
            setattr(access, name, value)
    session.flush()
    session.execute(delete(CaseShare).where(CaseShare.case_id == case_id))
    shared = shared_ids(fields)
    if shared:
        session.execute(
            insert(CaseShare), [{"case_id": case_id, "user_id": u} for u in shared]
        )


def write_case_shares(session: Session, shares: dict[str, list[str]]) -> None:
    """Replace the shares of every case in `shares` (case id -> user ids), in one DELETE per
    1,000 cases and one INSERT: a push of a thousand new cases writes them together."""
    cases = sorted(shares)
    for start in range(0, len(cases), 1000):
        session.execute(delete(CaseShare).where(
            among(session, CaseShare.case_id, cases[start:start + 1000])))
    rows = [{"case_id": c, "user_id": u} for c in cases for u in shares[c]]
    if rows:
        session.execute(insert(CaseShare), rows)
