"""Push and pull."""

from __future__ import annotations

from typing import Annotated, Any

import psycopg
from fastapi import APIRouter, Query, Request, Response
from sqlalchemy import Connection
from sqlalchemy.pool import Pool, QueuePool
from starlette.concurrency import run_in_threadpool

from sync import own_revs
from sync.protocol import (
    API_PREFIX,
    DEFAULT_PULL_LIMIT,
    MAX_PULL_LIMIT,
    NEXT_CURSOR_HEADER,
    PullResponse,
    PushRequest,
    PushResponse,
)
from sync.service.db import autocommit_connection, is_postgres, read
from sync.service.deps import (
    Credentials,
    address_of,
    token_of,
    viewer_for_token,
    viewer_from_rows,
    viewer_rows,
)
from sync.service.errors import ApiError
from sync.service.pull import PullContext, check_and_quiet, pull
from sync.service.push import PushContext, push
from sync.service.push_body import parse_push
from sync.service.routes import AUTH_ERRORS, CLIENT_ERRORS
from sync.service.visibility import Viewer

router = APIRouter(prefix=API_PREFIX + "/sync", tags=["sync"])


# The push body is read as bytes and parsed once, by pydantic's JSON parser (push_body.py),
# so FastAPI does not see it: its schema is declared here, and app.py adds the models it
# names to the document (`BODY_MODELS`).
PUSH_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}}}}
BODY_MODELS = (PushRequest,)


# On PostgreSQL a body up to this size is read before the token is checked, and the check,
# the parsing and the push then take one hop to the thread pool, not two (issue 15: each
# hop cost about as much CPU as the push's reads). The server holds that much of a
# request's bytes in its buffers anyway; a larger body is read only once the token proved
# good.
SMALL_BODY = 64 * 1024


@router.post("/push", response_model=PushResponse, responses={**AUTH_ERRORS, **CLIENT_ERRORS},
             openapi_extra=PUSH_BODY)
async def push_changes(request: Request, credentials: Credentials) -> Response:
    """Apply each change on its own, in order; one Result per change."""
    # The token comes first: a request without a valid one is refused before its body is
    # parsed (and a large body before it is read). The dependencies are read here, not
    # resolved by FastAPI: for a push of one change their resolving cost more than its
    # queries.
    token, address = token_of(credentials), address_of(request)
    state = request.app.state

    def viewer() -> Viewer:
        return read(state.read_engine,
                    lambda connection: viewer_for_token(connection, token, address))

    def apply(who: Viewer, body: bytes, connection: psycopg.Connection[Any] | None = None
              ) -> Response:
        changes = parse_push(body, request.headers.get("content-type"))
        ctx = PushContext(viewer=who, retention_days=state.settings.retention_days)
        # The results are built by push.py from the service's own values: no second check.
        return _json(PushResponse.model_construct(
            results=push(state.factory, ctx, changes, state.read_factory, connection)))

    def on_postgres(body: bytes) -> Response:
        # The token check, the push's reads and its message on one pooled connection.
        for attempt in (1, 2):
            with autocommit_connection(state.engine) as connection:
                try:
                    rows = viewer_rows(connection, token)
                except psycopg.OperationalError:
                    if attempt == 2 or not connection.closed:
                        raise
                    continue  # it died in the pool: once more on a fresh one, as db.read
                return apply(viewer_from_rows(rows, address), body, connection)
        raise AssertionError("not reached")

    # On SQLite, where the one hop shares no connection, the flow stays as it was: the
    # thread that checked the token is handed back before the push waits for its turn to
    # write (group_commit.py). (One hop there gave 9 and 16 time-outs in one A/B pair under
    # the push load, the two hops none; a second pair did not repeat it.)
    if is_postgres(state.engine) and _declared_length(request) <= SMALL_BODY:
        body = await request.body()
        return await run_in_threadpool(on_postgres, body)
    who = await run_in_threadpool(viewer)
    return await run_in_threadpool(apply, who, await request.body())


def _declared_length(request: Request) -> int:
    """The body's Content-Length; a body without one (chunked) counts as large."""
    try:
        return int(request.headers.get("content-length", ""))
    except ValueError:
        return SMALL_BODY + 1


@router.get("/pull", response_model=PullResponse, responses={**AUTH_ERRORS, **CLIENT_ERRORS})
async def pull_changes(
    request: Request,
    credentials: Credentials,
    cursor: Annotated[str, Query(max_length=200)] = "",
    limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
    own: Annotated[str | None, Query(max_length=4000)] = None,
) -> Response:
    """Records and conflicts since `cursor` in the cases this device may see.

    `own`: revs at which this device's pushes wrote records as sent ("12-15,20"); such
    records come as `stamps` (writer and time) instead of whole (docs/protocol.md)."""
    # The token check and the no-change answer are one short read (pull.check_and_quiet),
    # run on the event loop itself: the hop to the thread pool and back cost more CPU
    # than the statement (issue 15). Service CPU per no-change sync under wrk (200
    # connections): SQLite 1.07-1.25 ms with the hop, 0.77 without; PostgreSQL 1.28
    # against 0.95 ms, the loop waiting for one round trip of an indexed read, which
    # waits for no lock. The loop never waits for a connection: when the pool has none to
    # spare (pushes hold them all), the read goes to the thread pool. The token and the
    # address are read here, not as dependencies: FastAPI's resolving of each cost more
    # than the query.
    state = request.app.state
    token, address = token_of(credentials), address_of(request)
    engine = state.read_engine

    def reading(connection: Connection) -> tuple[PullContext, PullResponse | None]:
        return check_and_quiet(connection, token, address, cursor,
                               state.settings.retention_days)

    if _spare_connection(engine.pool):
        ctx, quiet = read(engine, reading)
    else:
        ctx, quiet = await run_in_threadpool(read, engine, reading)
    try:
        ranges = None if own is None else own_revs.decode(own)
    except ValueError:
        raise ApiError(400, "bad_own", "own is not a list of rev ranges") from None
    if quiet is not None:
        # `stamps` only for a laptop that named its own revs: an older one refuses the key.
        return _json(quiet, with_stamps=own is not None)
    # Written as JSON by the database, record by record (page_json.py).
    page = await run_in_threadpool(pull, state.factory, state.read_factory, ctx, cursor, limit,
                                   ranges)
    # The next cursor beside the body: the laptop asks for the next page while it reads
    # this one.
    headers = {NEXT_CURSOR_HEADER: page.cursor} if page.more else None
    return Response(content=page.body, media_type="application/json", headers=headers)


def _spare_connection(pool: Pool) -> bool:
    """Whether a connection can be had without waiting: fewer are out than the pool keeps
    (an idle one is there, or one may be opened). A thread may take it first; then the
    loop waits for one statement of another request, not for a time-out."""
    return isinstance(pool, QueuePool) and pool.checkedout() < pool.size()


def _json(model: PushResponse | PullResponse, *, with_stamps: bool = True) -> Response:
    # Built from the validated model already; skips FastAPI validating thousands of
    # records a second time. /openapi.json still takes its shape from response_model.
    content = model.model_dump_json(exclude=None if with_stamps else {"stamps"})
    return Response(content=content, media_type="application/json")
