"""On PostgreSQL a push reads, checks and merges before it takes the rev lock, and under the
lock checks in one query that nothing it read changed (docs/protocol.md, "Push under
load"). Two pushes race on one record, interleaved with threading events: the first is
held just before it takes the lock while the second commits an edit of the same field; the
first must then find its reads stale and apply its change again, against the new value."""

from __future__ import annotations

import threading
from typing import Any

import psycopg
import pytest
from sqlalchemy import func, select

from sync.service import push as push_module
from sync.service import push_commit
from sync.service.models import RecordRow, RevCounter
from sync.service.push_commit import send
from sync.service.records import lock_revs
from tests.service.test_merge_lock import WAIT, Pusher
from tests.service.world import change, new_id


class LockGate:
    """Holds the first push that asks for the rev lock (`push_commit.send` going ahead,
    `lock_revs` lock first) until `release` is set."""

    def __init__(self) -> None:
        self.waiting = threading.Event()
        self.release = threading.Event()
        self.calls = 0

    def _wait(self) -> None:
        self.calls += 1
        if self.calls == 1:
            self.waiting.set()
            self.release.wait(WAIT)

    def lock(self, session: Any) -> int:
        self._wait()
        return lock_revs(session)

    def send(self, session: Any, writes: Any) -> int:
        self._wait()
        return send(session, writes)


@pytest.mark.postgres
def test_a_push_whose_record_changed_before_it_took_the_lock_applies_again(
        pg_world, monkeypatch):
    world = pg_world
    a = world.device("anouk")
    b = world.enrol("anouk", "tweede laptop")
    case = a.new_case(world.team("Noord"))
    task = a.new_record(case["id"], "task", title="Bellen met school")
    gate = LockGate()
    monkeypatch.setattr(push_module, "lock_revs", gate.lock)
    monkeypatch.setattr(push_module.push_commit, "send", gate.send)

    def edit(title: str) -> dict[str, Any]:
        return change(task["id"], "task", case["id"], {"title": title},
                      base={"title": "Bellen met school"}, base_rev=task["rev"])

    first = Pusher(world, a, edit("Bellen met de mentor"))
    first.start()
    try:
        assert gate.waiting.wait(WAIT), "the push never asked for the lock"
        # It has read the task and decided its change applies; now another laptop's edit
        # of the same title commits.
        second = Pusher(world, b, edit("Mailen met school"))
        second.start()
        assert second.finished().status == "applied"
    finally:
        gate.release.set()
    result = first.finished()
    assert result.status == "conflict", "the first push wrote over an edit it never saw"
    assert [(c.kept, c.incoming) for c in result.conflicts] == [
        ("Mailen met school", "Bellen met de mentor")]
    assert gate.calls == 3  # the first push took the lock twice: ahead, then lock first
    a.sync()
    assert a.records[task["id"]]["rev"] == result.rev


@pytest.mark.postgres
@pytest.mark.parametrize("fields, status", [
    ({"title": "Bellen met school", "done": False}, "applied"),
    # Refused, it writes no record: only the recheck of the change ids notices it.
    ({"titel": "Bellen met school"}, "rejected"),
])
def test_a_change_answered_before_the_push_took_the_lock_is_answered_as_a_duplicate(
        pg_world, monkeypatch, fields, status):
    """A laptop that sent its push again (its first try timed out) while the first is still
    on its way: the second commits first; the first, at the lock, finds its change id
    stored and answers it as a duplicate instead of applying or storing it twice."""
    world = pg_world
    a = world.device("anouk")
    case = a.new_case(world.team("Noord"))
    sent = change(new_id(), "task", case["id"], fields)
    gate = LockGate()
    monkeypatch.setattr(push_module, "lock_revs", gate.lock)
    monkeypatch.setattr(push_module.push_commit, "send", gate.send)
    first = Pusher(world, a, sent)
    first.start()
    try:
        assert gate.waiting.wait(WAIT), "the push never asked for the lock"
        second = Pusher(world, a, sent)
        second.start()
        again = second.finished()
        assert again.status == status
    finally:
        gate.release.set()
    result = first.finished()
    assert (result.status, result.rev, result.error) == ("duplicate", again.rev, again.error)
    assert gate.calls == 3  # the first push took the lock twice: ahead, then lock first
    with world.factory() as session:
        assert session.scalar(select(func.count()).select_from(RecordRow).where(
            RecordRow.case_id == case["id"])) == (2 if status == "applied" else 1)


