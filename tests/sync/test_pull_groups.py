"""Pull pages that arrive while a transaction is open commit together; a page still on its
way after PULL_GROUP_SECONDS ends the transaction, so a slow network never keeps the store's
write lock (sync/engine.py, `_pull_group`). Against the real service."""

from __future__ import annotations

import threading
import time

import pytest

from sync.engine import PULL_GROUP_SECONDS, SyncListener, SyncProgress
from sync.errors import SyncError
from tests.sync.harness import service_records, snapshot

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

PAGE = 3  # records a page: the case and its eight people come in three pages
SETTLE = 0.2  # from the pull's return to its future being done: microseconds


@pytest.fixture
def team(service_db):
    return service_db.add_user()


@pytest.fixture
def written(laptops, service, team):
    """A case of nine records on the service, and the token of the laptop that wrote it."""
    a = laptops("a").enrol(service.url, team)
    case_id = a.new_case(team)
    for n in range(8):
        a.store.create_record("person", {"name": f"Persoon {n}"}, case_id=case_id)
    a.sync()
    return a.store.get_setting("token")


class _Pulls:
    """The engine's real `client.pull_answer`, observed: how many calls have ended (with an
    answer or an error)."""

    def __init__(self, engine, before=None) -> None:  # noqa: ANN001
        self._pull = engine.client.pull_answer
        self._before = before
        self.answered = 0
        self._changed = threading.Condition()
        engine.client.pull_answer = self

    def __call__(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN204
        try:
            if self._before is not None:
                self._before(self.answered)
            return self._pull(*args, **kwargs)
        finally:
            with self._changed:
                self.answered += 1
                self._changed.notify_all()

    def wait_for(self, count: int) -> None:
        with self._changed:
            assert self._changed.wait_for(lambda: self.answered >= count, timeout=10)


class _WaitsForTheNextPage(SyncListener):
    """A listener that lets every next page arrive before the engine goes on: as on a fast
    network, where the page after is here before the one before it is written."""

    def __init__(self, pulls: _Pulls) -> None:
        self.pulls = pulls
        self.pages = 0

    def progress(self, progress: SyncProgress) -> None:
        if progress.stage == "pull":
            self.pages += 1
            if progress.more:
                self.pulls.wait_for(self.pages + 1)
                time.sleep(SETTLE)


def test_pages_already_here_commit_in_one_transaction(laptops, service, team, written):
    b = laptops("b").enrol(service.url, team)
    commits = []
    engine = b.engine(pull_limit=PAGE, crash=commits.append)
    listener = _WaitsForTheNextPage(_Pulls(engine))
    report = engine.run(listener)
    engine.client.close()
    assert listener.pages == 3 and report.pulled == 9
    # Only a group that more pages follow reports its commit at this point: one group.
    assert "after_pull_commit" not in commits
    assert snapshot(b.records()) == snapshot(service_records(service.url, written))


def test_a_page_that_arrives_while_the_transaction_waits_joins_it(laptops, service, team,
                                                                   written):
    b = laptops("b").enrol(service.url, team)
    commits = []
    engine = b.engine(pull_limit=PAGE, crash=commits.append)

    def before(answered: int) -> None:
        if answered >= 1:  # each next page is on its way for a while, as over a network
            time.sleep(PULL_GROUP_SECONDS / 5)

    _Pulls(engine, before)
    report = engine.run()
    engine.client.close()
    assert report.pulled == 9
    assert "after_pull_commit" not in commits
    assert snapshot(b.records()) == snapshot(service_records(service.url, written))


def test_a_page_still_on_its_way_ends_the_transaction(laptops, service, team, written):
    b = laptops("b").enrol(service.url, team)
    engine = b.engine(pull_limit=PAGE)
    seen: list[str] = []

    def before(answered: int) -> None:
        # The second page waits until the first is committed: the store's other
        # connections see its cursor. Were the transaction held open for this page beyond
        # PULL_GROUP_SECONDS, the cursor would never show, and the wait would run out.
        if answered == 1:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                cursor = b.store.get_setting("cursor")
                if cursor:
                    seen.append(cursor)
                    return
                time.sleep(0.01)

    _Pulls(engine, before)
    report = engine.run()
    engine.client.close()
    assert seen and report.pulled == 9
    assert snapshot(b.records()) == snapshot(service_records(service.url, written))


def test_a_failure_in_a_later_page_keeps_none_of_its_group(laptops, service, team, written):
    b = laptops("b").enrol(service.url, team)
    received = []

    def crash(point: str) -> None:
        if point == "after_pull_received":
            received.append(point)
            if len(received) == 2:
                raise RuntimeError("the laptop stopped")  # as a store error would

    engine = b.engine(pull_limit=PAGE, crash=crash)
    with pytest.raises(RuntimeError):
        engine.run(_WaitsForTheNextPage(_Pulls(engine)))
    engine.client.close()
    # The first page came in the same transaction as the second: neither was kept.
    assert b.records() == {} and not b.store.get_setting("cursor")
    b.sync()
    assert snapshot(b.records()) == snapshot(service_records(service.url, written))


def test_a_next_page_that_failed_leaves_the_pages_before_it_kept(laptops, service, team,
                                                                   written):
    b = laptops("b").enrol(service.url, team)
    engine = b.engine(pull_limit=PAGE)

    def before(answered: int) -> None:
        if answered == 1:
            raise SyncError("the network went away")  # as the client says after its retries

    listener = _WaitsForTheNextPage(_Pulls(engine, before))
    with pytest.raises(SyncError, match="network"):
        engine.run(listener)
    engine.client.close()
    assert listener.pages == 1 and len(b.records()) == PAGE
    assert b.store.get_setting("cursor")
    report = b.sync()
    assert report.pulled == 9 - PAGE
    assert snapshot(b.records()) == snapshot(service_records(service.url, written))
