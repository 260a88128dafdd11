"""`keukentafel enrol | sync | conflicts | status` against the real service."""

from __future__ import annotations

import io
import json
import sys

import pytest

from desktop.cli import main
from storage.store import CaseStore
from tests.sync.harness import PASSPHRASE, Laptop, free_port

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def run(monkeypatch, capsys, data_dir, *args: str, stdin: str = PASSPHRASE + "\n"):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["--data-dir", str(data_dir), *args, "--passphrase-stdin"])
    out, err = capsys.readouterr()
    return code, out, err


def test_enrol_seed_sync_status_and_conflicts(monkeypatch, capsys, service, service_db, tmp_path):
    account = service_db.add_user()
    data = tmp_path / "cli-laptop"
    code, out, err = run(monkeypatch, capsys, data, "enrol", "--server", service.url,
                         "--user", account.username, "--device-name", "Laptop wijkteam",
                         stdin=f"{PASSPHRASE}\n{account.password}\n")
    assert code == 0, err
    enrolled = json.loads(out)
    assert enrolled["user"]["id"] == account.user_id and enrolled["device_id"]

    code, out, err = run(monkeypatch, capsys, data, "status")
    status = json.loads(out)
    assert status["device_id"] == enrolled["device_id"]
    assert status["server_url"] == service.url and status["cursor"] == ""

    code, out, err = run(monkeypatch, capsys, data, "seed-demo", "--cases", "2")
    assert code == 0, err
    code, out, err = run(monkeypatch, capsys, data, "sync")
    assert code == 0, err
    report = json.loads(out)
    assert {"pushed", "pulled", "merged", "conflicts", "cursor", "duration"} <= set(report)
    assert report["pushed"] > 2 and report["rejected"] == 0 and report["cursor"]
    code, out, err = run(monkeypatch, capsys, data, "status")
    assert json.loads(out)["cursor"] == report["cursor"]

    # The seeded cases are the user's, in the user's team: another laptop of theirs gets them.
    other = Laptop(tmp_path / "other").enrol(service.url, account)
    try:
        other.sync()
        cases = other.store.list_records(kind="case")
        assert len(cases) == 2
        assert all(c.fields["team_id"] == account.team_id for c in cases)
        assert all(c.fields["contact_worker_id"] == account.user_id for c in cases)

        # One field edited on both: the CLI lists the conflict and resolves it online.
        case_id = cases[0].id
        other.store.update_record(case_id, {"legal_framework": "ots"})
        other.sync()
        with CaseStore.open(data, PASSPHRASE) as store:
            store.update_record(case_id, {"legal_framework": "guardianship"})
        code, out, err = run(monkeypatch, capsys, data, "sync")
        assert json.loads(out)["conflicts"] == 1
        code, out, err = run(monkeypatch, capsys, data, "conflicts", "list")
        (conflict,) = json.loads(out)
        assert {conflict["kept"], conflict["incoming"]} == {"ots", "guardianship"}
        code, out, err = run(monkeypatch, capsys, data, "conflicts", "resolve", conflict["id"],
                             "--value", '"guardianship"')
        assert code == 0, err
        assert json.loads(out) == {"conflict_id": conflict["id"], "status": "resolved"}
        other.sync()
        assert other.store.list_conflicts() == []
        assert other.store.get_record(case_id).fields["legal_framework"] == "guardianship"
    finally:
        other.close()

    # The token lives only inside the encrypted store: no file in the folder holds it.
    with CaseStore.open(data, PASSPHRASE) as store:
        token = store.get_setting("token").encode()
    for path in data.rglob("*"):
        if path.is_file():
            assert token not in path.read_bytes(), path.name


def test_a_resolution_made_offline_is_queued_and_sent_by_the_next_sync(
    monkeypatch, capsys, service, service_db, tmp_path
):
    account = service_db.add_user()
    a = Laptop(tmp_path / "a").enrol(service.url, account)
    b = Laptop(tmp_path / "b").enrol(service.url, account)
    case_id = a.new_case(account)
    a.sync()
    b.sync()
    a.store.update_record(case_id, {"status": "intake"})
    b.store.update_record(case_id, {"status": "closed"})
    a.sync()
    b.sync()
    (conflict,) = b.store.list_conflicts()
    b.store.set_setting("server_url", f"http://127.0.0.1:{free_port()}")  # nobody listens
    b.close()
    code, out, err = run(monkeypatch, capsys, b.data_dir, "conflicts", "resolve", conflict.id,
                         "--value", '"active"')
    assert code == 0, err
    assert json.loads(out)["status"] == "queued"
    code, out, err = run(monkeypatch, capsys, b.data_dir, "conflicts", "list")
    assert json.loads(out) == []  # resolved here, waiting to be sent
    b.open()
    b.store.set_setting("server_url", service.url)
    assert b.sync().resolved == 1
    a.sync()
    for laptop in (a, b):
        assert laptop.store.get_record(case_id).fields["status"] == "active"
        assert laptop.store.list_conflicts() == []
        laptop.close()


