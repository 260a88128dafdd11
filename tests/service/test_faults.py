"""An unexpected fault is one log line (its type and the request id) and a 500 that carries
the request id: never a traceback or a value from the request, on SQLite and PostgreSQL."""

from __future__ import annotations

import logging

import httpx
import sqlalchemy as sa

from sync.service.app import create_app
from tests.service.conftest import service_settings
from tests.service.live import live_service

SECRET_NAME = "Vertrouwelijke-Naam-Jolien"
SECRET_DEVICE = "laptop-van-Jolien-Bakker"


def test_a_fault_logs_its_type_and_request_id_only(db_url, caplog):
    app = create_app(service_settings(db_url))
    # A real fault: the users table is gone, so the enrolment query fails with a driver
    # error whose message holds the statement and the username it was given.
    with app.state.engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE users CASCADE" if "postgresql" in db_url
                             else "DROP TABLE users"))
    caplog.set_level(logging.DEBUG)
    with live_service(app) as url:
        answer = httpx.post(f"{url}/api/v1/session/enrol", timeout=60, json={
            "username": SECRET_NAME, "password": "een-geheim-wachtwoord",
            "device_name": SECRET_DEVICE})
        healthy = httpx.get(f"{url}/healthz", timeout=60)
    assert answer.status_code == 500
    assert answer.json()["error"]["code"] == "internal_error"
    request_id = answer.headers["X-Request-Id"]
    assert len(request_id) == 32 and request_id in answer.json()["error"]["message"]
    assert healthy.headers["X-Request-Id"] not in ("", request_id)

    logged = "\n".join(
        r.getMessage() + (logging.Formatter().formatException(r.exc_info) if r.exc_info
                          else "") + (r.stack_info or "")
        for r in caplog.records
    )
    faults = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r.getMessage() for r in faults] == [
        f"unexpected {faults[0].getMessage().split()[1]} while answering request {request_id}"
    ]
    assert faults[0].exc_info is None
    assert "Error" in faults[0].getMessage()  # the type, e.g. OperationalError
    for value in (SECRET_NAME, SECRET_DEVICE, "een-geheim-wachtwoord", "Traceback",
                  "SELECT"):
        assert value not in logged
