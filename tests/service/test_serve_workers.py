"""`keukentafel-server serve --workers N`: every worker takes its share of the connections.

With one listening socket shared by the workers, a burst of connections (a load generator,
a reverse proxy opening its upstream pool when every laptop comes back at once) was
accepted whole by the worker that woke first, and the others served nothing (issue 15). Each
worker now listens on a socket of its own (SO_REUSEPORT), and ServiceProcess answers only
when every worker listens. Read from /proc: which process holds which socket.
"""

from __future__ import annotations

import socket
import time
from pathlib import Path

from sync.service.process import ServiceProcess

LISTEN, ESTABLISHED = "0A", "01"
BURST = 64  # all to one of two workers by chance: 2 in 2**64


def _tcp_sockets(port: int) -> dict[int, str]:
    """inode -> TCP state of every socket whose local port is `port`."""
    found = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port:
                found[int(fields[9])] = fields[3]
    return found


def _socket_inodes(pid: int) -> set[int]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = fd.readlink().name
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(int(target[len("socket:["):-1]))
    return inodes


def _workers(root: int) -> list[int]:
    workers = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            argv = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if parent == root and b"spawn_main" in argv:  # not multiprocessing's tracker
            workers.append(int(entry.name))
    return workers


def _held(workers: list[int], port: int, state: str) -> dict[int, set[int]]:
    sockets = _tcp_sockets(port)
    return {pid: {i for i in _socket_inodes(pid) if sockets.get(i) == state} for pid in workers}


def test_two_workers_each_listen_and_each_take_part_of_a_burst(tmp_path):
    with ServiceProcess(f"sqlite:///{tmp_path}/service.sqlite3", workers=2) as service:
        assert service.proc is not None
        workers = _workers(service.proc.pid)
        assert len(workers) == 2
        listening = _held(workers, service.port, LISTEN)
        first, second = (listening[pid] for pid in workers)
        assert len(first) == 1 and len(second) == 1 and first != second, listening

        # At once after start, as a load does: the second worker is already listening.
        burst = [socket.create_connection(("127.0.0.1", service.port)) for _ in range(BURST)]
        try:
            deadline = time.monotonic() + 20
            while True:
                held = _held(workers, service.port, ESTABLISHED)
                if sum(len(s) for s in held.values()) >= BURST or time.monotonic() > deadline:
                    break
                time.sleep(0.05)
            assert sum(len(s) for s in held.values()) == BURST
            assert all(held[pid] for pid in workers), {p: len(s) for p, s in held.items()}
        finally:
            for conn in burst:
                conn.close()
