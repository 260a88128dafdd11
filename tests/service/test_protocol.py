"""Protocol v1 end to end through the app, on SQLite and PostgreSQL."""

from __future__ import annotations

import gzip

from sync.protocol import EnrolResponse, PullResponse, Result
from tests.service.world import change, new_id


def test_healthz_and_openapi_describe_every_endpoint(world):
    assert world.client.get("/healthz").json() == {"status": "ok"}
    paths = world.client.get("/openapi.json").json()["paths"]
    assert set(paths) >= {
        "/healthz", "/api/v1/session/enrol", "/api/v1/devices/{device_id}",
        "/api/v1/sync/push", "/api/v1/sync/pull", "/api/v1/conflicts/{conflict_id}/resolve",
        "/api/v1/audit",
    }
    assert set(paths["/api/v1/audit"]) == {"get", "post"}


def test_enrol_returns_a_device_token_and_the_user(world):
    team = world.team("Noord")
    world.user("anouk", "worker", ("Noord",))
    response = world.client.post("/api/v1/session/enrol", json={
        "username": "anouk", "password": "wachtwoord-anouk", "device_name": "laptop"})
    assert response.status_code == 201
    body = EnrolResponse.model_validate(response.json())
    assert body.user.username == "anouk" and body.user.role == "worker"
    assert body.user.team_ids == [team]
    wrong = world.client.post("/api/v1/session/enrol", json={
        "username": "anouk", "password": "niet-goed", "device_name": "laptop"})
    assert wrong.status_code == 401
    assert wrong.json()["error"]["code"] == "wrong_credentials"
    unknown = world.client.post("/api/v1/session/enrol", json={
        "username": "niemand", "password": "niet-goed", "device_name": "laptop"})
    assert unknown.status_code == 401


def test_every_other_call_needs_a_valid_token(world):
    for method, path in [("get", "/api/v1/sync/pull"), ("post", "/api/v1/sync/push"),
                         ("get", "/api/v1/audit?case_id=x")]:
        response = world.client.request(method, path, json={"changes": []})
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthorized"
        response = world.client.request(method, path, json={"changes": []},
                                        headers={"Authorization": "Bearer not-a-token"})
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "invalid_token"


def test_push_then_pull_round_trip(world):
    worker = world.device("anouk")
    team = world.team("Noord")
    case = worker.new_case(team, summary="Eerste regel\n")
    person = worker.new_record(case["id"], "person", name="Fleur Testdorp", circle="household")
    assert case["rev"] < person["rev"]
    assert person["updated_by"] == worker.user_id

    laptop2 = world.enrol("anouk", "tweede laptop")
    page = laptop2.sync()
    assert PullResponse.model_validate(page)
    assert set(laptop2.records) == {case["id"], person["id"]}
    assert laptop2.records[person["id"]]["fields"] == {"name": "Fleur Testdorp",
                                                       "circle": "household"}
    assert laptop2.sync()["records"] == []  # nothing new since the cursor


def test_pull_pages_with_limit_and_never_repeats(world):
    worker = world.device("anouk")
    case = worker.new_case(world.team("Noord"))
    ids = {case["id"]}
    tasks = [change(new_id(), "task", case["id"], {"title": f"Taak {i}"}) for i in range(25)]
    assert {r["status"] for r in worker.push(*tasks)} == {"applied"}
    ids |= {t["record_id"] for t in tasks}
    other = world.enrol("anouk", "tweede")
    seen: list[str] = []
    pages = 0
    while True:
        page = other.pull_page(limit=7).json()
        pages += 1
        seen += [r["id"] for r in page["records"]]
        other.cursor = page["cursor"]
        if not page["more"]:
            break
    assert pages == 4
    assert len(seen) == len(set(seen)) == 26
    assert set(seen) == ids


