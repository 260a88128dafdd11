"""The push body, parsed once from its bytes (sync/service/push_body.py): every body gets the
answer FastAPI's own parsing gave it, code for code, on SQLite and PostgreSQL; a request
without a valid token is refused before its body is parsed (a small one on PostgreSQL is
read first, routes/sync.py)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import HTTPException
from fastapi.exceptions import RequestValidationError
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from sync.protocol import Change, PushRequest
from sync.service.app import create_app
from sync.service.errors import _validation_response
from sync.service.push_body import parse_push
from tests.depth import property_settings
from tests.service.conftest import service_settings
from tests.service.world import change, new_id

JSON = "application/json"


def test_a_push_without_a_valid_token_is_refused_before_its_body_is_read(world):
    """An unknown client cannot make the service parse up to 8 MiB: 401, whatever the body."""
    worker = world.device("anouk")
    for headers in ({}, {"Authorization": "Bearer not-a-token"}):
        for body in (b"{not json", b'{"changes": "x"}', json.dumps({"changes": [
                change(new_id(), "task", new_id(), {"title": "Bellen"})]}).encode()):
            response = world.client.post("/api/v1/sync/push", content=body,
                                         headers={**headers, "Content-Type": JSON})
            assert response.status_code == 401, (headers, body[:20], response.text)
            assert response.json()["error"]["code"] in ("unauthorized", "invalid_token")
    assert worker.push_raw([]).status_code == 200


def test_a_streamed_body_over_the_limit_is_too_large(world):
    """docs/protocol.md: 413 `too_large` for a body above 8 MiB, declared or streamed. A
    streamed one (no Content-Length) was 400: FastAPI's reading of the body turned the
    limit's signal into "There was an error parsing the body" (app.BodyLimit)."""
    worker = world.device("anouk")

    def chunks():
        yield b'{"changes": ['
        for _ in range(9):
            yield b" " * (1 << 20)
        yield b"]}"

    # Every route with a body, not only the push, which reads its own.
    for url in ("/api/v1/sync/push", "/api/v1/audit", "/api/v1/session/enrol",
                f"/api/v1/conflicts/{new_id()}/resolve"):
        response = world.client.post(url, content=chunks(),
                                     headers={**worker.headers, "Content-Type": JSON})
        assert response.status_code == 413, (url, response.text)
        assert response.json()["error"]["code"] == "too_large"


def test_odd_push_bodies_get_the_answers_they_always_got(world):
    worker = world.device("anouk")
    case_id = worker.new_case(world.team("Noord"))["id"]

    def body(**overrides: Any) -> bytes:
        one = {**change(new_id(), "task", case_id, {"title": "Bellen"}), **overrides}
        return json.dumps({"changes": [one]}).encode()

    good = body
    cases: list[tuple[str, bytes, str | None, int, str | list[str]]] = [
        ("empty", b"", JSON, 422, "invalid_request"),
        ("null", b"null", JSON, 422, "invalid_request"),
        ("a list", b"[]", JSON, 422, "invalid_request"),
        ("changes not a list", b'{"changes": "x"}', JSON, 422, "invalid_request"),
        ("not JSON", b"{not json", JSON, 400, "malformed_json"),
        ("trailing text", b'{"changes": []} x', JSON, 400, "malformed_json"),
        ("an unknown key", b'{"changes": [], "x": 1}', JSON, 422, "invalid_request"),
        ("text/plain", good(), "text/plain", 422, "invalid_request"),
        ("no content type", good(), None, 422, "invalid_request"),
        ("+json", good(), "application/vnd.keukentafel+json", 200, ["applied"]),
        ("charset", good(), "application/json; charset=utf-8", 200, ["applied"]),
        ("UTF-16", good().decode().encode("utf-16"), JSON, 200, ["applied"]),
        ("byte-order mark", b"\xef\xbb\xbf" + good(), JSON, 200, ["applied"]),
        ("invalid UTF-8", b'{"changes": ["\xff"]}', JSON, 400, "bad_request"),
        ("nesting past the recursion limit",
         b'{"changes": [{"set": {"title": ' + b"[" * 5000 + b"]" * 5000 + b"}}]}",
         JSON, 400, "bad_request"),
        ("nesting past pydantic's limit",
         b'{"changes": [{"set": {"title": ' + b"[" * 300 + b"]" * 300 + b"}}]}",
         JSON, 422, "invalid_request"),
        ("NaN as base_rev", body(base_rev=float("nan")), JSON, 422, "invalid_request"),
        ("NaN as a value", body(set={"title": float("nan")}), JSON, 200, ["wrong_type"]),
        ("base_rev as text", body(base_rev="0"), JSON, 200, ["applied"]),
        ("a negative base_rev", body(base_rev=-1), JSON, 422, "invalid_request"),
        ("a number as change_id", body(change_id=5), JSON, 422, "invalid_request"),
        ("a lone surrogate in change_id", body(change_id="a\ud800"), JSON, 422, "invalid_text"),
        ("NUL and a lone surrogate in kind", body(kind="task\x00\udfff"), JSON, 422,
         "invalid_text"),
        ("a lone surrogate in a value", body(set={"title": "a\ud800"}), JSON, 200,
         ["invalid_text"]),
        ("a lone surrogate in the base", body(base={"title": "a\udc00"}), JSON, 200,
         ["invalid_text"]),
        ("a surrogate pair", body(set={"title": "Bellen \U0001f600"}), JSON, 200, ["applied"]),
        ("NUL in change_id", body(change_id="a\x00"), JSON, 200, ["invalid_id"]),
        ("1,001 changes", json.dumps({"changes": [{"x": 1}] * 1001}).encode(), JSON, 413,
         "too_many_changes"),
    ]
    for name, content, content_type, status, expected in cases:
        headers = dict(worker.headers)
        if content_type is not None:
            headers["Content-Type"] = content_type
        response = world.client.post("/api/v1/sync/push", content=content, headers=headers)
        assert response.status_code == status, (name, response.text[:300])
        answer = response.json()
        if status == 200:
            codes = [r["status"] if r["error"] is None else r["error"]["code"]
                     for r in answer["results"]]
            assert codes == expected, name
        else:
            assert answer["error"]["code"] == expected, (name, answer)
            assert set(answer["error"]) == {"code", "message"}


