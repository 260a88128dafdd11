"""The echo of a push (docs/protocol.md): a pull that names the revs at which this device's
pushes wrote records as sent gets those records back as stamps (writer and time), not
whole; everything else comes as before, and a pull that names nothing meets no new key."""

from __future__ import annotations

from sqlalchemy import select

from sync import own_revs
from sync.service.models import AccessLogRow
from tests.service.world import change, new_id


def _pull(device, own: str | None = None, limit: int = 1000):
    params = {"cursor": device.cursor, "limit": limit}
    if own is not None:
        params["own"] = own
    return device.client.get("/api/v1/sync/pull", params=params, headers=device.headers)


def _all_pages(device, own: str, limit: int) -> tuple[list[dict], list[dict], int]:
    records, stamps, pages = [], [], 0
    while True:
        response = _pull(device, own, limit)
        assert response.status_code == 200, response.text
        page = response.json()
        records += page["records"]
        stamps += page["stamps"]
        pages += 1
        assert len(page["records"]) <= limit
        device.cursor = page["cursor"]
        if not page["more"]:
            return records, stamps, pages


def _created(device, case_id: str, count: int) -> dict[str, int]:
    """`count` new tasks pushed as sent: record id -> the rev its answer gave."""
    sent = [change(new_id(), "task", case_id, {"title": f"Taak {n}"}) for n in range(count)]
    results = device.push(*sent)
    assert all(r["status"] == "applied" and r["record"] is None for r in results)
    return {c["record_id"]: r["rev"] for c, r in zip(sent, results, strict=True)}


def test_the_echo_of_records_pushed_as_sent_is_their_writer_and_time(world):
    anouk = world.device("anouk")
    anouk.sync()
    before = anouk.cursor
    case = anouk.new_case(world.team("Noord"))
    written = {case["id"]: case["rev"], **_created(anouk, case["id"], 3)}
    own = own_revs.encode(own_revs.ranges(written.values()))
    with world.factory() as session:
        logged = len(session.scalars(select(AccessLogRow)).all())

    page = _pull(anouk, own).json()
    assert page["records"] == []
    stamps = {s["id"]: s for s in page["stamps"]}
    assert {i: s["rev"] for i, s in stamps.items()} == written

    anouk.cursor = before  # the same page, whole, as a laptop that names nothing gets it
    whole = _pull(anouk).json()
    assert "stamps" not in whole  # an older laptop's strict model never meets the key
    anouk.cursor = whole["cursor"]
    assert "stamps" not in _pull(anouk).json()  # nor on a pull with nothing new
    assert _pull(anouk, own).json()["stamps"] == []
    assert len(whole["records"]) == len(written)
    for record in whole["records"]:
        assert stamps[record["id"]] == {k: record[k] for k in
                                        ("id", "kind", "rev", "updated_by", "updated_at")}
    with world.factory() as session:
        actions = [a.action for a in session.scalars(select(AccessLogRow))][logged:]
    assert actions.count("pull.records") == 1  # the whole page's, none for the stamps


def test_a_record_someone_changed_since_or_a_colleagues_write_comes_whole(world):
    anouk = world.device("anouk")
    lead = world.device("lotte", role="teamlead")
    case = anouk.new_case(world.team("Noord"))
    mine = anouk.new_record(case["id"], "task", title="Bellen met school")
    other = anouk.new_record(case["id"], "task", title="Huisbezoek plannen")
    lead.sync()
    lead.edit(lead.records[mine["id"]], title="Mailen met school")  # after anouk's write
    lead.new_record(case["id"], "task", title="Van de teamleider")  # someone else's rev
    # anouk names every rev up to the counter as her own: only `other` is still hers.
    everything = f"1-{10**6}"
    records, stamps, _ = _all_pages(anouk, everything, 1000)
    assert [s["id"] for s in stamps if s["id"] != case["id"]] == [other["id"]]
    whole = {r["id"]: r for r in records}
    assert whole[mine["id"]]["fields"]["title"] == "Mailen met school"
    assert any(r["fields"].get("title") == "Van de teamleider" for r in whole.values())


def test_pages_hold_limit_records_whole_and_stamps_beside_them_skipping_none(world):
    anouk = world.device("anouk")
    bram = world.device("bram")
    case = anouk.new_case(world.team("Noord"), shared_with=[bram.user_id])
    revs = [case["rev"]]
    written = []
    for round_ in range(3):
        revs += _created(anouk, case["id"], 5).values()
        written.append(bram.new_record(case["id"], "task", title=f"Van Bram {round_}"))
    records, stamps, pages = _all_pages(anouk, own_revs.encode(own_revs.ranges(revs)), 2)
    assert sorted(s["rev"] for s in stamps) == sorted(revs)
    assert {r["id"] for r in records} == {w["id"] for w in written}
    assert pages == 2  # 3 whole: 2 on the first page with its stamps, 1 on the next


def test_a_malformed_own_is_refused_with_400(world):
    anouk = world.device("anouk")
    anouk.new_case(world.team("Noord"))
    for bad in ("x", "5-3", "3,1", "1-4,4-6", "0", "-1", "1-", "1,,2", "\u0661",
                "9" * 30, ",".join(str(n) for n in range(1, 300, 2)), "1\x002"):
        response = _pull(anouk, bad)
        assert response.status_code == 400, (bad, response.text)
        assert response.json()["error"]["code"] == "bad_own"
    assert _pull(anouk, "1" * 5000).status_code == 422  # longer than any 100 ranges


def test_an_edit_on_the_rev_the_service_held_is_answered_with_its_rev_alone(world):
    """Taken as sent on the rev the device held, the record is what the device holds, so
    the answer and the echo leave its fields out; an edit on an older rev, which the
    service merged with another device's change, comes with the record."""
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"))
    task = anouk.new_record(case["id"], "task", title="Bellen met school")
    edited = anouk.edit(task, title="Mailen met school")
    assert edited["sent_as_is"] and edited["rev"] > task["rev"]
    merged = anouk.edit(task, done=True)  # made on the old rev: the title moved since
    assert not merged["sent_as_is"]
    assert merged["record"]["fields"] == {"title": "Mailen met school", "done": True}
    page = _pull(anouk, own_revs.encode(own_revs.ranges([edited["rev"]]))).json()
    assert [s["id"] for s in page["stamps"]] == []  # merged since: its rev moved on
    assert task["id"] in {r["id"] for r in page["records"]}
