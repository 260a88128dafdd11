"""The pieces the sync tests build on: the service's database, the service as a real uvicorn
process on loopback, and laptops (encrypted stores in temporary folders) enrolled with it.

All data is fictional; every team and user gets a fresh random name so tests sharing one
service never see each other's cases.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from storage import keys
from storage.store import CaseStore
from sync.client import RetryPolicy, SyncClient
from sync.engine import SyncEngine, SyncReport
from sync.enrolment import enrol_store
from sync.protocol import Record
from sync.schema import full_fields
from sync.service import accounts
from sync.service.db import make_engine, make_sessionmaker, migrate, transaction
from sync.service.models import Device
from sync.service.process import ServiceProcess, free_port  # noqa: F401 - the tests' names

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "keukentafel-test-passphrase"
PASSWORD = "fictional-password-1"
# Tests fail fast instead of waiting out the real backoff.
QUICK_RETRY = RetryPolicy(attempts=3, base=0.05, cap=0.2)


@dataclass(frozen=True)
class QuickKdf(keys.KdfParams):
    """Light Argon2id settings for test stores (see tests/sync/conftest.py)."""

    memory_kib: int = 8 * 1024
    iterations: int = 1
    lanes: int = 1


@dataclass(frozen=True)
class Account:
    username: str
    password: str
    user_id: str
    team_id: str
    team_name: str


class ServiceDatabase:
    """The service's database (migrated), and the admin chores tests need."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url, pool_size=2)
        migrate(self.engine)
        self.factory = make_sessionmaker(self.engine)

    def add_team(self) -> str:
        name = f"Wijkteam {uuid.uuid4().hex[:10]}"
        with transaction(self.factory) as session:
            accounts.add_team(session, name)
        return name

    def add_user(self, team_name: str | None = None, role: str = "worker") -> Account:
        team_name = team_name or self.add_team()
        username = f"worker-{uuid.uuid4().hex[:10]}"
        with transaction(self.factory) as session:
            user = accounts.add_user(session, username, PASSWORD, role, [team_name])
            team_id = accounts.team_by_name(session, team_name).id
            return Account(username, PASSWORD, user.id, team_id, team_name)

    def revoke(self, device_id: str) -> None:
        with transaction(self.factory) as session:
            device = session.scalar(select(Device).where(Device.id == device_id))
            assert device is not None
            accounts.revoke_device(session, device)

    def dispose(self) -> None:
        self.engine.dispose()


class Laptop:
    """One laptop: an encrypted store in its own folder, enrolled with the service."""

    def __init__(self, data_dir: Path, name: str = "laptop") -> None:
        self.data_dir = data_dir
        self.name = name
        self.store = CaseStore.create(data_dir, PASSPHRASE)

    def enrol(self, server_url: str, account: Account, http: httpx.Client | None = None
              ) -> Laptop:
        client = SyncClient(server_url, http=http) if http is not None else None
        enrol_store(self.store, server_url, account.username, account.password, self.name,
                    client=client)
        return self

    @property
    def device_id(self) -> str:
        return self.store.get_setting("device_id")

    def engine(self, server_url: str | None = None, **options: Any) -> SyncEngine:
        client = SyncClient(
            server_url or self.store.get_setting("server_url"), self.store.get_setting("token"),
            retry=options.pop("retry", QUICK_RETRY), sleep=options.pop("sleep", time.sleep),
            http=options.pop("http", None),
        )
        return SyncEngine(self.store, client, **options)

    def sync(self, server_url: str | None = None, **options: Any) -> SyncReport:
        engine = self.engine(server_url, **options)
        try:
            return engine.run()
        finally:
            engine.client.close()

    def reopen(self) -> None:
        """As after a crash or a restart: a new process opens the store again."""
        self.store.close()
        self.store = CaseStore.open(self.data_dir, PASSPHRASE)

    def open(self) -> None:
        """The app started again (after a crash): unlock the store from its folder."""
        self.store = CaseStore.open(self.data_dir, PASSPHRASE)

    def close(self) -> None:
        self.store.close()

    def records(self) -> dict[str, Record]:
        return {r.id: r for r in self.store.list_records()}

    def new_case(self, account: Account, title: str = "Familie Testbeeld", **fields: Any) -> str:
        case = self.store.create_record("case", {
            "title": title, "team_id": account.team_id, "contact_worker_id": account.user_id,
            "status": "active", **fields,
        })
        return case.id


def service_records(server_url: str, token: str, http: httpx.Client | None = None
                    ) -> dict[str, Record]:
    """Everything the service holds for this user, as a fresh pull from the start shows it."""
    out: dict[str, Record] = {}
    with SyncClient(server_url, token, retry=QUICK_RETRY, http=http) as client:
        cursor = ""
        while True:
            page = client.pull(cursor, 5000)
            out.update((r.id, r) for r in page.records)
            cursor = page.cursor
            if not page.more:
                return out


def snapshot(records: dict[str, Record], *, with_rev: bool = True) -> dict[str, tuple]:
    """Records in a comparable form: absent fields count as null (as everywhere). With the
    rev come the writer and time the service gave that rev (the echo of a push brings only
    these, docs/protocol.md)."""
    return {
        k: ((r.rev, r.updated_by, r.updated_at) if with_rev else None, r.deleted,
            full_fields(r.kind, r.fields))
        for k, r in records.items()
    }
