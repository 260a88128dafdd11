"""The engine against a misbehaving service (httpx.MockTransport) and a real store."""

from __future__ import annotations

import gc

import httpx
import pytest

from storage.store import CaseStore
from sync.client import SyncClient
from sync.engine import SyncEngine, SyncListener
from sync.errors import SyncError
from tests.sync.harness import PASSPHRASE, QUICK_RETRY

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"


def _engine(tmp_path, handler) -> tuple[CaseStore, SyncEngine]:
    store = CaseStore.create(tmp_path / "laptop", PASSPHRASE)
    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = SyncClient("http://service.test", "token", http=http, retry=QUICK_RETRY,
                        sleep=lambda _: None)
    return store, SyncEngine(store, client)


def test_a_pull_that_does_not_advance_stops_the_sync(tmp_path):
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return httpx.Response(200, json={"records": [], "conflicts": [], "revoked_case_ids": [],
                                         "cursor": "", "more": True})

    store, engine = _engine(tmp_path, handler)
    failures = []

    class Listener(SyncListener):
        def failed(self, error: BaseException) -> None:
            failures.append(error)

    with pytest.raises(SyncError, match="did not advance"):
        engine.run(Listener())
    assert len(calls) <= 2 and len(failures) == 1
    store.close()


def test_a_pull_keeps_what_lived_before_out_of_the_collector_and_ends_as_it_found_it(tmp_path):
    frozen = []

    def handler(request: httpx.Request) -> httpx.Response:
        frozen.append(gc.get_freeze_count())
        return httpx.Response(200, json={"records": [], "conflicts": [], "revoked_case_ids": [],
                                         "cursor": "", "more": True})

    store, engine = _engine(tmp_path, handler)
    with pytest.raises(SyncError, match="did not advance"):
        engine.run()  # the pull ends early, by an error
    store.close()
    assert frozen and all(count > 0 for count in frozen)
    assert gc.get_freeze_count() == 0


def test_a_service_that_keeps_failing_leaves_the_outbox_whole(tmp_path):
    store, engine = _engine(tmp_path, lambda r: httpx.Response(503))
    case = store.create_record("case", {"title": "Familie Proef", "team_id": TEAM_ID})
    with pytest.raises(SyncError):
        engine.run()
    assert store.pending_count() == 1
    assert store.get_record(case.id).rev == 0
    assert store.get_setting("last_sync") is None
    store.close()
