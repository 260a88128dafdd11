"""Every error the service answers with: `{"error": {"code", "message"}}` and a 4xx status
(or 503 `busy`: a write that did not get its turn, worth sending again).

Messages are English, name fields and kinds but never values, so that nothing personal
reaches a client's log or ours.
"""

from __future__ import annotations

import json
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.protocol import MAX_PUSH_CHANGES, ErrorBody, ErrorDetail
from sync.service.write_turns import DatabaseBusy

log = logging.getLogger("keukentafel.service")


class ApiError(Exception):
    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    body = ErrorBody(error=ErrorDetail(code=code, message=message))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


_STATUS_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 406: "not_acceptable", 409: "conflict", 413: "too_large",
    415: "unsupported_media_type", 422: "invalid_request", 429: "too_many_requests",
}


_TEXT_ERRORS = {
    "invalid_text": "invalid_text", "string_unicode": "invalid_text", "invalid_id": "invalid_id",
}


def _validation_response(exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    for err in errors:
        if err.get("type") == "json_invalid":
            return error_response(400, "malformed_json", "the request body is not valid JSON")
        loc = tuple(err.get("loc", ()))
        if loc[:2] == ("body", "changes") and err.get("type") == "too_long":
            return error_response(
                413, "too_many_changes", f"at most {MAX_PUSH_CHANGES} changes per push"
            )
    for err in errors:
        # The text and id rules of sync/protocol.py carry their own code (docs/protocol.md).
        # pydantic's own `string_unicode` is a lone surrogate in a plain `str` field.
        code = _TEXT_ERRORS.get(err.get("type", ""))
        if code is not None:
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "request"
            # pydantic's own words say "unable to parse raw data": say what it is.
            msg = ("holds a lone surrogate" if err.get("type") == "string_unicode"
                   else err.get("msg"))
            return error_response(422, code, f"{where}: {msg}"[:300])
    first = errors[0] if errors else {}
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "request"
    # pydantic's own message, never the offending input (it may be personal data)
    return error_response(
        422, "invalid_request", f"{where}: {first.get('msg', 'invalid')}"[:300]
    )


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return _validation_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        return error_response(exc.status_code, code, message, getattr(exc, "headers", None))

    @app.exception_handler(DatabaseBusy)
    async def _busy(_request: Request, _exc: DatabaseBusy) -> JSONResponse:
        # Not the client's mistake, and nothing was written: a 503 tells the laptop to send
        # the same request again, where a 500 said something went wrong half-way.
        log.warning("a write waited longer than its limit for its turn; answered 503")
        return error_response(503, "busy", "the service is busy with other writes; try again",
                              {"Retry-After": "1"})

    # Unexpected faults are answered by faults.FaultBarrier: a handler for `Exception` here
    # would run inside ServerErrorMiddleware, which logs the traceback anyway.

    @app.exception_handler(json.JSONDecodeError)
    async def _bad_json(_request: Request, _exc: json.JSONDecodeError) -> JSONResponse:
        return error_response(400, "malformed_json", "the request body is not valid JSON")
