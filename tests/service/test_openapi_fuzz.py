"""No request is answered with 500, on SQLite and PostgreSQL.

1. Schemathesis over /openapi.json against the in-process app: no 5xx and no answer that
   breaks the published schema, with NUL and any code point in the generated strings.
2. A hand-made property for what schemathesis does not reach: valid-looking pushes, audit
   uploads, resolutions and enrolments whose strings hold NUL, lone surrogates,
   right-to-left marks and very long ids, in every place a string goes.

How many examples: tests/depth.py (quick in `make test`, deep in `make test-deep`).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import strategies as st
from schemathesis import DataGenerationMethod, GenerationConfig
from schemathesis.checks import (
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.specs.openapi.checks import content_type_conformance

from sync.schema import KINDS
from sync.service.app import create_app
from tests.depth import property_settings
from tests.service.conftest import service_settings
from tests.service.world import World, new_id


@pytest.fixture
def api(db_url):
    app = create_app(service_settings(db_url))
    with TestClient(app) as client:
        world = World(app, client)
        device = world.device("anouk")
        device.new_case(world.team("Noord"))
        app.state.fuzz_headers = device.headers
    # Valid and deliberately invalid requests: client mistakes must get 4xx, never 5xx.
    # allow_x00: NUL in strings. codec="utf-8": schemathesis' own negative generator fails
    # while encoding a lone surrogate into a query string (UnicodeEncodeError in
    # schemathesis, not in the service), so lone surrogates are left to the hostile-strings
    # property below, which puts them into every string of every body.
    return schemathesis.from_asgi(
        "/openapi.json", app,
        data_generation_methods=[DataGenerationMethod.positive, DataGenerationMethod.negative],
        generation_config=GenerationConfig(allow_x00=True, codec="utf-8"),
    )


# FastAPI publishes OpenAPI 3.1, which schemathesis 3.x checks behind this switch.
schemathesis.experimental.OPEN_API_3_1.enable()
schema = schemathesis.from_pytest_fixture("api")


@schema.parametrize()
# Deep: 5x, per route and database; the routes grew, and make test-deep shares CI's 25 minutes.
@property_settings(quick=30, deep=150, suppress_health_check=list(HealthCheck))
def test_no_server_error_and_every_answer_fits_the_schema(case):
    headers = dict(case.operation.schema.app.state.fuzz_headers)
    response = case.call(headers=headers)
    case.validate_response(
        response,
        checks=(not_a_server_error, status_code_conformance, content_type_conformance,
                response_schema_conformance),
    )


# -- strings that broke the service once (issue 8, section 4) ----------------------------

NASTY = st.sampled_from([
    "\x00", "\ud800", "\udfff", "\u200f", "\u202e", "\ufeff", "\U0001f600", "\n", "",
])
IDS = st.one_of(
    st.builds(new_id),
    st.builds(lambda: new_id() + "-0123456789abcdef"),  # longer than 36
    st.builds(lambda: new_id().upper()),
    st.text(max_size=400),
)


@st.composite
def nasty_text(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(NASTY, st.text(max_size=8)), min_size=1, max_size=6))
    return "".join(parts)


def _maybe_nasty(draw: st.DrawFn, valid: str) -> str:
    """`valid`, or it spoiled with a nasty string, or something else altogether."""
    return draw(st.one_of(
        st.just(valid),
        nasty_text().map(lambda bad: valid + bad),
        IDS,
    ))


@st.composite
def pushes(draw: st.DrawFn, case_id: str, user_id: str, team_id: str) -> dict[str, Any]:
    changes = []
    for _ in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            # A change that fits in every way but its text: the one that reached the tables.
            changes.append({"change_id": new_id(), "record_id": new_id(), "kind": "task",
                            "case_id": case_id, "base_rev": 0, "base": {},
                            "set": {"title": draw(nasty_text())}, "delete": False})
            continue
        kind = draw(st.sampled_from(sorted(KINDS)))
        names = draw(st.lists(st.sampled_from(sorted(KINDS[kind].fields)), max_size=3))
        values = {name: draw(st.one_of(
            nasty_text(), IDS, st.lists(st.one_of(nasty_text(), IDS), max_size=3),
            st.sampled_from([user_id, team_id, [user_id]]),
        )) for name in names}
        record_id = case_id if kind == "case" else new_id()
        changes.append({
            "change_id": _maybe_nasty(draw, new_id()),
            "record_id": _maybe_nasty(draw, record_id),
            "kind": _maybe_nasty(draw, kind),
            "case_id": _maybe_nasty(draw, case_id),
            "base_rev": draw(st.integers(0, 5)),
            "base": {name: draw(st.one_of(st.none(), nasty_text())) for name in names[:1]},
            "set": values,
            "delete": draw(st.booleans()),
        })
    return {"changes": changes}


@st.composite
def requests(draw: st.DrawFn, case_id: str, user_id: str, team_id: str
             ) -> tuple[str, str, dict[str, Any] | None]:
    which = draw(st.sampled_from(["push", "push", "audit", "resolve", "enrol", "audit_read",
                                  "revoke"]))
    if which == "push":
        return "POST", "/api/v1/sync/push", draw(pushes(case_id, user_id, team_id))
    if which == "audit":
        entry = {"id": _maybe_nasty(draw, new_id()), "at": _maybe_nasty(draw, "2026-03-02"),
                 "action": _maybe_nasty(draw, "read"), "case_id": _maybe_nasty(draw, case_id),
                 "record_id": draw(st.one_of(st.none(), IDS)),
                 "detail": draw(st.one_of(st.none(), nasty_text()))}
        return "POST", "/api/v1/audit", {"entries": [entry]}
    if which == "resolve":
        body = {"change_id": _maybe_nasty(draw, new_id()),
                "value": draw(st.one_of(nasty_text(), IDS, st.dictionaries(
                    st.sampled_from(["title", "team_id", "summary"]), nasty_text())))}
        return "POST", f"/api/v1/conflicts/{_path(draw(IDS))}/resolve", body
    if which == "enrol":
        body = {"username": _maybe_nasty(draw, "anouk"), "device_name": draw(nasty_text()),
                "password": _maybe_nasty(draw, "wachtwoord-anouk")}
        return "POST", "/api/v1/session/enrol", body
    if which == "audit_read":
        return "GET", f"/api/v1/audit?case_id={_path(_maybe_nasty(draw, case_id))}", None
    return "DELETE", f"/api/v1/devices/{_path(draw(IDS))}", None


def _path(value: str) -> str:
    from urllib.parse import quote

    return quote(value.encode("utf-8", "surrogatepass"), safe="")


@pytest.fixture
def hostile(world):
    anouk = world.device("anouk")
    lead = world.device("lotte", role="teamlead")
    team_id = world.team("Noord")
    case = anouk.new_case(team_id, summary="Eerste regel.\n")
    return world, anouk, lead, case["id"], team_id


@given(data=st.data())
@property_settings(quick=40, deep=250,
                   suppress_health_check=[HealthCheck.function_scoped_fixture,
                                          HealthCheck.too_slow])
def test_hostile_strings_anywhere_get_4xx_never_500(hostile, data):
    world, anouk, lead, case_id, team_id = hostile
    method, url, body = data.draw(requests(case_id, anouk.user_id, team_id))
    headers = {**(lead.headers if "case_id=" in url else anouk.headers),
               "Content-Type": "application/json"}
    content = None if body is None else json.dumps(body)  # escapes lone surrogates
    response = world.client.request(method, url, content=content, headers=headers)
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert set(response.json()["error"]) == {"code", "message"}
    # Whatever was taken, every device that may see the case can still pull it.
    for device in (anouk, lead):
        device.cursor = ""
        assert device.pull_page().status_code == 200
