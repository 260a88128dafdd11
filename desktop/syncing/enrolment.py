"""Enrolling this laptop with the team's service: one call, then the token lives in the store.

The token, device id and user are kept inside the encrypted store (never in the settings
file), so a locked or stolen laptop does not give them away. The password is used for this
one request and then dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop.session.first_run import Enrolment
from sync.errors import SyncError

if TYPE_CHECKING:
    from sync.client import SyncClient


class OtherUsersStore(SyncError):
    """The store holds another worker's cases: they must never become visible to this one."""

    code = "other_users_store"


def enrol(
    store: Any,
    enrolment: Enrolment,
    client_factory: Callable[[str, str | None], SyncClient] | None = None,
) -> dict[str, Any]:
    """Enrol with the service and keep what it answers; returns the user as a dict."""
    if client_factory is None:
        from sync.client import SyncClient as client_factory  # noqa: N813
    client = client_factory(enrolment.server_url, None)
    try:
        answer = client.enrol(enrolment.username, enrolment.password, enrolment.device_name)
    finally:
        client.close()
    user = answer.user.model_dump()
    previous = store.get_setting("user")
    if previous and previous.get("id") != answer.user.id and (
        store.pending_count() > 0 or store.list_records(kind="case")
    ):
        raise OtherUsersStore("this store belongs to another user")
    server_url = enrolment.server_url.rstrip("/")
    if store.get_setting("server_url") not in (None, server_url):
        store.set_setting("cursor", "")  # a cursor means nothing to another service
    store.set_setting("server_url", server_url)
    store.set_setting("device_id", answer.device_id)
    store.set_setting("token", answer.token)
    store.set_setting("user", user)
    return user
