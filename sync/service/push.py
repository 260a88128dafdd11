"""Applying pushed changes: who may, the merge rules 1-5 of design.md, conflicts, the log.

A push runs in one transaction that first takes the row lock of `rev_counter`
(records.lock_revs) and hands out revs from it. Holding that lock until commit serialises
the pushes (so two changes to one record cannot both merge against the same old value) and
makes revs commit in order, which the pull cursor relies on (pull.py).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sync.merge import MergeOutcome, merge_against_deleted, merge_change, merge_delete
from sync.protocol import Change, ErrorDetail, Result
from sync.schema import TEAMLEAD_PLAN_STATUSES, SchemaError, field_spec, kind_spec, validate_fields
from sync.service import access_log
from sync.service.access_log import AccessEvent
from sync.service.db import transaction
from sync.service.models import (
    AppliedChange,
    CaseAccess,
    ConflictRow,
    RecordRow,
)
from sync.service.records import (
    hold_case,
    lock_revs,
    mirror_case_access,
    store_revs,
    to_conflict,
    to_record,
    utcnow,
)
from sync.service.visibility import Viewer, may_see


class Rejected(Exception):
    """A change the service refuses; the rest of the batch goes on."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class PushContext:
    viewer: Viewer
    retention_days: int


def push(factory: sessionmaker[Session], ctx: PushContext, changes: list[Change]) -> list[Result]:
    """Apply `changes` in order, in one transaction, each change on its own.

    Every check of a change runs before its first write, so a refused change leaves
    nothing behind and the rest of the batch goes on. Should the commit itself fail,
    nothing of the batch is kept and the laptop sends it again (the change ids make that
    safe).
    """
    if not changes:
        return []
    with transaction(factory) as session, session.no_autoflush:
        # No flush before every query: the batch flushes where a query must see its writes.
        batch = _Batch(session, ctx, changes)
        results = [batch.apply(change) for change in changes]
        batch.finish()
        return results


def apply_one(factory: sessionmaker[Session], ctx: PushContext, change: Change) -> Result:
    return push(factory, ctx, [change])[0]


class _Batch:
    """The state of one push: revs, the records it touches, log entries, results so far."""

    def __init__(self, session: Session, ctx: PushContext, changes: list[Change]) -> None:
        self.session = session
        self.ctx = ctx
        self.events: list[AccessEvent] = []
        self.done: dict[str, Result] = {}
        self._sees: dict[str, bool] = {}
        self._access: dict[str, CaseAccess | None] = {}
        self._held: set[str] = set()
        # The counter's row lock first: everything read after it is at least as new as
        # every push committed before this one (see records.lock_revs).
        self.first_rev = self.rev = lock_revs(session) + 1
        change_ids = sorted({c.change_id for c in changes if _is_uuid(c.change_id)})
        self.stored = {
            a.change_id: a for a in session.scalars(
                select(AppliedChange).where(AppliedChange.change_id.in_(change_ids))
            )
        }
        record_ids = sorted({c.record_id for c in changes if _is_uuid(c.record_id)})
        self.records: dict[str, RecordRow] = {
            r.id: r for r in session.scalars(select(RecordRow).where(RecordRow.id.in_(record_ids)))
        }

    def next_rev(self) -> int:
        self.rev += 1
        return self.rev - 1

    def finish(self) -> None:
        if self.rev > self.first_rev:
            store_revs(self.session, self.rev - 1)
        access_log.append(self.session, self.events)

    def access(self, case_id: str) -> CaseAccess | None:
        if case_id not in self._access:
            self._access[case_id] = self.session.get(CaseAccess, case_id)
        return self._access[case_id]

    def hold(self, case_id: str, rev: int) -> None:
        """The device holds what it wrote, so a pull tells it to purge a case that is out of
        its view (created for a colleague, say), not only cases it once pulled."""
        if case_id in self._held:
            return
        self._held.add(case_id)
        hold_case(self.session, self.ctx.viewer.device_id, case_id, rev)

    def sees(self, case_id: str) -> bool:
        if case_id not in self._sees:
            self.session.flush()
            self._sees[case_id] = may_see(
                self.session, self.ctx.viewer, case_id, self.ctx.retention_days
            )
        return self._sees[case_id]

    def apply(self, change: Change) -> Result:
        session, ctx, viewer = self.session, self.ctx, self.ctx.viewer
        if not _is_uuid(change.change_id):
            # Not stored (it could not be found again by a malformed id); refused and logged.
            self.events.append(_event(ctx, change, "push.rejected", "invalid_id"))
            return _rejected(change, "invalid_id", "change_id must be a UUID")
        if change.change_id in self.done:
            self.events.append(_event(ctx, change, "push.duplicate", None))
            return self.done[change.change_id].model_copy(update={"status": "duplicate"})
        stored = self.stored.get(change.change_id)
        if stored is not None:
            if stored.user_id != viewer.user_id:
                # Never hand one user's stored result (it holds case data) to another.
                self.events.append(_event(ctx, change, "push.rejected", "change_id_taken"))
                return _rejected(
                    change, "change_id_taken", "this change id belongs to another user"
                )
            self.events.append(_event(ctx, change, "push.duplicate", None))
            return Result.model_validate(stored.result).model_copy(update={"status": "duplicate"})
        try:
            result = _apply(self, change)
        except Rejected as exc:
            result = _rejected(change, exc.code, exc.message)
            current = self.records.get(change.record_id)
            if current is not None and self.sees(current.case_id):
                result.rev = current.rev
            self.events.append(_event(ctx, change, "push.rejected", exc.code))
        else:
            detail = ",".join(sorted(change.set)) if not change.delete else "delete"
            self.events.append(_event(ctx, change, f"push.{result.status}", detail))
            self.hold(change.case_id, result.rev)
        if change.kind == "case":
            self._sees.pop(change.case_id, None)  # the case may have left (or entered) view
            self._access.pop(change.case_id, None)
        session.add(
            AppliedChange(
                change_id=change.change_id, user_id=viewer.user_id, device_id=viewer.device_id,
                result=result.model_dump(mode="json"), created_at=utcnow(),
            )
        )
        self.done[change.change_id] = result
        return result


