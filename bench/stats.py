"""The statistics every benchmark prints, in one place so that each figure names its method.

A percentile is interpolated linearly between the two nearest ranks (Hyndman and Fan's
type 7, numpy's default): of 30 runs, p95 lies between the 28th and 29th value. With a
handful of runs a percentile says little, so `describe` prints the median and the extremes
and adds p95 only from 20 runs on.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Sequence


def percentile(values: Sequence[float], p: float) -> float:
    """The `p`-th percentile (0-100), linear between closest ranks (type 7)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * p / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def describe(values: Sequence[float], scale: float = 1000.0, unit: str = "ms",
             digits: int = 1) -> str:
    """'median 12.3 ms of 30 runs (min 11.0, p95 14.2 interpolated, max 15.1)'."""
    fmt = f"{{:.{digits}f}}"
    parts = [f"min {fmt.format(min(values) * scale)}"]
    if len(values) >= 20:
        parts.append(f"p95 {fmt.format(percentile(values, 95) * scale)} interpolated")
    parts.append(f"max {fmt.format(max(values) * scale)}")
    return (f"median {fmt.format(median(values) * scale)} {unit} of {len(values)} runs "
            f"({', '.join(parts)})")


def cores(cpu_seconds: float, wall_seconds: float) -> str:
    """CPU time over wall time, as a share of cores ('1.35 cores')."""
    return f"{cpu_seconds / wall_seconds:.2f} cores" if wall_seconds > 0 else "? cores"


def clocked(call: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process, all threads) of `call()`. On a machine
    shared with other work the wall clock includes waiting for a core; the CPU time
    does not, so printing both says how much of a figure is ours."""
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return time.perf_counter() - wall, time.process_time() - cpu


def with_cpu(pairs: Sequence[tuple[float, float]]) -> str:
    """`describe` of the wall clock of (wall, CPU) pairs, with the CPU time's median."""
    return (f"{describe([w for w, _ in pairs])}; CPU median "
            f"{median([c for _, c in pairs]) * 1000:.1f} ms")
