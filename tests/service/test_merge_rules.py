"""The merge rules 1-5 of design.md on push, field by field, on both databases."""

from __future__ import annotations

from sync.protocol import DELETED
from tests.service.world import change, new_id

SUMMARY = "Eerste alinea over het gezin.\n\nTweede alinea over school.\n\nDerde alinea.\n"


def _two_laptops(world):
    a = world.device("anouk")
    b = world.enrol("anouk", "tweede laptop")
    case = a.new_case(world.team("Noord"), summary=SUMMARY, status="intake")
    b.sync()
    return a, b, case


def test_rule_1_same_change_again_is_a_duplicate(world):
    a, _, case = _two_laptops(world)
    ch = change(case["id"], "case", case["id"], {"status": "active"},
                base={"status": "intake"}, base_rev=case["rev"])
    assert a.push_one(ch)["status"] == "applied"
    assert a.push_one(ch)["status"] == "duplicate"


def test_rule_2_same_value_is_nothing_to_do(world):
    a, b, case = _two_laptops(world)
    first = a.edit(case, status="active")
    second = b.edit(case, status="active")  # made against the old base, same new value
    assert second["status"] == "applied" and second["conflicts"] == []
    assert second["rev"] == first["rev"]  # nothing changed, so no new rev


def test_rule_3_unchanged_on_the_service_is_applied(world):
    a, b, case = _two_laptops(world)
    a.edit(case, status="active")
    result = b.edit(case, legal_framework="ots")  # another field: nobody else changed it
    assert result["status"] == "applied"
    assert result["record"]["fields"]["status"] == "active"
    assert result["record"]["fields"]["legal_framework"] == "ots"


def test_rule_4_text_edits_in_different_paragraphs_merge(world):
    a, b, case = _two_laptops(world)
    a.edit(case, summary=SUMMARY.replace("Eerste alinea", "Eerste alinea, aangevuld"))
    result = b.edit(case, summary=SUMMARY.replace("Derde alinea.", "Derde alinea, herzien."))
    assert result["status"] == "merged"
    merged = result["record"]["fields"]["summary"]
    assert "Eerste alinea, aangevuld" in merged and "Derde alinea, herzien." in merged
    assert result["conflicts"] == []


def test_rule_4_edits_on_the_same_line_are_a_conflict(world):
    a, b, case = _two_laptops(world)
    kept = SUMMARY.replace("over school", "over de nieuwe school")
    a.edit(case, summary=kept)
    incoming = SUMMARY.replace("over school", "over school en sport")
    result = b.edit(case, summary=incoming)
    assert result["status"] == "conflict"
    assert result["record"]["fields"]["summary"] == kept  # the service keeps its value
    [conflict] = result["conflicts"]
    assert conflict["field"] == "summary"
    assert (conflict["base"], conflict["kept"], conflict["incoming"]) == (SUMMARY, kept, incoming)
    assert conflict["resolved"] is False


def test_rule_5_other_fields_conflict_and_every_laptop_receives_it(world):
    a, b, case = _two_laptops(world)
    a.edit(case, legal_framework="ots")
    result = b.edit(case, legal_framework="guardianship")
    assert result["status"] == "conflict"
    assert result["record"]["fields"]["legal_framework"] == "ots"
    lead = world.device("teamleider", "teamlead", ("Noord",))
    for device in (a, b, lead):
        device.sync()
        [conflict] = device.conflicts.values()
        assert conflict["incoming"] == "guardianship" and conflict["kept"] == "ots"
    # one resolves; a pull delivers the closing to the others
    resolved = lead.resolve(conflict["id"], "guardianship")
    assert resolved.status_code == 200, resolved.text
    assert resolved.json()["status"] == "applied"
    assert resolved.json()["record"]["fields"]["legal_framework"] == "guardianship"
    for device in (a, b):
        device.sync()
        assert device.conflicts[conflict["id"]]["resolved"] is True
        assert device.records[case["id"]]["fields"]["legal_framework"] == "guardianship"
    again = a.resolve(conflict["id"], "ots")
    assert again.json()["status"] == "rejected"
    assert again.json()["error"]["code"] == "already_resolved"


