"""The held-case rule (docs/protocol.md): a device that holds a case may push ordinary
edits of it after it lost sight of it, until a pull has told it to purge the case."""

from __future__ import annotations

from tests.service.world import change, new_id


def _held(world):
    anouk = world.device("anouk")
    bram = world.device("bram")
    lead = world.device("lotte", role="teamlead")
    case = anouk.new_case(world.team("Noord"))
    person = anouk.new_record(case["id"], "person", name="Moeder Testdorp")
    anouk.sync()
    lead.sync()
    # The team lead gives the case to Bram while Anouk's laptop is offline.
    lead.edit(lead.records[case["id"]], contact_worker_id=bram.user_id)
    return anouk, bram, lead, case, person


def test_edits_of_a_held_case_arrive_until_its_purge_was_delivered(world):
    anouk, bram, lead, case, person = _held(world)
    notes = anouk.edit(person, notes="Moeder vertelde over de nieuwe school.")
    assert notes["status"] == "applied", notes
    sent = change(new_id(), "visit", case["id"],
                  {"date": "2026-03-02", "notes": "Huisbezoek bij moeder."})
    visit = anouk.push_one(sent)
    assert visit["status"] == "applied", visit
    # Not the fields that decide who sees the case: those pass the ordinary checks.
    moved = anouk.edit(case, summary="Overdracht", contact_worker_id=anouk.user_id)
    assert moved["error"]["code"] == "case_not_visible"
    assert anouk.push_one(change(case["id"], "case", case["id"], delete=True,
                                 base_rev=case["rev"]))["status"] == "rejected"
    bram.sync()
    assert bram.records[person["id"]]["fields"]["notes"].startswith("Moeder vertelde")
    assert bram.records[sent["record_id"]]["fields"]["notes"] == "Huisbezoek bij moeder."
    # The pull tells Anouk's laptop to purge the case; from then on its edits are refused.
    assert anouk.sync()["revoked_case_ids"] == [case["id"]]
    late = anouk.edit(notes["record"], notes="Na de purge")
    assert late["status"] == "rejected" and late["error"]["code"] == "case_not_visible"


def test_a_device_that_never_held_the_case_gains_nothing(world):
    anouk, bram, lead, case, person = _held(world)
    other_laptop = world.enrol("anouk", "tweede laptop")
    result = other_laptop.edit(person, notes="Van een laptop die de zaak nooit had")
    assert result["status"] == "rejected" and result["error"]["code"] == "case_not_visible"


def test_an_offline_hand_over_delivers_the_later_edits_in_order(world):
    anouk = world.device("anouk")
    bram = world.device("bram")
    case = anouk.new_case(world.team("Noord"))
    anouk.sync()
    visit_id = new_id()
    results = anouk.push(
        change(case["id"], "case", case["id"], {"contact_worker_id": bram.user_id},
               base={"contact_worker_id": anouk.user_id}, base_rev=case["rev"]),
        change(visit_id, "visit", case["id"], {"notes": "Overdracht aan Bram."}),
    )
    assert [r["status"] for r in results] == ["applied", "applied"], results
    bram.sync()
    assert bram.records[visit_id]["fields"]["notes"] == "Overdracht aan Bram."