def _event(ctx: PushContext, change: Change, action: str, detail: str | None) -> AccessEvent:
    return AccessEvent(
        action=action, user_id=ctx.viewer.user_id, device_id=ctx.viewer.device_id,
        case_id=change.case_id[:36], record_id=change.record_id[:36],
        address=ctx.viewer.address, detail=detail,
    )


def _rejected(change: Change, code: str, message: str) -> Result:
    return Result(
        change_id=change.change_id, status="rejected", rev=0,
        error=ErrorDetail(code=code, message=message),
    )


def _is_uuid(value: str) -> bool:
    try:
        return len(value) == 36 and str(uuid.UUID(value)) == value.lower()
    except (ValueError, AttributeError, TypeError):
        return False


def _check_ids(change: Change) -> None:
    for name in ("record_id", "case_id"):
        if not _is_uuid(getattr(change, name)):
            raise Rejected("invalid_id", f"{name} must be a UUID in its 36-character form")


def _authorise(batch: _Batch, change: Change, row: RecordRow | None) -> str:
    """Check that the viewer may make this change; return the case's team id."""
    viewer = batch.ctx.viewer
    if viewer.role == "admin":
        raise Rejected("forbidden", "an admin sees no case content")
    creating_case = change.kind == "case" and row is None
    if creating_case:
        team_id = change.set.get("team_id")
        if team_id not in viewer.team_ids:
            raise Rejected("not_your_team", "a case can only be created in one of your teams")
        return str(team_id)
    access = batch.access(change.case_id)
    if access is None or not batch.sees(change.case_id):
        raise Rejected("case_not_visible", "you may not see this case")
    if change.kind == "case" and "team_id" in change.set:
        new_team = change.set["team_id"]
        if new_team != access.team_id and new_team not in viewer.team_ids:
            raise Rejected("not_your_team", "a case can only be moved to one of your teams")
    return access.team_id


