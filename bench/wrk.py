"""`wrk` (Debian package `wrk`, written in C, scripted in Lua) as the load generator: it runs in
a process of its own, so the service's figures are not the client's, and its CPU use is
printed beside the service's to show it is not the bottleneck.

`find_wrk` installs it with apt-get when we are root, else stops with the one command to run.
`run_wrk` runs one Lua script against a URL and returns what its `done()` reported with the
CPU time of wrk, of the service's process tree and of the whole machine over the same span.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from bench import debian

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def find_wrk() -> str:
    return debian.commands(("wrk",), ("wrk",), "the load generator wrk")[0]


# -- CPU time from /proc ----------------------------------------------------------------------


def _stat_fields(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()  # the name may hold spaces and brackets


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat_fields(int(entry))
            if fields:
                tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def tree_cpu(root: int) -> float:
    """User + system CPU seconds of `root` and every living descendant (e.g. uvicorn and its
    workers, or the postmaster and its backends)."""
    tree, total, todo = _children(), 0.0, [root]
    while todo:
        pid = todo.pop()
        fields = _stat_fields(pid)
        if fields:
            # utime, stime, cutime, cstime: the last two hold children already reaped.
            total += sum(int(v) for v in fields[11:15]) / CLOCK_TICKS
        todo.extend(tree.get(pid, []))
    return total


def machine_busy() -> float:
    """Busy CPU seconds of the whole machine (all cores) since boot, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / CLOCK_TICKS


# -- one run ------------------------------------------------------------------------------------


@dataclass
class LoadResult:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    timeouts: int
    errors: int  # connect, read and write errors and non-2xx answers
    unexpected: int  # 2xx answers whose body was not what the script expected
    wrk_cpu: float  # seconds
    service_cpu: dict[str, float]  # name -> CPU seconds over the run
    machine_cpu: float  # busy seconds of all cores over the run
    wall: float  # seconds the CPU times above were taken over (wrk's start to its end)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def line(self) -> str:
        trouble = f", {self.errors} errors" if self.errors else ""
        trouble += f", {self.unexpected} unexpected answers" if self.unexpected else ""
        return (f"{self.rate:,.0f} requests/s, p50 {self.p50_ms:.0f} ms, "
                f"p99 {self.p99_ms:.0f} ms, {self.timeouts} time-outs{trouble}")

    def cpu_line(self) -> str:
        def share(seconds: float) -> str:
            return f"{seconds / self.wall:.2f}"

        served = ", ".join(f"{name} {share(cpu)}" for name, cpu in self.service_cpu.items())
        others = self.machine_cpu - self.wrk_cpu - sum(self.service_cpu.values())
        return (f"CPU in cores over the {self.wall:.1f} s: wrk {share(self.wrk_cpu)}, "
                f"{served}, rest of the machine {share(max(others, 0.0))} "
                f"(of {os.cpu_count()} cores)")


@dataclass(frozen=True)
class WrkSettings:
    threads: int
    connections: int
    seconds: int
    timeout_s: int

    def args(self) -> list[str]:
        return [f"-t{self.threads}", f"-c{self.connections}", f"-d{self.seconds}s",
                f"--timeout={self.timeout_s}s"]

    def __str__(self) -> str:
        return (f"wrk -t{self.threads} -c{self.connections} -d{self.seconds}s "
                f"--timeout {self.timeout_s}s")


def run_wrk(settings: WrkSettings, script: Path, url: str, script_args: list[str],
            watch: dict[str, int]) -> LoadResult:
    """Run wrk with `script` against `url`; `watch` names the process trees whose CPU time
    is measured over the same span (name -> root pid)."""
    wrk = find_wrk()
    before = {name: tree_cpu(pid) for name, pid in watch.items()}
    busy = machine_busy()
    started = time.perf_counter()
    child = subprocess.Popen([wrk, *settings.args(), "-s", str(script), url, "--",
                              *script_args],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # wait4 hands back the child's own resource use: wrk's CPU, not a guess.
    out_chunks = []
    assert child.stdout is not None
    for chunk in iter(lambda: child.stdout.read(65536), b""):
        out_chunks.append(chunk)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    service = {name: tree_cpu(pid) - before[name] for name, pid in watch.items()}
    machine = machine_busy() - busy
    out = b"".join(out_chunks).decode(errors="replace")
    err = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if child.returncode != 0:
        raise RuntimeError(f"wrk failed ({child.returncode}): {err.strip()[:500]}")
    report = next((line for line in out.splitlines() if line.startswith("RESULT ")), None)
    if report is None:
        raise RuntimeError(f"wrk printed no RESULT line: {out[-500:]} {err[-300:]}")
    data = json.loads(report[len("RESULT "):])
    return LoadResult(
        requests=data["requests"], seconds=data["duration_us"] / 1e6 or wall,
        p50_ms=data["p50_us"] / 1000, p99_ms=data["p99_us"] / 1000,
        timeouts=data["timeout"],
        errors=data["connect"] + data["read"] + data["write"] + data["status"],
        unexpected=data["unexpected"],
        wrk_cpu=usage.ru_utime + usage.ru_stime, service_cpu=service, machine_cpu=machine,
        wall=wall,
    )
