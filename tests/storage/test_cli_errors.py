"""`keukentafel` fails with one clear line on standard error and the documented exit code,
never a traceback: a resolve value of the wrong type, a tampered wrapped-key file, and a
`seed-demo` that was killed halfway runs again and completes."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from storage.store import CaseStore
from sync.protocol import Conflict, PullResponse, Record

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"  # a team's id is a UUID, like every id

PASS = "een lange zin als wachtwoord"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run(monkeypatch, capsys, data_dir):
    def run_(*argv: str, stdin: str = PASS + "\n") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["--data-dir", str(data_dir), *argv, "--passphrase-stdin"])
        out, err = capsys.readouterr()
        return code, out, err

    return run_


def _one_line(err: str) -> str:
    assert "Traceback" not in err and err.count("\n") == 1 and err.startswith("keukentafel: ")
    return err


def _store_with_a_status_conflict(data_dir: Path) -> str:
    """A case that came back from a pull with a conflict on its status, as a sync leaves it."""
    with CaseStore.create(data_dir, PASS) as store:
        case = store.create_record("case", {"title": "Familie Vos", "team_id": TEAM_ID,
                                            "status": "intake"})
        store.apply_pull_page(PullResponse(
            records=[Record(id=case.id, kind="case", case_id=case.id, rev=3,
                            fields={**case.fields, "status": "active"})],
            conflicts=[Conflict(id="c-1", record_id=case.id, case_id=case.id, kind="case",
                                field="status", base="intake", kept="active",
                                incoming="closed", created_at="2026-11-02T10:00:00Z")],
            revoked_case_ids=[], cursor="3", more=False,
        ))
        assert [c.id for c in store.list_conflicts()] == ["c-1"]
    return "c-1"


@pytest.mark.parametrize("value", ["5", "true", '["active"]', '{"status": "active"}',
                                   '"not-a-status"'])
def test_a_resolve_value_of_the_wrong_type_is_one_line(run, data_dir, value):
    conflict_id = _store_with_a_status_conflict(data_dir)
    code, out, err = run("conflicts", "resolve", conflict_id, "--value", value)
    assert code == 1 and out == ""
    assert "status" in _one_line(err)
    with CaseStore.open(data_dir, PASS) as store:  # nothing queued, the conflict still open
        assert store.take_resolutions() == [] and len(store.list_conflicts()) == 1


TAMPERINGS = {
    "no salt": lambda d: d.pop("salt"),
    "salt not base64": lambda d: d.update(salt="!!!"),
    "memory as text": lambda d: d.update(m="x"),
    "memory below Argon2's floor": lambda d: d.update(m=1),
    "a terabyte of memory": lambda d: d.update(m=10**9),
    "zero passes": lambda d: d.update(t=0),
    "short nonce": lambda d: d.update(nonce="AAAA"),
    "cut short": lambda d: d.update(sealed=d["sealed"][:20]),
    "sealed as a number": lambda d: d.update(sealed=5),
    "a list": lambda d: d.clear(),
}


@pytest.mark.parametrize("tamper", list(TAMPERINGS), ids=list(TAMPERINGS))
def test_a_tampered_key_file_is_one_line(run, data_dir, tamper):
    assert run("init")[0] == 0
    key_file = data_dir / "store.key"
    blob = json.loads(key_file.read_text())
    TAMPERINGS[tamper](blob)
    key_file.write_text("[]" if not blob else json.dumps(blob))
    code, out, err = run("status")
    assert code == 1 and out == ""
    assert "wrapped key is damaged" in _one_line(err)


def test_a_key_file_with_bytes_that_are_not_text_is_one_line(run, data_dir):
    assert run("init")[0] == 0
    (data_dir / "store.key").write_bytes(b"\xff\xfe{\x00")
    code, _, err = run("status")
    assert code == 1 and "wrapped key is damaged" in _one_line(err)


# The real command in a child process, SIGKILLed right after it wrote its second case: a
# crash point injected from outside, no hook in the app's code.
_KILLED_AFTER_TWO_CASES = """
import os, signal, sys
from storage.store import CaseStore
real = CaseStore.create_records
written = []
def create_then_die(self, items):
    result = real(self, items)
    written.append(1)
    if len(written) == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return result
CaseStore.create_records = create_then_die
from desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_seed_demo_killed_halfway_seeds_again(run, data_dir):
    assert run("init")[0] == 0
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_AFTER_TWO_CASES, "--data-dir", str(data_dir),
         "seed-demo", "--cases", "5", "--passphrase-stdin"],
        input=PASS + "\n", text=True, capture_output=True, cwd=ROOT, env=os.environ,
        timeout=300,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-500:]
    with CaseStore.open(data_dir, PASS) as store:
        assert len(store.list_records(kind="case")) == 2  # killed halfway indeed
    code, _, err = run("seed-demo", "--cases", "5")
    assert code == 0, err
    with CaseStore.open(data_dir, PASS) as store:
        cases = store.list_records(kind="case")
        assert len(cases) == 5 and len({c.id for c in cases}) == 5
        every_kind = {r.kind for r in store.list_records()}
    assert {"person", "safety_plan", "plan_item"} <= every_kind
    code, _, err = run("seed-demo", "--cases", "2")  # later seeding still adds new cases
    assert code == 0, err
    with CaseStore.open(data_dir, PASS) as store:
        assert len(store.list_records(kind="case")) == 7