def _check_plan_review(
    ctx: PushContext, kind: str, team_id: str, incoming: dict[str, Any],
    current: dict[str, Any] | None,
) -> None:
    status = incoming.get("status")
    if kind != "safety_plan" or status not in TEAMLEAD_PLAN_STATUSES:
        return
    if current is not None and current.get("status") == status:
        return  # rule 2: nothing to do, nothing to forbid
    if not ctx.viewer.leads(team_id):
        raise Rejected(
            "plan_review_forbidden",
            "only a team lead of the case's team may set a plan to approved or returned",
        )


def _check_required(kind: str, fields: dict[str, Any]) -> None:
    missing = sorted(n for n in kind_spec(kind).required if fields.get(n) is None)
    if missing:
        raise Rejected("missing_field", f"a {kind} needs: {', '.join(missing)}")


def _validate(change: Change, creating: bool) -> dict[str, Any]:
    try:
        kind_spec(change.kind)
        for name in change.base:
            field_spec(change.kind, name)
        if change.delete:
            return {}
        return validate_fields(change.kind, change.set, creating=creating)
    except SchemaError as exc:
        raise Rejected(exc.code, exc.message) from None


def _apply(batch: _Batch, change: Change) -> Result:
    """Check, then write: every Rejected is raised before the first write."""
    session, ctx = batch.session, batch.ctx
    _check_ids(change)
    if change.kind == "case" and change.record_id != change.case_id:
        raise Rejected("case_id_mismatch", "a case record's id must be its case id")
    row = batch.records.get(change.record_id)
    if row is not None and (row.kind != change.kind or row.case_id != change.case_id):
        raise Rejected("record_mismatch", "the record exists with another kind or case")
    incoming = _validate(change, creating=row is None)
    team_id = _authorise(batch, change, row)
    if kind_spec(change.kind).immutable and (row is not None or change.delete):
        raise Rejected("immutable", f"a {change.kind} is never changed or deleted once made")
    _check_plan_review(ctx, change.kind, team_id, incoming, row.fields if row else None)
    outcome: MergeOutcome | None = None
    if row is not None:
        current = dict(row.fields)
        if row.deleted:
            if not change.delete:
                outcome = merge_against_deleted(current, incoming)
        elif change.delete:
            outcome = merge_delete(current, row.rev, change.base_rev)
        else:
            outcome = merge_change(change.kind, current, change.base, incoming)
            if outcome.changed:
                _check_required(change.kind, outcome.fields)
    # From here on only writes.
    rev = batch.next_rev()
    now = utcnow()
    user = ctx.viewer.user_id

    if row is None:
        if change.delete:  # deleting what the service never had: nothing to do
            return Result(change_id=change.change_id, status="applied", rev=0)
        row = RecordRow(
            id=change.record_id, kind=change.kind, case_id=change.case_id, rev=rev,
            deleted=False, fields=incoming, updated_by=user, updated_at=now,
        )
        session.add(row)
        batch.records[row.id] = row
        if change.kind == "case":
            session.flush()
            mirror_case_access(session, row.id, row.fields)
        return Result(change_id=change.change_id, status="applied", rev=rev, record=to_record(row))

    if outcome is None:  # a delete of a record deleted already: nothing to do
        return _result(change, "applied", row, [])
    conflicts = [
        ConflictRow(
            id=str(uuid.uuid4()), record_id=row.id, case_id=row.case_id, kind=row.kind,
            field=c.field, base=c.base, kept=c.kept, incoming=c.incoming,
            kept_by=row.updated_by, incoming_by=user, created_at=now, resolved=False, rev=rev,
        )
        for c in outcome.conflicts
    ]
    session.add_all(conflicts)
    became_deleted = outcome.deleted and not row.deleted
    if outcome.changed or became_deleted:
        row.fields = outcome.fields
        row.deleted = outcome.deleted
        row.rev, row.updated_by, row.updated_at = rev, user, now
        if row.kind == "case":
            session.flush()
            mirror_case_access(session, row.id, row.fields)
    # Rule 2 on every field leaves status "applied" with the rev unchanged.
    return _result(change, outcome.status, row, conflicts)


def _result(change: Change, status: Any, row: RecordRow, conflicts: list[ConflictRow]) -> Result:
    return Result(
        change_id=change.change_id, status=status, rev=row.rev, record=to_record(row),
        conflicts=[to_conflict(c) for c in conflicts],
    )
