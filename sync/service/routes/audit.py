"""The access log: laptops hand in theirs; the contact worker or a team lead reads a
case's."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import select

from sync.protocol import API_PREFIX, AuditLog, AuditUpload, AuditUploadResult, ErrorBody, Id
from sync.service import access_log, authorization
from sync.service.access_log import AccessEvent
from sync.service.db import among, transaction
from sync.service.deps import CurrentSettings, CurrentViewer, Factory
from sync.service.errors import ApiError
from sync.service.models import AccessLogRow, CaseAccess
from sync.service.routes import AUTH_ERRORS, CLIENT_ERRORS

router = APIRouter(prefix=API_PREFIX, tags=["audit"])


def _clip(value: str | None, size: int) -> str | None:
    return None if value is None else value[:size]


@router.post("/audit", response_model=AuditUploadResult,
             responses={**AUTH_ERRORS, **CLIENT_ERRORS})
def upload(
    body: AuditUpload, viewer: CurrentViewer, factory: Factory, settings: CurrentSettings
) -> AuditUploadResult:
    """Take the device's own access-log entries into the chain (again-sent ones once).

    An entry about a case the device neither may see nor has held is refused on its own:
    not stored and not counted, so nobody writes into the log of a case they never had.
    Refusing the whole upload instead would leave the laptop sending it again forever.
    """
    with transaction(factory) as session:
        named = {e.case_id for e in body.entries if e.case_id is not None}
        allowed = authorization.audit_cases(session, viewer, named, settings.retention_days)
        ids = [e.id[:100] for e in body.entries]
        known = set()
        # Chunks of 1,000, each one array parameter on PostgreSQL (db.among): an IN of 500
        # placeholders cost SQLAlchemy and psycopg more than the query (issue 15).
        for start in range(0, len(ids), 1000):
            known |= set(session.scalars(
                select(AccessLogRow.entry_id).where(
                    AccessLogRow.device_id == viewer.device_id,
                    AccessLogRow.source == "device",
                    among(session, AccessLogRow.entry_id, ids[start:start + 1000]),
                )
            ))
        events = []
        refused = 0
        for entry in body.entries:
            if entry.case_id is not None and entry.case_id not in allowed:
                refused += 1
                continue
            entry_id = entry.id[:100]
            if entry_id in known:
                continue
            known.add(entry_id)
            # Who and which device come from the token, never from the entry itself.
            events.append(AccessEvent(
                action=f"device.{entry.action}"[:60], user_id=viewer.user_id,
                device_id=viewer.device_id, case_id=_clip(entry.case_id, 36),
                record_id=_clip(entry.record_id, 36), address=viewer.address,
                detail=_clip(entry.detail, 2000), source="device", entry_id=entry_id,
                at=entry.at[:40],
            ))
        if refused:
            # One row without a case: the refused entries reach no case's log.
            events.append(AccessEvent(
                action="audit.refused", user_id=viewer.user_id, device_id=viewer.device_id,
                address=viewer.address, detail=f"{refused} entries",
            ))
        access_log.append(session, events)
    return AuditUploadResult(accepted=len(body.entries) - refused)


@router.get(
    "/audit", response_model=AuditLog,
    responses={**AUTH_ERRORS, **CLIENT_ERRORS,
               403: {"model": ErrorBody,
                     "description": "not the contact worker nor a team lead of the case"},
               404: {"model": ErrorBody, "description": "no such case"}},
)
def read(
    case_id: Annotated[Id, Query()],
    viewer: CurrentViewer, factory: Factory,
) -> AuditLog:
    """The access log of one case, for its contact worker and the team leads of its team."""
    with transaction(factory) as session:
        access = session.get(CaseAccess, case_id)
        try:
            authorization.check_log_reader(viewer, access)
        except authorization.Denied as exc:
            status = 404 if exc.code == "case_not_found" else 403
            raise ApiError(status, exc.code, exc.message) from None
        entries = access_log.entries_for_case(session, case_id)
        access_log.append(session, [AccessEvent(
            action="audit.read", user_id=viewer.user_id, device_id=viewer.device_id,
            case_id=case_id, address=viewer.address,
        )])
    return AuditLog(entries=entries)
