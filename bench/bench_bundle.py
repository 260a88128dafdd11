"""The laptop bundle's start beside the source tree's (printed, never asserted):

start to unlocked main window with 2,000 demo cases, measured as bench_desktop measures it
(from spawning a fresh process until the window is unlocked and its case list filled; median
of several runs, taking turns), once for `dist/keukentafel/keukentafel` and once for
`python -m desktop.cli` from this checkout. Both run the same code path: `--unlock-stdin
--verbose` types the passphrase on the unlock page and logs "window ready" once the case list
has its rows. Without dist/keukentafel/ the suite builds it first (`make installer`, a few
minutes) and says so.

Run with `make bench BENCH_ARGS=bundle`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_desktop import PASSPHRASE, RUNS, START_CASES, _seed
from bench.stats import describe

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "keukentafel" / ("keukentafel.exe" if os.name == "nt" else "keukentafel")
READY = "window ready"
TIMEOUT_S = 120


def _time_start(command: list[str], data_dir: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    child = subprocess.Popen(
        [*command, "--data-dir", str(data_dir), "--verbose", "--unlock-stdin"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
        text=True,
    )
    assert child.stdin is not None and child.stderr is not None
    child.stdin.write(PASSPHRASE + "\n")
    child.stdin.flush()
    try:
        deadline = started + TIMEOUT_S
        for line in child.stderr:
            if READY in line:
                elapsed = time.perf_counter() - started
                if f"{START_CASES} cases listed" not in line:
                    raise RuntimeError(f"the window listed another number of cases: {line}")
                return elapsed
            if time.perf_counter() > deadline:
                break
        raise RuntimeError(f"{Path(command[0]).name} did not report its window ready")
    finally:
        child.kill()  # the figure is taken; a killed store is what a power cut leaves
        child.wait(timeout=30)


def _bundle(env: dict[str, str]) -> str:
    if BUNDLE.exists():
        return "the existing dist/keukentafel/"
    started = time.perf_counter()
    subprocess.run(["make", "installer"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return f"dist/keukentafel/ built now ({time.perf_counter() - started:.0f} s)"


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    which = _bundle(env)
    with tempfile.TemporaryDirectory(prefix="keukentafel-bench-") as tmp:
        data_dir = Path(tmp) / "start"
        started = time.perf_counter()
        _seed(data_dir, START_CASES).close()
        print(f"   (seeded {START_CASES:,} demo cases in {time.perf_counter() - started:.1f} s;"
              f" bundle: {which})")
        source = [sys.executable, "-m", "desktop.cli"]
        bundle = [str(BUNDLE)]
        _time_start(bundle, data_dir, env)  # warm the file cache once for both
        _time_start(source, data_dir, env)
        from_bundle, from_source = [], []
        for _ in range(RUNS):  # taking turns: a neighbour's burst lands on both alike
            from_bundle.append(_time_start(bundle, data_dir, env))
            from_source.append(_time_start(source, data_dir, env))
    print(f"start to unlocked main window, {START_CASES:,} cases, bundle: "
          f"{describe(from_bundle, scale=1, unit='s', digits=3)}; target < 1.5 s")
    print(f"the same from the source tree: {describe(from_source, scale=1, unit='s', digits=3)}")


if __name__ == "__main__":
    main()
