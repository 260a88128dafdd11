"""Fixtures the GUI tests share: a real store in the test's own folder, and the StoreSession
over it that fails the test if any query or change reached the error handler."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool

from desktop.operations import StoreSession
from storage.store import CaseStore

TEST_PASSPHRASE = "fictional passphrase for tests"


@pytest.fixture
def store(tmp_path):
    """An empty store; a test file that needs one prepared overrides this fixture."""
    store = CaseStore.create(tmp_path / "data", TEST_PASSPHRASE)
    yield store
    QThreadPool.globalInstance().waitForDone(5000)
    store.close()


@pytest.fixture
def session(store):
    session = StoreSession(store)
    failures = []
    session.failed.connect(failures.append)
    yield session
    session.wait_for_writes()
    assert failures == []
