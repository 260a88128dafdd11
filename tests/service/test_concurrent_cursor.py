"""The pull cursor never skips a record while pushes commit concurrently: several pushers
and pullers against a real uvicorn (two worker processes) on a real PostgreSQL, and on one
SQLite file. Every puller must end with every record at its latest rev."""

from __future__ import annotations

import shutil
import threading
import uuid
from pathlib import Path

import httpx
import pytest

from sync.service.accounts import add_team, add_user
from sync.service.db import make_engine, make_sessionmaker, transaction
from sync.service.process import ServiceProcess
from tests.service.conftest import fresh_postgres

PUSHERS = 4
PULLERS = 3
BATCHES = 15
BATCH = 6
PASSWORD = "wachtwoord-gelijktijdig"



@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, tmp_path: Path):
    if request.param == "sqlite":
        # Two processes writing one file: they take turns among themselves (write_turns.py).
        url = f"sqlite:///{tmp_path / 'service.sqlite3'}"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), tmp_path / "service.sqlite3")
    else:
        url = fresh_postgres(request.getfixturevalue("postgres_cluster"),
                             request.getfixturevalue("pg_template"))
    engine = make_engine(url)
    with transaction(make_sessionmaker(engine)) as session:
        add_team(session, "Noord")
        add_user(session, "anouk", PASSWORD, "worker", ["Noord"])
    engine.dispose()
    with ServiceProcess(url, workers=2) as service:
        yield service.url


def _enrol(client: httpx.Client, name: str) -> dict[str, str]:
    response = client.post("/api/v1/session/enrol", json={
        "username": "anouk", "password": PASSWORD, "device_name": name})
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


@pytest.mark.slow
def test_concurrent_pushers_and_pullers_never_lose_a_record(server):
    with httpx.Client(base_url=server, timeout=60) as client:
        owner = _enrol(client, "eigenaar")
        case_id = str(uuid.uuid4())
        user = client.post("/api/v1/session/enrol", json={
            "username": "anouk", "password": PASSWORD, "device_name": "x"}).json()["user"]
        created = client.post("/api/v1/sync/push", headers=owner, json={"changes": [{
            "change_id": str(uuid.uuid4()), "record_id": case_id, "kind": "case",
            "case_id": case_id, "base_rev": 0,
            "set": {"title": "Familie Gelijktijdig", "team_id": user["team_ids"][0],
                    "contact_worker_id": user["id"]}}]})
        assert created.json()["results"][0]["status"] == "applied"
        pusher_headers = [_enrol(client, f"pusher {i}") for i in range(PUSHERS)]
        puller_headers = [_enrol(client, f"puller {i}") for i in range(PULLERS)]

    done = threading.Event()
    errors: list[str] = []
    seen: list[dict[str, int]] = [{} for _ in range(PULLERS)]

    def pusher(headers: dict[str, str]) -> None:
        with httpx.Client(base_url=server, timeout=60) as c:
            fresh: list[tuple[str, int]] = []  # made by the previous batch, not yet edited
            for b in range(BATCHES):
                changes = [{"change_id": str(uuid.uuid4()), "record_id": str(uuid.uuid4()),
                            "kind": "task", "case_id": case_id, "base_rev": 0,
                            "set": {"title": f"Taak {b}.{i}"}} for i in range(BATCH)]
                # and edit earlier records, so that revs also move on existing rows
                changes += [{"change_id": str(uuid.uuid4()), "record_id": rid,
                             "kind": "task", "case_id": case_id, "base_rev": rev,
                             "base": {"done": None}, "set": {"done": True}}
                            for rid, rev in fresh[:2]]
                response = c.post("/api/v1/sync/push", headers=headers,
                                  json={"changes": changes})
                if response.status_code != 200:
                    errors.append(f"push {response.status_code}")
                    return
                results = response.json()["results"]
                if any(r["status"] != "applied" for r in results):
                    errors.append(f"push results {[r['status'] for r in results]}")
                    return
                fresh = [(ch["record_id"], r["rev"])
                         for ch, r in zip(changes[:BATCH], results[:BATCH], strict=True)]

    def puller(index: int, headers: dict[str, str]) -> None:
        cursor = ""
        with httpx.Client(base_url=server, timeout=60) as c:
            while True:
                finished = done.is_set()  # read before the pull: a last full pass follows
                while True:
                    response = c.get("/api/v1/sync/pull", headers=headers,
                                     params={"cursor": cursor, "limit": 7})
                    if response.status_code != 200:
                        errors.append(f"pull {response.status_code}")
                        return
                    page = response.json()
                    for record in page["records"]:
                        seen[index][record["id"]] = max(record["rev"],
                                                        seen[index].get(record["id"], 0))
                    cursor = page["cursor"]
                    if not page["more"]:
                        break
                if finished:
                    return

    pushers = [threading.Thread(target=pusher, args=(h,)) for h in pusher_headers]
    pullers = [threading.Thread(target=puller, args=(i, h))
               for i, h in enumerate(puller_headers)]
    for t in pullers + pushers:
        t.start()
    for t in pushers:
        t.join()
    done.set()
    for t in pullers:
        t.join()
    assert errors == []

    # the truth: one full pull by a fresh device after everything committed
    with httpx.Client(base_url=server, timeout=60) as c:
        headers = _enrol(c, "controle")
        truth: dict[str, int] = {}
        cursor = ""
        while True:
            page = c.get("/api/v1/sync/pull", headers=headers,
                         params={"cursor": cursor, "limit": 5000}).json()
            truth.update({r["id"]: r["rev"] for r in page["records"]})
            cursor = page["cursor"]
            if not page["more"]:
                break
    assert len(truth) == 1 + PUSHERS * BATCHES * BATCH
    for index in range(PULLERS):
        assert seen[index] == truth, f"puller {index} missed records"
