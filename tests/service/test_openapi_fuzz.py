"""Schemathesis over /openapi.json against the in-process app: no 5xx and no answer that
breaks the published schema, for a bounded number of generated requests per operation."""

from __future__ import annotations

import shutil

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis import DataGenerationMethod
from schemathesis.checks import (
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.specs.openapi.checks import content_type_conformance

from sync.service.app import create_app
from tests.service.conftest import service_settings
from tests.service.world import World


@pytest.fixture
def api(sqlite_template, tmp_path):
    target = tmp_path / "fuzz.sqlite3"
    shutil.copyfile(sqlite_template, target)
    app = create_app(service_settings(f"sqlite:///{target}"))
    with TestClient(app) as client:
        world = World(app, client)
        device = world.device("anouk")
        device.new_case(world.team("Noord"))
        app.state.fuzz_headers = device.headers
    # Valid and deliberately invalid requests: client mistakes must get 4xx, never 5xx.
    return schemathesis.from_asgi(
        "/openapi.json", app,
        data_generation_methods=[DataGenerationMethod.positive, DataGenerationMethod.negative],
    )


# FastAPI publishes OpenAPI 3.1, which schemathesis 3.x checks behind this switch.
schemathesis.experimental.OPEN_API_3_1.enable()
schema = schemathesis.from_pytest_fixture("api")


@schema.parametrize()
@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_no_server_error_and_every_answer_fits_the_schema(case):
    headers = dict(case.operation.schema.app.state.fuzz_headers)
    response = case.call(headers=headers)
    case.validate_response(
        response,
        checks=(not_a_server_error, status_code_conformance, content_type_conformance,
                response_schema_conformance),
    )
