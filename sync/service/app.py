"""The central service as an ASGI app: `create_app(settings)`.

Stateless between requests: everything lives in the database, the failed-login counts too
(ratelimit.py), so several workers or hosts can share one PostgreSQL (docs/operations.md,
"Scaling out", names the little a process keeps and why it is safe).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import MAX_PUSH_BYTES, PROTOCOL_VERSION
from sync.service import errors
from sync.service.compression import CompressionMiddleware
from sync.service.db import make_engines, make_sessionmaker, migrate
from sync.service.errors import error_response
from sync.service.faults import FaultBarrier
from sync.service.ratelimit import LoginThrottle
from sync.service.request_log import RequestLog, configure_logging
from sync.service.routes import (
    audit,
    conflicts,
    devices,
    directory,
    document_bodies,
    health,
    monitor,
    session,
    sync,
)
from sync.service.settings import Settings

log = logging.getLogger("keukentafel.service")

# Starlette's default is 9. A first-sync page of 5,000 records (4.5 MB of JSON) took 129 ms
# of CPU at 9 and 46 ms at 5, for 0.58 against 0.61 MB on the wire: level 9 cost the service
# (and the waiting laptop) far more than the 5 % it saves (issue 15). Levels 1-3 are zlib's
# fast strategy: a page of 1,500 records (1.3 MB) took 6.0 ms at 3 against 11.3 ms at 5 for
# 13 % more bytes (1 saves only 0.4 ms more for 17 %), and on a first sync of 93,758 records
# the service's CPU fell by 0.45 s; the laptop's inflating costs 0.1 ms a page more.
GZIP_LEVEL = 3


class _TooLarge(Exception):
    pass


class BodyLimit:
    """413 for any request body above `limit` bytes, declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > self.limit:
                    await self._refuse(scope, receive, send)
                    return
        seen = 0
        started = over = False

        async def counted_receive() -> Message:
            nonlocal seen, over
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    over = True
                    raise _TooLarge
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if over and not started:
                # The app's own answer to a body it could not read (FastAPI makes it 400
                # "There was an error parsing the body"): 413 below instead.
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except _TooLarge:
            if started:
                raise
        if over and not started:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(
            413, "too_large", f"a request body may hold at most {self.limit} bytes"
        )
        await response(scope, receive, send)


def create_app(settings: Settings | None = None, *, run_migrations: bool = False) -> FastAPI:
    settings = settings or Settings.from_env()
    engine, read_engine = make_engines(settings.db_url, settings.pool_size)
    if run_migrations:
        migrate(engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()
        read_engine.dispose()

    app = FastAPI(
        title="Keukentafel central service",
        version=f"{PROTOCOL_VERSION}.0",
        description="Sync protocol v1 for the Keukentafel desktop app (see docs/protocol.md).",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.factory = make_sessionmaker(engine)
    app.state.read_engine = read_engine
    app.state.read_factory = make_sessionmaker(read_engine)
    app.state.throttle = LoginThrottle(
        app.state.factory, window_s=settings.login_window_s, lock_s=settings.login_lock_s,
        delay_s=settings.login_delay_s,
    )
    errors.install(app)
    for module in (health, session, devices, sync, conflicts, audit, monitor, directory):
        app.include_router(module.router)
    document_bodies(app, sync.BODY_MODELS)
    app.add_middleware(CompressionMiddleware, minimum_size=1000, compresslevel=GZIP_LEVEL)
    app.add_middleware(BodyLimit, limit=MAX_PUSH_BYTES)
    app.add_middleware(FaultBarrier)  # it sees every fault beneath
    app.add_middleware(RequestLog)  # outermost of ours: it sees the fault's 500 too
    return app


def app_from_env() -> FastAPI:
    """The factory uvicorn's workers call (`--factory`): settings from the environment."""
    configure_logging()
    app = create_app(Settings.from_env())
    # What lives as long as the process (modules, pydantic's and SQLAlchemy's schemas, the
    # app: about 110,000 objects) is left out of the cyclic collector's full passes, which
    # otherwise walk all of it every few pages of a first sync and several times per push of
    # 1,000 records (55 ms a pass; 29 pushes of 1,000 new records spent 0.45 s in full passes,
    # 0.12 s frozen; issue 15). Only here, in the served process: a test's app is garbage when
    # the test ends, and frozen it would never be collected.
    gc.collect()
    gc.freeze()
    return app
