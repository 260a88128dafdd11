"""`keukentafel init | seed-demo | status | export | passphrase change | rekey`: secrets from
standard input, JSON on standard output, exit codes 0 / 1 / 2 with one line on stderr."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from desktop.cli import main
from storage.store import CaseStore

PASS = "een lange zin als wachtwoord"


@pytest.fixture
def run(monkeypatch, capsys, data_dir):
    def run_(*argv: str, stdin: str = PASS + "\n") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["--data-dir", str(data_dir), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run_


def test_init_seed_status_export(run, data_dir):
    assert run("init", "--passphrase-stdin")[0] == 0
    code, _, err = run("seed-demo", "--cases", "3", "--passphrase-stdin")
    assert code == 0 and "3 fictional cases" in err
    code, out, _ = run("status", "--passphrase-stdin")
    status = json.loads(out)
    assert code == 0
    assert status["counts"]["case"] == 3
    assert status["pending_changes"] == sum(status["counts"].values())
    assert status["open_conflicts"] == 0
    assert status["key_location"] == "file" and status["last_sync"] is None
    code, out, _ = run("export", "--format", "json", "--passphrase-stdin")
    records = json.loads(out)
    assert code == 0 and len(records) == sum(status["counts"].values())
    assert all(set(r) == {"id", "kind", "case_id", "rev", "deleted", "fields"} for r in records)
    # As the service's seed-demo: dates around the day it runs, not a fixed day long past.
    today = dt.date.today()
    reviews = [dt.date.fromisoformat(r["fields"]["review_on"]) for r in records
               if r["kind"] == "safety_plan"]
    assert reviews and all(today - dt.timedelta(days=1) <= d <= today + dt.timedelta(days=121)
                           for d in reviews)
    case_id = next(r["id"] for r in records if r["kind"] == "case")
    code, out, _ = run("export", "--case", case_id, "--passphrase-stdin")
    one = json.loads(out)
    assert {r["case_id"] for r in one} == {case_id} and one[0]["kind"] == "case"
    with CaseStore.open(data_dir, PASS) as store:
        assert any(e.action == "export" and e.case_id == case_id for e in store.access_log())


def test_seeding_twice_adds_new_households(run):
    run("init", "--passphrase-stdin")
    run("seed-demo", "--cases", "2", "--passphrase-stdin")
    assert run("seed-demo", "--cases", "2", "--passphrase-stdin")[0] == 0
    assert json.loads(run("status", "--passphrase-stdin")[1])["counts"]["case"] == 4


def test_exit_codes(run):
    code, _, err = run("status", "--passphrase-stdin")
    assert code == 1 and err.startswith("keukentafel: ") and err.count("\n") == 1
    run("init", "--passphrase-stdin")
    assert run("init", "--passphrase-stdin")[0] == 1
    code, out, err = run("status", "--passphrase-stdin", stdin="fout\n")
    assert (code, out, err) == (2, "", "keukentafel: wrong passphrase\n")
    code, _, err = run("export", "--case", "nope", "--passphrase-stdin")
    assert code == 1 and "no such case" in err


def test_passphrase_change_and_rekey(run, data_dir):
    run("init", "--passphrase-stdin")
    run("seed-demo", "--cases", "1", "--passphrase-stdin")
    changed = run("passphrase", "change", "--passphrase-stdin", stdin=f"{PASS}\nnieuw geheim\n")
    assert changed[0] == 0
    assert run("status", "--passphrase-stdin")[0] == 2
    assert run("passphrase", "change", "--passphrase-stdin", stdin="fout\nx\n")[0] == 2
    before = (data_dir / "store.key").read_text()
    assert run("rekey", "--passphrase-stdin", stdin="nieuw geheim\n")[0] == 0
    assert (data_dir / "store.key").read_text() != before
    code, out, _ = run("status", "--passphrase-stdin", stdin="nieuw geheim\n")
    assert code == 0 and json.loads(out)["counts"]["case"] == 1


def test_an_unwritable_data_folder_is_one_line(run, data_dir):
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    data_dir.write_text("a file where the folder should be")
    code, _, err = run("init", "--passphrase-stdin")
    assert code == 1 and err.startswith("keukentafel: cannot use the data folder")
    assert err.count("\n") == 1


def test_monitor_prints_the_figures_for_a_team_lead_only(run, data_dir):
    assert run("init", "--passphrase-stdin")[0] == 0
    assert run("seed-demo", "--cases", "3", "--passphrase-stdin")[0] == 0
    from desktop.cli_store import DEMO_TEAM_ID

    with CaseStore.open(data_dir, PASS) as store:
        store.set_setting("user", {"id": "w", "role": "worker", "team_ids": [DEMO_TEAM_ID]})
        titles = [c.fields["title"] for c in store.list_records(kind="case")]
        case_ids = [c.id for c in store.list_records(kind="case")]
    code, out, err = run("monitor", "--format", "json", "--passphrase-stdin")
    assert code == 1 and out == "" and "team leads only" in err
    with CaseStore.open(data_dir, PASS) as store:
        store.set_setting("user", {"id": "l", "role": "teamlead", "team_ids": [DEMO_TEAM_ID]})
    code, out, _ = run("monitor", "--format", "json", "--passphrase-stdin")
    figures = json.loads(out)
    assert code == 0 and list(figures) == [
        "cases_by_status", "plans_by_status", "cases_by_legal_framework", "overdue_reviews",
        "median_days_to_decision", "share_returned", "share_with_child_voice"]
    assert sum(figures["cases_by_status"].values()) == 3
    assert not any(t in out for t in titles) and not any(c in out for c in case_ids)
