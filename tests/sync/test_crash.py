"""The laptop's process killed with SIGKILL at each point of a sync (`keukentafel sync` with
KEUKENTAFEL_CRASH_AT), then restarted and synced: every saved edit is on the service exactly
once or in a visible conflict, the access log reached the service once, and the store passes
its integrity check."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter

import pytest
from sqlalchemy import func, select

from sync.crashpoints import CRASH_ENV, CRASH_POINTS
from sync.service.db import transaction
from sync.service.models import AccessLogRow
from tests.sync.harness import PASSPHRASE, ROOT, Laptop, service_records, snapshot

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def _sync_in_a_process(data_dir, crash_at: str) -> subprocess.CompletedProcess[str]:
    # Pushes of two changes: laptop A's edits go in three batches, each sent while the one
    # before waits to be stored, so every push point is also met with a batch in flight.
    # Every pull page commits on its own, so the points between pull commits are met too.
    env = {**os.environ, CRASH_ENV: crash_at, "KEUKENTAFEL_PULL_LIMIT": "5",
           "KEUKENTAFEL_PULL_GROUP": "1", "KEUKENTAFEL_PUSH_BATCH": "2",
           "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), "sync",
         "--passphrase-stdin"],
        input=PASSPHRASE + "\n", capture_output=True, text=True, env=env, cwd=ROOT, timeout=60,
    )


def test_at_least_eight_crash_points_are_named():
    assert len(CRASH_POINTS) >= 8 and len(set(CRASH_POINTS)) == len(CRASH_POINTS)


@pytest.mark.parametrize("point", CRASH_POINTS)
def test_sigkill_at_each_point_of_a_sync_loses_nothing(point, service, service_db, tmp_path):
    team = service_db.add_user()
    a = Laptop(tmp_path / "a", "a").enrol(service.url, team)
    b = Laptop(tmp_path / "b", "b").enrol(service.url, team)
    try:
        case_id = a.new_case(team, summary="Regel een.\n")
        task = a.store.create_record("task", {"title": "Afspraak"}, case_id=case_id)
        child = a.store.create_record("person", {"name": "Kind Voorbeeld"}, case_id=case_id)
        gone = a.store.create_record("person", {"name": "Buurman Voorbeeld"}, case_id=case_id)
        a.sync()
        b.sync()
        # A conflict, resolved on laptop A while offline.
        a.store.update_record(task.id, {"title": "Afspraak school"})
        b.store.update_record(task.id, {"title": "Afspraak huisarts"})
        b.sync()
        a.sync()
        (conflict,) = a.store.list_conflicts()
        a.store.queue_resolution(conflict.id, "Afspraak school en huisarts")
        # Laptop B's work, for A's pull (several pages of 5), and a field of A's record.
        b.store.create_records(
            ("person", {"name": f"B-persoon {i}"}, case_id, None) for i in range(12))
        b.store.update_record(child.id, {"notes": "Gaat graag naar school.\n"})
        b.sync()
        # Laptop A's saved edits, made offline: these must never be lost.
        a.store.create_records(
            ("person", {"name": f"A-persoon {i}"}, case_id, None) for i in range(3))
        a.store.update_record(child.id, {"role": "zoon"})
        a.store.update_record(case_id, {"summary": "Regel een.\nRegel van A.\n"})
        a.store.delete_record(gone.id)
        audit_ids = {e.id for e in a.store.access_log()}
        a.close()

        crashed = _sync_in_a_process(a.data_dir, point)
        assert crashed.returncode == -signal.SIGKILL, crashed.stderr[-500:]

        a.open()  # the app starts again after the crash
        a.store._db.check_integrity()
        a.sync()
        b.sync()
        a.sync()

        token = a.store.get_setting("token")
        on_service = service_records(service.url, token)
        live = {k: r for k, r in on_service.items() if not r.deleted}
        names = Counter(r.fields.get("name") for r in live.values() if r.kind == "person")
        for i in range(3):
            assert names[f"A-persoon {i}"] == 1
        for i in range(12):
            assert names[f"B-persoon {i}"] == 1
        assert live[child.id].fields["role"] == "zoon"
        assert live[child.id].fields["notes"] == "Gaat graag naar school.\n"
        assert live[case_id].fields["summary"] == "Regel een.\nRegel van A.\n"
        assert gone.id not in live
        assert live[task.id].fields["title"] == "Afspraak school en huisarts"
        for laptop in (a, b):
            assert laptop.store.pending_count() == 0
            assert laptop.store.list_conflicts() == []
            assert snapshot(laptop.records()) == snapshot(live)
        assert a.store.verify_access_log().ok
        # The access log reached the service, each entry once.
        with transaction(service_db.factory) as session:
            rows = session.execute(
                select(AccessLogRow.entry_id, func.count())
                .where(AccessLogRow.device_id == a.device_id, AccessLogRow.source == "device")
                .group_by(AccessLogRow.entry_id)
            ).all()
        assert audit_ids <= {entry_id for entry_id, _ in rows}
        assert all(n == 1 for _, n in rows)
    finally:
        for laptop in (a, b):
            if laptop.store is not None:
                laptop.close()


class _Died(Exception):
    """Stands for the process dying at a crash point (in-process)."""


def test_a_crash_with_two_batches_in_flight_resends_only_those(laptops, service, service_db):
    """Batch 2 goes out before batch 1's results are stored; dying then leaves both in
    flight. The next sync sends them again (the service answers `duplicate`, nothing is
    written twice) and then the rest, once."""
    import json

    import httpx

    team = service_db.add_user()
    a = laptops("a").enrol(service.url, team)
    case_id = a.new_case(team)
    a.sync()
    people = a.store.create_records(
        ("person", {"name": f"Persoon {i}"}, case_id, None) for i in range(6))

    def die(point: str) -> None:
        if point == "after_push_ahead":
            raise _Died(point)

    with pytest.raises(_Died):
        a.sync(push_batch=2, crash=die)
    assert a.store.pending_count() == 6  # nothing stored: batches 1 and 2 in flight

    sent: list[list[str]] = []
    statuses: list[list[str]] = []

    def request(req: httpx.Request) -> None:
        if req.url.path.endswith("/sync/push"):
            sent.append([c["record_id"] for c in json.loads(req.content)["changes"]])

    def response(resp: httpx.Response) -> None:
        if resp.request.url.path.endswith("/sync/push"):
            resp.read()
            statuses.append([r["status"] for r in resp.json()["results"]])

    report = a.sync(push_batch=2, http=httpx.Client(
        event_hooks={"request": [request], "response": [response]}))
    ids = [p.id for p in people]
    assert sent == [ids[0:2], ids[2:4], ids[4:6]]
    # Batch 2 may or may not have reached the service before the process died.
    assert statuses[0] == ["duplicate"] * 2 and statuses[2] == ["applied"] * 2
    assert statuses[1] in (["duplicate"] * 2, ["applied"] * 2)
    assert report.pushed == 6 and report.rejected == 0 and a.store.pending_count() == 0
    on_service = service_records(service.url, a.store.get_setting("token"))
    assert {p.id for p in people} <= set(on_service)
    assert all(a.store.get_record(p.id).rev == on_service[p.id].rev for p in people)
