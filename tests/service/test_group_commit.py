"""Pushes of the moment commit together on SQLite (group_commit.py), each in a savepoint of
its own: every push keeps its own answer and revs, one that raises leaves nothing while the
others stand, and a commit that fails fails every push of its group, leaving nothing
(docs/protocol.md, "Push under load")."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError

from sync.service import db
from sync.service.app import create_app
from sync.service.db import group_of, make_engine, make_sessionmaker, transaction, write
from sync.service.group_commit import GROUP_CHANGES
from tests.service.conftest import service_settings
from tests.service.live import live_service
from tests.service.world import World, change, new_id

WRITERS = 6
PUSHERS = 6
PUSHES = 3


def _database(path: Path) -> tuple[str, object]:
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE parents (id INTEGER PRIMARY KEY)")
        connection.exec_driver_sql(
            "CREATE TABLE writes (who TEXT PRIMARY KEY, parent INTEGER REFERENCES parents(id) "
            "DEFERRABLE INITIALLY DEFERRED)")
    return url, engine


def _together(engine, works, sizes=None) -> tuple[list[object], int]:  # type: ignore[no-untyped-def]
    """Run each of `works` (of `sizes` changes) through `write` from a thread of its own,
    all queued, in order, while the database is held, so that they form groups; their
    outcomes and the BEGINs made."""
    factory = make_sessionmaker(engine)
    group = group_of(engine)
    assert group is not None
    outcomes: list[object] = [None] * len(works)
    begins: list[int] = []

    def run(i: int) -> None:
        try:
            outcomes[i] = write(factory, works[i], (sizes or [1] * len(works))[i])
        except Exception as exc:  # noqa: BLE001 - compared by the test
            outcomes[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(works))]
    with transaction(factory):  # holds the turn while they queue
        for n, t in enumerate(threads, 1):
            t.start()
            deadline = time.monotonic() + 30
            while group.queued < n and time.monotonic() < deadline:
                time.sleep(0.002)
        event.listen(engine, "begin", lambda _c: begins.append(1))
    for t in threads:
        t.join(30)
    return outcomes, len(begins)


def _inserting(who: str, parent: int | None = None, fail: bool = False):  # type: ignore[no-untyped-def]
    def work(session) -> str:  # type: ignore[no-untyped-def]
        session.execute(text("INSERT INTO writes (who, parent) VALUES (:w, :p)"),
                        {"w": who, "p": parent})
        if fail:
            raise RuntimeError(f"{who} failed half-way")
        return who
    return work


def _stored(engine) -> list[str]:  # type: ignore[no-untyped-def]
    with engine.connect() as connection:
        return sorted(w for (w,) in connection.exec_driver_sql("SELECT who FROM writes"))


def test_a_write_that_raises_leaves_nothing_and_the_others_of_its_group_stand(tmp_path):
    _, engine = _database(tmp_path / "group.sqlite3")
    works = [_inserting(f"w{i}", fail=i == 2) for i in range(WRITERS)]
    outcomes, begins = _together(engine, works)
    assert begins == 1  # one transaction for all of them
    assert isinstance(outcomes[2], RuntimeError)
    assert [o for i, o in enumerate(outcomes) if i != 2] == [
        f"w{i}" for i in range(WRITERS) if i != 2]
    assert _stored(engine) == sorted(f"w{i}" for i in range(WRITERS) if i != 2)


def test_a_commit_that_fails_fails_every_write_of_its_group_and_leaves_nothing(tmp_path):
    _, engine = _database(tmp_path / "group.sqlite3")
    # A deferred foreign key is checked at COMMIT: the one bad row fails the group's commit.
    works = [_inserting(f"w{i}", parent=404 if i == 3 else None) for i in range(WRITERS)]
    outcomes, begins = _together(engine, works)
    assert begins == 1
    assert all(isinstance(o, IntegrityError) for o in outcomes)
    assert _stored(engine) == []
    # and the next write goes on as usual
    assert write(make_sessionmaker(engine), _inserting("later")) == "later"
    assert _stored(engine) == ["later"]


def test_a_large_write_goes_in_a_group_of_its_own(tmp_path):
    _, engine = _database(tmp_path / "group.sqlite3")
    works = [_inserting(f"w{i}") for i in range(5)]
    # small, small, large, small, small: the large one neither joins the first two nor
    # takes the last two with it
    outcomes, begins = _together(engine, works, sizes=[1, 1, GROUP_CHANGES, 1, 1])
    assert outcomes == [f"w{i}" for i in range(5)]
    assert begins == 3


def test_pushes_from_many_threads_each_keep_their_answer_and_revs(world):
    worker = world.device("anouk")
    case = worker.new_case(world.team("Noord"), title="Familie Druk")
    answers: list[tuple[list[dict], list[dict]]] = []
    errors: list[str] = []

    with live_service(world.app) as url:
        def pusher() -> None:
            with httpx.Client(base_url=url, timeout=60, headers=worker.headers) as client:
                for p in range(PUSHES):
                    changes = [change(new_id(), "task", case["id"], {"title": f"Taak {p}.{i}"})
                               for i in range(2)]
                    response = client.post("/api/v1/sync/push", json={"changes": changes})
                    if response.status_code != 200:
                        errors.append(response.text)
                        return
                    answers.append((changes, response.json()["results"]))

        threads = [threading.Thread(target=pusher) for _ in range(PUSHERS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    assert errors == []
    assert len(answers) == PUSHERS * PUSHES
    revs = {ch["record_id"]: r["rev"] for changes, results in answers
            for ch, r in zip(changes, results, strict=True)}
    assert all(r["status"] == "applied" for _, results in answers for r in results)
    assert len(set(revs.values())) == len(revs)  # no rev given twice
    for _, results in answers:  # a push's revs follow each other
        assert results[1]["rev"] == results[0]["rev"] + 1
    fresh = world.enrol("anouk", "controle")
    fresh.sync()
    assert {rid: fresh.records[rid]["rev"] for rid in revs} == revs


def test_a_push_that_waits_too_long_for_its_turn_is_answered_busy_and_goes_in_when_sent_again(
        tmp_path, sqlite_template, monkeypatch):
    shutil.copyfile(sqlite_template, tmp_path / "service.sqlite3")
    app = create_app(service_settings(f"sqlite:///{tmp_path / 'service.sqlite3'}"))
    with TestClient(app) as client:
        world = World(app, client)
        worker = world.device("anouk")
        case = worker.new_case(world.team("Noord"), title="Familie Druk")
        task = change(new_id(), "task", case["id"], {"title": "Bellen"})
        monkeypatch.setattr(db, "SQLITE_BUSY_S", 0.2)
        with transaction(world.factory):  # another write holds the turn past the wait
            busy = worker.push_raw([task])
        assert busy.status_code == 503 and busy.headers["Retry-After"] == "1"
        assert busy.json()["error"]["code"] == "busy"
        [result] = worker.push(task)  # nothing of it was written: it goes in as new
        assert result["status"] == "applied"
