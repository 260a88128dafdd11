"""The access log: laptops hand in theirs; a team lead reads a case's."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import select

from sync.protocol import API_PREFIX, AuditLog, AuditUpload, AuditUploadResult, ErrorBody, Id
from sync.service import access_log
from sync.service.access_log import AccessEvent
from sync.service.db import transaction
from sync.service.deps import CurrentViewer, Factory
from sync.service.errors import ApiError
from sync.service.models import AccessLogRow, CaseAccess
from sync.service.routes import AUTH_ERRORS, CLIENT_ERRORS

router = APIRouter(prefix=API_PREFIX, tags=["audit"])


def _clip(value: str | None, size: int) -> str | None:
    return None if value is None else value[:size]


@router.post("/audit", response_model=AuditUploadResult,
             responses={**AUTH_ERRORS, **CLIENT_ERRORS})
def upload(body: AuditUpload, viewer: CurrentViewer, factory: Factory) -> AuditUploadResult:
    """Take the device's own access-log entries into the chain (again-sent ones once)."""
    with transaction(factory) as session:
        ids = [e.id[:100] for e in body.entries]
        known = set()
        for start in range(0, len(ids), 500):
            known |= set(session.scalars(
                select(AccessLogRow.entry_id).where(
                    AccessLogRow.device_id == viewer.device_id,
                    AccessLogRow.source == "device",
                    AccessLogRow.entry_id.in_(ids[start:start + 500]),
                )
            ))
        events = []
        for entry in body.entries:
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
        access_log.append(session, events)
    return AuditUploadResult(accepted=len(body.entries))


@router.get(
    "/audit", response_model=AuditLog,
    responses={**AUTH_ERRORS, **CLIENT_ERRORS,
               403: {"model": ErrorBody, "description": "not a team lead of the case's team"},
               404: {"model": ErrorBody, "description": "no such case"}},
)
def read(
    case_id: Annotated[Id, Query()],
    viewer: CurrentViewer, factory: Factory,
) -> AuditLog:
    """The access log of one case, for a team lead of that case's team."""
    if viewer.role != "teamlead":
        raise ApiError(403, "forbidden", "only a team lead of the case's team reads its log")
    with transaction(factory) as session:
        access = session.get(CaseAccess, case_id)
        if access is None:
            raise ApiError(404, "case_not_found", "no such case")
        if not viewer.leads(access.team_id):
            raise ApiError(403, "forbidden", "only a team lead of the case's team reads its log")
        entries = access_log.entries_for_case(session, case_id)
        access_log.append(session, [AccessEvent(
            action="audit.read", user_id=viewer.user_id, device_id=viewer.device_id,
            case_id=case_id, address=viewer.address,
        )])
    return AuditLog(entries=entries)
