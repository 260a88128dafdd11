"""`make bench`: run every benchmark module and print its figures (nothing is asserted).

`python -m bench` runs them all; `python -m bench store sync` runs the named ones;
`--quick` runs them at small sizes (to try a change; the figures mean little).
"""

from __future__ import annotations

import importlib
import os
import sys
import time

from bench.options import QUICK_ENV

SUITES = ("store", "service", "sync", "desktop", "map", "plan", "bundle", "monitor",
          "scale")


def main(argv: list[str]) -> int:
    if "--quick" in argv:
        os.environ[QUICK_ENV] = "1"  # before the suites are imported: they read their sizes
        argv = [a for a in argv if a != "--quick"]
    chosen = argv or list(SUITES)
    unknown = [name for name in chosen if name not in SUITES]
    if unknown:
        print(f"unknown suite(s) {', '.join(unknown)}; the suites are {', '.join(SUITES)}")
        return 2
    started_all = time.perf_counter()
    failed = []
    for name in chosen:
        module = importlib.import_module(f"bench.bench_{name}")
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        try:
            module.main()
        except Exception as exc:  # one broken suite should not hide the others' figures
            failed.append(name)
            print(f"!! {name} failed: {type(exc).__name__}: {exc}")
        print(f"   ({name}: {time.perf_counter() - started:.1f} s)", flush=True)
    print(f"== all chosen suites: {time.perf_counter() - started_all:.1f} s"
          + (" (--quick sizes)" if os.environ.get(QUICK_ENV) == "1" else ""), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