def test_push_is_idempotent_by_change_id(world):
    worker = world.device("anouk")
    case = worker.new_case(world.team("Noord"))
    ch = change(new_id(), "task", case["id"], {"title": "Bellen met school"})
    first = worker.push_one(ch)
    again = worker.push_one(ch)
    assert first["status"] == "applied"
    assert again["status"] == "duplicate"
    assert again["rev"] == first["rev"]
    assert again["record"]["fields"] == {"title": "Bellen met school"}
    # a second, different edit under a re-used change id does not apply either
    reused = dict(ch, set={"title": "Iets anders"})
    assert worker.push_one(reused)["record"]["fields"]["title"] == "Bellen met school"


def test_a_new_record_applied_as_sent_is_answered_with_its_rev_alone(world):
    """The device holds what it sent: only the rev comes back (a thousand new cases were
    29,000 records sent back, issue 15). A value the service stored in another form comes
    back with the record, and a pull still brings every record, its writer and time."""
    worker = world.device("anouk")
    case_id, task, visit = new_id(), new_id(), new_id()
    results = worker.push(
        change(case_id, "case", case_id, {"title": "Familie Testdorp",
                                          "team_id": world.team("Noord"), "status": "active",
                                          "contact_worker_id": worker.user_id}),
        change(task, "task", case_id, {"title": "Bellen met school"}),
        change(visit, "visit", case_id, {"date": "20260105"}),  # stored as 2026-01-05
    )
    assert [r["status"] for r in results] == ["applied"] * 3
    assert results[0]["record"] is None and results[1]["record"] is None
    assert results[0]["rev"] < results[1]["rev"] < results[2]["rev"]
    assert results[2]["record"]["fields"] == {"date": "2026-01-05"}
    assert results[2]["record"]["rev"] == results[2]["rev"]
    worker.sync()
    assert {r: worker.records[r]["rev"] for r in (case_id, task, visit)} == {
        case_id: results[0]["rev"], task: results[1]["rev"], visit: results[2]["rev"]}
    assert worker.records[task]["fields"] == {"title": "Bellen met school"}
    assert worker.records[task]["updated_by"] == worker.user_id
    assert worker.records[task]["updated_at"]


def test_change_id_of_another_user_is_refused_without_its_result(world):
    anouk = world.device("anouk")
    bram = world.device("bram")
    case = anouk.new_case(world.team("Noord"))
    ch = change(new_id(), "task", case["id"], {"title": "Geheim"})
    anouk.push_one(ch)
    stolen = bram.push_one(ch)
    assert stolen["status"] == "rejected"
    assert stolen["error"]["code"] == "change_id_taken"
    assert stolen["record"] is None


def test_a_rejected_change_does_not_stop_the_batch(world):
    worker = world.device("anouk")
    case = worker.new_case(world.team("Noord"))
    results = worker.push(
        change(new_id(), "task", case["id"], {"title": "Een"}),
        change(new_id(), "nonsense", case["id"], {"title": "Twee"}),
        change(new_id(), "task", case["id"], {"titel": "Drie"}),
        change(new_id(), "task", case["id"], {"title": 3}),
        change(new_id(), "task", case["id"], {"done": True}),
        change(new_id(), "scaling_score", case["id"], {"value": 11}),
        change(new_id(), "task", case["id"], {"title": "Vier"}),
    )
    assert [r["status"] for r in results] == [
        "applied", "rejected", "rejected", "rejected", "rejected", "rejected", "applied"]
    assert [r["error"]["code"] for r in results[1:6]] == [
        "unknown_kind", "unknown_field", "wrong_type", "missing_field", "invalid_value"]
    for r in results:
        Result.model_validate(r)


def test_a_required_field_cannot_be_emptied(world):
    worker = world.device("anouk")
    case = worker.new_case(world.team("Noord"))
    result = worker.edit(case, title=None)
    assert result["status"] == "rejected" and result["error"]["code"] == "missing_field"


