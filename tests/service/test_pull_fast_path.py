"""The no-change pull answers from one query (`pull._nothing_new`) - and still never
withholds a change of what the device may see that came without a new rev, nor serves a
revoked device."""

from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy import delete, event, select

from sync.service.db import transaction
from sync.service.models import CaseShare, Membership, RevCounter
from sync.service.pull import check_and_quiet, decode_cursor

RETENTION_DAYS = 30  # the service's default, which the test app keeps


def _high(world) -> int:
    with transaction(world.factory) as session:
        return session.scalar(select(RevCounter.value).where(RevCounter.id == 1))


def _quiet(world, device) -> bool:
    """Whether the fast path would answer this device's next pull: the service's own
    statement, with the device's token, role and teams as the tables hold them."""
    with world.app.state.read_engine.connect() as connection:
        _ctx, quiet = check_and_quiet(connection, device.token, None, device.cursor,
                                      RETENTION_DAYS)
    return quiet is not None


def _days_ago(days: int) -> str:
    return (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=days)).isoformat()


def test_a_synced_device_is_answered_by_the_fast_path(world):
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"))
    assert not _quiet(world, anouk)  # a case to send
    anouk.sync()
    assert decode_cursor(anouk.cursor) == _high(world)
    assert _quiet(world, anouk)
    page = anouk.sync()
    assert page["records"] == [] and page["revoked_case_ids"] == [] and not page["more"]
    anouk.new_record(case["id"], "task", title="Bellen")
    assert not _quiet(world, anouk)  # a commit since the cursor
    assert len(anouk.sync()["records"]) == 1


def test_retention_passing_without_a_commit_reaches_the_laptop(world):
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"))
    anouk.edit(case, status="closed", closed_on=_days_ago(40))
    anouk.sync()
    assert _quiet(world, anouk)
    high = _high(world)
    world.age_close(case["id"], 31)  # the calendar moves on; nothing is committed
    assert _high(world) == high == decode_cursor(anouk.cursor)
    assert not _quiet(world, anouk)
    assert anouk.sync()["revoked_case_ids"] == [case["id"]]
    assert anouk.records == {}
    assert anouk.sync()["revoked_case_ids"] == []  # acknowledged: quiet again


def test_a_membership_change_without_a_commit_reaches_the_laptop(world):
    noord, zuid = world.team("Noord"), world.team("Zuid")
    anouk = world.device("anouk", teams=("Noord", "Zuid"))
    lead = world.device("karin", "teamlead", ("Noord", "Zuid"))
    in_zuid = anouk.new_case(zuid)
    in_noord = anouk.new_case(noord)
    lead.sync()
    assert set(lead.records) == {in_zuid["id"], in_noord["id"]}
    high = _high(world)
    with transaction(world.factory) as session:  # karin leaves team Zuid
        session.execute(delete(Membership).where(Membership.user_id == lead.user_id,
                                                 Membership.team_id == zuid))
    assert _high(world) == high == decode_cursor(lead.cursor)
    assert not _quiet(world, lead)
    assert lead.sync()["revoked_case_ids"] == [in_zuid["id"]]
    assert set(lead.records) == {in_noord["id"]}


def test_a_reassigned_case_reaches_both_laptops_at_their_next_sync(world):
    anouk = world.device("anouk")
    bram = world.device("bram")
    case = anouk.new_case(world.team("Noord"))
    anouk.sync()
    bram.sync()
    assert bram.records == {}
    anouk.edit(anouk.records[case["id"]], contact_worker_id=bram.user_id)
    assert case["id"] in {r["case_id"] for r in bram.sync()["records"]}
    assert anouk.sync()["revoked_case_ids"] == [case["id"]]


def test_a_revoked_device_is_refused_at_its_next_pull(world):
    anouk = world.device("anouk")
    anouk.new_case(world.team("Noord"))
    anouk.sync()
    assert _quiet(world, anouk)
    high = _high(world)
    response = world.client.delete(f"/api/v1/devices/{anouk.device_id}", headers=anouk.headers)
    assert response.status_code in (200, 204), response.text
    assert _high(world) == high  # revoking commits no rev: the fast path would say "quiet"
    response = anouk.pull_page()
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "device_revoked"


