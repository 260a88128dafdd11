"""The case's access log as the service holds it, for the inzage. No Qt.

The laptop's own log knows only what happened here. Reads on the worker's other laptops and
colleagues' laptops reach the service by `POST /audit`, and the service writes its own
entries (a pull delivering the case, a push, a resolve); `GET /audit` hands them to the
case's contact worker. Fetching happens when an inzage is made, never on the UI thread,
with one short attempt: an inzage made offline says that its log is this laptop's only,
rather than keeping the worker waiting. Nothing fetched is stored: it lives in the export.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sync.protocol import AuditEntry

log = logging.getLogger(__name__)

# Why the log may be incomplete (the JSON's `log_reason`).
NOT_ASKED = "not_asked"  # built without asking the service (tests, the consult)
NOT_ENROLLED = "not_enrolled"
OFFLINE = "offline"
REFUSED = "refused"

# Where an entry was recorded (the JSON's `recorded`, in words).
THIS_LAPTOP = "this_laptop"
OTHER_LAPTOP = "other_laptop"
SERVICE = "service"

# Entries a laptop handed in carry its action behind this prefix on the service.
DEVICE_PREFIX = "device."
FETCH_TIMEOUT = 5.0


@dataclass(frozen=True)
class ServiceLog:
    """What the service answered: its entries, or why there are none."""

    entries: tuple[AuditEntry, ...] = ()
    complete: bool = False
    reason: str | None = NOT_ASKED


@dataclass(frozen=True)
class LogLine:
    entry: AuditEntry
    action: str  # without the service's `device.` prefix
    recorded: str  # THIS_LAPTOP, OTHER_LAPTOP or SERVICE


ClientFactory = Callable[[str, str], Any]


def quick_client(server_url: str, token: str) -> Any:
    from sync.client import RetryPolicy, SyncClient  # httpx loads only when asked

    return SyncClient(server_url, token, retry=RetryPolicy(attempts=1),
                      timeout=FETCH_TIMEOUT)


def fetch(store: Any, case_id: str, client_factory: ClientFactory | None = None) -> ServiceLog:
    """Ask the service the store is enrolled with for the case's log; never raises for a
    service that is away or says no."""
    from sync.errors import DeviceRevoked, EnrolmentRequired, RequestRejected, SyncError

    url, token = store.get_setting("server_url"), store.get_setting("token")
    if not url or not token:
        return ServiceLog(reason=NOT_ENROLLED)
    client = (client_factory or quick_client)(str(url), str(token))
    try:
        entries = client.read_audit(case_id)
    except (RequestRejected, EnrolmentRequired, DeviceRevoked) as exc:
        log.info("the service refused the case's access log: %s", type(exc).__name__)
        return ServiceLog(reason=REFUSED)
    except (SyncError, OSError) as exc:
        log.info("the service's access log could not be read: %s", type(exc).__name__)
        return ServiceLog(reason=OFFLINE)
    finally:
        client.close()
    return ServiceLog(tuple(entries), complete=True, reason=None)


def merged(own: list[AuditEntry], service: ServiceLog,
           device_id: str | None) -> list[LogLine]:
    """This laptop's entries and the service's, each once (an uploaded entry keeps its id
    on the service), oldest first."""
    lines = [LogLine(e, e.action, THIS_LAPTOP) for e in own]
    seen = {e.id for e in own}
    for entry in service.entries:
        if entry.id in seen:
            continue
        seen.add(entry.id)
        if entry.action.startswith(DEVICE_PREFIX):
            # This laptop's own, when it is no longer in the local log (a case purged and
            # synced back): still recorded here.
            here = device_id is not None and entry.device_id == device_id
            lines.append(LogLine(entry, entry.action.removeprefix(DEVICE_PREFIX),
                                 THIS_LAPTOP if here else OTHER_LAPTOP))
        else:
            lines.append(LogLine(entry, entry.action, SERVICE))
    return sorted(lines, key=lambda line: _moment(line.entry.at))


def _moment(at: str) -> dt.datetime:
    # Laptops and the service write ISO times, with different precision and zone spelling.
    try:
        moment = dt.datetime.fromisoformat(at)
    except ValueError:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
