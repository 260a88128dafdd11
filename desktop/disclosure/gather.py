"""Everything the laptop holds about one case, read in one go: the records of every kind,
the timeline and the access log; for the inzage also the case's log as the service holds
it. No Qt."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.disclosure.service_log import ClientFactory, ServiceLog, fetch
from storage.errors import StoreError
from storage.timeline import HistoryEntry
from sync.protocol import AuditEntry, Record
from sync.schema import KIND_NAMES


@dataclass(frozen=True)
class CaseContent:
    case: Record
    records: dict[str, list[Record]]  # kind -> the live records of that kind, oldest first
    timeline: list[HistoryEntry]
    access_log: list[AuditEntry]
    user: dict[str, Any] | None  # the worker of this laptop, to name them in the log
    removed_people: list[Record]  # deleted people: their names are still scrubbed
    device_id: str | None = None  # this laptop's, to tell its entries from other laptops'
    service_log: ServiceLog = ServiceLog()
    # The team directory (user id -> display name): a family may know who read their file.
    colleagues: Mapping[str, str] = field(default_factory=dict)

    def of(self, kind: str) -> list[Record]:
        return self.records.get(kind, [])

    def person(self, person_id: str) -> Record | None:
        return next((p for p in self.of("person") if p.id == person_id), None)


def gather(store: Any, case_id: str) -> CaseContent:
    case = store.get_record(case_id)
    if case is None or case.kind != "case" or case.deleted:
        raise StoreError("no such case")
    records = {kind: store.list_records(kind=kind, case_id=case_id)
               for kind in KIND_NAMES if kind != "case"}
    removed = [p for p in store.list_records(kind="person", case_id=case_id,
                                             include_deleted=True) if p.deleted]
    user = store.get_setting("user")
    device = store.get_setting("device_id")
    return CaseContent(case, records, store.history(case_id), store.access_log(case_id),
                       user if isinstance(user, dict) else None, removed,
                       str(device) if device else None,
                       colleagues={c.id: c.display_name for c in store.colleagues()})


def gather_for_inzage(store: Any, case_id: str,
                      client_factory: ClientFactory | None = None) -> CaseContent:
    """`gather`, and the service's log of the case when the laptop is enrolled. Blocks on
    the network for a few seconds at most: never call it on the UI thread."""
    content = gather(store, case_id)
    return dataclasses.replace(content,
                               service_log=fetch(store, case_id, client_factory))
