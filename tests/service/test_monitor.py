"""`GET /api/v1/monitor`: the team lead of the team gets the same figures their laptop shows
(one set of counting rules on both ends), a worker and another team's lead get 403, and an
admin gets every small count withheld. No family name or case id in any answer."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from storage.demo import demo_case
from storage.store import CaseStore
from sync.protocol import PullResponse
from tests.service.world import change, new_id

PASS = "een lange zin als wachtwoord"


def _pull_into(device, store: CaseStore) -> None:
    """Pull as a laptop does, into a real store (its timeline keeps when things came in)."""
    while True:
        response = device.pull_page()
        assert response.status_code == 200, response.text
        page = PullResponse.model_validate(response.json())
        store.apply_pull_page(page)
        device.cursor = page.cursor
        if not page.more:
            return


@pytest.fixture
def team(world):
    """Six demo households of team Noord, their decided plans first submitted by the worker
    and then decided by the lead, and one household of team Zuid."""
    anouk = world.device("anouk", "worker", ("Noord",))
    lead = world.device("karin", "teamlead", ("Noord",))
    noord = world.team("Noord")
    titles, case_ids, decide = [], [], []
    for index in range(6):
        changes = []
        for r in demo_case(11, index, team_id=noord, contact_worker_id=anouk.user_id):
            if r.kind == "plan_version":
                decide.append((r.case_id, r.fields["plan_id"], r.fields["decision"]))
                continue
            fields = dict(r.fields)
            if r.kind == "safety_plan" and fields.get("status") in ("approved", "returned"):
                fields["status"] = "submitted"
            if r.kind == "case":
                titles.append(fields["title"])
                case_ids.append(r.case_id)
            changes.append(change(r.record_id, r.kind, r.case_id, fields))
        assert all(x["status"] == "applied" for x in anouk.push(*changes))
    zuid_worker = world.device("bram", "worker", ("Zuid",))
    zuid_worker.new_case(world.team("Zuid"), legal_framework="ots", opened_on="2025-01-01")
    return world, anouk, lead, titles, case_ids, decide


def test_the_lead_gets_what_their_laptop_shows(team, tmp_path: Path):
    world, anouk, lead, titles, case_ids, decide = team
    store = CaseStore.create(tmp_path / "karin", PASS)
    store.set_setting("user", lead.user)
    _pull_into(lead, store)  # the lead's laptop sees the plans while they are submitted
    soon = dt.datetime.now(dt.UTC)
    held = store.list_records(kind="safety_plan") + store.list_records(kind="plan_item")
    for k, (case_id, plan_id, decision) in enumerate(decide):
        rev = max(r.rev for r in held if r.id == plan_id or r.fields.get("plan_id") == plan_id)
        result = lead.push_one(change(new_id(), "plan_version", case_id, {
            "plan_id": plan_id, "version": 1, "decision": decision, "content": "{}",
            "based_on_rev": rev, "decided_by": lead.user_id,
            "decided_at": (soon + dt.timedelta(days=2 + 3 * k)).isoformat(timespec="seconds"),
        }))
        assert result["status"] == "applied", result
    _pull_into(lead, store)
    response = world.client.get("/api/v1/monitor", params={"team_id": world.team("Noord")},
                                headers=lead.headers)
    assert response.status_code == 200, response.text
    body = response.json()
    laptop = store.monitor(dt.date.fromisoformat(body["today"]))
    store.close()
    assert {k: body[k] for k in (*laptop.contract(), "overdue_tasks")} == {
        **laptop.contract(), "overdue_tasks": laptop.overdue_tasks}
    assert body["suppressed"] is False
    # And against a count of the records themselves, not of either end's SQL.
    lead.cursor = ""
    lead.sync()
    cases = [r for r in lead.records.values() if r["kind"] == "case"
             and r["fields"]["team_id"] == world.team("Noord")]
    assert body["cases_by_status"] == dict(sorted(Counter(
        r["fields"].get("status") or "unknown" for r in cases).items()))
    assert len(decide) >= 2 and body["median_days_to_decision"] is not None
    assert body["share_returned"] == round(
        sum(1 for _, _, d in decide if d == "returned") / len(decide), 3)
    assert not any(t in response.text for t in titles)
    assert not any(c in response.text for c in case_ids)


def test_a_worker_and_another_teams_lead_get_403(team):
    world, anouk, _, _, _, _ = team
    zuid_lead = world.device("sanne", "teamlead", ("Zuid",))
    for device in (anouk, zuid_lead):
        response = world.client.get("/api/v1/monitor", params={"team_id": world.team("Noord")},
                                    headers=device.headers)
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "forbidden"
    response = world.client.get("/api/v1/monitor", params={"team_id": world.team("Zuid")},
                                headers=zuid_lead.headers)
    assert response.status_code == 200 and response.json()["cases_by_status"] == {"active": 1}


def test_an_admin_gets_small_counts_withheld(team):
    world, _, lead, titles, case_ids, _ = team
    admin = world.device("beheer", "admin", ())
    noord = world.team("Noord")
    full = world.client.get("/api/v1/monitor", params={"team_id": noord},
                            headers=lead.headers).json()
    response = world.client.get("/api/v1/monitor", params={"team_id": noord},
                                headers=admin.headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["suppressed"] is True
    for key in ("cases_by_status", "plans_by_status"):
        assert set(body[key]) == set(full[key])
        for value, n in full[key].items():
            assert body[key][value] == (n if n >= 5 else None)
    for month, cell in full["cases_by_legal_framework"].items():
        assert body["cases_by_legal_framework"][month] == {
            k: (n if n >= 5 else None) for k, n in cell.items()}
    assert body["overdue_reviews"] == (
        full["overdue_reviews"] if full["overdue_reviews"] >= 5 else None)
    assert not any(t in response.text for t in titles)
    assert not any(c in json.dumps(body) for c in case_ids)


def test_a_missing_or_unknown_team_is_a_client_error(world):
    admin = world.device("beheer", "admin", ())
    missing = world.client.get("/api/v1/monitor", headers=admin.headers)
    assert missing.status_code == 422 and "error" in missing.json()
    unknown = world.client.get("/api/v1/monitor", params={"team_id": new_id()},
                               headers=admin.headers)
    assert unknown.status_code == 404
    assert unknown.json()["error"]["code"] == "team_not_found"
