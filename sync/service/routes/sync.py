"""Push and pull."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from sync.protocol import (
    API_PREFIX,
    DEFAULT_PULL_LIMIT,
    MAX_PULL_LIMIT,
    PullResponse,
    PushRequest,
    PushResponse,
)
from sync.service.db import read
from sync.service.deps import (
    Credentials,
    CurrentSettings,
    CurrentViewer,
    Factory,
    ReadFactory,
    address_of,
    token_of,
)
from sync.service.pull import check_and_quiet, pull
from sync.service.push import PushContext, push
from sync.service.routes import AUTH_ERRORS, CLIENT_ERRORS

router = APIRouter(prefix=API_PREFIX + "/sync", tags=["sync"])


@router.post("/push", response_model=PushResponse, responses={**AUTH_ERRORS, **CLIENT_ERRORS})
def push_changes(
    body: PushRequest, viewer: CurrentViewer, factory: Factory, read_factory: ReadFactory,
    settings: CurrentSettings,
) -> Response:
    """Apply each change on its own, in order; one Result per change."""
    ctx = PushContext(viewer=viewer, retention_days=settings.retention_days)
    return _json(PushResponse(results=push(factory, ctx, body.changes, read_factory)))


@router.get("/pull", response_model=PullResponse, responses={**AUTH_ERRORS, **CLIENT_ERRORS})
def pull_changes(
    request: Request,
    credentials: Credentials,
    cursor: Annotated[str, Query(max_length=200)] = "",
    limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
) -> Response:
    """Records and conflicts since `cursor` in the cases this device may see."""
    # The token check and the no-change answer in one statement, in one trip to the
    # thread pool: the usual sync, many laptops at once, costs little more than a bare
    # token lookup (issue 15). A revoked device is refused by the same read. The token and
    # the address are read here, not as dependencies: FastAPI's resolving of each cost
    # more than the query.
    state = request.app.state
    token, address = token_of(credentials), address_of(request)
    ctx, quiet = read(state.read_engine, lambda connection: check_and_quiet(
        connection, token, address, cursor, state.settings.retention_days))
    if quiet is not None:
        return _json(quiet)
    # Written as JSON by the database, record by record (page_json.py).
    return Response(content=pull(state.factory, state.read_factory, ctx, cursor, limit),
                    media_type="application/json")


def _json(model: PushResponse | PullResponse) -> Response:
    # Built from the validated model already; skips FastAPI validating thousands of
    # records a second time. /openapi.json still takes its shape from response_model.
    return Response(content=model.model_dump_json(), media_type="application/json")
