"""No push waits for another push's text merge (issue 8, section 5), on SQLite and
PostgreSQL: the merge is computed before the write lock, and a record that changed
meanwhile is merged again under the lock.

A push is held in the middle of its merge by a gate around the real `merge_text`
(threading events, no sleeps); meanwhile another push must commit.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import sessionmaker

from sync import merge
from sync.protocol import Change, Result
from sync.service.push import PushContext, push
from sync.service.visibility import Viewer
from tests.service.world import Device, change, new_id

SUMMARY = "".join(f"Alinea {i} over het gezin.\n\n" for i in range(300))
WAIT = 60  # seconds before a test gives up on an event: a hang fails instead of blocking


class MergeGate:
    """Holds the first text merge until `release` is set; later merges pass straight on."""

    def __init__(self) -> None:
        self.real = merge.merge_text
        self.merging = threading.Event()
        self.release = threading.Event()
        self._held = False
        self._lock = threading.Lock()

    def __call__(self, *args: Any, **kwargs: Any) -> str | None:
        with self._lock:
            hold, self._held = not self._held, True
        if hold:
            self.merging.set()
            self.release.wait(WAIT)
        return self.real(*args, **kwargs)


@pytest.fixture
def gate(monkeypatch) -> MergeGate:
    held = MergeGate()
    monkeypatch.setattr(merge, "merge_text", held)
    yield held
    held.release.set()


def _ctx(device: Device) -> PushContext:
    user = device.user
    return PushContext(viewer=Viewer(
        user_id=user["id"], username=user["username"], display_name=user["display_name"],
        role=user["role"], team_ids=frozenset(user["team_ids"]), device_id=device.device_id,
    ), retention_days=30)


class Pusher(threading.Thread):
    """One push in its own thread, straight into the service's push()."""

    def __init__(self, world, device: Device, ch: dict[str, Any]) -> None:
        super().__init__(daemon=True)
        self.args = (world.factory, _ctx(device), [Change.model_validate(ch)])
        self.result: Result | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            (self.result,) = push(*self.args)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            self.error = exc

    def finished(self) -> Result:
        self.join(WAIT)
        assert not self.is_alive(), "the push did not finish"
        assert self.error is None, self.error
        assert self.result is not None
        return self.result


def _case_edited_on_two_laptops(world):
    a = world.device("anouk")
    b = world.enrol("anouk", "tweede laptop")
    case = a.new_case(world.team("Noord"), summary=SUMMARY)
    b.sync()
    a_case = a.edit(case, summary=SUMMARY + "Regel van laptop A.\n")["record"]
    b_edit = change(case["id"], "case", case["id"], {"summary": "Regel van laptop B.\n" + SUMMARY},
                    base={"summary": SUMMARY}, base_rev=case["rev"])
    return a, b, a_case, b_edit


def test_another_push_commits_while_a_merge_is_being_computed(world, gate):
    a, b, _, b_edit = _case_edited_on_two_laptops(world)
    bram = world.device("bram")
    bram_case = new_id()
    merging = Pusher(world, b, b_edit)
    merging.start()
    assert gate.merging.wait(WAIT), "the push never reached its merge"

    other = Pusher(world, bram, change(bram_case, "case", bram_case, {
        "title": "Familie Anders", "team_id": world.team("Noord"),
        "contact_worker_id": bram.user_id}))
    other.start()
    other.join(WAIT)
    committed_meanwhile = not other.is_alive()
    gate.release.set()  # also when the assertion below fails, so both threads end

    assert committed_meanwhile, "the other push waited for the merge"
    assert other.finished().status == "applied"
    result = merging.finished()
    assert result.status == "merged"
    summary = result.record.fields["summary"]
    assert summary.startswith("Regel van laptop B.\n") and summary.endswith("laptop A.\n")
    assert other.result.rev < result.rev  # it really committed first


def test_a_record_changed_during_the_merge_is_merged_again_under_the_lock(world, gate):
    a, b, a_case, b_edit = _case_edited_on_two_laptops(world)
    merging = Pusher(world, b, b_edit)
    merging.start()
    assert gate.merging.wait(WAIT), "the push never reached its merge"
    # Meanwhile laptop A edits the middle of the same text: the prepared merge is stale.
    middle = a_case["fields"]["summary"].replace("Alinea 150 ", "Alinea 150 (herzien) ")
    again = Pusher(world, a, change(a_case["id"], "case", a_case["id"], {"summary": middle},
                                    base={"summary": a_case["fields"]["summary"]},
                                    base_rev=a_case["rev"]))
    again.start()
    applied = again.finished()
    gate.release.set()
    assert applied.status == "applied"

    result = merging.finished()
    assert result.status == "merged"
    summary = result.record.fields["summary"]
    # All three edits, none lost: B's first line, A's revision and A's last line.
    assert summary == "Regel van laptop B.\n" + middle


def test_a_batch_of_new_records_reads_nothing_before_the_lock(world):
    """Merges are prepared only for records the laptop had from the service (base_rev > 0):
    a first push of new cases opens no separate read transaction (issue 15)."""
    anouk = world.device("anouk")
    reads = sessionmaker(bind=world.factory.kw["bind"])
    begun: list[object] = []
    event.listen(reads, "after_begin", lambda *args: begun.append(args))
    case_id = new_id()
    new_case = change(case_id, "case", case_id, {
        "title": "Familie Testvoorbeeld", "team_id": world.team("Noord"),
        "contact_worker_id": anouk.user_id, "status": "active", "summary": SUMMARY})
    (result,) = push(world.factory, _ctx(anouk), [Change.model_validate(new_case)], reads)
    assert result.status == "applied", result
    assert begun == []
    # An edit of a record the laptop pulled does prepare its merge there.
    edit = change(case_id, "case", case_id, {"summary": SUMMARY + "Nog een regel.\n"},
                  base={"summary": SUMMARY}, base_rev=result.rev)
    (edited,) = push(world.factory, _ctx(anouk), [Change.model_validate(edit)], reads)
    assert edited.status == "applied", edited
    assert len(begun) == 1
