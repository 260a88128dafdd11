"""End to end: two and three laptops against the real service in a uvicorn process."""

from __future__ import annotations

import pytest

from sync.protocol import DELETED
from tests.sync.harness import service_records, snapshot

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def team(service_db):
    return service_db.add_user()


def _enrolled(laptops, service, team, n):
    return [laptops(f"laptop-{i}").enrol(service.url, team) for i in range(n)]


def test_offline_edits_to_different_fields_both_survive(laptops, service, team):
    a, b = _enrolled(laptops, service, team, 2)
    case_id = a.new_case(team)
    person = a.store.create_record("person", {"name": "Sanne Voorbeeld"}, case_id=case_id)
    a.sync()
    b.sync()
    assert b.store.get_record(person.id).fields["name"] == "Sanne Voorbeeld"

    a.store.update_record(person.id, {"role": "moeder"})
    b.store.update_record(person.id, {"phone": "0600000000"})
    ra = a.sync()
    rb = b.sync()
    a.sync()
    assert ra.pushed == 1 and rb.pushed == 1 and rb.conflicts == 0
    for laptop in (a, b):
        fields = laptop.store.get_record(person.id).fields
        assert fields["role"] == "moeder" and fields["phone"] == "0600000000"
        assert laptop.store.pending_count() == 0
    on_service = service_records(service.url, a.store.get_setting("token"))[person.id]
    assert on_service.fields["role"] == "moeder" and on_service.fields["phone"] == "0600000000"


def test_the_same_field_on_two_laptops_is_one_conflict_on_both(laptops, service, team):
    a, b = _enrolled(laptops, service, team, 2)
    case_id = a.new_case(team)
    task = a.store.create_record("task", {"title": "Huisbezoek plannen"}, case_id=case_id)
    a.sync()
    b.sync()
    a.store.update_record(task.id, {"due_on": "2026-12-01"})
    b.store.update_record(task.id, {"due_on": "2026-12-15"})
    a.sync()
    report = b.sync()
    a.sync()
    assert report.conflicts == 1
    seen = []
    for laptop in (a, b):
        conflicts = laptop.store.list_conflicts()
        assert len(conflicts) == 1
        c = conflicts[0]
        assert c.record_id == task.id and c.field == "due_on"
        assert {c.kept, c.incoming} == {"2026-12-01", "2026-12-15"}
        seen.append(c.id)
        # the service kept the first value; both laptops show it
        assert laptop.store.get_record(task.id).fields["due_on"] == "2026-12-01"
        assert laptop.store.pending_count() == 0
    assert seen[0] == seen[1]


def test_text_edits_in_different_paragraphs_merge(laptops, service, team):
    a, b = _enrolled(laptops, service, team, 2)
    summary = "Eerste alinea.\n\nTweede alinea.\n\nDerde alinea.\n"
    case_id = a.new_case(team, summary=summary)
    a.sync()
    b.sync()
    a.store.update_record(case_id, {"summary": summary.replace("Eerste", "Eerste, aangevuld")})
    b.store.update_record(case_id, {"summary": summary.replace("Derde", "Derde, herzien")})
    a.sync()
    report = b.sync()
    a.sync()
    merged = "Eerste, aangevuld alinea.\n\nTweede alinea.\n\nDerde, herzien alinea.\n"
    assert report.merged == 1 and report.conflicts == 0
    for laptop in (a, b):
        assert laptop.store.get_record(case_id).fields["summary"] == merged
        assert laptop.store.list_conflicts() == []


