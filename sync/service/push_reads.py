"""The reads at the start of a push: ahead of the rev lock in one statement, or under it
through the session (docs/protocol.md, "Push under load"); both give `PushReads`.

Before it takes the lock a push on PostgreSQL reads the stored results of its change ids,
its records and its cases' records, their `case_access` rows, whether each case is shared
with the viewer, and the cases the device holds. Five ORM queries did that: building,
compiling and loading them was 40% of the service's CPU under a load of one-change
pushes, more than the rest of the push. Here they are one plain statement on the driver
connection, each part a JSON array, and the objects are made from it; the rows are only
read (the push writes through push_commit.py), so they need no session.

Whether the viewer sees a case is decided by `visibility.sees_case` from its `case_access`
row and shares, the rule the SQL of `visibility.visible_cases` holds (the two are checked
side by side in tests/service/test_visibility_rule.py). All parts come from one snapshot,
and `push_recheck` under the lock stands for what may change after it, as before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import psycopg
from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.service.db import among, varchar_array
from sync.service.models import AppliedChange, CaseAccess, DeviceCase, RecordRow
from sync.service.visibility import Viewer, sees_case, visible_among

# json_build_array keeps each row small and its columns in order; a timestamp comes as
# ISO 8601 text with its offset, which `fromisoformat` reads back to the microsecond.
_READS = """
SELECT
  (SELECT json_agg(json_build_array(a.change_id, a.user_id, a.result))
     FROM applied_changes a WHERE a.change_id = ANY(%(changes)s)),
  (SELECT json_agg(json_build_array(r.id, r.kind, r.case_id, r.rev, r.deleted, r.fields,
                                    r.field_revs, r.updated_by, r.updated_at))
     FROM records r WHERE r.id = ANY(%(records)s)),
  (SELECT json_agg(json_build_array(c.case_id, c.team_id, c.contact_worker_id, c.status,
                                    c.closed_on, c.closed_seen_on,
                                    EXISTS (SELECT 1 FROM case_shares s
                                            WHERE s.case_id = c.case_id
                                              AND s.user_id = %(user)s)))
     FROM case_access c WHERE c.case_id = ANY(%(cases)s)),
  (SELECT json_agg(json_build_array(h.case_id, h.revoked_rev))
     FROM device_cases h WHERE h.device_id = %(device)s AND h.case_id = ANY(%(cases)s))
"""


@dataclass(slots=True)
class HeldRecord:
    """A record the service holds, as a push going ahead of the lock read it: the columns
    of a `RecordRow`, without the ORM. The push changes it in place and writes it through
    push_commit.py, never through the session; making a thousand ORM objects was half of
    the service's CPU for a push of 1,000 edits."""

    id: str
    kind: str
    case_id: str
    rev: int
    deleted: bool
    fields: dict[str, Any]
    field_revs: dict[str, int] | None
    updated_by: str | None
    updated_at: dt.datetime


@dataclass
class PushReads:
    stored: dict[str, AppliedChange]  # change id -> its stored result
    records: list[RecordRow] | list[HeldRecord]  # of the ids asked, those it has
    access: dict[str, CaseAccess]  # case id -> its row, for the cases that have one
    visible: set[str]  # the cases asked for that the viewer sees now
    held: dict[str, int | None]  # case id -> revoked_rev, the cases the device holds


def read_ahead(connection: psycopg.Connection[Any], viewer: Viewer, retention_days: int, *,
               change_ids: Collection[str], record_ids: Collection[str],
               case_ids: Collection[str]) -> PushReads:
    """What the push needs of the database before its checks, in one round trip on
    `connection` (PostgreSQL, in autocommit: db.autocommit_connection)."""
    params = {"changes": varchar_array(change_ids), "records": varchar_array(record_ids),
              "cases": varchar_array(case_ids), "user": viewer.user_id,
              "device": viewer.device_id}
    with connection.cursor() as cursor:
        cursor.execute(_READS, params)
        row = cursor.fetchone()
    assert row is not None
    stored_rows, record_rows, access_rows, held_rows = (part or [] for part in row)
    access: dict[str, CaseAccess] = {}
    visible: set[str] = set()
    for case_id, team_id, worker_id, status, closed_on, seen_on, shared in access_rows:
        found = CaseAccess(case_id=case_id, team_id=team_id, contact_worker_id=worker_id,
                           status=status, closed_on=closed_on, closed_seen_on=seen_on)
        access[case_id] = found
        if sees_case(viewer, found, (viewer.user_id,) if shared else (), retention_days):
            visible.add(case_id)
    return PushReads(
        stored={change_id: AppliedChange(change_id=change_id, user_id=user_id, result=result)
                for change_id, user_id, result in stored_rows},
        records=[_record(values) for values in record_rows],
        access=access, visible=visible,
        held={case_id: revoked for case_id, revoked in held_rows},
    )


def _record(values: list[Any]) -> HeldRecord:
    id_, kind, case_id, rev, deleted, fields, field_revs, updated_by, updated_at = values
    return HeldRecord(id_, kind, case_id, rev, deleted, fields, field_revs, updated_by,
                      dt.datetime.fromisoformat(updated_at))


def read_locked(session: Session, viewer: Viewer, retention_days: int, *,
                change_ids: Collection[str], record_ids: Collection[str],
                case_ids: Collection[str]) -> PushReads:
    """The same reads through `session`, for a push that holds the rev lock: its records
    are the session's, written through it."""
    stored = {a.change_id: a for a in session.scalars(
        select(AppliedChange).where(among(session, AppliedChange.change_id, change_ids)))}
    records = list(session.scalars(select(RecordRow).where(among(session, RecordRow.id,
                                                                 record_ids))))
    # Every case of the batch in one query, rather than a lookup per case: a laptop's
    # thousand new cases are a thousand cases. Who sees them, in one query too.
    access = {a.case_id: a for a in session.scalars(
        select(CaseAccess).where(among(session, CaseAccess.case_id, case_ids)))}
    visible = visible_among(session, viewer, case_ids, retention_days)
    held = {case_id: revoked for case_id, revoked in session.execute(
        select(DeviceCase.case_id, DeviceCase.revoked_rev).where(
            DeviceCase.device_id == viewer.device_id,
            among(session, DeviceCase.case_id, case_ids)))}
    return PushReads(stored=stored, records=records, access=access, visible=visible,
                     held=held)
