"""The inzage holds the case's whole access log: the service's part (reads on other laptops,
handed in; the service's own entries) merged with this laptop's, each entry once. Offline it
says that its log is this laptop's only. A real service process, two laptops, the CLI."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from collections.abc import Iterator

import pytest

from desktop.cli import main
from desktop.disclosure.words import export_words
from storage.store import CaseStore
from tests.sync.harness import PASSPHRASE, Laptop, ServiceProcess

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def own_service(service_db) -> Iterator[ServiceProcess]:
    """A service of this test's own, so it can be stopped (the shared one serves others)."""
    process = ServiceProcess(service_db.url).start()
    yield process
    process.stop()


def export_inzage(monkeypatch, capsys, laptop: Laptop, case_id: str, tmp_path,
                  person_id: str | None = None) -> dict:
    """`keukentafel export --what access` as the worker types it, on the closed store."""
    laptop.close()
    out = tmp_path / f"inzage-{person_id or 'case'}.json"
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    args = ["--data-dir", str(laptop.data_dir), "export", "--what", "access",
            "--case", case_id, "--format", "json", "--out", str(out), "--passphrase-stdin"]
    if person_id:
        args[-1:-1] = ["--person", person_id]
    code = main(args)
    _, err = capsys.readouterr()
    laptop.store = CaseStore.open(laptop.data_dir, PASSPHRASE)
    assert code == 0, err
    return json.loads(out.read_text(encoding="utf-8"))


def test_the_inzage_holds_other_laptops_reads_once_and_says_when_it_cannot(
        monkeypatch, capsys, own_service, service_db, tmp_path):
    worker = service_db.add_user()
    lead = service_db.add_user(worker.team_name, role="teamlead")
    sharer = service_db.add_user(worker.team_name)
    a = Laptop(tmp_path / "a", "laptop A").enrol(own_service.url, worker)
    b = Laptop(tmp_path / "b", "laptop B").enrol(own_service.url, lead)
    case_id = a.new_case(worker, title="Gezin Testbeeld", shared_with=[sharer.user_id])
    mother = a.store.create_record("person", {"name": "Ria Testbeeld", "role": "moeder",
                                              "phone": "0612345678"}, case_id=case_id)
    child = a.store.create_record("person", {"name": "Joep Testbeeld", "role": "zoon"},
                                     case_id=case_id)
    a.store.log_access("read", case_id=case_id, record_id=mother.id)
    a.sync()  # A's own read is handed in too: it must come back once, not twice

    b.sync()
    b.store.log_access("read", case_id=case_id, record_id=child.id)
    b_read = next(e for e in b.store.access_log(case_id) if e.action == "read")
    b.sync()

    inzage = export_inzage(monkeypatch, capsys, a, case_id, tmp_path)
    words = export_words()  # in the language the export was made in
    assert inzage["log_complete"] is True and inzage["log_reason"] is None
    log = inzage["access_log"]
    from_b = [e for e in log if e["device"] == b.device_id and e["event"] == "read"]
    assert len(from_b) == 1
    assert from_b[0]["at"] == b_read.at
    # Laptop A knows the team lead from the team directory it synced: by name.
    directory = {c.id: c.display_name for c in a.store.colleagues()}
    assert from_b[0]["user"] == directory[lead.user_id]
    assert from_b[0]["recorded"] == words.another_laptop
    assert from_b[0]["about"] == "Joep Testbeeld"
    own_reads = [e for e in log if e["device"] == a.device_id and e["event"] == "read"]
    assert len(own_reads) == 1 and own_reads[0]["recorded"] == words.this_laptop
    # What the service answered lives in the export only, not in A's store.
    assert b.device_id not in {e.device_id for e in a.store.access_log()}
    # The service's own entries: the pull that delivered the case to B, and more.
    served = [e for e in log if e["recorded"] == words.service]
    assert any(e["event"] == "pull.records" and e["device"] == b.device_id for e in served)
    # A's push of the case with its people is one row listing them: it says how many.
    pushed = [e for e in served if e["event"] == "push.applied" and e["device"] == a.device_id]
    assert [e["detail"] for e in pushed] == [words.records.replace("%1", "3")]
    assert not any(r in json.dumps(log) for r in (mother.id, child.id))
    moments = [dt.datetime.fromisoformat(e["at"]) for e in log]
    assert moments == sorted(moments)

    # For the mother alone, the son is his role, also in the service's part of the log.
    hers = export_inzage(monkeypatch, capsys, a, case_id, tmp_path, mother.id)
    text = json.dumps(hers, ensure_ascii=False)
    assert "Joep" not in text
    assert [e["about"] for e in hers["access_log"] if e["device"] == b.device_id
            and e["event"] == "read"] == ["[zoon]"]

    # A colleague the case is only shared with sees the case but not the service's log.
    c = Laptop(tmp_path / "c", "laptop C").enrol(own_service.url, sharer)
    c.sync()
    theirs = export_inzage(monkeypatch, capsys, c, case_id, tmp_path)
    assert theirs["log_complete"] is False and theirs["log_reason"] == "refused"
    assert theirs["log_note"] == words.log_refused

    own_service.stop()
    offline = export_inzage(monkeypatch, capsys, a, case_id, tmp_path)
    assert offline["log_complete"] is False and offline["log_reason"] == "offline"
    assert offline["log_note"] == words.log_offline
    assert {e["recorded"] for e in offline["access_log"]} == {words.this_laptop}
    assert any(e["event"] == "read" and e["about"] == "Ria Testbeeld"
               for e in offline["access_log"])
