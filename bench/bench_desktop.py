"""The desktop's figures (printed, never asserted):

1. start to unlocked main window with 500 demo cases (target under 1.5 s), beside the start
   of a bare QApplication with an empty QMainWindow on the same machine; both measured from
   spawning a fresh Python process until the window is on screen (median of several runs);
2. opening a case with 50 people and 2,000 home-visit notes (target under 100 ms);
3. searching over 2,000 cases in the case list (target under 50 ms).

Run with `make bench` or `python -m bench desktop`; the child processes are this module
with `--child`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "bank onder de kastanjeboom"  # fictional benchmark data only
TEAM = "0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
WORKER = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
RUNS = 5


# -- the child processes -------------------------------------------------------------------


def _child_bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 820)
    window.show()
    app.processEvents()
    print("ready", flush=True)


def _child_app(data_dir: str) -> None:
    from PySide6.QtCore import QTimer

    from desktop.app import open_window

    app, window = open_window(Path(data_dir))  # what `keukentafel` does
    # As the worker does: type the passphrase on the unlock page and press Enter.
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.passphrase.returnPressed.emit()

    def check() -> None:
        space = window.workspace
        model = getattr(getattr(space, "case_list", None), "model", None)
        if model is not None and model.rowCount() >= 500:
            app.processEvents()
            print("ready", flush=True)
            window.close()
            app.quit()
        else:
            QTimer.singleShot(2, check)

    QTimer.singleShot(0, check)
    app.exec()


def _time_child(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.bench_desktop", "--child", *args],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - started
    child.wait(timeout=60)
    if line.strip() != "ready":
        raise RuntimeError(f"benchmark child {args[0]} did not get ready")
    return elapsed


# -- the figures ---------------------------------------------------------------------------


def _seed(data_dir: Path, cases: int):  # noqa: ANN202 - a CaseStore
    from storage.demo import seed_store
    from storage.store import CaseStore

    store = CaseStore.open(data_dir, PASSPHRASE) if CaseStore.exists(data_dir) \
        else CaseStore.create(data_dir, PASSPHRASE)
    have = len(store.list_cases())
    if have < cases:
        seed_store(store, cases - have, team_id=TEAM, contact_worker_id=WORKER)
    return store


def _start_figures(work: Path, env: dict[str, str]) -> None:
    data_dir = work / "start"
    started = time.perf_counter()
    _seed(data_dir, 500).close()
    print(f"   (seeded 500 demo cases in {time.perf_counter() - started:.1f} s)")
    _time_child(["bare"], env)  # warm the file cache once for both
    bare = [_time_child(["bare"], env) for _ in range(RUNS)]
    full = [_time_child(["app", str(data_dir)], env) for _ in range(RUNS)]
    from storage.store import CaseStore

    unlocks = []
    for _ in range(3):
        t = time.perf_counter()
        CaseStore.open(data_dir, PASSPHRASE).close()
        unlocks.append(time.perf_counter() - t)
    print(f"start to unlocked main window, 500 cases : median {statistics.median(full):.3f} s"
          f"  (min {min(full):.3f}, max {max(full):.3f}; target < 1.5 s)")
    print(f"bare QApplication + empty QMainWindow     : median {statistics.median(bare):.3f} s"
          f"  (min {min(bare):.3f}, max {max(bare):.3f})")
    print(f"   of which unlocking the store (Argon2id + SQLCipher open): "
          f"median {statistics.median(unlocks):.3f} s")


def _big_case(store) -> str:  # noqa: ANN001
    """One case with 50 people and 2,000 home visits, each with a few lines of notes."""
    import random

    rng = random.Random(2026)
    case = store.create_record("case", {"title": "Familie Benchmark", "team_id": TEAM,
                                        "contact_worker_id": WORKER, "status": "active"})
    people = [(
        "person", {"name": f"Persoon {i}", "circle": ("household", "family", "network",
                                                     "professional")[i % 4]}, case.id, None,
    ) for i in range(50)]
    made = store.create_records(people)
    ids = [p.id for p in made]
    visits = []
    for i in range(2000):
        day = f"20{10 + i // 365:02d}-{1 + (i // 28) % 12:02d}-{1 + i % 28:02d}"
        notes = "\n".join(f"Gesprek {i}, regel {n}: het gaat {rng.choice(['beter', 'wisselend'])}."
                          for n in range(4))
        visits.append(("visit", {"date": day, "notes": notes,
                                 "participants": rng.sample(ids, 3)}, case.id, None))
    store.create_records(visits)
    return case.id


def _open_case_figure(work: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.casefile.view import CaseFileView, open_and_wait
    from desktop.operations import StoreSession

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = _seed(work / "bigcase", 1)
    other = store.list_cases()[0].id
    big = _big_case(store)
    session = StoreSession(store)
    view = CaseFileView(session)
    view.resize(900, 760)
    view.show()
    times = []
    for _ in range(RUNS):
        open_and_wait(view, other)
        started = time.perf_counter()
        if not open_and_wait(view, big):
            raise RuntimeError("the case did not open")
        times.append(time.perf_counter() - started)
    view.close()
    session.wait_for_writes()
    app.processEvents()
    store.close()
    median = statistics.median(times) * 1000
    print(f"open a case, 50 people + 2,000 visit notes: median {median:.1f} ms"
          f"  (first {times[0] * 1000:.1f} ms; target < 100 ms)")


def _search_figure(work: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.caselist.view import CaseListView, search_and_wait
    from desktop.operations import StoreSession

    app = QApplication.instance() or QApplication(sys.argv[:1])
    data_dir = work / "start"  # the 500 cases of the start figure, grown to 2,000
    started = time.perf_counter()
    store = _seed(data_dir, 2000)
    print(f"   (seeded up to 2,000 demo cases in {time.perf_counter() - started:.1f} s)")
    session = StoreSession(store)
    view = CaseListView(session)
    view.resize(600, 760)
    view.show()
    search_and_wait(view, "")
    words = ["de", "jan", "Familie", "zzz-nothing", "a", "Bos"]
    times, rows = [], {}
    for word in words * 3:
        started = time.perf_counter()
        rows[word] = search_and_wait(view, word)
        times.append(time.perf_counter() - started)
    store_times = []
    for word in words:
        started = time.perf_counter()
        store.list_cases(search=word)
        store_times.append(time.perf_counter() - started)
    view.close()
    app.processEvents()
    store.close()
    print(f"search over 2,000 cases (case list)      : median {statistics.median(times) * 1000:.1f}"
          f" ms, max {max(times) * 1000:.1f} ms  (target < 50 ms)")
    print(f"   of which the store query              : median "
          f"{statistics.median(store_times) * 1000:.1f} ms; rows {rows}")


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Benchmark stores never reach the desktop keyring.
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    with tempfile.TemporaryDirectory(prefix="keukentafel-bench-") as tmp:
        work = Path(tmp)
        _start_figures(work, env)
        _open_case_figure(work)
        _search_figure(work)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        if sys.argv[2] == "bare":
            _child_bare()
        else:
            _child_app(sys.argv[3])
    else:
        main()
