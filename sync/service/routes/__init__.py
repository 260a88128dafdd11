"""One module per resource of protocol v1."""

from __future__ import annotations

from sync.protocol import ErrorBody

AUTH_ERRORS: dict[int | str, dict] = {401: {"model": ErrorBody, "description": "no valid token"}}
CLIENT_ERRORS: dict[int | str, dict] = {
    400: {"model": ErrorBody, "description": "malformed request"},
    413: {"model": ErrorBody, "description": "request too large"},
    422: {"model": ErrorBody, "description": "invalid request"},
}
