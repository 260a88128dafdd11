"""`keukentafel --self-test` from the source tree: every check runs for real (SQLCipher, the
store, the Dutch catalogue, the keyring, the window offscreen), and nothing is left behind,
not in the temporary folder and not in the keyring. `make installer-check` runs the same
against the built bundle."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from desktop.selftest import FAIL, OK, WARN, Outcome, _run, check_keyring, report
from storage.keys import KEYRING_SERVICE
from tests.storage.secret_service import secret_service


def _keyring_items(env: dict[str, str]) -> list[str]:
    """Every item of ours the Secret Service holds, asked through SecretStorage directly."""
    probe = (
        "import json, sys, secretstorage\n"
        "bus = secretstorage.dbus_init()\n"
        "items = secretstorage.get_default_collection(bus).search_items({'service': sys.argv[1]})\n"
        "print(json.dumps([i.get_label() for i in items]))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, KEYRING_SERVICE], env=env,
                          capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


def test_the_self_test_passes_and_leaves_nothing_behind(tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    with secret_service(tmp_path / "secret-service") as env:
        env = {**env, "TMPDIR": str(scratch), "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run([sys.executable, "-m", "desktop.cli", "--self-test"], env=env,
                              capture_output=True, text=True, timeout=120)
        left_in_keyring = _keyring_items(env)
    assert done.returncode == 0, done.stdout + done.stderr
    # Closing the window ended its sync and reads without one reaching the locked store.
    assert "StoreLocked" not in done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Keukentafel ") and lines[0].endswith(" self-test")
    status = {line.split(":", 1)[0].split()[-1]: line.split()[0] for line in lines[1:-1]}
    assert status == dict.fromkeys(("sqlcipher", "keyring", "store", "translations", "window"),
                                   OK)
    assert "SecretService" in done.stdout and "wrapped key in the keyring" in done.stdout
    assert "kdf_iter 256000" in done.stdout and "'&Nieuw dossier'" in done.stdout
    assert lines[-1] == "self-test passed"
    assert left_in_keyring == []  # the throwaway store's wrapped key went with it
    assert list(scratch.iterdir()) == []  # and so did its folder
    assert not (tmp_path / "data").exists()  # the worker's data folder was never touched


def test_no_working_keyring_is_a_warning_not_a_failure():
    # The tests' keyring is keyring's fail backend (tests/conftest.py).
    outcome = _run("keyring", check_keyring)
    assert outcome.status == WARN
    assert "fail.Keyring" in outcome.detail and "0600 file" in outcome.detail


def test_a_failed_check_exits_non_zero_with_its_reason():
    out = io.StringIO()
    code = report([Outcome("sqlcipher", OK, "4.6"),
                   Outcome("translations", FAIL, "the Dutch catalogue keukentafel_nl.qm is "
                                                 "missing")], out)
    assert code == 1
    assert "FAIL  translations: the Dutch catalogue keukentafel_nl.qm is missing" in out.getvalue()
    assert out.getvalue().splitlines()[-1] == "self-test FAILED: translations"
