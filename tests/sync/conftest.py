"""Fixtures of the sync tests: one throwaway PostgreSQL for the session, the service's
database in it, the service as a uvicorn process, and laptops in temporary folders."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from storage import keys
from tests.pg import postgres_cluster, postgres_url  # noqa: F401 - fixtures
from tests.sync.harness import Laptop, QuickKdf, ServiceDatabase, ServiceProcess


@pytest.fixture(autouse=True)
def _quick_kdf(monkeypatch):
    """Stores made here use light Argon2id settings (kept in each wrapped key, so a CLI
    process opening the store uses them too): the KDF is the store's business and tested
    there; these tests make and reopen dozens of stores."""
    monkeypatch.setattr(keys, "KdfParams", QuickKdf)


@pytest.fixture(scope="session")
def service_db(postgres_url: str) -> Iterator[ServiceDatabase]:  # noqa: F811
    db = ServiceDatabase(postgres_url)
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def service(service_db: ServiceDatabase) -> Iterator[ServiceProcess]:
    process = ServiceProcess(service_db.url).start()
    yield process
    process.stop()


@pytest.fixture
def laptops(tmp_path) -> Iterator[Callable[[str], Laptop]]:
    made: list[Laptop] = []

    def make(name: str = "laptop") -> Laptop:
        laptop = Laptop(tmp_path / f"laptop-{len(made)}", name)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        try:
            laptop.close()
        except Exception:  # noqa: BLE001 - a wiped store may already be closed
            pass
