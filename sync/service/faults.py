"""Unexpected faults: every request gets an id, and a fault is one log line and a 500.

A fault's message, its arguments and its traceback may all hold case data (a SQL
statement's parameters, a value that failed to encode), so the log gets only the
exception's type and the request id. The id is in every answer's `X-Request-Id` header
and in the 500's message, so a worker's report can be matched to the log line.

This sits inside Starlette's ServerErrorMiddleware, which would otherwise log the whole
traceback (through uvicorn) after any `Exception` handler has answered.
"""

from __future__ import annotations

import logging
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.service.errors import error_response

log = logging.getLogger("keukentafel.service")

REQUEST_ID_HEADER = "X-Request-Id"


class FaultBarrier:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # Made here, never taken from the request: a client must not choose what is logged.
        request_id = uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        started = False

        async def send_with_id(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                headers.append((REQUEST_ID_HEADER.lower().encode(), request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as exc:  # noqa: BLE001 - the one place every fault ends up
            log.error("unexpected %s while answering request %s", type(exc).__name__,
                      request_id)
            if started:
                return  # half an answer is out: the server closes the connection
            response = error_response(
                500, "internal_error",
                f"the service could not answer (request id {request_id})",
                headers={REQUEST_ID_HEADER: request_id},
            )
            await response(scope, receive, send)
