"""A real Secret Service for a test: a private D-Bus session bus and gnome-keyring-daemon,
its login keyring created and unlocked with a known password given on standard input.

Everything lives in the test's own folder (HOME, XDG_*), so the developer's real keyring
is never touched. If the daemons are missing or do not come up, the test fails; the Debian
packages are installed by installer/system-deps.sh.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

KEYRING_PASSWORD = "sleutelbos-voor-de-test"
SECRET_SERVICE_BACKEND = "keyring.backends.SecretService.Keyring"


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def _available(env: dict[str, str]) -> bool:
    """Whether the bus has org.freedesktop.secrets with an unlocked default collection,
    asked of secretstorage (which keyring uses) in a child with the test's environment."""
    probe = (
        "import secretstorage, sys\n"
        "bus = secretstorage.dbus_init()\n"
        "ok = secretstorage.check_service_availability(bus) and "
        "not secretstorage.get_default_collection(bus).is_locked()\n"
        "sys.exit(0 if ok else 1)\n"
    )
    import sys

    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                          timeout=30, check=False)
    return done.returncode == 0


@contextmanager
def secret_service(folder: Path, timeout: float = 30) -> Iterator[dict[str, str]]:
    """Start the bus and the keyring; yield the environment that reaches them; stop both."""
    home = folder / "home"
    runtime = folder / "run"
    for path in (home, runtime):
        path.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    env = {
        **os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"), "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(runtime), "PYTHON_KEYRING_BACKEND": SECRET_SERVICE_BACKEND,
    }
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    log = (folder / "daemons.log").open("wb")
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=log, env=env,
    )
    daemon: subprocess.Popen[bytes] | None = None
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().decode().strip()
        if not address:
            raise RuntimeError(f"dbus-daemon gave no address: {_tail(folder)}")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        daemon = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE, stdout=log, stderr=log, env=env,
        )
        assert daemon.stdin is not None
        daemon.stdin.write(KEYRING_PASSWORD.encode())
        daemon.stdin.close()
        deadline = time.monotonic() + timeout
        while not _available(env):
            if daemon.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the Secret Service did not come up: {_tail(folder)}")
            time.sleep(0.2)
        yield env
    finally:
        if daemon is not None:
            _stop(daemon)
        _stop(bus)
        log.close()


def _tail(folder: Path) -> str:
    path = folder / "daemons.log"
    return path.read_text(errors="replace")[-1500:] if path.exists() else ""