def test_delete_versus_edit_is_a_conflict_that_can_restore(laptops, service, team):
    a, b = _enrolled(laptops, service, team, 2)
    case_id = a.new_case(team)
    person = a.store.create_record("person", {"name": "Opa Voorbeeld"}, case_id=case_id)
    a.sync()
    b.sync()
    a.store.delete_record(person.id)
    b.store.update_record(person.id, {"role": "opa"})
    a.sync()
    report = b.sync()
    a.sync()
    assert report.conflicts == 1
    for laptop in (a, b):
        (c,) = laptop.store.list_conflicts()
        assert c.field is None and c.record_id == person.id
        assert c.kept == DELETED and c.incoming["role"] == "opa"
    # Restoring with the edited fields brings the record back everywhere.
    (c,) = b.store.list_conflicts()
    b.store.queue_resolution(c.id, c.incoming)
    b.sync()
    a.sync()
    for laptop in (a, b):
        record = laptop.store.get_record(person.id)
        assert not record.deleted and record.fields["role"] == "opa"
        assert laptop.store.list_conflicts() == []


def test_a_conflict_resolved_on_one_laptop_closes_on_the_others(laptops, service, team):
    a, b, c = _enrolled(laptops, service, team, 3)
    case_id = a.new_case(team)
    task = a.store.create_record("task", {"title": "Gesprek school"}, case_id=case_id)
    for laptop in (a, b, c):
        laptop.sync()
    a.store.update_record(task.id, {"title": "Gesprek met school"})
    b.store.update_record(task.id, {"title": "Gesprek met de mentor"})
    for laptop in (a, b, c, a):
        laptop.sync()
    for laptop in (a, b, c):
        assert len(laptop.store.list_conflicts()) == 1
    (conflict,) = c.store.list_conflicts()
    c.store.queue_resolution(conflict.id, "Gesprek met school en mentor")
    assert c.sync().resolved == 1
    for laptop in (a, b):
        laptop.sync()
    tokens = a.store.get_setting("token")
    assert service_records(service.url, tokens)[task.id].fields["title"] == (
        "Gesprek met school en mentor")
    for laptop in (a, b, c):
        assert laptop.store.list_conflicts() == []
        assert laptop.store.get_record(task.id).fields["title"] == "Gesprek met school en mentor"
        resolved = laptop.store.list_conflicts(open_only=False)
        assert [x.resolved for x in resolved] == [True]


def test_a_pulled_record_keeps_the_workers_unpushed_edits(laptops, service, team):
    a, b = _enrolled(laptops, service, team, 2)
    case_id = a.new_case(team)
    person = a.store.create_record("person", {"name": "Tante Voorbeeld", "role": "tante"},
                                   case_id=case_id)
    a.sync()
    b.sync()
    b.store.update_record(person.id, {"role": "oom", "circle": "family"})
    b.sync()

    def worker_types_during_the_sync(point: str) -> None:
        if point == "before_pull":  # the push is done; the pull brings b's edit
            a.store.update_record(person.id, {"role": "nicht", "phone": "0611111111"})

    a.sync(crash=worker_types_during_the_sync)
    mine = a.store.get_record(person.id)
    # b's value where a did not edit; a's own values where a did, still to be pushed
    assert mine.fields["circle"] == "family"
    assert mine.fields["role"] == "nicht" and mine.fields["phone"] == "0611111111"
    assert a.store.pending_count() == 1
    a.sync()
    b.sync()
    for laptop in (a, b):
        fields = laptop.store.get_record(person.id).fields
        assert fields["phone"] == "0611111111" and fields["circle"] == "family"
        assert fields["role"] == "oom"  # the service keeps its value ...
        (conflict,) = laptop.store.list_conflicts()  # ... and the worker's is in a conflict
        assert (conflict.field, conflict.kept, conflict.incoming) == ("role", "oom", "nicht")


