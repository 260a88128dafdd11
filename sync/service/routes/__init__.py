"""One module per resource of protocol v1."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi import FastAPI
from fastapi.encoders import jsonable_encoder
from fastapi.openapi.models import Schema
from pydantic import BaseModel

from sync.protocol import ErrorBody

AUTH_ERRORS: dict[int | str, dict] = {401: {"model": ErrorBody, "description": "no valid token"}}
CLIENT_ERRORS: dict[int | str, dict] = {
    400: {"model": ErrorBody, "description": "malformed request"},
    413: {"model": ErrorBody, "description": "request too large"},
    422: {"model": ErrorBody, "description": "invalid request"},
}


def document_bodies(app: FastAPI, models: Iterable[type[BaseModel]]) -> None:
    """Add `models` to the schemas of /openapi.json: bodies a route reads raw and parses
    itself (`openapi_extra` names them), which FastAPI therefore does not know of."""
    build = app.openapi
    models = tuple(models)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schemas = build().setdefault("components", {}).setdefault("schemas", {})
            for model in models:
                schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
                for name, part in {**schema.pop("$defs", {}), model.__name__: schema}.items():
                    # As FastAPI writes its own (a bound's 0 as 0.0, say).
                    schemas[name] = jsonable_encoder(Schema(**part), by_alias=True,
                                                     exclude_none=True)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
