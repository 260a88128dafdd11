"""One push that mixes new cases, edits of records the service holds, refused changes and
duplicates: each change is answered on its own, the refused ones leave nothing behind, and
what was applied arrives whole, in order and once (the bulk writes of bulk.py: COPY and one
UPDATE on PostgreSQL)."""

from __future__ import annotations

from sync.service import access_log
from sync.service.db import transaction
from tests.service.world import change, new_id


def _new_case(worker, team_id: str, case_id: str):  # type: ignore[no-untyped-def]
    return change(case_id, "case", case_id, {
        "title": "Familie Testdorp", "team_id": team_id, "status": "active",
        "contact_worker_id": worker.user_id})


def test_a_push_mixing_new_cases_edits_refusals_and_duplicates(world):
    anouk, bram = world.device("anouk"), world.device("bram")
    noord, zuid = world.team("Noord"), world.team("Zuid")
    held = anouk.new_case(noord)
    task = anouk.new_record(held["id"], "task", title="Bellen met school")
    visit = anouk.new_record(held["id"], "visit", date="2026-01-05", notes="Eerste.\n")
    earlier = change(new_id(), "task", held["id"], {"title": "Eerder verstuurd"})
    assert anouk.push_one(earlier)["status"] == "applied"
    bram_case = bram.new_case(noord)
    taken = change(new_id(), "task", bram_case["id"], {"title": "Van Bram"})
    assert bram.push_one(taken)["status"] == "applied"

    first, second, other_team = new_id(), new_id(), new_id()
    person, person2, tie = new_id(), new_id(), new_id()
    twice = change(new_id(), "task", first, {"title": "Twee keer in een push"})
    changes = [
        _new_case(anouk, noord, first),
        change(person, "person", first, {"name": "Sanne Bakker", "circle": "family"}),
        change(task["id"], "task", held["id"], {"title": "Bellen met de school"},
               base={"title": "Bellen met school"}, base_rev=task["rev"]),
        _new_case(anouk, zuid, other_team),  # not the user's team
        change(new_id(), "task", other_team, {"title": "In een geweigerde zaak"}),
        twice,
        change(new_id(), "person", first, {"naam": "Onbekend veld"}),
        change(visit["id"], "visit", first, {"notes": "Verhuisd?\n"}),  # exists elsewhere
        dict(earlier),  # applied in an earlier push
        _new_case(anouk, noord, second),
        change(tie, "relationship", first, {"from_person_id": person,
                                            "to_person_id": person2}),
        dict(taken),  # Bram's change id
        change(person2, "person", first, {"name": "Daan Bakker", "circle": "family"}),
        change(visit["id"], "visit", held["id"], {"notes": "Tweede.\n"},
               base={"notes": "Eerste.\n"}, base_rev=visit["rev"]),
        dict(twice),
        change(task["id"], "task", held["id"], {"done": True}, base={"done": None},
               base_rev=task["rev"]),
    ]
    results = anouk.push(*changes)
    statuses = [(r["status"], (r.get("error") or {}).get("code")) for r in results]
    assert statuses == [
        ("applied", None), ("applied", None), ("applied", None),
        ("rejected", "not_your_team"), ("rejected", "case_not_visible"), ("applied", None),
        ("rejected", "unknown_field"), ("rejected", "record_mismatch"), ("duplicate", None),
        ("applied", None), ("applied", None), ("rejected", "change_id_taken"),
        ("applied", None), ("applied", None), ("duplicate", None), ("applied", None)]
    applied = [r for r in results if r["status"] == "applied" and r["rev"]]
    revs = [r["rev"] for r in applied]
    assert revs == sorted(revs) and len(set(revs)) == len(revs)
    assert results[14]["rev"] == results[5]["rev"]
    assert results[15]["record"]["fields"] == {"title": "Bellen met de school", "done": True}
    # An edit made on the rev the service held, taken as sent: its rev alone.
    assert results[13]["record"] is None and results[13]["rev"] > results[12]["rev"]

    laptop2 = world.enrol("anouk", "tweede laptop")
    laptop2.sync()
    sent = {c["change_id"]: c for c in changes}
    for result in applied:
        ch = sent[result["change_id"]]
        stored = laptop2.records[ch["record_id"]]
        if ch["record_id"] == task["id"]:  # changed twice: its last answer counts
            continue
        if result["record"] is None:  # applied as sent: its rev alone
            assert stored["rev"] == result["rev"]
            if ch["base_rev"]:  # an edit: the record holds its values beside the others
                assert {k: stored["fields"].get(k) for k in ch["set"]} == ch["set"]
            else:
                assert stored["fields"] == ch["set"]
        else:
            assert stored == result["record"]
    assert laptop2.records[task["id"]] == results[15]["record"]
    assert other_team not in laptop2.records
    assert not any(r["case_id"] == other_team for r in laptop2.records.values())
    assert "Onbekend veld" not in str(laptop2.records)
    assert laptop2.records[visit["id"]]["case_id"] == held["id"]

    # Every rev up to the last one handed out reaches a puller with the right to see it:
    # none skipped, none twice (Bram's own records are his).
    mine = sorted(r["rev"] for r in laptop2.records.values())
    assert mine[-1] == max(revs)
    again = anouk.push(*changes)
    assert [r["status"] for r in again] == (
        ["duplicate"] * 11 + ["rejected"] + ["duplicate"] * 4)  # a refusal is stored too
    assert again[11]["error"]["code"] == "change_id_taken"
    assert [r["rev"] for r in again][:3] == [r["rev"] for r in results][:3]
    with transaction(world.factory) as session:
        assert access_log.verify(session) is None
