"""One log line per request for monitoring: method, route template, status, duration and
request id; never a query string, a path as sent, an address or case content."""

from __future__ import annotations

import logging

from tests.service.world import change, new_id

LOGGER = "keukentafel.service.requests"


def _lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == LOGGER]


def test_a_request_logs_one_line_without_personal_data(world, caplog):
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"), title="Familie Zeldzaamnaam")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger=LOGGER):
        pushed = anouk.push_raw([change(new_id(), "person", case["id"],
                                        {"name": "Moeder Zeldzaamnaam", "circle": "household"})])
        pulled = anouk.pull_page()
        missing = world.client.get(f"/api/v1/nergens/{case['id']}?naam=Zeldzaamnaam")
    lines = _lines(caplog)
    assert len(lines) == 3
    for line, answer, route in zip(
            lines, (pushed, pulled, missing),
            ("POST /api/v1/sync/push 200", "GET /api/v1/sync/pull 200", "GET (no route) 404"),
            strict=True):
        assert line.startswith(route + " "), line
        assert line.endswith(" " + answer.headers["X-Request-Id"])
        assert "ms " in line
    logged = "\n".join(lines)
    for personal in ("Zeldzaamnaam", case["id"], "cursor", "testclient", anouk.token):
        assert personal not in logged
