"""Fixtures for the store tests: a fresh store in the test's own data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from storage.store import CaseStore

PASSPHRASE = "keukentafel-test-passphrase"


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps its secrets in a dict (an OS keyring stand-in)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[CaseStore]:
    s = CaseStore.create(data_dir, PASSPHRASE)
    yield s
    s.close()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"


def new_case(store: CaseStore, title: str = "Familie Jansen", **fields: object) -> str:
    return store.create_record("case", {"title": title, "team_id": TEAM_ID, **fields}).id
