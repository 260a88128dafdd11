"""A throwaway PostgreSQL 15 cluster for tests and benchmarks.

`start_cluster()` runs initdb into a fresh temporary folder owned by the `postgres` user
(PostgreSQL refuses to run as root), starts it with `pg_ctl` as that user on a free
loopback port with its unix socket in the same folder, and returns a `PostgresCluster`
that makes databases and stops the server. It raises `ClusterError` when any step fails:
a test that needs PostgreSQL and cannot start it fails, it never skips.

In pytest, re-export the fixtures from a conftest:

    from tests.pg import postgres_cluster, postgres_url  # noqa: F401

`postgres_url` is one session-wide database; call `postgres_cluster.create_database()`
for a fresh one.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PG_BIN = Path(os.environ.get("KEUKENTAFEL_PG_BIN", "/usr/lib/postgresql/15/bin"))
PG_USER = "postgres"


class ClusterError(RuntimeError):
    """The throwaway cluster could not be made or started."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(args: list[str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    # runuser when we are root (the usual case here); plain when already not root.
    prefix = ["runuser", "-u", PG_USER, "--"] if os.geteuid() == 0 else []
    try:
        return subprocess.run(
            prefix + args, capture_output=True, text=True, timeout=timeout, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ClusterError(f"could not run {Path(args[0]).name}: {exc}") from exc


@dataclass
class PostgresCluster:
    """A running throwaway cluster: its folder, port and socket directory."""

    root: Path
    port: int
    _counter: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root

    def url(self, database: str = "postgres") -> str:
        """A SQLAlchemy URL (psycopg 3) reaching `database` over the unix socket."""
        return (
            f"postgresql+psycopg://{PG_USER}@/{database}"
            f"?host={self.socket_dir}&port={self.port}"
        )

    def create_database(self, name: str | None = None) -> str:
        """Make a new empty database and return its URL."""
        name = name or f"kt_{os.getpid()}_{next(self._counter)}"
        proc = _as_postgres(
            [str(PG_BIN / "createdb"), "-h", str(self.socket_dir), "-p", str(self.port), name]
        )
        if proc.returncode != 0:
            raise ClusterError(f"createdb failed: {proc.stderr.strip()[:500]}")
        return self.url(name)

    def restart(self) -> None:
        """Stop (fast: every session is ended) and start again on the same port, as an
        operator's restart or a failover does to the service's pooled connections."""
        proc = _as_postgres(
            [str(PG_BIN / "pg_ctl"), "-D", str(self.data_dir), "-l",
             str(self.root / "server.log"), "-m", "fast", "-w", "-t", "60", "restart"],
            timeout=90,
        )
        if proc.returncode != 0:
            raise ClusterError(f"pg_ctl restart failed: {proc.stderr.strip()[:300]}")
        _wait_ready(self)

    def stop(self) -> None:
        _as_postgres(
            [str(PG_BIN / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "-w", "stop"]
        )
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster(max_connections: int = 300, *, durable: bool = False) -> PostgresCluster:
    """initdb + pg_ctl start as `postgres` in a new temporary folder; ClusterError on failure.

    `durable=True` keeps PostgreSQL's own defaults (fsync, synchronous_commit and
    full_page_writes on), as a deployment runs: for benchmarks. Tests leave it off."""
    if not (PG_BIN / "initdb").exists():
        raise ClusterError(f"no PostgreSQL binaries in {PG_BIN}")
    # Not under pytest's tmp_path: that is 0700 root and the postgres user cannot enter it.
    root = Path(tempfile.mkdtemp(prefix="kt-pg-"))
    try:
        if os.geteuid() == 0:
            shutil.chown(root, user=PG_USER, group=PG_USER)
        os.chmod(root, 0o700)
        data = root / "data"
        proc = _as_postgres(
            [str(PG_BIN / "initdb"), "-D", str(data), "-U", PG_USER, "--auth=trust",
             "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
            timeout=120,
        )
        if proc.returncode != 0:
            raise ClusterError(f"initdb failed: {proc.stderr.strip()[:500]}")
        port = _free_port()
        options = (
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1 "
            f"-c max_connections={max_connections} -c shared_buffers=64MB"
        )
        if not durable:
            # Durability is pointless for a throwaway test cluster; speed is not.
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        proc = _as_postgres(
            [str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"),
             "-o", options, "-w", "-t", "60", "start"],
            timeout=90,
        )
        if proc.returncode != 0:
            log = (root / "server.log")
            tail = log.read_text(errors="replace")[-500:] if log.exists() else ""
            raise ClusterError(f"pg_ctl start failed: {proc.stderr.strip()[:300]} {tail}")
        cluster = PostgresCluster(root=root, port=port)
        _wait_ready(cluster)
        return cluster
    except BaseException:
        if (root / "data" / "postmaster.pid").exists():
            _as_postgres(
                [str(PG_BIN / "pg_ctl"), "-D", str(root / "data"), "-m", "immediate", "stop"],
                timeout=30,
            )
        shutil.rmtree(root, ignore_errors=True)
        raise


def _wait_ready(cluster: PostgresCluster, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        proc = _as_postgres(
            [str(PG_BIN / "pg_isready"), "-h", str(cluster.socket_dir), "-p", str(cluster.port)]
        )
        if proc.returncode == 0:
            return
        time.sleep(0.2)
    raise ClusterError("PostgreSQL did not become ready")


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """One throwaway cluster for the whole test session; the test fails if it cannot start."""
    try:
        cluster = start_cluster()
    except ClusterError as exc:
        pytest.fail(f"PostgreSQL is needed and could not be started: {exc}", pytrace=False)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def postgres_url(postgres_cluster: PostgresCluster) -> str:
    """A SQLAlchemy URL of one empty database in the session's cluster."""
    try:
        return postgres_cluster.create_database()
    except ClusterError as exc:
        pytest.fail(str(exc), pytrace=False)
