"""Bad text and malformed ids (issue 8, section 4), on SQLite and PostgreSQL: every example
of the issue is refused with a 4xx and its own code, one bad change is rejected on its own
while the rest of the push applies, and nothing refused reaches the database or its log."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest
from sqlalchemy import select

from sync.service.db import transaction
from sync.service.models import AccessLogRow
from tests.service.world import change, new_id

# NUL: PostgreSQL cannot store it. A lone surrogate: SQLite stored it, then no answer that
# held it could be written as JSON.
BAD = pytest.mark.parametrize("bad", ["Belt terug\x00 morgen", "Belt terug \ud800 morgen"],
                              ids=["nul", "lone_surrogate"])
LONG_ID = new_id() + "-en-nog-wat"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _post(client, url: str, body: object, headers: dict[str, str] | None = None):
    # httpx writes JSON as UTF-8, which cannot carry a lone surrogate; json.dumps escapes it
    # ("\ud800") as a laptop's or an attacker's JSON library may.
    return client.post(url, content=json.dumps(body),
                       headers={**(headers or {}), "Content-Type": "application/json"})


def _code(response) -> str:
    return response.json()["error"]["code"]


@BAD
@pytest.mark.parametrize("field", ["username", "password", "device_name"])
def test_enrolment_refuses_bad_text_in_every_field(world, bad, field):
    world.user("anouk")
    body = {"username": "anouk", "password": "wachtwoord-anouk", "device_name": "laptop"}
    body[field] = body[field] + bad
    response = _post(world.client, "/api/v1/session/enrol", body)
    assert response.status_code == 422, response.text
    assert _code(response) == "invalid_text"


@BAD
def test_a_bad_note_is_rejected_alone_and_the_rest_of_the_push_applies(world, bad):
    anouk = world.device("anouk")
    lead = world.device("lotte", role="teamlead")
    case = anouk.new_case(world.team("Noord"))
    bad_id, good_id = new_id(), new_id()
    results = _post(world.client, "/api/v1/sync/push", {"changes": [
        change(bad_id, "person", case["id"], {"name": "Noor Testdorp", "notes": bad}),
        change(good_id, "person", case["id"], {"name": "Sem Testdorp", "notes": "Goed."}),
    ]}, anouk.headers)
    assert results.status_code == 200, results.text
    rejected, applied = results.json()["results"]
    assert rejected["status"] == "rejected" and rejected["error"]["code"] == "invalid_text"
    assert applied["status"] == "applied"
    # The team lead's pull of the case answers, and holds the good person only.
    lead.sync()
    assert good_id in lead.records and bad_id not in lead.records


def test_an_integer_beyond_64_bits_is_rejected_alone(world):
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"))
    results = _post(world.client, "/api/v1/sync/push", {"changes": [
        change(new_id(), "person", case["id"], {"name": "Noor Testdorp", "map_x": 2**70}),
        change(new_id(), "person", case["id"], {"name": "Sem Testdorp", "map_x": 2**63 - 1}),
    ]}, anouk.headers)
    assert results.status_code == 200, results.text
    rejected, applied = results.json()["results"]
    assert rejected["status"] == "rejected" and rejected["error"]["code"] == "invalid_value"
    assert applied["status"] == "applied"


@BAD
def test_bad_text_in_an_edit_of_an_existing_record_and_in_its_base(world, bad):
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"), summary="Eerste regel.\n")
    edit = change(case["id"], "case", case["id"], {"summary": "Eerste regel.\nTweede" + bad},
                  base={"summary": "Eerste regel.\n"}, base_rev=case["rev"])
    base = change(case["id"], "case", case["id"], {"summary": "Nieuw.\n"},
                  base={"summary": "Oud" + bad}, base_rev=case["rev"])
    answer = _post(world.client, "/api/v1/sync/push", {"changes": [edit, base]}, anouk.headers)
    assert answer.status_code == 200, answer.text
    assert [r["error"]["code"] for r in answer.json()["results"]] == ["invalid_text"] * 2


@BAD
def test_a_bad_list_item_is_rejected(world, bad):
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"))
    edit = change(case["id"], "case", case["id"], {"domains": ["school", bad]},
                  base={"domains": None}, base_rev=case["rev"])
    answer = _post(world.client, "/api/v1/sync/push", {"changes": [edit]}, anouk.headers)
    (result,) = answer.json()["results"]
    assert result["status"] == "rejected" and result["error"]["code"] == "invalid_text"


@pytest.mark.parametrize("field", ["contact_worker_id", "shared_with"])
def test_an_id_longer_than_36_characters_is_rejected(world, field):
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"))
    value = [anouk.user_id, LONG_ID] if field == "shared_with" else LONG_ID
    result = anouk.edit(case, **{field: value})
    assert result["status"] == "rejected" and result["error"]["code"] == "invalid_id"
    assert anouk.sync()  # the case is still there, unchanged
    assert anouk.records[case["id"]]["fields"].get(field) == case["fields"].get(field)


@pytest.mark.parametrize("field", ["participants", "person_id", "assignee_id"])
def test_person_and_user_ids_in_fields_must_be_uuids(world, field):
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"))
    kind, value = {"participants": ("visit", ["Noor"]), "person_id": ("consent", "Noor"),
                   "assignee_id": ("task", "Noor")}[field]
    fields = {"title": "Bellen"} if kind == "task" else {}
    result = anouk.push_one(change(new_id(), kind, case["id"], {**fields, field: value}))
    assert result["status"] == "rejected" and result["error"]["code"] == "invalid_id"


def test_bad_ids_of_a_change_are_rejected_and_never_written_to_the_log(world):
    bad = "\x00"
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"))
    good = change(new_id(), "task", case["id"], {"title": "Bellen"})
    answer = _post(world.client, "/api/v1/sync/push", {"changes": [
        change(new_id(), "task", case["id"] + bad, {"title": "Bellen"}),
        change("x" + bad, "task", case["id"], {"title": "Bellen"}, change_id=new_id()),
        change(new_id(), "task", LONG_ID, {"title": "Bellen"}),
        change(new_id(), "task" + bad, case["id"], {"title": "Bellen"}),
        good,
    ]}, anouk.headers)
    assert answer.status_code == 200, answer.text
    codes = [r["error"]["code"] if r["error"] else r["status"] for r in answer.json()["results"]]
    assert codes == ["invalid_id", "invalid_id", "invalid_id", "unknown_kind", "applied"]
    with transaction(world.factory) as session:
        logged = session.execute(select(AccessLogRow.case_id, AccessLogRow.record_id)).all()
    assert all(v is None or UUID.fullmatch(v) for row in logged for v in row)


def test_a_change_id_with_nul_is_rejected_alone(world):
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"))
    bad = change(new_id(), "task", case["id"], {"title": "Bellen"}, change_id="kapot\x00id")
    good = change(new_id(), "task", case["id"], {"title": "Mailen"})
    results = anouk.push(bad, good)
    assert results[0]["change_id"] == "kapot\x00id"  # the laptop finds its change by it
    assert results[0]["error"]["code"] == "invalid_id" and results[1]["status"] == "applied"


@pytest.mark.parametrize("name", ["change_id", "record_id", "case_id", "kind"])
def test_a_lone_surrogate_in_a_change_s_own_strings_refuses_the_push(world, name):
    # No answer could name that change, and no laptop can hold it (SQLite stores UTF-8).
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"))
    bad = change(new_id(), "task", case["id"], {"title": "Bellen"})
    bad[name] += "\ud800"
    response = _post(world.client, "/api/v1/sync/push", {"changes": [bad]}, anouk.headers)
    assert response.status_code == 422 and _code(response) == "invalid_text"
    bad[name] = bad[name][:-1] + "\x00\ud800"  # a NUL first must not let the surrogate by
    response = _post(world.client, "/api/v1/sync/push", {"changes": [bad]}, anouk.headers)
    assert response.status_code == 422 and _code(response) == "invalid_text"


@BAD
def test_the_access_log_upload_refuses_bad_ids_and_text(world, bad):
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"))
    entry = {"id": new_id(), "at": "2026-03-02T10:00:00Z", "action": "read",
             "case_id": case["id"], "record_id": None, "detail": None}
    for name, value, code in [("id", new_id() + bad, "invalid_id"),
                              ("case_id", case["id"] + bad, "invalid_id"),
                              ("record_id", LONG_ID, "invalid_id"),
                              ("detail", "gelezen" + bad, "invalid_text"),
                              ("action", "read" + bad, "invalid_text")]:
        response = _post(world.client, "/api/v1/audit", {"entries": [{**entry, name: value}]},
                         anouk.headers)
        assert response.status_code == 422, (name, response.text)
        assert _code(response) == code, name
    ok = _post(world.client, "/api/v1/audit", {"entries": [entry]}, anouk.headers)
    assert ok.status_code == 200, ok.text


def _title_conflict(world):
    a = world.device("anouk")
    b = world.enrol("anouk", "tweede laptop")
    case = a.new_case(world.team("Noord"), title="Familie Testdorp")
    a.edit(case, title="Familie Testdorp-Jansen")
    result = b.edit(case, title="Familie Jansen")
    assert result["status"] == "conflict", result
    return a, result["conflicts"][0]


@BAD
def test_a_resolution_with_bad_text_is_refused(world, bad):
    a, conflict = _title_conflict(world)
    response = _post(world.client, f"/api/v1/conflicts/{conflict['id']}/resolve",
                     {"change_id": new_id(), "value": "Familie" + bad}, a.headers)
    assert response.status_code == 422, response.text
    assert _code(response) == "invalid_text"
    assert a.resolve(conflict["id"], "Familie Jansen").status_code == 200


@pytest.mark.parametrize("bad_id", ["kapot\x00", LONG_ID, "x" * 300], ids=["nul", "long", "huge"])
def test_paths_and_queries_with_bad_ids_are_refused(world, bad_id):
    a = world.device("anouk")
    lead = world.device("lotte", role="teamlead")
    path = quote(bad_id, safe="")
    answers = [
        world.client.delete(f"/api/v1/devices/{path}", headers=a.headers),
        _post(world.client, f"/api/v1/conflicts/{path}/resolve",
              {"change_id": new_id(), "value": "x"}, a.headers),
        world.client.get("/api/v1/audit", params={"case_id": bad_id}, headers=lead.headers),
    ]
    for response in answers:
        assert response.status_code == 422, response.text
        assert _code(response) == "invalid_id"
    change_id = _post(world.client, f"/api/v1/conflicts/{new_id()}/resolve",
                      {"change_id": bad_id, "value": "x"}, a.headers)
    assert change_id.status_code == 422 and _code(change_id) == "invalid_id"
