"""Every row a push writes carries the rev its answer gives, on both databases. On
PostgreSQL the push goes ahead of the rev lock and its writes are one message whose SQL
moves the provisional revs to the real ones (push_commit.py): in records, their field revs,
conflicts, held cases and stored results, with the access log's chain computed by the
database (docs/protocol.md, "Push under load")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from sync.service import access_log, push_commit
from sync.service.access_log import AccessEvent
from sync.service.db import transaction
from sync.service.models import (
    AccessLogRow,
    AppliedChange,
    ConflictRow,
    DeviceCase,
    RecordRow,
    RevCounter,
)
from sync.service.push_ahead import PROVISIONAL
from tests.service.world import change, new_id


def test_a_push_writes_every_row_at_the_revs_its_answers_give(world, monkeypatch):
    messages: list[str] = []
    run = push_commit.run

    def counted(connection: Any, text: str) -> int:
        messages.append(text)
        return run(connection, text)

    monkeypatch.setattr(push_commit, "run", counted)
    team = world.team("Noord")
    a = world.device("anouk")
    b = world.enrol("anouk", "tweede laptop")
    bram = world.user("bram")
    case = a.new_case(team)
    task = a.new_record(case["id"], "task", title="Bellen met school")
    b_edit = b.edit(task, title="Mailen met school")  # the edit below was made without seeing this
    before = len(messages)
    shared = new_id()
    new_task = change(new_id(), "task", shared, {"title": "Huisbezoek plannen", "done": False})
    changes = [
        change(shared, "case", shared, {"title": "Familie Voorbeeld", "team_id": team,
                                        "contact_worker_id": a.user_id, "status": "active",
                                        "shared_with": [bram]}),
        new_task,
        change(task["id"], "task", case["id"], {"title": "Bellen met de mentor"},
               base={"title": "Bellen met school"}, base_rev=task["rev"]),
        change(new_id(), "task", case["id"], {"title": "Zonder id"}, change_id="geen-uuid"),
        new_task,  # sent twice in one push: answered from the first
        change(case["id"], "case", case["id"], {"summary": "Eerste gesprek.\n"},
               base={"summary": None}, base_rev=case["rev"]),
    ]
    results = a.push(*changes)
    assert [r["status"] for r in results] == [
        "applied", "applied", "conflict", "rejected", "duplicate", "applied"]
    if world.app.state.engine.dialect.name == "postgresql":
        assert len(messages) == before + 1, "the push did not go ahead of the lock"
    else:
        assert messages == []

    with world.factory() as session:
        counter = session.get(RevCounter, 1).value
        records = {r.id: r for r in session.scalars(select(RecordRow))}
        [conflict] = session.scalars(select(ConflictRow)).all()
        stored = {s.change_id: s.result for s in session.scalars(select(AppliedChange))}
        holds = {d.case_id: d.since_rev for d in session.scalars(
            select(DeviceCase).where(DeviceCase.device_id == a.device_id))}
        assert access_log.verify(session) is None
    written = [(c, r) for c, r in zip(changes, results, strict=True)
               if r["status"] in ("applied", "conflict")]
    # Four revs handed out in order; the conflict's is its row's (its answer keeps the
    # record's rev, as the record did not change).
    new, task_rev, conflict_rev, edit = range(counter - 3, counter + 1)
    assert [r["rev"] for _, r in written] == [new, task_rev, b_edit["rev"], edit]
    for sent, result in written:
        assert records[sent["record_id"]].rev == result["rev"]
        assert stored[sent["change_id"]]["rev"] == result["rev"]
    assert conflict.rev == conflict_rev and conflict.kept == "Mailen met school"
    assert holds[shared] == 0  # created by this push: held whole from its start
    assert records[shared].field_revs == {"*": new}
    assert records[new_task["record_id"]].field_revs == {"*": task_rev}
    assert records[case["id"]].field_revs == {"*": case["rev"], "summary": edit}
    every_field_rev = [v for r in records.values() for v in (r.field_revs or {}).values()]
    assert max(every_field_rev) == counter < PROVISIONAL

    bram_laptop = world.enrol("bram")  # the shares were written: bram sees the case
    bram_laptop.sync()
    assert {r["id"]: r["rev"] for r in bram_laptop.records.values()} == {
        shared: new, new_task["record_id"]: task_rev}


def test_the_log_chain_made_by_the_database_is_the_one_python_verifies(world):
    """On PostgreSQL `access_log.append` is one call of `access_log_append` (migration
    0007_push_lock), which hashes each row from the canonical JSON the service made: text
    that JSON escapes (quotes, a backslash, accents, a character beyond the BMP) must hash
    the same there as in `access_log.verify`."""
    details = ['titel "Bellen"', "pad\\naar", "Ça va, Zoë", "duim 👍", None]
    with transaction(world.factory) as session:
        access_log.append(session, [AccessEvent(action="test.append", detail=detail,
                                                address="192.0.2.7") for detail in details])
    with transaction(world.factory) as session:  # and a second append onto that head
        access_log.append(session, [AccessEvent(action="test.append", detail="daarna")])
    with world.factory() as session:
        assert access_log.verify(session) is None
        logged = session.scalars(select(AccessLogRow.detail).where(
            AccessLogRow.action == "test.append").order_by(AccessLogRow.seq)).all()
    assert logged == [*details, "daarna"]


def test_the_message_s_json_is_what_json_dumps_gives_and_takes_any_integer():
    import datetime as dt
    import json

    at = dt.datetime(2026, 3, 2, 9, 30, 5, 120, tzinfo=dt.UTC)
    rows = [{"id": new_id(), "fields": {"name": "Zoë Testdorp", "map_x": -3, "notes": None},
             "deleted": False, "updated_at": at}]
    assert json.loads(push_commit._json_text(rows)) == [{**rows[0], "updated_at": at.isoformat()}]
    # orjson stops at 64 bits; a base value may be larger (only `set` is bounded), and
    # PostgreSQL's JSON holds it.
    assert json.loads(push_commit._json_text({"base": {"map_x": 2**70}})) == {
        "base": {"map_x": 2**70}}
