"""Merging this laptop's access log with the service's: each entry once, oldest first, each
saying where it was recorded. No Qt, no network: the entries are as the service sends them."""

from __future__ import annotations

from desktop.disclosure.service_log import (
    OTHER_LAPTOP,
    SERVICE,
    THIS_LAPTOP,
    ServiceLog,
    merged,
)
from sync.protocol import AuditEntry

CASE = "0b6f3c1e-4d2a-4e8b-9c7d-1a2b3c4d5e6f"
HERE, THERE = "device-here", "device-there"


def uid(n: str) -> str:
    return f"5e1a0000-0000-4000-8000-00000000000{n[-1]}"


def entry(id_: str, at: str, action: str, device: str | None) -> AuditEntry:
    return AuditEntry(id=uid(id_), at=at, action=action, device_id=device, case_id=CASE,
                      user_id="user-1")


def test_each_entry_once_oldest_first_with_where_it_was_recorded():
    own = [entry("e1", "2026-03-01T10:00:00.000Z", "read", HERE)]
    service = ServiceLog((
        # This laptop's read, handed in: the same id comes back.
        entry("e1", "2026-03-01T10:00:00.000Z", "device.read", HERE),
        entry("e2", "2026-03-01T09:00:00.123456+00:00", "pull.records", THERE),
        entry("e3", "2026-03-01T09:30:00.000Z", "device.read", THERE),
        # Handed in by this laptop before the case was purged from it.
        entry("e4", "2026-02-01T08:00:00.000Z", "device.export", HERE),
    ), complete=True, reason=None)
    lines = merged(own, service, HERE)
    assert [(line.entry.id, line.action, line.recorded) for line in lines] == [
        (uid("e4"), "export", THIS_LAPTOP),
        (uid("e2"), "pull.records", SERVICE),
        (uid("e3"), "read", OTHER_LAPTOP),
        (uid("e1"), "read", THIS_LAPTOP),
    ]


def test_without_the_service_the_log_is_this_laptops():
    own = [entry("e2", "2026-03-02T10:00:00.000Z", "edit", HERE),
           entry("e1", "2026-03-01T10:00:00.000Z", "read", HERE)]
    lines = merged(own, ServiceLog(reason="offline"), HERE)
    assert [(line.entry.id, line.recorded) for line in lines] == [
        (uid("e1"), THIS_LAPTOP), (uid("e2"), THIS_LAPTOP)]
