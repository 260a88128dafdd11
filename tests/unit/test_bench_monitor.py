"""The monitor benchmark runs (at its --quick size) and prints its figure beside its floor,
so a change elsewhere cannot leave `make bench` broken unnoticed. Nothing is timed here."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_quick_monitor_suite_prints_its_figure_and_floor():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = subprocess.run([sys.executable, "-m", "bench", "--quick", "monitor"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "monitor, every figure" in done.stdout and "count(*) floor" in done.stdout
    assert "!!" not in done.stdout
