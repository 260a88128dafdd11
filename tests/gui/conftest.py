"""Fixtures the GUI tests share: a real store in the test's own folder, and the StoreSession
over it that fails the test if any query or change reached the error handler."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool

from desktop.operations import StoreSession
from storage.store import CaseStore

TEST_PASSPHRASE = "fictional passphrase for tests"


def signed_in(user_id: str, team_id: str, role: str = "worker") -> dict:
    """The `user` setting of a fictional worker (or team lead) of one team."""
    names = {"worker": ("demo", "Demo Werker"), "teamlead": ("lead", "Team Leider")}[role]
    return {"id": user_id, "username": names[0], "display_name": names[1], "role": role,
            "team_ids": [team_id]}


@pytest.fixture
def store(request, tmp_path):
    """An empty store, signed in as the test module's `SIGNED_IN` user if it names one; a
    test file that needs one prepared otherwise overrides this fixture."""
    store = CaseStore.create(tmp_path / "data", TEST_PASSPHRASE)
    user = getattr(request.module, "SIGNED_IN", None)
    if user is not None:
        store.set_setting("user", user)
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