def test_client_mistakes_get_4xx_with_the_error_shape(world):
    worker = world.device("anouk")
    h = {**worker.headers, "content-type": "application/json"}
    cases = [
        (world.client.post("/api/v1/sync/push", content=b"{not json", headers=h), 400,
         "malformed_json"),
        (world.client.post("/api/v1/sync/push", json={"changes": "x"}, headers=h), 422,
         "invalid_request"),
        (world.client.post("/api/v1/sync/push", json={"changes": [
            change(new_id(), "task", new_id(), {"title": "x"})] * 1001}, headers=h), 413,
         "too_many_changes"),
        (world.client.post("/api/v1/sync/push", content=b"[" + b" " * (9 << 20) + b"]",
                           headers=h), 413, "too_large"),
        (world.client.get("/api/v1/sync/pull", params={"cursor": "rubbish!"}, headers=h),
         400, "bad_cursor"),
        (world.client.get("/api/v1/sync/pull", params={"cursor": "djE6OTk5OTk"}, headers=h),
         400, "bad_cursor"),
        (world.client.get("/api/v1/sync/pull", params={"limit": 5001}, headers=h), 422,
         "invalid_request"),
        (world.client.get("/api/v1/nothing-here", headers=h), 404, "not_found"),
        (world.client.put("/api/v1/sync/push", headers=h), 405, "method_not_allowed"),
    ]
    for response, status, code in cases:
        assert response.status_code == status, (code, response.text[:200])
        assert response.json()["error"]["code"] == code
        assert set(response.json()["error"]) == {"code", "message"}


