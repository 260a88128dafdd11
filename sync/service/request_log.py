"""One log line per request, for monitoring, with nothing personal in it.

Method, the route's template (`/api/v1/records/{record_id}`, never the path as sent, nor the
query string: either may carry an id a client chose), status, duration and the request id
that the answer's `X-Request-Id` header also carries. No address and no body: the access log
(access_log.py) is where who did what is kept, under its own retention. uvicorn's own access
line (address, path and query) is switched off in cli.py for the same reason.
"""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("keukentafel.service.requests")

# A path no route matched is not logged as sent: a scanner's paths are noise, a typo'd id
# is still an id.
UNMATCHED = "(no route)"


def route_template(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else UNMATCHED


def configure_logging() -> None:
    """The service's own lines (this one, a fault's) on stderr at INFO, for journald or
    whatever collects the process's output; uvicorn configures only its own loggers."""
    root = logging.getLogger("keukentafel")
    if not root.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)


class RequestLog:
    """Outermost middleware: it sees the status of every answer, a fault's 500 included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            request_id = scope.get("state", {}).get("request_id", "-")
            log.info("%s %s %d %.1fms %s", scope["method"], route_template(scope), status,
                     (time.perf_counter() - started) * 1000, request_id)
