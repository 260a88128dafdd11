"""The map and plan benchmarks run (at their --quick sizes) and print every figure they name,
so a change elsewhere cannot leave `make bench` broken unnoticed. Nothing is timed here."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_quick_map_and_plan_suites_print_their_figures():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = subprocess.run([sys.executable, "-m", "bench", "--quick", "map", "plan"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    for figure in ("case file opens (reference)", "map tab, click until drawn",
                   "genogram: layout + first render", "ecogram: drag frame",
                   "comparison of two snapshots", "plan tab, click until shown",
                   "review queue until shown"):
        assert figure in done.stdout
    assert "!!" not in done.stdout


def test_the_quick_store_suite_runs_its_floor_beside_the_store():
    # The floor builds its database with the store's migrations: a trigger that needs a
    # function the store registers (kt_fold) broke it once without any test noticing.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = subprocess.run([sys.executable, "-m", "bench", "--quick", "store"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "raw sqlite3 floor" in done.stdout and "!!" not in done.stdout
