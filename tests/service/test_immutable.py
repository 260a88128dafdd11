"""Immutable kinds (map_snapshot): created once, then never changed or deleted."""

from __future__ import annotations

import json

from tests.service.world import change, new_id


def _snapshot(worker, case_id: str) -> dict:
    content = json.dumps({"people": [], "ties": []})
    return worker.new_record(case_id, "map_snapshot", taken_on="2026-11-02", content=content)


def test_a_snapshot_is_created_and_pulled_as_made(world):
    worker = world.device("anouk")
    case = worker.new_case(world.team("Noord"))
    snapshot = _snapshot(worker, case["id"])
    other = world.enrol("anouk", "tweede laptop")
    other.sync()
    assert other.records[snapshot["id"]]["fields"] == snapshot["fields"]


def test_an_update_of_a_snapshot_is_refused_and_changes_nothing(world):
    worker = world.device("anouk")
    case = worker.new_case(world.team("Noord"))
    snapshot = _snapshot(worker, case["id"])
    result = worker.edit(snapshot, content="[]")
    assert result["status"] == "rejected"
    assert result["error"]["code"] == "immutable"
    other = world.enrol("anouk", "tweede laptop")
    other.sync()
    assert other.records[snapshot["id"]]["fields"] == snapshot["fields"]
    assert other.records[snapshot["id"]]["rev"] == snapshot["rev"]


def test_a_delete_of_a_snapshot_is_refused_and_the_rest_of_the_batch_goes_on(world):
    worker = world.device("anouk")
    case = worker.new_case(world.team("Noord"))
    snapshot = _snapshot(worker, case["id"])
    delete = change(snapshot["id"], "map_snapshot", case["id"], delete=True,
                    base_rev=snapshot["rev"])
    task = change(new_id(), "task", case["id"], {"title": "Bellen"})
    refused, applied = worker.push(delete, task)
    assert refused["status"] == "rejected" and refused["error"]["code"] == "immutable"
    assert applied["status"] == "applied"
    other = world.enrol("anouk", "tweede laptop")
    other.sync()
    assert other.records[snapshot["id"]]["deleted"] is False


def test_a_resent_create_of_a_snapshot_is_a_duplicate_not_a_refusal(world):
    worker = world.device("anouk")
    case = worker.new_case(world.team("Noord"))
    create = change(new_id(), "map_snapshot", case["id"], {"taken_on": "2026-11-02"})
    first = worker.push_one(create)
    again = worker.push_one(create)
    assert first["status"] == "applied"
    assert again["status"] == "duplicate"


def test_a_snapshot_sent_again_as_it_is_writes_nothing(world):
    """Its own values with its own base: rule 2 without a new rev, never "changed back"."""
    worker = world.device("anouk")
    case = worker.new_case(world.team("Noord"))
    snapshot = _snapshot(worker, case["id"])
    result = worker.edit(snapshot, content=snapshot["fields"]["content"])
    assert result["status"] == "applied" and result["rev"] == snapshot["rev"]