def test_a_change_with_conflicting_and_clean_fields_applies_the_clean_ones(world):
    a, b, case = _two_laptops(world)
    a.edit(case, legal_framework="ots")
    result = b.edit(case, legal_framework="other", safety_team_involved=True)
    assert result["status"] == "conflict"
    assert result["record"]["fields"]["safety_team_involved"] is True
    assert [c["field"] for c in result["conflicts"]] == ["legal_framework"]


def test_edit_of_a_record_deleted_elsewhere_is_a_conflict(world):
    a, b, case = _two_laptops(world)
    task = a.new_record(case["id"], "task", title="Bellen met school")
    b.sync()
    deleted = a.push_one(change(task["id"], "task", case["id"], delete=True,
                                base_rev=task["rev"]))
    assert deleted["status"] == "applied" and deleted["record"]["deleted"] is True
    result = b.edit(task, done=True)
    assert result["status"] == "conflict"
    [conflict] = result["conflicts"]
    assert conflict["field"] is None
    assert conflict["kept"] == DELETED
    assert conflict["incoming"] == {"title": "Bellen met school", "done": True}
    assert result["record"]["deleted"] is True
    # resolving with the fields restores the record
    restored = b.resolve(conflict["id"], conflict["incoming"]).json()
    assert restored["status"] == "applied"
    assert restored["record"]["deleted"] is False
    assert restored["record"]["fields"] == {"title": "Bellen met school", "done": True}


def test_delete_of_a_record_edited_elsewhere_is_a_conflict(world):
    a, b, case = _two_laptops(world)
    task = a.new_record(case["id"], "task", title="Huisbezoek plannen")
    b.sync()
    a.edit(task, title="Huisbezoek plannen met oma")
    result = b.push_one(change(task["id"], "task", case["id"], delete=True,
                               base_rev=task["rev"]))
    assert result["status"] == "conflict"
    [conflict] = result["conflicts"]
    assert conflict["field"] is None and conflict["incoming"] == DELETED
    assert conflict["kept"] == {"title": "Huisbezoek plannen met oma"}
    assert result["record"]["deleted"] is False
    # resolving with "deleted" deletes it
    gone = a.resolve(conflict["id"], DELETED).json()
    assert gone["status"] == "applied" and gone["record"]["deleted"] is True


def test_delete_of_an_unchanged_record_is_applied(world):
    a, b, case = _two_laptops(world)
    task = a.new_record(case["id"], "task", title="Brief sturen")
    result = a.push_one(change(task["id"], "task", case["id"], delete=True,
                               base_rev=task["rev"]))
    assert result["status"] == "applied"
    b.sync()
    assert b.records[task["id"]]["deleted"] is True


def test_resolve_checks_the_value_and_is_idempotent(world):
    a, b, case = _two_laptops(world)
    a.edit(case, legal_framework="ots")
    [conflict] = b.edit(case, legal_framework="other")["conflicts"]
    bad = b.resolve(conflict["id"], "not-a-framework")
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_value"
    change_id = new_id()
    first = b.resolve(conflict["id"], "other", change_id=change_id).json()
    again = b.resolve(conflict["id"], "other", change_id=change_id).json()
    assert first["status"] == "applied" and again["status"] == "duplicate"
    assert again["rev"] == first["rev"]
    missing = b.resolve(new_id(), "x")
    assert missing.status_code == 404


def test_a_resolve_under_a_pushed_change_id_answers_duplicate(world):
    """A push stores no whole record (sync/service/applied.py): a resolve that re-uses a
    pushed change id is answered `duplicate` from that stored form, not with a 500."""
    a, b, case = _two_laptops(world)
    a.edit(case, legal_framework="ots")
    conflict = b.edit(case, legal_framework="guardianship")["conflicts"][0]
    ch = change(new_id(), "task", case["id"], {"title": "Bellen met school"})
    pushed = a.push_one(ch)
    answer = a.resolve(conflict["id"], "ots", change_id=ch["change_id"])
    assert answer.status_code == 200, answer.text
    assert (answer.json()["status"], answer.json()["rev"]) == ("duplicate", pushed["rev"])
