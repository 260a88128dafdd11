"""The transport: retries with backoff and jitter, and the meaning of each answer."""

from __future__ import annotations

import json
import random

import httpx
import pytest

from sync.client import RetryPolicy, SyncClient
from sync.errors import DeviceRevoked, EnrolmentRequired, RequestRejected, ServiceUnavailable
from sync.protocol import NEXT_CURSOR_HEADER, Change

PULL_PAGE = {"records": [], "conflicts": [], "revoked_case_ids": [], "cursor": "7", "more": False}


def _client(handler, *, attempts: int = 4) -> tuple[SyncClient, list[float]]:
    waits: list[float] = []
    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = SyncClient(
        "http://service.test", "secret-token", http=http,
        retry=RetryPolicy(attempts=attempts, base=0.1, cap=1.0),
        sleep=waits.append, rng=random.Random(1),
    )
    return client, waits


def _error(status: int, code: str) -> httpx.Response:
    return httpx.Response(status, json={"error": {"code": code, "message": "m"}})


def test_pull_retries_5xx_429_and_network_errors_then_succeeds():
    answers = iter([
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
        _error(503, "unavailable"),
        httpx.Response(429, headers={"Retry-After": "0.5"}),
        httpx.Response(200, json=PULL_PAGE),
    ])
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    client, waits = _client(handler, attempts=5)
    page = client.pull("3", 10)
    assert page.cursor == "7"
    assert len(calls) == 5
    assert calls[0].url.params["cursor"] == "3" and calls[0].url.params["limit"] == "10"
    assert calls[0].headers["Authorization"] == "Bearer secret-token"
    assert waits[3] == 0.5  # Retry-After honoured
    # exponential: attempt n waits within [ceiling/2, ceiling] with ceiling = 0.1 * 2**n
    for n, wait in enumerate(waits[:3]):
        ceiling = min(1.0, 0.1 * 2**n)
        assert ceiling / 2 <= wait <= ceiling


def test_backoff_is_jittered_and_capped():
    policy = RetryPolicy(attempts=10, base=0.1, cap=1.0)
    rng = random.Random(5)
    delays = [policy.delay(8, rng) for _ in range(50)]
    assert all(0.5 <= d <= 1.0 for d in delays)
    assert len(set(delays)) > 40  # laptops do not retry in step


def test_gives_up_after_the_last_attempt():
    client, waits = _client(lambda r: _error(502, "bad_gateway"), attempts=3)
    with pytest.raises(ServiceUnavailable) as info:
        client.pull("", 10)
    assert len(waits) == 2
    assert "secret-token" not in str(info.value)


def test_device_revoked_and_other_401_are_told_apart():
    client, _ = _client(lambda r: _error(401, "device_revoked"))
    with pytest.raises(DeviceRevoked):
        client.pull("", 10)
    client, _ = _client(lambda r: _error(401, "invalid_token"))
    with pytest.raises(EnrolmentRequired):
        client.pull("", 10)
    client, _ = _client(lambda r: httpx.Response(401, text="no body"))
    with pytest.raises(EnrolmentRequired):
        client.pull("", 10)


def test_client_mistakes_are_not_retried():
    calls = []

    def handler(request):
        calls.append(request)
        return _error(422, "invalid_value")

    client, _ = _client(handler)
    with pytest.raises(RequestRejected) as info:
        client.pull("", 10)
    assert info.value.status == 422 and info.value.code == "invalid_value"
    assert len(calls) == 1


def test_enrol_is_not_retried_once_the_request_may_have_arrived():
    calls = []

    def handler(request):
        calls.append(request)
        raise httpx.ReadError("cut")

    client, _ = _client(handler)
    with pytest.raises(ServiceUnavailable):
        client.enrol("ayla", "pw", "laptop")
    assert len(calls) == 1
    assert "Authorization" not in calls[0].headers


def test_a_pull_answer_names_the_next_cursor_only_as_the_service_does():
    answers = iter([
        _error(503, "unavailable"),
        httpx.Response(200, json={**PULL_PAGE, "more": True},
                       headers={NEXT_CURSOR_HEADER: "7"}),
        httpx.Response(200, json=PULL_PAGE),
        httpx.Response(200, content=b'{"records": [{"id"'),
    ])
    client, waits = _client(lambda request: next(answers))
    ahead = client.pull_answer("3", 10)
    assert len(waits) == 1  # retried as any pull
    assert ahead.next_cursor == "7" and client.parse_pull(ahead).more
    last = client.pull_answer("7", 10)
    assert last.next_cursor is None and client.parse_pull(last).cursor == "7"
    with pytest.raises(ServiceUnavailable, match="does not parse"):
        client.parse_pull(client.pull_answer("7", 10))


def test_a_truncated_answer_to_a_push_is_asked_again():
    change = Change(change_id="c1", record_id="r1", kind="task", case_id="k1", base_rev=0,
                    set={"title": "x"})
    result = {"change_id": "c1", "status": "duplicate", "rev": 4, "record": None,
              "conflicts": [], "error": None}
    answers = iter([httpx.Response(200, content=b'{"results": [{"change'),
                    httpx.Response(200, json={"results": [result]})])
    bodies = []

    def handler(request):
        bodies.append(json.loads(request.content))
        return next(answers)

    client, _ = _client(handler)
    results = client.push([change])
    assert results[0].status == "duplicate"
    assert bodies[0] == bodies[1]  # the very same change id goes again


def test_a_push_answer_that_does_not_match_the_changes_is_refused():
    change = Change(change_id="c1", record_id="r1", kind="task", case_id="k1", base_rev=0)
    other = {"change_id": "c2", "status": "applied", "rev": 1, "conflicts": []}
    client, _ = _client(lambda r: httpx.Response(200, json={"results": [other]}))
    with pytest.raises(ServiceUnavailable):
        client.push([change])
