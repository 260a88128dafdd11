"""The query/change pair: off the UI thread, results back on it, writes in order, errors to
one handler, and a change notice after every write."""

import threading

from PySide6.QtCore import QThread

from desktop.operations import ChangeNotice, StoreSession


class Ledger:
    """A tiny store stand-in: it only records which thread ran what, in which order."""

    def __init__(self):
        self.writes = []
        self.threads = set()

    def write(self, n):
        self.threads.add(threading.get_ident())
        self.writes.append(n)
        return n

    def fail(self):
        raise RuntimeError("no value in here")


def test_results_come_back_on_the_ui_thread(qtbot, qapp):
    session = StoreSession(Ledger())
    seen = []
    session.query(
        lambda s: threading.get_ident(), lambda r: seen.append((r, QThread.currentThread()))
    )
    qtbot.waitUntil(lambda: bool(seen))
    worker_ident, thread = seen[0]
    assert worker_ident != threading.get_ident()
    assert thread is qapp.thread()


def test_writes_run_in_order_and_announce_what_changed(qtbot):
    ledger = Ledger()
    session = StoreSession(ledger)
    notices = []
    session.changed.connect(notices.append)
    for n in range(50):
        session.change(lambda s, n=n: s.write(n), kinds=["person"], case_ids=["c1"])
    qtbot.waitUntil(lambda: len(notices) == 50)
    assert ledger.writes == list(range(50))
    assert notices[0] == ChangeNotice(frozenset({"person"}), frozenset({"c1"}), "edit")
    assert notices[0].concerns(case_id="c1") and not notices[0].concerns(case_id="c2")
    assert not session.busy


def test_errors_go_to_the_one_handler(qtbot):
    session = StoreSession(Ledger())
    with qtbot.waitSignal(session.failed) as blocker:
        session.change(lambda s: s.fail())
    assert isinstance(blocker.args[0], RuntimeError)
    mine = []
    session.query(lambda s: s.fail(), on_error=mine.append)
    qtbot.waitUntil(lambda: bool(mine))
    assert isinstance(mine[0], RuntimeError)
