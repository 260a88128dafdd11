"""After seeding 100 fictional cases no name, phone number or note fragment can be found in
the database file, its -wal and -shm, the data folder or the temp folder, in UTF-8 or
UTF-16 and in any case; the file is not SQLite's and stock sqlite3 cannot read it."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from desktop.cli_store import DEMO_TEAM_ID, DEMO_WORKER_ID
from storage.database import DB_NAME
from storage.demo import demo_records
from storage.store import CaseStore

ROOT = Path(__file__).resolve().parents[2]
PASS = "lekdicht wachtwoord"
CASES = 100
MIN_LEN = 8  # shorter strings turn up by chance in 4 MB of ciphertext

# Any occurrence of a printable-ASCII needle lies inside a run of printable ASCII (UTF-8),
# of ASCII-and-NUL pairs (UTF-16-LE) or NUL-and-ASCII pairs (UTF-16-BE) at least as long.
RUNS = {
    "utf-8": re.compile(rb"[\x20-\x7e]{%d,}" % MIN_LEN),
    "utf-16-le": re.compile(rb"(?:[\x20-\x7e]\x00){%d,}" % MIN_LEN),
    "utf-16-be": re.compile(rb"(?:\x00[\x20-\x7e]){%d,}" % MIN_LEN),
}


def _needles() -> set[str]:
    found: set[str] = set()
    for r in demo_records(CASES, team_id=DEMO_TEAM_ID, contact_worker_id=DEMO_WORKER_ID):
        f = r.fields
        if r.kind == "person":
            found.add(f["name"])
            if f.get("phone"):
                found.add(f["phone"])
        for name in ("notes", "note", "harm", "worries", "text", "goal", "family_view",
                     "summary", "title"):
            value = f.get(name)
            if isinstance(value, str) and value and r.kind != "task":
                found.update(line[:40] for line in value.splitlines() if len(line) >= MIN_LEN)
    needles = {n.casefold() for n in found if len(n) >= MIN_LEN}
    assert all(n.isascii() and n.isprintable() for n in needles)  # what RUNS can see
    return needles


def _leaks(data: bytes, needles: set[str]) -> list[str]:
    hits = []
    for encoding, pattern in RUNS.items():
        for run in pattern.findall(data):
            text = run.decode(encoding).casefold()
            hits += [n for n in needles if n in text]
    return hits


def _scan(folders: list[Path], needles: set[str]) -> dict[str, list[str]]:
    out = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                hits = _leaks(path.read_bytes(), needles)
                if hits:
                    out[str(path)] = hits[:5]
    return out


def test_the_scanner_finds_what_it_looks_for(tmp_path):
    needles = _needles()
    name = sorted(needles)[0]
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        (tmp_path / "plain.bin").write_bytes(os.urandom(100) + name.upper().encode(encoding))
        assert _scan([tmp_path], needles), encoding


@pytest.fixture
def temp_dir(tmp_path, monkeypatch):
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_nothing_personal_reaches_the_disk_in_the_clear(tmp_path, temp_dir):
    data_dir = tmp_path / "data"
    env = {**os.environ, "TMPDIR": str(temp_dir)}
    for argv in (["init"], ["seed-demo", "--cases", str(CASES)]):
        subprocess.run(
            [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), *argv,
             "--passphrase-stdin"],
            input=PASS + "\n", text=True, cwd=ROOT, env=env, check=True, capture_output=True,
        )
    needles = _needles()
    assert len(needles) > 500
    assert _scan([data_dir, temp_dir], needles) == {}

    # With the store open and written to, the -wal and -shm exist: they are scanned too.
    with CaseStore.open(data_dir, PASS) as store:
        for case in store.list_cases()[:20]:
            for person in store.list_records("person", case_id=case.id):
                store.update_record(person.id, {"notes": f"{person.fields['name']} belde op"})
            store.list_cases(search=case.title)
        wal = data_dir / (DB_NAME + "-wal")
        assert wal.exists() and wal.stat().st_size > 0
        assert (data_dir / (DB_NAME + "-shm")).exists()
        assert _scan([data_dir, temp_dir], needles) == {}
    assert _scan([data_dir, temp_dir], needles) == {}

    db = data_dir / DB_NAME
    assert not db.read_bytes().startswith(b"SQLite format 3")
    conn = sqlite3.connect(db)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()
