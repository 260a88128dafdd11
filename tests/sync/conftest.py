"""Fixtures of the sync tests: one throwaway PostgreSQL for the session, the service's
database in it, the service as a uvicorn process, and laptops in temporary folders."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.pg import postgres_cluster, postgres_url  # noqa: F401 - fixtures
from tests.sync.harness import Laptop, ServiceDatabase, ServiceProcess


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
