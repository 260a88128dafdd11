"""Which keyring the `keukentafel` command uses is keyring's own choice, through
PYTHON_KEYRING_BACKEND: the fail backend sends the wrapped key to a 0600 file, a working
backend keeps it and no file is written."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASS = "een keyring wachtwoord"


def _cli(data_dir: Path, env: dict[str, str], *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), *argv,
         "--passphrase-stdin"],
        input=PASS + "\n", text=True, cwd=ROOT, env={**os.environ, **env},
        capture_output=True, check=False,
    )


def test_fail_backend_means_a_private_key_file(tmp_path):
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    data_dir = tmp_path / "data"
    assert _cli(data_dir, env, "init").returncode == 0
    done = _cli(data_dir, env, "status")
    status = json.loads(done.stdout)
    assert status["key_location"] == "file" and "key_warning" in status
    assert stat.S_IMODE((data_dir / "store.key").stat().st_mode) == 0o600


def test_a_working_backend_holds_the_key(tmp_path):
    secrets = tmp_path / "keyring.json"
    env = {"PYTHON_KEYRING_BACKEND": "tests.storage.keyring_backend.FolderKeyring",
           "KT_TEST_KEYRING_FILE": str(secrets)}
    data_dir = tmp_path / "data"
    assert _cli(data_dir, env, "init").returncode == 0
    status = json.loads(_cli(data_dir, env, "status").stdout)
    assert status["key_location"] == "keyring" and "key_warning" not in status
    assert not (data_dir / "store.key").exists()
    (name,) = json.loads(secrets.read_text())
    assert name.startswith("keukentafel/store-")
    # Without the keyring the store cannot be opened: both the account and the passphrase.
    secrets.unlink()
    done = _cli(data_dir, env, "status")
    assert done.returncode == 1 and "wrapped key" in done.stderr
