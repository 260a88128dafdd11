"""Faults on the wire: a push whose answer is lost, and a service killed in the middle of a pull."""

from __future__ import annotations

import json

import httpx
import pytest

from sync.errors import ServiceUnavailable
from tests.sync.harness import ServiceProcess, service_records, snapshot
from tests.sync.proxy import FaultProxy

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def proxy(service):
    p = FaultProxy(service.port)
    yield p
    p.stop()


def _push_statuses() -> tuple[httpx.Client, list[str]]:
    statuses: list[str] = []

    def hook(response: httpx.Response) -> None:
        if response.request.url.path.endswith("/sync/push") and response.status_code == 200:
            response.read()
            statuses.extend(r["status"] for r in json.loads(response.content)["results"])

    return httpx.Client(timeout=10, event_hooks={"response": [hook]}), statuses


def test_a_lost_push_answer_is_retried_without_duplicates(laptops, service, service_db, proxy):
    team = service_db.add_user()
    a = laptops("a").enrol(service.url, team)
    case_id = a.new_case(team, summary="Regel een.\n")
    a.sync()
    people = [a.store.create_record("person", {"name": f"Persoon {i}"}, case_id=case_id)
              for i in range(3)]
    a.store.update_record(case_id, {"summary": "Regel een.\nRegel twee.\n"})

    # The service commits the push; the answer is cut, then the retry gets through.
    proxy.cut_push_responses(1)
    http, statuses = _push_statuses()
    report = a.sync(proxy.url, http=http)
    assert proxy.cut_count == 1
    assert report.pushed == 4 and report.conflicts == 0
    assert statuses == ["duplicate"] * 4  # only the answers that arrived: those of the retry

    # Every attempt cut: the sync gives up, the batch stays in flight and goes again later.
    a.store.update_record(people[0].id, {"role": "moeder"})
    proxy.cut_push_responses(10)
    with pytest.raises(ServiceUnavailable):
        a.sync(proxy.url)
    proxy.cut_push_responses(0)
    token = a.store.get_setting("token")
    before = service_records(service.url, token)
    http, statuses = _push_statuses()
    a.sync(proxy.url, http=http)
    assert statuses == ["duplicate"]
    after = service_records(service.url, token)
    assert {k: v.rev for k, v in after.items()} == {k: v.rev for k, v in before.items()}
    assert len(after) == 4  # the case and three people, each once
    assert after[case_id].fields["summary"] == "Regel een.\nRegel twee.\n"
    assert after[people[0].id].fields["role"] == "moeder"
    local = a.records()
    assert {k: v.rev for k, v in local.items()} == {k: v.rev for k, v in after.items()}
    assert a.store.pending_count() == 0 and a.store.list_conflicts() == []


def test_the_service_killed_mid_pull_then_the_next_sync_has_every_record(
    laptops, service_db, tmp_path
):
    own = ServiceProcess(service_db.url).start()  # this test kills it: not the shared one
    proxy = FaultProxy(own.port)
    try:
        team = service_db.add_user()
        a = laptops("a").enrol(own.url, team)
        case_id = a.new_case(team)
        a.store.create_records(
            ("person", {"name": f"Persoon {i}", "notes": "x" * 200}, case_id, None)
            for i in range(240)
        )
        a.sync()
        b = laptops("b").enrol(own.url, team)
        proxy.on_response("/api/v1/sync/pull", own.kill, nth=3)
        with pytest.raises(ServiceUnavailable):
            b.sync(proxy.url, pull_limit=50)
        assert own.proc.poll() is not None  # it really died
        partial = b.records()
        assert 0 < len(partial) < 241  # two pages were applied with their cursor
        cursor = b.store.get_setting("cursor")
        assert cursor

        own = ServiceProcess(service_db.url, port=own.port).start()
        report = b.sync(proxy.url, pull_limit=50)
        assert report.pulled >= 241 - len(partial)
        expected = service_records(own.url, a.store.get_setting("token"))
        assert len(expected) == 241
        got = b.records()
        assert snapshot(got) == snapshot(expected)
        b.store._db.check_integrity()
    finally:
        proxy.stop()
        own.stop()


def test_a_push_above_the_size_limit_goes_in_halves(laptops, service, service_db):
    team = service_db.add_user()
    a = laptops("a").enrol(service.url, team)
    case_id = a.new_case(team)
    a.sync()
    long_notes = ("Een lange regel verslag van het huisbezoek.\n" * 24_000)  # ~1 MiB each
    people = a.store.create_records(
        ("person", {"name": f"Persoon {i}", "notes": long_notes}, case_id, None)
        for i in range(9))
    answers: list[int] = []

    def note(response: httpx.Response) -> None:
        if response.request.url.path.endswith("/sync/push"):
            answers.append(response.status_code)

    report = a.sync(http=httpx.Client(timeout=60, event_hooks={"response": [note]}))
    assert answers[0] == 413 and answers[1:] == [200] * (len(answers) - 1)
    assert report.pushed == 9 and report.rejected == 0 and a.store.pending_count() == 0
    on_service = service_records(service.url, a.store.get_setting("token"))
    assert all(on_service[p.id].fields["notes"] == long_notes for p in people)


def test_a_resolution_the_service_cannot_find_is_kept_and_the_sync_goes_on(laptops, service,
                                                                            service_db):
    from sync.protocol import Conflict, PullResponse

    team = service_db.add_user()
    a = laptops("a").enrol(service.url, team)
    case_id = a.new_case(team)
    a.sync()
    unknown = Conflict(id="00000000-0000-4000-8000-000000000000", record_id=case_id,
                       case_id=case_id, kind="case", field="status", kept="active",
                       incoming="intake", created_at="2026-01-05T10:00:00+00:00")
    cursor = a.store.get_setting("cursor")
    a.store.apply_pull_page(PullResponse(records=[], conflicts=[unknown], revoked_case_ids=[],
                                         cursor=cursor, more=False))
    a.store.queue_resolution(unknown.id, "intake")
    a.store.update_record(case_id, {"summary": "Na het netwerkberaad.\n"})
    report = a.sync()
    # Refused (404 conflict_not_found): deciding again would be refused again, so it is not
    # reported as resolved nor reopened, but kept as a rejected change, and the sync goes on.
    assert report.resolved == 0 and report.rejected == 1 and report.pushed == 1
    assert a.store.list_conflicts() == [] and a.store.take_resolutions() == []
    (kept,) = a.store.list_rejected()
    assert kept.values == {"status": "intake"} and kept.error_code == "conflict_not_found"
