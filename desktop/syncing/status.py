"""What the status bar shows about syncing, read from the store in one query."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

OFFLINE = "offline"
ONLINE = "online"
UNKNOWN = "unknown"
NOT_ENROLLED = "not_enrolled"
SYNCING = "syncing"


@dataclass(frozen=True)
class SyncStatus:
    """The sync state of the open store; `connection` is one of the names above."""

    connection: str = UNKNOWN
    last_sync: str | None = None  # ISO 8601, UTC
    pending: int = 0
    conflicts: int = 0
    enrolled: bool = False
    # How far a running sync is (all zero between syncs); the service does not say how
    # much there is to receive, so only what was sent has a total.
    sent: int = 0
    to_send: int | None = None  # changes still to send, when known
    received: int = 0

    def with_connection(self, connection: str) -> SyncStatus:
        return replace(self, connection=connection)

    def with_progress(self, sent: int, to_send: int | None, received: int) -> SyncStatus:
        return replace(self, sent=sent, to_send=to_send, received=received)


def read_status(store: Any, connection: str) -> SyncStatus:
    """Runs off the UI thread (through StoreSession.query)."""
    enrolled = bool(store.get_setting("server_url") and store.get_setting("token"))
    return SyncStatus(
        connection=connection if enrolled else NOT_ENROLLED,
        last_sync=store.get_setting("last_sync"),
        pending=store.pending_count(),
        conflicts=len(store.list_conflicts(open_only=True)),
        enrolled=enrolled,
    )
