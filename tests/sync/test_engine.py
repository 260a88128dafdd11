"""The engine against a misbehaving service (httpx.MockTransport) and a real store."""

from __future__ import annotations

import gc

import httpx
import pytest

from storage.store import CaseStore
from sync.client import SyncClient
from sync.engine import SyncEngine, SyncListener
from sync.errors import SyncError
from sync.protocol import NEXT_CURSOR_HEADER
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


def test_a_page_asked_for_ahead_whose_answer_is_cut_short_is_asked_again(tmp_path):
    """The next page goes out on the cursor the answer's header names; its body cut short
    on the way is asked for again, as any pull, and nothing is skipped."""
    case_id = "0b7e6f4e-9d7a-4a53-8f43-6a0b9b7c1d01"
    ids = [f"0b7e6f4e-9d7a-4a53-8f43-6a0b9b7c1e{n:02d}" for n in range(6)]
    pages = {cursor: {"records": [
        {"id": ids[n], "kind": "task", "case_id": case_id, "rev": n + 1, "deleted": False,
         "fields": {"title": f"Taak {n}"}, "updated_by": None,
         "updated_at": "2026-01-05T10:00:00+00:00"}
        for n in range(2 * page, 2 * page + 2)],
        "conflicts": [], "revoked_case_ids": [], "cursor": f"c{page + 1}", "more": page < 2}
        for page, cursor in enumerate(["", "c1", "c2"])}
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if not request.url.path.endswith("/sync/pull"):
            return httpx.Response(404, json={"error": {"code": "not_found", "message": "m"}})
        cursor = request.url.params["cursor"]
        asked.append(cursor)
        page = pages[cursor]
        headers = {NEXT_CURSOR_HEADER: page["cursor"]} if page["more"] else {}
        if cursor == "c1" and asked.count("c1") == 1:
            return httpx.Response(200, content=b'{"records": [{"id"', headers=headers)
        return httpx.Response(200, json=page, headers=headers)

    store, engine = _engine(tmp_path, handler)
    report = engine.run()
    assert report.pulled == 6
    assert asked == ["", "c1", "c2", "c1"] or asked == ["", "c1", "c1", "c2"]
    assert [store.get_record(i).fields["title"] for i in ids] == [f"Taak {n}" for n in range(6)]
    assert store.get_setting("cursor") == "c3"
    store.close()
