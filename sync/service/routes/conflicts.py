"""Resolving a conflict."""

from __future__ import annotations

from fastapi import APIRouter

from sync.protocol import API_PREFIX, ErrorBody, Id, ResolveRequest, Result
from sync.service.deps import CurrentSettings, CurrentViewer, Factory
from sync.service.push import PushContext
from sync.service.resolve import resolve
from sync.service.routes import AUTH_ERRORS, CLIENT_ERRORS

router = APIRouter(prefix=API_PREFIX, tags=["conflicts"])


@router.post(
    "/conflicts/{conflict_id}/resolve", response_model=Result,
    responses={**AUTH_ERRORS, **CLIENT_ERRORS,
               403: {"model": ErrorBody, "description": "not allowed to set this value"},
               404: {"model": ErrorBody, "description": "no such conflict in your view"},
               409: {"model": ErrorBody, "description": "change id of another user"}},
)
def resolve_conflict(
    conflict_id: Id, body: ResolveRequest, viewer: CurrentViewer, factory: Factory,
    settings: CurrentSettings,
) -> Result:
    """Set the field to the chosen value and close the conflict (idempotent by change id)."""
    ctx = PushContext(viewer=viewer, retention_days=settings.retention_days)
    return resolve(factory, ctx, conflict_id, body)
