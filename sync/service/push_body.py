"""The push body, parsed once: from its bytes straight into the wire models.

FastAPI parses a JSON body with `json.loads` and then validates the Python objects against
the model, two passes over every string of a push of 1,000 changes. The push route reads
the raw body instead (`routes/sync.py`) and hands it to pydantic's own JSON parser, which
builds the models in one pass. The answers to a malformed body are FastAPI's own, code for
code (docs/protocol.md, "Errors"): this module raises what FastAPI would have raised.

pydantic's parser refuses some JSON that `json.loads` takes: a lone surrogate written as
an escape (`"\\ud800"`), which must still refuse the request with `invalid_text` when it is
in a change's own strings and reject that change alone when it is in a value, and a body
in UTF-16 or with a byte-order mark. Such a body is parsed again the old way, so only a
body that is odd pays for two passes.
"""

from __future__ import annotations

import email.message
import json
from typing import Any

from fastapi import HTTPException
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from sync.protocol import Change, PushRequest


def parse_push(body: bytes, content_type: str | None) -> list[Change]:
    """The changes of a push body, or the error FastAPI would answer it with."""
    if not body:
        raise RequestValidationError([{
            "type": "missing", "loc": ("body",), "msg": "Field required", "input": None,
        }])
    if not _is_json(content_type):
        # FastAPI validates a body of another type as bytes, which no model accepts.
        return _validated(body).changes
    try:
        return PushRequest.model_validate_json(body).changes
    except ValidationError as exc:
        if not any(e["type"] == "json_invalid" for e in exc.errors(include_url=False)):
            raise _request_error(exc) from None
    return _validated(_loads(body)).changes


def _is_json(content_type: str | None) -> bool:
    # FastAPI's own test (strict_content_type): no header is not JSON.
    if not content_type:
        return False
    message = email.message.Message()
    message["content-type"] = content_type
    if message.get_content_maintype() != "application":
        return False
    subtype = message.get_content_subtype()
    return subtype == "json" or subtype.endswith("+json")


def _loads(body: bytes) -> Any:
    try:
        return json.loads(body)
    except json.JSONDecodeError as exc:
        raise RequestValidationError([{
            "type": "json_invalid", "loc": ("body", exc.pos), "msg": "JSON decode error",
            "input": {}, "ctx": {"error": exc.msg},
        }]) from None
    except Exception as exc:
        # Invalid UTF-8, nesting deeper than the interpreter's recursion limit: FastAPI
        # answers every other failure of its parsing so.
        raise HTTPException(400, "There was an error parsing the body") from exc


def _validated(data: Any) -> PushRequest:
    try:
        return PushRequest.model_validate(data)
    except ValidationError as exc:
        raise _request_error(exc) from None


def _request_error(exc: ValidationError) -> RequestValidationError:
    # FastAPI's errors name where they are from the request's body down.
    return RequestValidationError([
        {**error, "loc": ("body", *error["loc"])} for error in exc.errors(include_url=False)
    ])
