"""End to end, three laptops with the real sync engine against the service in a uvicorn
process: an edit saved on one laptop is never lost and never silently overwritten by a
laptop that did not see it (issue 8), also not by a late resolution or a value that went
back to what a stale laptop shows (docs/protocol.md, "Changed since its base")."""

from __future__ import annotations

import pytest

from tests.sync.harness import service_records

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def three(laptops, service, service_db):
    account = service_db.add_user()
    return [laptops(f"laptop-{i}").enrol(service.url, account) for i in range(3)], account


def test_a_resolution_does_not_overwrite_an_edit_made_after_the_conflict(three, service):
    (l0, l1, l2), account = three
    case_id = l0.new_case(account)
    person = l0.store.create_record("person", {"name": "Sanne Voorbeeld"}, case_id=case_id)
    for laptop in (l0, l1, l2):
        laptop.sync()
    l0.store.update_record(person.id, {"phone": "0600000001"})
    l1.store.update_record(person.id, {"phone": "0600000002"})
    l0.sync()
    l1.sync()  # a conflict: 0600000001 kept, 0600000002 incoming
    l0.sync()
    l2.sync()
    l2.store.update_record(person.id, {"phone": "0600000003"})  # a later edit, over ...01
    assert l2.sync().conflicts == 0
    [conflict] = l0.store.list_conflicts()  # l0 has not pulled ...03
    l0.store.queue_resolution(conflict.id, conflict.incoming)

    report = l0.sync()
    assert report.resolved == 0 and report.conflicts == 1
    [reopened] = l0.store.list_conflicts()
    assert reopened.id != conflict.id
    assert (reopened.field, reopened.kept, reopened.incoming) == (
        "phone", "0600000003", "0600000002")
    assert l0.store.get_record(person.id).fields["phone"] == "0600000003"
    for laptop in (l1, l2):
        laptop.sync()
        assert [c.id for c in laptop.store.list_conflicts()] == [reopened.id]
        assert laptop.store.get_record(person.id).fields["phone"] == "0600000003"
    on_service = service_records(service.url, l0.store.get_setting("token"))[person.id]
    assert on_service.fields["phone"] == "0600000003"

    # decided again, knowing ...03 now, it closes everywhere
    l2.store.queue_resolution(reopened.id, "0600000002")
    assert l2.sync().resolved == 1
    for laptop in (l0, l1):
        laptop.sync()
        assert laptop.store.list_conflicts() == []
        assert laptop.store.get_record(person.id).fields["phone"] == "0600000002"


def test_an_untick_is_not_undone_by_a_laptop_that_never_saw_it(three, service):
    (l0, l1, l2), account = three
    case_id = l0.new_case(account)
    task = l0.store.create_record("task", {"title": "Bellen met school", "done": False},
                                  case_id=case_id)
    for laptop in (l0, l1, l2):
        laptop.sync()
    l0.store.update_record(task.id, {"done": True})
    l0.sync()
    l1.sync()  # l1 sees it ticked; l2 is stale and still shows it open
    l2.store.update_record(task.id, {"done": True})
    l1.store.update_record(task.id, {"done": False})  # unticked after seeing the tick
    l1.sync()
    report = l2.sync()

    assert report.conflicts == 1
    on_service = service_records(service.url, l0.store.get_setting("token"))[task.id]
    assert on_service.fields["done"] is False
    for laptop in (l0, l1, l2):
        laptop.sync()
        [conflict] = laptop.store.list_conflicts()
        assert (conflict.field, conflict.kept, conflict.incoming) == ("done", False, True)
        assert laptop.store.get_record(task.id).fields["done"] is False


def test_a_tick_and_untick_offline_is_not_undone_by_a_laptop_that_never_saw_it(three, service):
    """The un-tick made on the laptop itself: ticked and unticked before any sync, so the
    outbox sends `done` with its base. Pushed first, it still meets the other laptop's
    tick as a conflict (found by the state machine: the tick used to win unseen)."""
    (l0, l1, _), account = three
    case_id = l0.new_case(account)
    task = l0.store.create_record("task", {"title": "Bellen met school", "done": False},
                                  case_id=case_id)
    l0.sync()
    l1.sync()
    l0.store.update_record(task.id, {"done": True})
    l0.store.update_record(task.id, {"done": False})  # changed their mind at the table
    l1.store.update_record(task.id, {"done": True})
    assert l0.sync().conflicts == 0
    assert l1.sync().conflicts == 1

    for laptop in (l0, l1):
        laptop.sync()
        [conflict] = laptop.store.list_conflicts()
        assert (conflict.field, conflict.kept, conflict.incoming) == ("done", False, True)
        assert laptop.store.get_record(task.id).fields["done"] is False
