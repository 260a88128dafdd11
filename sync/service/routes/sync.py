"""Push and pull."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from sync.protocol import (
    API_PREFIX,
    DEFAULT_PULL_LIMIT,
    MAX_PULL_LIMIT,
    PullResponse,
    PushRequest,
    PushResponse,
)
from sync.service.deps import CurrentSettings, CurrentViewer, Factory, ReadFactory
from sync.service.pull import PullContext, pull
from sync.service.push import PushContext, push
from sync.service.routes import AUTH_ERRORS, CLIENT_ERRORS

router = APIRouter(prefix=API_PREFIX + "/sync", tags=["sync"])


@router.post("/push", response_model=PushResponse, responses={**AUTH_ERRORS, **CLIENT_ERRORS})
def push_changes(
    body: PushRequest, viewer: CurrentViewer, factory: Factory, settings: CurrentSettings
) -> Response:
    """Apply each change on its own, in order; one Result per change."""
    ctx = PushContext(viewer=viewer, retention_days=settings.retention_days)
    return _json(PushResponse(results=push(factory, ctx, body.changes)))


@router.get("/pull", response_model=PullResponse, responses={**AUTH_ERRORS, **CLIENT_ERRORS})
def pull_changes(
    viewer: CurrentViewer,
    factory: Factory,
    read_factory: ReadFactory,
    settings: CurrentSettings,
    cursor: Annotated[str, Query(max_length=200)] = "",
    limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
) -> Response:
    """Records and conflicts since `cursor` in the cases this device may see."""
    ctx = PullContext(viewer=viewer, retention_days=settings.retention_days)
    return _json(pull(factory, read_factory, ctx, cursor, limit))


def _json(model: PushResponse | PullResponse) -> Response:
    # Built from the validated model already; skips FastAPI validating thousands of
    # records a second time. /openapi.json still takes its shape from response_model.
    return Response(content=model.model_dump_json(), media_type="application/json")
