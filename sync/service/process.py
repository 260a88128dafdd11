"""`keukentafel-server serve` as a child process on a free loopback port.

The demo (`make run`), the end-to-end and fault tests and the benchmarks all start the real
service this way, so there is one place that knows how to start it, wait for `/healthz`,
kill it like a power cut and stop it cleanly. Importing this loads no FastAPI.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

_LISTEN = "0A"  # the TCP state in /proc/net/tcp


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def listening_sockets(port: int) -> int:
    """How many sockets listen on `port` (any address) on this machine, from /proc/net/tcp:
    with `--workers N` each worker listens on a socket of its own once it serves
    (cli.listening_socket). 0 where /proc/net is not there to read."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            if state == _LISTEN and int(local.rsplit(":", 1)[1], 16) == port:
                count += 1
    return count


def server_command(*args: str) -> list[str]:
    """The `keukentafel-server` command line for `args`, with this interpreter.

    Never the database URL: it may hold a password and `ps` shows every command line.
    """
    return [sys.executable, "-m", "sync.service.cli", *args]


def server_env(db_url: str, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """This process's environment with the database URL (and `extra`) for the service."""
    return {**os.environ, **(extra or {}), "KEUKENTAFEL_DB_URL": db_url}


def run_server(db_url: str, *args: str, **kwargs: Any) -> subprocess.CompletedProcess[Any]:
    """Run one `keukentafel-server` command on `db_url` to its end (`subprocess.run`)."""
    return subprocess.run(server_command(*args), env=server_env(db_url), **kwargs)


class ServiceProcess:
    """The real service serving `db_url` on 127.0.0.1; a context manager that stops it."""

    def __init__(
        self, db_url: str, *, port: int | None = None, workers: int = 1,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.db_url = db_url
        self.port = port or free_port()
        self.workers = workers
        self.env = dict(env or {})
        self.proc: subprocess.Popen[bytes] | None = None
        self._log = tempfile.TemporaryFile()  # the service logs no personal data

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        """The command line that serves; a test's service of another build overrides it."""
        args = ["serve", "--host", "127.0.0.1", "--port", str(self.port)]
        if self.workers > 1:
            args += ["--workers", str(self.workers)]
        return server_command(*args)

    def start(self, timeout: float = 60) -> ServiceProcess:
        self.proc = subprocess.Popen(
            self.command(),
            env=server_env(self.db_url, self.env), stdout=self._log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the service exited at start: {self.log_tail()}")
            try:
                answer = httpx.get(f"{self.url}/healthz", timeout=1)
                if (answer.status_code == 200 and answer.json().get("status") == "ok"
                        and self._all_listening()):
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the service did not answer /healthz in time: {self.log_tail()}")

    def _all_listening(self) -> bool:
        # /healthz is answered by the first worker up; the others may still be importing
        # the app, and a load that starts then meets one process, not `workers`.
        return self.workers <= 1 or listening_sockets(self.port) >= self.workers

    def log_tail(self, chars: int = 1500) -> str:
        self._log.seek(0)
        return self._log.read()[-chars:].decode(errors="replace")

    def kill(self) -> None:
        """SIGKILL: the service dies in the middle of whatever it does, as in a power cut."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()

    def __enter__(self) -> ServiceProcess:
        return self.start() if self.proc is None else self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
        self._log.close()