def test_cli_on_a_revoked_laptop_wipes_and_says_so(monkeypatch, capsys, service, service_db,
                                                  tmp_path):
    account = service_db.add_user()
    a = Laptop(tmp_path / "a").enrol(service.url, account)
    a.new_case(account)
    a.sync()
    service_db.revoke(a.device_id)
    a.close()
    code, out, err = run(monkeypatch, capsys, a.data_dir, "sync")
    assert code == 1
    assert "wiped" in err
    assert not CaseStore.exists(a.data_dir)
    assert [p.name for p in a.data_dir.iterdir()] == []


def test_cli_with_a_refused_token_keeps_everything(monkeypatch, capsys, service, service_db,
                                                  tmp_path):
    account = service_db.add_user()
    a = Laptop(tmp_path / "a").enrol(service.url, account)
    case_id = a.new_case(account)
    a.store.set_setting("token", "not-a-valid-token")
    a.close()
    code, out, err = run(monkeypatch, capsys, a.data_dir, "sync")
    assert code == 1 and "enrol again" in err
    code, out, err = run(monkeypatch, capsys, a.data_dir, "enrol", "--server", service.url,
                         "--user", account.username, stdin=f"{PASSPHRASE}\n{account.password}\n")
    assert code == 0, err
    code, out, err = run(monkeypatch, capsys, a.data_dir, "sync")
    assert code == 0, err
    assert json.loads(out)["pushed"] == 1  # the edit made before the refusal
    a.open()
    assert a.store.get_record(case_id).rev > 0
    a.close()


def test_sync_before_enrolment_says_what_to_do(monkeypatch, capsys, tmp_path):
    CaseStore.create(tmp_path / "fresh", PASSPHRASE).close()
    code, out, err = run(monkeypatch, capsys, tmp_path / "fresh", "sync")
    assert code == 1 and "keukentafel enrol" in err and out == ""
    code, out, err = run(monkeypatch, capsys, tmp_path / "fresh", "conflicts", "resolve", "x",
                         "--value", "not json")
    assert code == 1 and "JSON" in err


def test_a_failed_first_enrolment_leaves_no_store(monkeypatch, capsys, service, service_db,
                                                 tmp_path):
    account = service_db.add_user()
    code, out, err = run(monkeypatch, capsys, tmp_path / "new", "enrol", "--server",
                         service.url, "--user", account.username,
                         stdin=f"{PASSPHRASE}\nnot-the-password\n")
    assert code == 1 and "refused" in err
    assert not CaseStore.exists(tmp_path / "new")


def test_sync_says_in_words_that_changes_are_kept(monkeypatch, capsys, service, service_db,
                                                  tmp_path):
    worker = service_db.add_user()
    colleague = service_db.add_user(worker.team_name)
    lead = service_db.add_user(worker.team_name, role="teamlead")
    laptop = Laptop(tmp_path / "cli-rejected").enrol(service.url, worker)
    boss = Laptop(tmp_path / "lead").enrol(service.url, lead)
    try:
        case_id = laptop.new_case(worker, title="Familie Tekst")
        laptop.sync()
        boss.sync()
        # Offline the worker writes a note and shares the case with themself (who sees a
        # case is not the held rule's to decide); the team lead has given it to a colleague
        # meanwhile: that change cannot be delivered.
        laptop.store.update_record(case_id, {"summary": "Notitie die niet verloren mag gaan.",
                                             "shared_with": [worker.user_id]})
        boss.store.update_record(case_id, {"contact_worker_id": colleague.user_id})
        boss.sync()
    finally:
        laptop.close()
        boss.close()
    code, out, err = run(monkeypatch, capsys, tmp_path / "cli-rejected", "sync")
    assert code == 0, err
    report = json.loads(out)
    assert report["rejected"] == 1 and report["rejected_kept"] == 1
    assert "1 change(s) could not be sent" in report["message"]
    assert "kept safely on this laptop" in report["message"]
