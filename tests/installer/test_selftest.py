"""`keukentafel --self-test` from the source tree: every check runs for real (SQLCipher, the
store, the Dutch catalogue, the keyring, the window offscreen), and nothing is left behind.
`make installer-check` runs the same against the built bundle."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from desktop.selftest import FAIL, OK, WARN, Outcome, report


def test_the_self_test_passes_and_leaves_nothing_behind(tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "desktop.cli", "--self-test"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Keukentafel ") and lines[0].endswith(" self-test")
    status = {line.split(":", 1)[0].split()[-1]: line.split()[0] for line in lines[1:-1]}
    assert status == {"sqlcipher": OK, "store": OK, "translations": OK, "window": OK,
                      "keyring": WARN}  # the tests' keyring is the fail backend
    assert "kdf_iter 256000" in done.stdout and "'&Nieuw dossier'" in done.stdout
    assert lines[-1] == "self-test passed with warnings: keyring"
    assert list(scratch.iterdir()) == []  # the throwaway store and its folder are gone
    assert not (tmp_path / "data").exists()  # and the worker's data folder was not touched


def test_a_failed_check_exits_non_zero_with_its_reason():
    out = io.StringIO()
    code = report([Outcome("sqlcipher", OK, "4.6"),
                   Outcome("translations", FAIL, "the Dutch catalogue keukentafel_nl.qm is "
                                                 "missing")], out)
    assert code == 1
    assert "FAIL  translations: the Dutch catalogue keukentafel_nl.qm is missing" in out.getvalue()
    assert out.getvalue().splitlines()[-1] == "self-test FAILED: translations"