@pytest.mark.postgres
def test_a_push_whose_message_fails_leaves_nothing_and_the_next_one_goes_through(
        pg_world, monkeypatch):
    """The message is its own transaction: an error in it after the lock and some writes
    (here a statement that divides by zero, standing for a full disk or a bug) takes all
    of it back, and the connection goes back to the pool usable."""
    world = pg_world
    a = world.device("anouk")
    case = a.new_case(world.team("Noord"))
    with world.factory() as session:
        before = session.get(RevCounter, 1).value
    message = push_commit.message

    def failing(connection: Any, writes: Any) -> str:
        return message(connection, writes).replace("; COMMIT", "; SELECT 1/0; COMMIT")

    monkeypatch.setattr(push_commit, "message", failing)
    sent = change(new_id(), "task", case["id"], {"title": "Bellen met school", "done": False})
    with pytest.raises(psycopg.errors.DivisionByZero):
        push_module.push(*Pusher(world, a, sent).args)  # in this thread, as it raises
    with world.factory() as session:
        assert session.get(RevCounter, 1).value == before
        assert session.get(RecordRow, sent["record_id"]) is None
    monkeypatch.setattr(push_commit, "message", message)
    for _ in range(world.app.state.settings.pool_size + 1):  # every pooled connection
        assert a.push_one(change(new_id(), "task", case["id"], {"title": "Mailen"})
                          )["status"] == "applied"
    assert a.push_one(sent)["status"] == "applied"


@pytest.mark.postgres
def test_a_process_sends_at_most_a_few_messages_at_once(pg_world, monkeypatch):
    """The other pushes of the process wait in the service for their turn to send
    (push_commit.MESSAGES_AT_ONCE), not as backends queued for the rev lock, and every
    one of them is applied."""
    world = pg_world
    a = world.device("anouk")
    case = a.new_case(world.team("Noord"))
    run = push_commit.run
    at_server, most = [0], [0]
    count = threading.Lock()

    def counted(connection: Any, text: str) -> int:
        with count:
            at_server[0] += 1
            most[0] = max(most[0], at_server[0])
        try:
            threading.Event().wait(0.02)  # long enough for the others to pile up
            return run(connection, text)
        finally:
            with count:
                at_server[0] -= 1

    monkeypatch.setattr(push_commit, "run", counted)
    pushers = [Pusher(world, a, change(new_id(), "task", case["id"], {"title": f"Taak {i}"}))
               for i in range(3 * push_commit.MESSAGES_AT_ONCE)]
    for pusher in pushers:
        pusher.start()
    assert [p.finished().status for p in pushers] == ["applied"] * len(pushers)
    assert 1 < most[0] <= push_commit.MESSAGES_AT_ONCE


def test_the_turns_to_send_go_in_the_order_the_pushes_came():
    """A slot let go goes to the first waiter, not to a push that comes in meanwhile
    (threading.Semaphore's waiter woken goes to the back should a newcomer be quicker)."""
    slots = push_commit._Slots(1)
    order: list[int] = []

    def take(number: int) -> None:
        with slots:
            order.append(number)

    slots.__enter__()  # held: everyone below waits
    waiters = []
    for number in range(3):
        waiter = threading.Thread(target=take, args=(number,), daemon=True)
        waiter.start()
        while len(slots._waiting) < number + 1:  # in the queue before the next one comes
            threading.Event().wait(0.001)
        waiters.append(waiter)
    slots.__exit__(None, None, None)  # to waiter 0, directly
    take(3)  # a newcomer: it waits behind the three
    for waiter in waiters:
        waiter.join(WAIT)
    assert order == [0, 1, 2, 3]