def test_the_fast_path_agrees_with_the_full_pull_on_shares_leads_and_admins(world):
    """The fast query states the visibility rules again in SQL: for each kind of viewer, it
    says "quiet" exactly when the full pull would have nothing to send or note."""
    noord = world.team("Noord")
    anouk = world.device("anouk")
    bram = world.device("bram")
    lead = world.device("karin", "teamlead", ("Noord",))
    admin = world.device("beheer", "admin", ())
    case = anouk.new_case(noord)
    anouk.edit(case, shared_with=[bram.user_id])
    cast = [anouk, bram, lead, admin]
    for device in cast:
        assert _quiet(world, device) is False  # a commit since the cursor
        device.sync()
        assert _quiet(world, device), device.user["username"]
    assert case["id"] in bram.records and case["id"] in lead.records and admin.records == {}
    with transaction(world.factory) as session:  # the share ends without a new rev
        session.execute(delete(CaseShare).where(CaseShare.user_id == bram.user_id))
    assert not _quiet(world, bram)
    assert bram.sync()["revoked_case_ids"] == [case["id"]]
    assert _quiet(world, bram)
    for device in cast:
        if device is not bram:
            assert _quiet(world, device), device.user["username"]


def test_a_no_change_pull_is_one_statement_and_no_write(world, monkeypatch):
    """The usual sync checks the token and answers "nothing new" in one statement on one
    pooled connection: one round trip, no ORM session, no second checkout, no pre-ping,
    nothing written (issue 15)."""
    anouk = world.device("anouk")
    anouk.new_case(world.team("Noord"))
    anouk.sync()
    checkouts: list[object] = []
    statements: list[str] = []
    state = world.app.state
    # On PostgreSQL the reads run on the writes' engine and pool (db.make_engines).
    engines = [state.engine] + ([state.read_engine]
                                if state.read_engine.pool is not state.engine.pool else [])

    pings: list[object] = []

    def on_checkout(*_args):  # type: ignore[no-untyped-def]
        checkouts.append(1)

    def counted_ping(dbapi_connection):  # type: ignore[no-untyped-def]
        pings.append(1)
        return ping(dbapi_connection)

    def on_execute(_conn, _cursor, statement, *_args):  # type: ignore[no-untyped-def]
        if statement.strip().upper() not in ("BEGIN", "BEGIN IMMEDIATE"):
            statements.append(statement)

    ping = state.engine.dialect.do_ping
    monkeypatch.setattr(state.engine.dialect, "do_ping", counted_ping)
    for engine in engines:
        event.listen(engine.pool, "checkout", on_checkout)
        event.listen(engine, "before_cursor_execute", on_execute)
    try:
        page = anouk.sync()
    finally:
        for engine in engines:
            event.remove(engine.pool, "checkout", on_checkout)
            event.remove(engine, "before_cursor_execute", on_execute)
    assert page["records"] == [] and page["revoked_case_ids"] == []
    assert len(checkouts) == 1
    assert pings == []  # a dead connection is met, not probed for: db.py
    assert len(statements) == 1, statements
    assert not any(s.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
                   for s in statements)


def test_the_no_change_pull_runs_on_the_event_loop_unless_the_pool_is_busy(world):
    """No thread-pool hop for the usual sync; but when the pool has no connection to
    spare, the loop must not wait for one: the read goes to the thread pool instead."""
    anouk = world.device("anouk")
    anouk.new_case(world.team("Noord"))
    anouk.sync()
    engine = world.app.state.read_engine
    threads: list[str] = []

    def on_execute(_conn, _cursor, statement, *_args):  # type: ignore[no-untyped-def]
        if not statement.startswith("BEGIN"):
            threads.append(threading.current_thread().name)

    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        assert anouk.sync()["records"] == []
        held = [engine.connect() for _ in range(engine.pool.size())]
        try:
            assert anouk.sync()["records"] == []
        finally:
            for connection in held:
                connection.close()
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)
    assert len(threads) == 2, threads
    assert not threads[0].startswith("AnyIO worker thread")
    assert threads[1].startswith("AnyIO worker thread")
