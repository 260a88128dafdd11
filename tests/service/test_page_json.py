"""The pull page's records are written as JSON by the database (page_json.py): each must be
exactly what `records.to_record` gives for the same row, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import insert, select

from sync.service.db import transaction
from sync.service.models import RecordRow
from sync.service.page_json import record_json
from sync.service.records import to_record
from tests.service.world import change, new_id


def test_the_database_writes_each_record_as_to_record_does(world):
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"), title="Familie Çelik-d'Ávila \"Ω\"\n\t\\")
    anouk.new_record(case["id"], "task", title="Bellen", done=False)
    gone = anouk.new_record(case["id"], "task", title="weg")
    anouk.push_one(change(gone["id"], "task", case["id"], delete=True, base_rev=gone["rev"]))
    with transaction(world.factory) as session:  # what the schema allows is narrower
        session.execute(insert(RecordRow), [{
            "id": new_id(), "kind": "x" * 40, "case_id": case["id"], "rev": 10**9,
            "deleted": False, "updated_by": None,
            "updated_at": dt.datetime(2026, 3, 29, 1, 30, 0, 7, tzinfo=dt.UTC),
            "fields": {"é": "\u2028\x01\x1f", "": "leeg", "n": 10**15, "min": -3,
                       "tags": ["één", None, {"diep": [True, False, 2.5, -0.125]}]}}])
    with transaction(world.factory) as session:
        table = RecordRow.__table__
        rows = session.execute(
            select(table, record_json(session.get_bind().dialect.name).label("json"))
            .order_by(table.c.rev)).all()
    assert len(rows) == 4 and any(r.deleted for r in rows)
    for row in rows:
        written = json.loads(row.json)
        expected = to_record(row).model_dump(mode="json")
        # The same moment; the database names it in UTC, to_record in the driver's zone.
        assert (dt.datetime.fromisoformat(written.pop("updated_at"))
                == dt.datetime.fromisoformat(expected.pop("updated_at")))
        assert written == expected


def test_a_first_sync_page_lists_every_record_once_and_in_rev_order(world):
    anouk = world.device("anouk")
    noord = world.team("Noord")
    cases = [anouk.new_case(noord) for _ in range(3)]
    for case in cases:
        anouk.push(*(change(new_id(), "task", case["id"], {"title": f"Taak {i}"})
                     for i in range(4)))
    laptop = world.enrol("anouk", "tweede laptop")
    pages = []
    while True:
        response = laptop.pull_page(limit=5)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        page = response.json()
        pages.append(page)
        laptop.cursor = page["cursor"]
        if not page["more"]:
            break
    revs = [r["rev"] for page in pages for r in page["records"]]
    assert len(revs) == 15 and revs == sorted(set(revs))
    assert [len(p["records"]) for p in pages] == [5, 5, 5]
