"""Benchmark sizes: the full ones for `make bench`, small ones with `--quick` (to try a change
on a shared machine). `python -m bench --quick` sets KEUKENTAFEL_BENCH_QUICK for this process
and the benchmark's children."""

from __future__ import annotations

import os

QUICK_ENV = "KEUKENTAFEL_BENCH_QUICK"


def quick() -> bool:
    return os.environ.get(QUICK_ENV) == "1"


def size(full: int, small: int) -> int:
    """`full` normally, `small` with --quick."""
    return small if quick() else full
