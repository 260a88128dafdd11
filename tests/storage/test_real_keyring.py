"""The wrapped key in a REAL Secret Service (gnome-keyring on a private D-Bus session bus),
through keyring's own SecretService backend and the real `keukentafel` command: created
there, not in a file; the store reopens with the passphrase; a passphrase change rewraps
it in the keyring; the 0600 key file fallback is never used."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.keys import KEY_FILE, KEYRING_SERVICE, KeySlot, unlock
from tests.storage.secret_service import secret_service

ROOT = Path(__file__).resolve().parents[2]
OLD = "de oude zin aan de keukentafel"
NEW = "een nieuwe zin aan de keukentafel"


@pytest.fixture
def keyring_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    with secret_service(tmp_path / "secret-service") as env:
        yield env


def _cli(env: dict[str, str], data_dir: Path, *argv: str, stdin: str
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), *argv,
         "--passphrase-stdin"],
        input=stdin, text=True, cwd=ROOT, env=env, capture_output=True, timeout=300,
        check=False,
    )


def _in_keyring(env: dict[str, str], data_dir: Path) -> str | None:
    """The wrapped key as the Secret Service holds it, asked through SecretStorage directly
    (not through our code), by the attributes keyring stores it under."""
    probe = (
        "import json, sys, secretstorage\n"
        "bus = secretstorage.dbus_init()\n"
        "items = list(secretstorage.get_default_collection(bus).search_items(\n"
        "    {'service': sys.argv[1], 'username': sys.argv[2]}))\n"
        "print(json.dumps([i.get_secret().decode() for i in items]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, KEYRING_SERVICE, KeySlot(data_dir).username],
        env=env, capture_output=True, text=True, timeout=60, check=True,
    )
    found = json.loads(done.stdout)
    assert len(found) <= 1
    return found[0] if found else None


def test_the_wrapped_key_lives_in_a_real_secret_service(keyring_env, tmp_path):
    data_dir = tmp_path / "data"
    done = _cli(keyring_env, data_dir, "init", stdin=OLD + "\n")
    assert done.returncode == 0, done.stderr
    assert "kept in the keyring" in done.stderr
    assert not (data_dir / KEY_FILE).exists()
    blob = _in_keyring(keyring_env, data_dir)
    assert blob is not None and json.loads(blob)["kdf"] == "argon2id"
    store_key, _ = unlock(OLD, blob)  # it is the store's key, wrapped under the passphrase
    assert len(store_key) == 32

    status = _cli(keyring_env, data_dir, "status", stdin=OLD + "\n")
    assert status.returncode == 0, status.stderr
    state = json.loads(status.stdout)
    assert state["key_location"] == "keyring" and "key_warning" not in state
    assert _cli(keyring_env, data_dir, "status", stdin="niet de zin\n").returncode == 2

    changed = _cli(keyring_env, data_dir, "passphrase", "change", stdin=f"{OLD}\n{NEW}\n")
    assert changed.returncode == 0, changed.stderr
    rewrapped = _in_keyring(keyring_env, data_dir)
    assert rewrapped is not None and rewrapped != blob
    assert unlock(NEW, rewrapped)[0] == store_key  # the same store key, a new wrapping
    assert _cli(keyring_env, data_dir, "status", stdin=OLD + "\n").returncode == 2
    reopened = _cli(keyring_env, data_dir, "status", stdin=NEW + "\n")
    assert reopened.returncode == 0, reopened.stderr
    assert json.loads(reopened.stdout)["key_location"] == "keyring"
    # The fallback was never used: no key file, not even a temporary or rekey slot.
    assert not [p.name for p in data_dir.iterdir() if p.name.startswith(KEY_FILE)]


def test_a_secret_service_that_is_gone_means_the_key_file(tmp_path):
    """keyring's SecretService backend chosen, but its daemon stopped: the store is still
    created, its key in the 0600 file with the warning, not a misleading folder error."""
    with secret_service(tmp_path / "secret-service") as env:
        pass  # started, then stopped: the bus address now leads nowhere
    data_dir = tmp_path / "data"
    done = _cli(env, data_dir, "init", stdin=OLD + "\n")
    assert done.returncode == 0, done.stderr
    assert "no working OS keyring" in done.stderr
    assert (data_dir / KEY_FILE).exists()
    status = _cli(env, data_dir, "status", stdin=OLD + "\n")
    assert json.loads(status.stdout)["key_location"] == "file"
