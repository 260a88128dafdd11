"""Enrolling a laptop's store with the service: one call, then the token lives in the store.

The token, device id and user are kept inside the encrypted store, never in a plain file.
The password is used for this one request and then dropped.
"""

from __future__ import annotations

from typing import Any

from sync.client import SyncClient
from sync.errors import SyncError
from sync.protocol import EnrolResponse


class OtherUsersStore(SyncError):
    """The store holds another worker's cases: they must never become visible to this one."""

    code = "other_users_store"


def enrol_store(
    store: Any, server_url: str, username: str, password: str, device_name: str,
    *, client: SyncClient | None = None,
) -> EnrolResponse:
    """Enrol with the service at `server_url` and keep its answer inside `store`."""
    server_url = server_url.rstrip("/")
    own = client is None
    client = client or SyncClient(server_url)
    try:
        answer = client.enrol(username, password, device_name)
    finally:
        if own:
            client.close()
    previous = store.get_setting("user")
    if previous and previous.get("id") != answer.user.id and (
        store.pending_count() > 0 or store.list_records(kind="case")
    ):
        raise OtherUsersStore("this store belongs to another user; use another data folder")
    if store.get_setting("server_url") not in (None, server_url):
        store.set_setting("cursor", "")  # a cursor means nothing to another service
    store.set_setting("server_url", server_url)
    store.set_setting("device_id", answer.device_id)
    store.set_setting("token", answer.token)
    store.set_setting("user", answer.user.model_dump())
    return answer