def test_push_goes_in_batches_and_the_listener_hears_every_step(laptops, service, team):
    import json

    import httpx

    from sync.engine import SyncListener

    a = laptops("a").enrol(service.url, team)
    case_id = a.new_case(team)
    a.store.create_records(("task", {"title": f"Taak {i}"}, case_id, None) for i in range(6))
    batches: list[int] = []

    def count(request: httpx.Request) -> None:
        if request.url.path.endswith("/sync/push"):
            batches.append(len(json.loads(request.content)["changes"]))

    class Recorder(SyncListener):
        def __init__(self) -> None:
            self.events: list[tuple[str, int]] = []
            self.finished_with = None

        def progress(self, progress) -> None:
            self.events.append((progress.stage, progress.pushed))

        def finished(self, report) -> None:
            self.finished_with = report

    recorder = Recorder()
    engine = a.engine(push_batch=3, http=httpx.Client(event_hooks={"request": [count]}))
    report = engine.run(recorder)
    assert batches == [3, 3, 1]
    assert report.pushed == 7 and a.store.pending_count() == 0
    assert [e for e in recorder.events if e[0] == "push"] == [("push", 3), ("push", 6),
                                                               ("push", 7)]
    assert recorder.events[-1][0] == "done" and recorder.finished_with is report
    assert json.loads(json.dumps(report.as_json()))["pushed"] == 7


def test_a_batch_that_edits_a_record_of_the_batch_before_waits_for_its_results(
        laptops, service, team):
    """Batches go out while the one before is being stored, except one that edits a record
    of that batch: it is sent after those results are stored, on the rev they gave."""
    import json

    import httpx

    a = laptops("a").enrol(service.url, team)
    case_id = a.new_case(team)
    person = a.store.create_record("person", {"name": "Sanne Voorbeeld"}, case_id=case_id)
    a.store.take_outbox()  # a sync that died after taking them: both stay in flight
    a.store.update_record(person.id, {"role": "moeder"})  # a new change of the same record
    a.store.create_record("task", {"title": "Afspraak"}, case_id=case_id)
    pushes: list[list[dict]] = []
    answers: list[list[dict]] = []

    def sent(request: httpx.Request) -> None:
        if request.url.path.endswith("/sync/push"):
            pushes.append(json.loads(request.content)["changes"])

    def answered(response: httpx.Response) -> None:
        if response.request.url.path.endswith("/sync/push"):
            response.read()
            answers.append(response.json()["results"])

    http = httpx.Client(event_hooks={"request": [sent], "response": [answered]})
    report = a.sync(push_batch=2, http=http)
    assert [[c["record_id"] for c in p] for p in pushes] == [[case_id, person.id],
                                                            [person.id, pushes[1][1]["record_id"]]]
    created_rev = answers[0][1]["rev"]
    assert created_rev > 0 and pushes[1][0]["base_rev"] == created_rev
    assert [r["status"] for r in answers[1]] == ["applied", "applied"]
    assert report.conflicts == 0 and a.store.pending_count() == 0
    on_service = service_records(service.url, a.store.get_setting("token"))
    assert on_service[person.id].fields["role"] == "moeder"


def test_a_laptops_own_records_come_back_as_their_writer_and_time(laptops, service, team):
    """The echo of a push (docs/protocol.md): what the laptop wrote as it was comes back
    as a stamp, and the laptop then holds exactly what the service holds; another laptop's
    write in the same stretch still comes whole."""
    a, b = _enrolled(laptops, service, team, 2)
    case_id = a.new_case(team)
    person = a.store.create_record("person", {"name": "Sanne Voorbeeld"}, case_id=case_id)
    report = a.sync()
    assert (report.pushed, report.stamped, report.pulled) == (2, 2, 0)
    b.sync()
    b.store.update_record(person.id, {"role": "moeder"})
    task = a.store.create_record("task", {"title": "Bellen met school"}, case_id=case_id)
    report = b.sync()  # an edit on the rev the service held comes back as a stamp too
    assert (report.pushed, report.stamped, report.pulled) == (1, 1, 0)
    report = a.sync()
    assert (report.pushed, report.stamped, report.pulled) == (1, 1, 1)
    on_service = service_records(service.url, a.store.get_setting("token"))
    assert set(on_service) == {case_id, person.id, task.id}
    assert snapshot(a.records()) == snapshot(on_service)
    for record_id, held in on_service.items():
        mine = a.store.get_record(record_id)
        assert (mine.updated_by, mine.updated_at) == (held.updated_by, held.updated_at)
