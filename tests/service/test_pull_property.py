"""A property of the pull: whatever the pushes, the page sizes and the cases that enter and
leave a colleague's view, a device that keeps pulling ends with exactly the records of the
cases it may see, each at its latest rev (hypothesis, in-process on SQLite and PostgreSQL).

Titles carry hostile text too (NUL, lone surrogates, right-to-left marks): the service
refuses those changes one by one and the pull goes on."""

from __future__ import annotations

import json
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, example, given
from hypothesis import strategies as st

from sync.service.app import create_app
from tests.depth import property_settings
from tests.pg import PostgresCluster
from tests.service.conftest import fresh_postgres, service_settings
from tests.service.world import World, change

SUFFIXES = st.sampled_from(["!", "\u200f!", "\u202e!", "\x00", "\ud800", "\U0001f600"])

OPS = st.lists(
    st.one_of(
        st.tuples(st.just("create"), st.integers(0, 1)),
        st.tuples(st.just("edit"), st.tuples(st.integers(0, 50), SUFFIXES)),
        st.tuples(st.just("delete"), st.integers(0, 50)),
        st.tuples(st.just("share"), st.booleans()),
        st.tuples(st.just("pull"), st.integers(1, 4)),
    ),
    max_size=30,
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fresh_db(request: pytest.FixtureRequest):
    """A function that makes a fresh, migrated service database for each example."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        folder = Path(tempfile.mkdtemp(prefix="kt-prop-"))

        def make() -> str:
            target = folder / f"{uuid.uuid4().hex}.sqlite3"
            shutil.copyfile(template, target)
            return f"sqlite:///{target}"

        yield make
        shutil.rmtree(folder, ignore_errors=True)
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    template = request.getfixturevalue("pg_template")
    yield lambda: fresh_postgres(cluster, template)


@property_settings(quick=20, deep=120,  # deep: within CI's 25 minutes
                   suppress_health_check=[HealthCheck.function_scoped_fixture,
                                          HealthCheck.too_slow])
@given(ops=OPS)
# taken away after bram pulled the task, then given back: the task must come again
@example(ops=[("create", 1), ("pull", 4), ("share", False), ("pull", 4), ("share", True),
              ("pull", 4)])
# a NUL in an edit: refused alone, the pulls go on
@example(ops=[("create", 1), ("edit", (0, "\x00")), ("pull", 2), ("edit", (0, "\ud800")),
              ("pull", 1)])
def test_a_pulling_device_ends_with_exactly_what_it_may_see(fresh_db, ops):
    app = create_app(service_settings(fresh_db()))
    with TestClient(app) as client:
        _run(World(app, client), ops)


def _run(world: World, ops) -> None:
    owner = world.device("anouk")
    puller = world.device("bram")
    team = world.team("Noord")
    own = owner.new_case(team)  # only anouk's
    shared = owner.new_case(team, shared_with=[puller.user_id])  # bram's too, for now
    cases = [own, shared]
    tasks: list[dict] = []
    for op, arg in ops:
        if op == "create":
            tasks.append(owner.new_record(cases[arg]["id"], "task", title=f"Taak {len(tasks)}"))
        elif op == "edit" and tasks:
            index, suffix = arg
            task = tasks[index % len(tasks)]
            result = _edit(owner, task, title=task["fields"]["title"] + suffix)
            if result["record"] is not None:
                tasks[index % len(tasks)] = result["record"]
        elif op == "delete" and tasks:
            task = tasks[arg % len(tasks)]
            result = owner.push_one(change(task["id"], "task", task["case_id"], delete=True,
                                           base_rev=task["rev"]))
            if result["record"] is not None:
                tasks[arg % len(tasks)] = result["record"]
        elif op == "share":
            result = owner.edit(cases[1], shared_with=[puller.user_id] if arg else [])
            cases[1] = result["record"]
        elif op == "pull":
            page = puller.pull_page(limit=arg)
            assert page.status_code == 200
            body = page.json()
            for case_id in body["revoked_case_ids"]:
                puller.records = {k: r for k, r in puller.records.items()
                                  if r["case_id"] != case_id}
            for record in body["records"]:
                puller.records[record["id"]] = record
            puller.cursor = body["cursor"]
    puller.sync(limit=3)
    truth = world.enrol("anouk", "controle")
    truth.sync()
    may_see = {shared["id"]} if puller.user_id in (cases[1]["fields"].get("shared_with") or []) \
        else set()
    expected = {k: r["rev"] for k, r in truth.records.items() if r["case_id"] in may_see}
    assert {k: r["rev"] for k, r in puller.records.items()} == expected


def _edit(device, record: dict, **fields) -> dict:
    """`Device.edit`, but written as json.dumps does, so that a lone surrogate travels."""
    base = {k: record["fields"].get(k) for k in fields}
    body = {"changes": [change(record["id"], record["kind"], record["case_id"], fields,
                               base=base, base_rev=record["rev"])]}
    response = device.client.post("/api/v1/sync/push", content=json.dumps(body),
                                  headers={**device.headers, "Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    (result,) = response.json()["results"]
    if any(c in fields["title"] for c in "\x00\ud800"):
        assert result["status"] == "rejected" and result["error"]["code"] == "invalid_text"
    return result