def test_responses_are_gzipped_when_the_client_accepts_it(world, monkeypatch):
    worker = world.device("anouk")
    case = worker.new_case(world.team("Noord"), summary="regel\n" * 500)
    assert case
    response = world.client.get("/api/v1/sync/pull", headers={
        **worker.headers, "Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.json()["records"]  # httpx decodes it
    with world.client.stream("GET", "/api/v1/sync/pull", headers={
            **worker.headers, "Accept-Encoding": "gzip"}) as streamed:
        body = b"".join(streamed.iter_raw())
    # The gzip header's XFL byte: 2 when compressed at level 9, which cost a first sync's
    # pages more CPU than its few percent of bytes were worth (app.GZIP_LEVEL).
    assert body[:2] == b"\x1f\x8b" and body[8] != 2
    made: list[int] = []
    real = gzip.GzipFile

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(gzip, "GzipFile", counted)
    quiet = world.client.get("/api/v1/sync/pull", params={"cursor": response.json()["cursor"]},
                             headers={**worker.headers, "Accept-Encoding": "gzip"})
    monkeypatch.undo()
    # Too small to compress: answered plain, and no compressor made for it (0.2 ms each).
    assert quiet.status_code == 200 and "content-encoding" not in quiet.headers
    assert made == []
    raw = world.client.get("/api/v1/sync/pull", headers={**worker.headers,
                           "Accept-Encoding": "identity"})
    assert "content-encoding" not in raw.headers
    assert gzip.compress(raw.content)


def test_responses_are_zstd_when_the_client_accepts_it_and_gzip_otherwise(world):
    worker = world.device("anouk")
    worker.new_case(world.team("Noord"), summary="regel\n" * 500)
    answers = {}
    for accept in ("gzip, deflate, zstd", "zstd;q=0, gzip", "zstd;q=0.5", "br"):
        response = world.client.get("/api/v1/sync/pull", headers={
            **worker.headers, "Accept-Encoding": accept})
        assert response.json()["records"]  # httpx decodes it
        answers[accept] = response.headers.get("content-encoding")
    assert answers == {"gzip, deflate, zstd": "zstd", "zstd;q=0, gzip": "gzip",
                       "zstd;q=0.5": "zstd", "br": None}
    with world.client.stream("GET", "/api/v1/sync/pull", headers={
            **worker.headers, "Accept-Encoding": "zstd"}) as streamed:
        body = b"".join(streamed.iter_raw())
    assert body[:4] == b"\x28\xb5\x2f\xfd"  # a zstd frame


def test_a_device_revokes_itself_and_then_gets_device_revoked(world):
    worker = world.device("anouk")
    laptop2 = world.enrol("anouk", "tweede")
    path = f"/api/v1/devices/{laptop2.device_id}"
    # only the device itself or an admin: not even another laptop of the same worker
    assert world.client.delete(path, headers=worker.headers).status_code == 403
    assert world.client.delete(path, headers=laptop2.headers).status_code == 204
    refused = laptop2.pull_page()
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "device_revoked"
    assert worker.pull_page().status_code == 200
    assert world.client.delete(f"/api/v1/devices/{new_id()}",
                               headers=worker.headers).status_code == 404


def test_an_admin_revokes_any_device(world):
    worker = world.device("anouk")
    admin = world.device("beheer", "admin", ())
    response = world.client.delete(f"/api/v1/devices/{worker.device_id}", headers=admin.headers)
    assert response.status_code == 204
    assert worker.push_raw([]).json()["error"]["code"] == "device_revoked"



def test_one_push_creates_a_case_and_changes_its_new_records_again(world):
    """A push writes its new records in one INSERT at its end: a record created and then
    changed in the same push is stored as its last change left it, each change keeps its
    own result, and the push sent again is answered from those results."""
    worker = world.device("anouk")
    case_id, task, visit = new_id(), new_id(), new_id()
    changes = [
        change(case_id, "case", case_id, {"title": "Familie Testdorp",
                                          "team_id": world.team("Noord"), "status": "active",
                                          "contact_worker_id": worker.user_id}),
        change(task, "task", case_id, {"title": "Bellen met school"}),
        change(visit, "visit", case_id, {"date": "2026-01-05", "notes": "Eerste bezoek.\n"}),
        change(new_id(), "nonsense", case_id, {"title": "Geweigerd"}),
        change(task, "task", case_id, {"done": True}, base={"done": None}, base_rev=0),
        change(visit, "visit", case_id, {"location": "thuis"}, base={"location": None}),
    ]
    first = worker.push(*changes)
    assert [r["status"] for r in first] == [
        "applied", "applied", "applied", "rejected", "applied", "applied"]
    revs = [r["rev"] for r in first]
    assert revs[4] > revs[1] and revs[5] > revs[2]
    assert first[4]["record"]["fields"] == {"title": "Bellen met school", "done": True}
    assert first[5]["record"]["fields"] == {"date": "2026-01-05", "notes": "Eerste bezoek.\n",
                                            "location": "thuis"}
    again = worker.push(*changes)
    assert [r["status"] for r in again] == ["duplicate"] * 6  # the refusal is stored too
    assert [r["rev"] for r in again] == revs
    laptop2 = world.enrol("anouk", "tweede laptop")
    laptop2.sync()
    assert laptop2.records[task]["fields"] == {"title": "Bellen met school", "done": True}
    assert laptop2.records[task]["rev"] == revs[4]
    assert laptop2.records[visit]["fields"]["location"] == "thuis"
    assert laptop2.records[visit]["rev"] == revs[5]


def test_a_duplicate_hands_no_record_to_someone_who_no_longer_sees_the_case(world):
    """The stored answer keeps no record; a change id sent again is answered with the record
    as it is now, and only while the case is still in the user's view."""
    anouk = world.device("anouk")
    lead = world.device("karin", "teamlead", ("Noord",))
    bram = world.device("bram")
    case = anouk.new_case(world.team("Noord"), shared_with=[bram.user_id])
    ch = change(new_id(), "task", case["id"], {"title": "Bellen met school"})
    first = bram.push_one(ch)
    assert first["status"] == "applied"
    lead.sync()
    assert lead.edit(lead.records[case["id"]], shared_with=[])["status"] == "applied"
    again = bram.push_one(ch)
    assert (again["status"], again["rev"], again["record"]) == ("duplicate", first["rev"], None)
