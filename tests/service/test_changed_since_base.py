"""Rule 3 refined by the field's rev, and resolutions that come after a later edit: an edit
is never silently overwritten by a device that did not see it (docs/protocol.md, "Changed
since its base"), on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from sync.protocol import DELETED
from sync.service.db import transaction
from sync.service.models import RecordRow
from tests.service.world import change, new_id


def _three_laptops(world):
    a = world.device("anouk")
    b = world.enrol("anouk", "tweede laptop")
    c = world.enrol("anouk", "derde laptop")
    case = a.new_case(world.team("Noord"), status="active")
    task = a.new_record(case["id"], "task", title="Bellen met school", done=False)
    for device in (b, c):
        device.sync()
    return a, b, c, case, task


def test_a_value_that_came_back_to_the_base_is_a_conflict(world):
    a, b, c, _, task = _three_laptops(world)
    a.edit(task, done=True)
    b.sync()
    undone = b.edit(b.records[task["id"]], done=False)  # saw True, unticks it
    assert undone["status"] == "applied"
    # c never saw either: done=False on the service equals its base, but it is b's un-tick
    result = c.edit(c.records[task["id"]], done=True)
    assert result["status"] == "conflict"
    assert result["record"]["fields"]["done"] is False
    [conflict] = result["conflicts"]
    assert (conflict["field"], conflict["base"], conflict["kept"], conflict["incoming"]) == (
        "done", False, False, True)
    for device in (a, b, c):
        device.sync()
        assert device.conflicts[conflict["id"]]["resolved"] is False
        assert device.records[task["id"]]["fields"]["done"] is False


def test_a_text_that_came_back_to_the_base_is_not_merged_over(world):
    a, b, c, _, task = _three_laptops(world)
    a.edit(task, title="Bellen met de school")
    b.sync()
    b.edit(b.records[task["id"]], title="Bellen met school")  # back to the old text
    result = c.edit(c.records[task["id"]], title="Bellen met school en sportclub")
    assert result["status"] == "conflict"
    assert result["record"]["fields"]["title"] == "Bellen met school"


@pytest.mark.parametrize("undone_first", [True, False], ids=["undone-first", "ticked-first"])
@pytest.mark.parametrize(("name", "before", "other"), [
    ("done", False, True),
    ("title", "Bellen met school", "Bellen met school en sportclub"),  # a text field too
])
def test_a_field_changed_back_before_the_push_is_an_edit(world, undone_first, name, before,
                                                         other):
    """b's worker changed a field and changed it back while offline: the laptop sends the
    field with its base. c's worker changed it meanwhile, never having seen b's edits. That
    is a conflict in either order of the pushes, never a silent overwrite of either."""
    _, b, c, _, task = _three_laptops(world)
    b_seen, c_seen = b.records[task["id"]], c.records[task["id"]]

    def undo() -> dict:
        return b.edit(b_seen, **{name: before})  # base == set: changed and changed back

    def change_it() -> dict:
        return c.edit(c_seen, **{name: other})

    first, second = (undo, change_it) if undone_first else (change_it, undo)
    assert first()["status"] == "applied"
    result = second()
    assert result["status"] == "conflict", result
    [conflict] = result["conflicts"]
    kept, incoming = (before, other) if undone_first else (other, before)
    assert (conflict["field"], conflict["kept"], conflict["incoming"]) == (name, kept, incoming)
    assert result["record"]["fields"][name] == kept


def test_other_fields_of_a_stale_change_still_apply(world):
    a, b, c, _, task = _three_laptops(world)
    a.edit(task, done=True)
    b.sync()
    b.edit(b.records[task["id"]], done=False)
    # c's edit of another field, made against the old rev: nobody else changed the title
    result = c.edit(c.records[task["id"]], title="Bellen met de mentor")
    assert result["status"] == "applied" and result["conflicts"] == []
    assert result["record"]["fields"] == {"title": "Bellen met de mentor", "done": False}
    # and a field set for the first time is no conflict either
    result = c.edit(c.records[task["id"]], due_on="2026-12-01")
    assert result["status"] == "applied"


def test_a_device_builds_on_its_own_changes_in_one_push(world):
    a, _, _, case, _ = _three_laptops(world)
    task_id = new_id()
    create = change(task_id, "task", case["id"], {"title": "Gesprek plannen", "done": False})
    # made before the create was answered: the laptop still knows no rev (base_rev 0)
    tick = change(task_id, "task", case["id"], {"done": True}, base={"done": False})
    due = change(task_id, "task", case["id"], {"due_on": "2026-12-02"}, base={})
    results = a.push(create, tick, due)
    assert [r["status"] for r in results] == ["applied", "applied", "applied"]
    # the create's answer got lost: it comes again with an edit made after it
    retick = change(task_id, "task", case["id"], {"done": False}, base={"done": True},
                    base_rev=0)
    results = a.push(tick, retick)
    assert [r["status"] for r in results] == ["duplicate", "applied"]
    assert results[1]["record"]["fields"]["done"] is False


def test_records_from_before_the_migration_fall_back_to_the_record_rev(world):
    a, b, c, _, task = _three_laptops(world)
    a.edit(task, done=True)
    b.sync()
    undone = b.edit(b.records[task["id"]], done=False)
    with transaction(world.factory) as session:
        session.execute(update(RecordRow).where(RecordRow.id == task["id"])
                        .values(field_revs=None))
    # without field revs the record's own rev says the field may have changed since
    stale = c.edit(c.records[task["id"]], done=True)
    assert stale["status"] == "conflict"
    # an edit made against the current rev applies; its write seeds the field revs
    current = {**task, "rev": undone["rev"], "fields": undone["record"]["fields"]}
    assert c.edit(current, title="Bellen met oma")["status"] == "applied"
    with transaction(world.factory) as session:
        revs = session.get(RecordRow, task["id"]).field_revs
    assert revs is not None and revs["*"] == undone["rev"] and revs["title"] > undone["rev"]


def _conflict_then_later_edit(world):
    """a and b set the legal framework apart (conflict: ots kept, guardianship incoming);
    then c, which pulled ots, changes it to other."""
    a, b, c, case, _ = _three_laptops(world)
    a.edit(case, legal_framework="ots")
    [conflict] = b.edit(case, legal_framework="guardianship")["conflicts"]
    c.sync()
    later = c.edit(c.records[case["id"]], legal_framework="other")
    assert later["status"] == "applied"
    return a, b, c, case, conflict


def test_a_resolution_after_a_later_edit_becomes_a_new_conflict(world):
    a, b, c, case, conflict = _conflict_then_later_edit(world)
    change_id = new_id()
    answer = b.resolve(conflict["id"], "guardianship", change_id=change_id)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["status"] == "conflict" and body["error"] is None
    assert body["record"]["fields"]["legal_framework"] == "other"  # c's edit stands
    old, new = body["conflicts"]
    assert old["id"] == conflict["id"] and old["resolved"] is True
    assert (new["field"], new["kept"], new["incoming"], new["resolved"]) == (
        "legal_framework", "other", "guardianship", False)
    assert new["incoming_by"] == b.user_id
    # re-sent, the same answer
    again = b.resolve(conflict["id"], "guardianship", change_id=change_id).json()
    assert again["status"] == "duplicate" and again["conflicts"] == body["conflicts"]
    lead = world.device("teamleider", "teamlead", ("Noord",))
    for device in (a, b, c, lead):
        device.sync()
        assert device.conflicts[conflict["id"]]["resolved"] is True
        assert device.conflicts[new["id"]]["resolved"] is False
        assert device.records[case["id"]]["fields"]["legal_framework"] == "other"
    # the new conflict is decided as any other
    final = lead.resolve(new["id"], "guardianship").json()
    assert final["status"] == "applied"
    assert final["record"]["fields"]["legal_framework"] == "guardianship"


def test_a_late_resolution_that_chooses_the_value_that_stands_closes_it(world):
    _, b, _, _, conflict = _conflict_then_later_edit(world)
    body = b.resolve(conflict["id"], "other").json()
    assert body["status"] == "applied"
    assert [c["resolved"] for c in body["conflicts"]] == [True]


def test_resolving_one_field_leaves_the_other_fields_conflict_resolvable(world):
    a, b, _, case, _ = _three_laptops(world)
    a.edit(case, legal_framework="ots", title="Familie Testdorp-Berg")
    conflicts = b.edit(case, legal_framework="guardianship", title="Familie Berg")["conflicts"]
    assert sorted(c["field"] for c in conflicts) == ["legal_framework", "title"]
    first, second = conflicts
    assert b.resolve(first["id"], first["incoming"]).json()["status"] == "applied"
    assert b.resolve(second["id"], second["incoming"]).json()["status"] == "applied"


def test_a_late_delete_resolution_does_not_delete_a_later_edit(world):
    a, b, c, case, task = _three_laptops(world)
    a.edit(task, title="Huisbezoek plannen")
    [conflict] = b.push_one(change(task["id"], "task", case["id"], delete=True,
                                   base_rev=task["rev"]))["conflicts"]
    assert conflict["incoming"] == DELETED
    c.sync()
    c.edit(c.records[task["id"]], done=True)
    body = b.resolve(conflict["id"], DELETED).json()
    assert body["status"] == "conflict"
    assert body["record"]["deleted"] is False and body["record"]["fields"]["done"] is True
    new = body["conflicts"][1]
    assert new["field"] is None and new["incoming"] == DELETED
    assert new["kept"] == {"title": "Huisbezoek plannen", "done": True}
    assert b.resolve(new["id"], DELETED).json()["record"]["deleted"] is True
