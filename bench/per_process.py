"""Which serving process did the work: per uvicorn worker, its share of the requests, its
CPU and the connections it holds, sampled while wrk runs.

A service of N processes can only be N times one if the load reaches all N. Across the
whole process tree (bench/wrk.py's `tree_cpu`) two processes of which one idles look like
one busy process; this splits the figures per process.

Requests per process come from the kernel, not from the service: `ss -tin` lists each
established connection on the service's port with its owning pid and `data_segs_in`, the
segments that carried data from the client. A no-change sync or a one-change push is one
small request, one segment, so a connection's `data_segs_in` is the number of requests it
brought. Connections close when wrk ends, so `ss` is read every SAMPLE_S during the run and
each connection's last reading kept: the shares miss at most the last SAMPLE_S.
"""

from __future__ import annotations

import re
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.wrk import CLOCK_TICKS, _children, _stat_fields

SAMPLE_S = 0.25
_PID = re.compile(r"pid=(\d+)")
_SEGS_IN = re.compile(r"data_segs_in:(\d+)")
_PEER = re.compile(r"^\S+\s+\S+\s+\S+\s+(\S+)")  # recv-q, send-q, local, peer


def serving_pids(root: int) -> list[int]:
    """The processes that serve: uvicorn's spawned workers under `root` (the supervisor of
    `--workers N`), else `root` itself."""
    workers = []
    for pid in _children().get(root, []):
        try:
            argv = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        # multiprocessing's spawned children; not its resource tracker.
        if b"spawn_main" in argv:
            workers.append(pid)
    return sorted(workers) or [root]


def _own_cpu(pid: int) -> float:
    fields = _stat_fields(pid)
    return sum(int(v) for v in fields[11:13]) / CLOCK_TICKS if fields else 0.0


def _established(port: int) -> dict[tuple[int, str], int]:
    """(pid, peer address) -> data segments received, for every established connection
    to `port`."""
    out = subprocess.run(["ss", "-tinpH", "state", "established", f"( sport = :{port} )"],
                         capture_output=True, text=True, check=False).stdout
    found = {}
    # One connection is a line of addresses followed by indented lines of its details.
    for block in re.split(r"\n(?=\S)", out):
        pid, segs, peer = _PID.search(block), _SEGS_IN.search(block), _PEER.search(block)
        if pid and peer:
            found[(int(pid.group(1)), peer.group(1))] = int(segs.group(1)) if segs else 0
    return found


@dataclass
class Share:
    pid: int
    requests: int
    connections: int
    cpu_s: float


@dataclass
class PerProcess:
    """What the serving processes did over one measured span."""

    shares: list[Share] = field(default_factory=list)
    wall: float = 0.0
    note: str = ""  # what else the caller measured over the span

    def line(self) -> str:
        total = sum(s.requests for s in self.shares) or 1
        parts = [f"{s.requests / total:.0%} of the requests, {s.cpu_s / max(self.wall, 1e-9):.2f}"
                 f" cores, {s.connections} connections" for s in self.shares]
        return "per process: " + "; ".join(parts) + (f"; {self.note}" if self.note else "")


@contextmanager
def watch_processes(root: int, port: int) -> Iterator[PerProcess]:
    """Sample the serving processes under `root` on `port` while the block runs; the
    yielded PerProcess is filled in when the block ends."""
    import time

    pids = serving_pids(root)
    result = PerProcess()
    latest: dict[tuple[int, str], int] = {}
    stop = threading.Event()

    def sample() -> None:
        while True:
            latest.update(_established(port))
            if stop.wait(SAMPLE_S):
                return

    cpu = {pid: _own_cpu(pid) for pid in pids}
    started = time.perf_counter()
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield result
    finally:
        stop.set()
        sampler.join()
        result.wall = time.perf_counter() - started
        for pid in pids:
            mine = [segs for (owner, _), segs in latest.items() if owner == pid]
            result.shares.append(Share(pid, sum(mine), len(mine), _own_cpu(pid) - cpu[pid]))
