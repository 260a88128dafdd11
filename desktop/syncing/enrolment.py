"""Enrolling this laptop from the window: the Enrolment the worker typed, through
`sync.enrolment.enrol_store` (the one place that keeps the token inside the store and
refuses another worker's store). The password is used for this one request and dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop.session.first_run import Enrolment

if TYPE_CHECKING:
    from sync.client import SyncClient


def enrol(
    store: Any,
    enrolment: Enrolment,
    client_factory: Callable[[str, str | None], SyncClient] | None = None,
) -> dict[str, Any]:
    """Enrol with the service and keep what it answers; returns the user as a dict."""
    from sync.enrolment import enrol_store  # the sync client loads only when enrolling

    client = client_factory(enrolment.server_url, None) if client_factory else None
    try:
        answer = enrol_store(store, enrolment.server_url, enrolment.username,
                             enrolment.password, enrolment.device_name, client=client)
    finally:
        if client is not None:
            client.close()
    return answer.user.model_dump()
