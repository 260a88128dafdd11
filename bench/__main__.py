"""`make bench`: run every benchmark module and print its figures (nothing is asserted).

`python -m bench` runs them all; `python -m bench store sync` runs the named ones.
"""

from __future__ import annotations

import importlib
import sys
import time

SUITES = ("store", "service", "sync", "desktop")


def main(argv: list[str]) -> int:
    chosen = argv or list(SUITES)
    failed = []
    for name in chosen:
        try:
            module = importlib.import_module(f"bench.bench_{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"bench.bench_{name}":
                print(f"== {name}: no benchmark yet")
                continue
            raise
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        try:
            module.main()
        except Exception as exc:  # one broken suite should not hide the others' figures
            failed.append(name)
            print(f"!! {name} failed: {type(exc).__name__}: {exc}")
        print(f"   ({name}: {time.perf_counter() - started:.1f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
