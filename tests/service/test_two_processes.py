"""Two service processes (each its own uvicorn on its own port, as on two hosts) on one
PostgreSQL: pushes and pulls through both at once never skip or repeat a record, a push
sent to both at the same moment (a laptop's retry that a load balancer sends elsewhere) is
applied once, and the login limit is one limit across both processes."""

from __future__ import annotations

import itertools
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import func, select

from sync.service.accounts import add_team, add_user
from sync.service.db import make_engine, make_sessionmaker, transaction
from sync.service.models import AppliedChange, RecordRow
from sync.service.process import ServiceProcess
from tests.service.conftest import fresh_postgres

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

PASSWORD = "wachtwoord-twee"
LOCK_AFTER = 4
PUSHERS = 3
BATCHES = 3
BATCH = 4
PULLERS = 2
ENROL = "/api/v1/session/enrol"


@pytest.fixture
def two_services(postgres_cluster, pg_template):
    url = fresh_postgres(postgres_cluster, pg_template)
    engine = make_engine(url, 1)
    with transaction(make_sessionmaker(engine)) as session:
        add_team(session, "Noord")
        for name in ("anouk", "bram"):
            add_user(session, name, PASSWORD, "worker", ["Noord"])
    env = {"KEUKENTAFEL_LOGIN_LOCK_AFTER": str(LOCK_AFTER),
           "KEUKENTAFEL_LOGIN_SLOW_AFTER": "100", "KEUKENTAFEL_LOGIN_DELAY_S": "0"}
    services = [ServiceProcess(url, env=env) for _ in range(2)]
    try:
        with ThreadPoolExecutor(2) as pool:  # both start at once: half the wait
            list(pool.map(ServiceProcess.start, services))
        yield [s.url for s in services], engine
    finally:
        for service in services:
            service.stop()
        engine.dispose()


def _enrol(url: str, name: str) -> dict[str, str]:
    answer = httpx.post(url + ENROL, json={"username": "anouk", "password": PASSWORD,
                                           "device_name": name}, timeout=60)
    assert answer.status_code == 201, answer.text
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def _task(case_id: str, title: str) -> dict:
    return {"change_id": str(uuid.uuid4()), "record_id": str(uuid.uuid4()), "kind": "task",
            "case_id": case_id, "base_rev": 0, "set": {"title": title}}


def test_two_processes_share_the_cursor_the_applied_changes_and_the_login_limit(two_services):
    urls, engine = two_services
    owner = _enrol(urls[0], "eigenaar")
    user = httpx.post(urls[1] + ENROL, json={"username": "anouk", "password": PASSWORD,
                                             "device_name": "x"}, timeout=60).json()["user"]
    case_id = str(uuid.uuid4())
    made = httpx.post(urls[1] + "/api/v1/sync/push", headers=owner, timeout=60, json={
        "changes": [{"change_id": str(uuid.uuid4()), "record_id": case_id, "kind": "case",
                     "case_id": case_id, "base_rev": 0,
                     "set": {"title": "Familie Tweeling", "team_id": user["team_ids"][0],
                             "contact_worker_id": user["id"]}}]})
    assert made.json()["results"][0]["status"] == "applied"
    pushers = [_enrol(urls[i % 2], f"pusher {i}") for i in range(PUSHERS)]
    pullers = [_enrol(urls[i % 2], f"puller {i}") for i in range(PULLERS)]

    done = threading.Event()
    errors: list[str] = []
    pushed: dict[str, int] = {}  # record id -> the rev its one change got
    deliveries: list[list[str]] = [[] for _ in range(PULLERS)]

    def push_to_both(headers: dict[str, str], changes: list[dict]) -> None:
        """The same batch through both processes at the same moment: one applies it, the
        other answers `duplicate` with the same revs; so does a later retry."""
        together = threading.Barrier(2)

        def post(url: str, at_once: bool = True) -> list[dict]:
            with httpx.Client(base_url=url, timeout=60) as client:
                if at_once:
                    together.wait()
                answer = client.post("/api/v1/sync/push", headers=headers,
                                     json={"changes": changes})
            assert answer.status_code == 200, answer.text
            return answer.json()["results"]

        with ThreadPoolExecutor(2) as pool:
            first, second = pool.map(post, urls)
        third = post(urls[len(pushed) % 2], at_once=False)
        answers = (first, second, third)
        revs = [[r["rev"] for r in results] for results in answers]
        statuses = sorted(",".join(sorted({r["status"] for r in results}))
                          for results in answers)
        if not revs[0] == revs[1] == revs[2] or statuses != [
                "applied", "duplicate", "duplicate"]:
            errors.append(f"a batch sent three times got {statuses} {revs}")
        for change, result in zip(changes, first, strict=True):
            pushed[change["record_id"]] = result["rev"]

    def pusher(index: int) -> None:
        try:
            for b in range(BATCHES):
                push_to_both(pushers[index], [_task(case_id, f"Taak {index}.{b}.{i}")
                                              for i in range(BATCH)])
        except Exception as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(repr(exc))

    def puller(index: int) -> None:
        cursor = ""
        turns = itertools.cycle(urls)  # every page through the other process
        while True:
            finished = done.is_set()  # read before the pull: a last full pass follows
            while True:
                answer = httpx.get(next(turns) + "/api/v1/sync/pull", headers=pullers[index],
                                   params={"cursor": cursor, "limit": 5}, timeout=60)
                if answer.status_code != 200:
                    errors.append(f"pull {answer.status_code}")
                    return
                page = answer.json()
                deliveries[index] += [r["id"] for r in page["records"]]
                cursor = page["cursor"]
                if not page["more"]:
                    break
            if finished:
                return

    threads = [threading.Thread(target=puller, args=(i,)) for i in range(PULLERS)]
    threads += [threading.Thread(target=pusher, args=(i,)) for i in range(PUSHERS)]
    for t in threads:
        t.start()
    for t in threads[PULLERS:]:
        t.join(120)
    done.set()
    for t in threads[:PULLERS]:
        t.join(120)
    assert errors == []

    assert len(pushed) == PUSHERS * BATCHES * BATCH
    for index in range(PULLERS):  # nothing skipped, nothing delivered twice
        assert sorted(deliveries[index]) == sorted([case_id, *pushed])
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(AppliedChange)) == 1 + len(pushed)
        revs = dict(conn.execute(select(RecordRow.id, RecordRow.rev)).all())
    assert {r: revs[r] for r in pushed} == pushed

    # Wrong passwords for one username, all at once, half through each process: only
    # LOCK_AFTER of them reach the password check (401); then both refuse even the right one.
    start = threading.Barrier(3 * LOCK_AFTER)

    def guess(n: int) -> int:
        with httpx.Client(base_url=urls[n % 2], timeout=60) as client:
            start.wait()
            return client.post(ENROL, json={"username": "bram", "password": f"fout-{n}",
                                            "device_name": "d"}).status_code

    with ThreadPoolExecutor(3 * LOCK_AFTER) as pool:
        codes = list(pool.map(guess, range(3 * LOCK_AFTER)))
    assert sorted(codes) == [401] * LOCK_AFTER + [429] * (2 * LOCK_AFTER)
    for url in urls:
        right = httpx.post(url + ENROL, json={"username": "bram", "password": PASSWORD,
                                              "device_name": "d"}, timeout=60)
        assert right.status_code == 429