def test_the_push_body_is_documented_as_before(tmp_path):
    """FastAPI no longer sees the body (the route reads its bytes): the schema is declared."""
    document = create_app(service_settings(f"sqlite:///{tmp_path}/s.sqlite3")).openapi()
    assert document["paths"]["/api/v1/sync/push"]["post"]["requestBody"] == {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}},
    }
    schemas = document["components"]["schemas"]
    assert schemas["PushRequest"]["properties"]["changes"] == {
        "items": {"$ref": "#/components/schemas/Change"}, "maxItems": 1000,
        "title": "Changes", "type": "array"}
    assert schemas["PushRequest"]["additionalProperties"] is False
    assert set(schemas["Change"]["properties"]) == set(Change.model_fields)
    assert schemas["Change"]["required"] == [
        "change_id", "record_id", "kind", "case_id", "base_rev"]
    assert schemas["Change"]["properties"]["base_rev"]["minimum"] == 0


# -- the one pass against the two of before: the same changes, or the same answer ---------

_TEXT = st.one_of(
    st.text(max_size=6),
    st.sampled_from(["\x00", "\ud800", "a\udfff", "\u202e", "\U0001f600", "\ufeff"]),
    st.builds(new_id),
)
_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70),
              st.floats(allow_nan=False), _TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(_TEXT, inner, max_size=3)),
    max_leaves=6,
)
# A change's own strings are mostly ids: a lone surrogate there refuses the whole body.
_OWN = st.one_of(st.builds(new_id), st.builds(new_id), st.builds(new_id), _TEXT)
_FITS = {"base_rev": st.integers(0, 9), "delete": st.booleans(),
         "base": st.dictionaries(_TEXT, _VALUE, max_size=2),
         "set": st.dictionaries(_TEXT, _VALUE, max_size=2)}
_FIELDS = {"change_id": _TEXT, "record_id": _TEXT, "kind": _TEXT, "case_id": _TEXT,
           "base_rev": _VALUE, "base": _VALUE, "set": _VALUE, "delete": _VALUE}


@st.composite
def _bodies(draw: st.DrawFn) -> tuple[bytes, str]:
    changes = []
    for _ in range(draw(st.integers(0, 3))):
        # Mostly a change that fits the model, at times one with a field or two spoiled
        # (any value, or none at all).
        spoiled = draw(st.one_of(st.just(set()), st.just(set()), st.just(set()),
                                 st.sets(st.sampled_from(sorted(_FIELDS)), min_size=1,
                                         max_size=2)))
        item = {}
        for name, values in _FIELDS.items():
            if name not in spoiled:
                item[name] = draw(_FITS.get(name, _OWN))
            elif draw(st.booleans()):
                item[name] = draw(values)
        if draw(st.integers(0, 9)) == 0:
            item[draw(_TEXT)] = draw(_VALUE)
        changes.append(item)
    document: Any = {"changes": changes} if draw(st.integers(0, 9)) else draw(_VALUE)
    text = json.dumps(document, ensure_ascii=draw(st.booleans()))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16", "utf-8-sig"]))
    content_type = draw(st.sampled_from([JSON] * 9 + ["text/plain"]))
    return text.encode(encoding, "surrogatepass"), content_type


def _fastapi_answer(body: bytes, content_type: str) -> tuple[int, str] | list[dict[str, Any]]:
    """What FastAPI made of a body: json.loads, then the model validated the objects."""
    if content_type != JSON:
        data: Any = body
    else:
        try:
            data = json.loads(body)
        except json.JSONDecodeError:
            return 400, "malformed_json"
        except Exception:
            return 400, "bad_request"
    try:
        changes = PushRequest.model_validate(data).changes
    except ValidationError as exc:
        return _answer(RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]))
    return [c.model_dump() for c in changes]


def _answer(exc: RequestValidationError) -> tuple[int, str]:
    response = _validation_response(exc)
    return response.status_code, json.loads(response.body)["error"]["code"]


@given(case=_bodies())
@property_settings(quick=50, deep=1000)
def test_one_pass_gives_what_json_loads_and_the_model_gave(case):
    body, content_type = case
    try:
        outcome: Any = [c.model_dump() for c in parse_push(body, content_type)]
    except RequestValidationError as exc:
        outcome = _answer(exc)
    except HTTPException as exc:
        outcome = exc.status_code, "bad_request"
    assert outcome == _fastapi_answer(body, content_type)
