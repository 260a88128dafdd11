"""Closing a conflict: the chosen or edited value goes into the record, the conflict is
marked resolved, and both get a new rev so that every device sees it at its next pull.

A resolution that comes after someone changed the value the conflict is about does not
overwrite that change: it becomes a new conflict (docs/protocol.md, "Changed since its
base")."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from sync.protocol import DELETED, ErrorDetail, ResolveRequest, Result
from sync.schema import SchemaError, is_uuid, kind_spec, validate_fields
from sync.service import access_log, applied, authorization
from sync.service.access_log import AccessEvent
from sync.service.db import transaction
from sync.service.errors import ApiError
from sync.service.models import AppliedChange, ConflictRow, RecordRow
from sync.service.push import PushContext
from sync.service.records import (
    field_rev,
    mirror_case_access,
    next_rev,
    note_write,
    to_conflict,
    to_record,
    utcnow,
)
from sync.service.visibility import may_see


def resolve(
    factory: sessionmaker[Session], ctx: PushContext, conflict_id: str, request: ResolveRequest
) -> Result:
    viewer = ctx.viewer
    if not is_uuid(request.change_id):
        raise ApiError(422, "invalid_id", "change_id must be a UUID")
    with transaction(factory) as session:
        rev = next_rev(session)
        stored = session.get(AppliedChange, request.change_id)
        if stored is not None and stored.user_id == viewer.user_id:
            if "kind" not in (stored.result.get("record") or {"kind": None}):
                # A push's change id: its stored form holds no whole record (applied.py).
                return applied.answer_again(stored.result, request.change_id, None)
            return Result.model_validate(stored.result).model_copy(update={"status": "duplicate"})
        if stored is not None:
            raise ApiError(409, "change_id_taken", "this change id belongs to another user")
        conflict = session.get(ConflictRow, conflict_id) if len(conflict_id) <= 36 else None
        if conflict is None or not may_see(session, viewer, conflict.case_id, ctx.retention_days):
            raise ApiError(404, "conflict_not_found", "no such conflict")
        row = session.get(RecordRow, conflict.record_id)
        if row is None:  # a conflict is only ever made against a stored record
            raise ApiError(404, "record_not_found", "the conflict's record is gone")
        event = AccessEvent(
            action="resolve", user_id=viewer.user_id, device_id=viewer.device_id,
            case_id=conflict.case_id, record_id=conflict.record_id, address=viewer.address,
            detail=f"conflict {conflict.id}",
        )
        if conflict.resolved:
            result = Result(
                change_id=request.change_id, status="rejected", rev=row.rev,
                record=to_record(row), conflicts=[to_conflict(conflict)],
                error=ErrorDetail(code="already_resolved", message="the conflict is closed"),
            )
            event.action = "resolve.rejected"
        else:
            value = _check(session, ctx, conflict, row, request.value)
            if _changed_since(conflict, row) and _state(conflict, row) != value:
                result = _reopen(session, viewer.user_id, request.change_id, conflict, row,
                                 value, rev)
                event.action = "resolve.conflict"
            else:
                _write(conflict, row, value, rev)
                row.rev, row.updated_by, row.updated_at = rev, viewer.user_id, utcnow()
                conflict.resolved, conflict.resolved_by, conflict.rev = True, viewer.user_id, rev
                if row.kind == "case":
                    session.flush()
                    mirror_case_access(session, row.id, row.fields)
                result = Result(
                    change_id=request.change_id, status="applied", rev=rev,
                    record=to_record(row), conflicts=[to_conflict(conflict)],
                )
        session.add(
            AppliedChange(
                change_id=request.change_id, user_id=viewer.user_id, device_id=viewer.device_id,
                result=result.model_dump(mode="json"), created_at=utcnow(),
            )
        )
        access_log.append(session, [event])
        return result


def _changed_since(conflict: ConflictRow, row: RecordRow) -> bool:
    """Whether someone changed what the conflict is about after it was made: its field, or
    for a delete-versus-edit conflict the record. The worker decided between two values
    without seeing that change, so writing their choice would silently undo it."""
    if conflict.field is None:
        return row.rev > conflict.rev
    return field_rev(row, conflict.field) > conflict.rev


def _state(conflict: ConflictRow, row: RecordRow) -> Any:
    """What the record holds now, in the form of the conflict's values."""
    if conflict.field is not None:
        return row.fields.get(conflict.field)
    return DELETED if row.deleted else dict(row.fields)


def _reopen(session: Session, user_id: str, change_id: str, conflict: ConflictRow,
            row: RecordRow, value: Any, rev: int) -> Result:
    """The resolution came too late: it becomes a new conflict between the value that stands
    and the worker's choice, which every device receives; the old one is closed by it."""
    fresh = ConflictRow(
        id=str(uuid.uuid4()), record_id=row.id, case_id=row.case_id, kind=row.kind,
        field=conflict.field, base=conflict.kept, kept=_state(conflict, row), incoming=value,
        kept_by=row.updated_by, incoming_by=user_id, created_at=utcnow(), resolved=False,
        rev=rev,
    )
    session.add(fresh)
    conflict.resolved, conflict.resolved_by, conflict.rev = True, user_id, rev
    return Result(
        change_id=change_id, status="conflict", rev=row.rev, record=to_record(row),
        conflicts=[to_conflict(conflict), to_conflict(fresh)],
    )


def _check(
    session: Session, ctx: PushContext, conflict: ConflictRow, row: RecordRow, value: Any
) -> Any:
    """The value as it will be stored, after the schema and the same rules as a push."""
    try:
        if conflict.field is None:
            if value == DELETED:
                _authorise(session, ctx, row, {}, delete=not row.deleted)
                return DELETED
            if not isinstance(value, dict):
                raise ApiError(
                    422, "invalid_value", 'resolve a delete conflict with "deleted" or fields'
                )
            fields = validate_fields(row.kind, value, creating=True)
            _authorise(session, ctx, row, fields)
            return fields
        clean = validate_fields(row.kind, {conflict.field: value})
    except SchemaError as exc:
        raise ApiError(422, exc.code, exc.message) from None
    if conflict.field in kind_spec(row.kind).required and clean[conflict.field] is None:
        raise ApiError(422, "missing_field", f"{row.kind}.{conflict.field} may not be empty")
    _authorise(session, ctx, row, clean)
    return clean[conflict.field]


def _write(conflict: ConflictRow, row: RecordRow, value: Any, rev: int) -> None:
    if conflict.field is None:
        if value == DELETED:
            note_write(row, rev)
            row.deleted = True
        else:
            note_write(row, rev, every_field=True)
            row.fields, row.deleted = value, False
        return
    note_write(row, rev, [conflict.field])
    row.fields = {**row.fields, conflict.field: value}


def _authorise(
    session: Session, ctx: PushContext, row: RecordRow, incoming: dict, delete: bool = False
) -> None:
    """A resolution is a write like a push: the same rules (authorization.py)."""
    try:
        authorization.check_resolution(
            session, ctx.viewer, kind=row.kind, case_id=row.case_id, current=row.fields,
            incoming=incoming, delete=delete,
        )
    except authorization.Denied as exc:
        raise ApiError(403, exc.code, exc.message) from None
