"""The shell's session flows with a real encrypted store: first run, unlock, wrong passphrase,
idle lock with a fake clock, quick-hide, and that locking hides every case and drops the key."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator, Slot
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit, QWidget

from desktop.mainwindow.window import MainWindow
from desktop.session.controller import FIRST_RUN, LOCKED, UNLOCKED, LockedStore
from desktop.settings import Settings
from storage.errors import StoreLocked
from storage.store import CaseStore

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"

PASSPHRASE = "blauwe fiets onder de lindeboom"
FAMILY = "Familie Testwater"  # fictional

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def _no_sync(store):
    from sync.errors import NotEnrolled

    raise NotEnrolled("not enrolled in this test")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def existing_store(data_dir: Path) -> str:
    store = CaseStore.create(data_dir, PASSPHRASE)
    case = store.create_record("case", {"title": FAMILY, "team_id": TEAM_ID, "status": "active"})
    store.close()
    return case.id


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot, data_dir: Path, clock: FakeClock):
    made: list[MainWindow] = []

    def make() -> MainWindow:
        w = MainWindow(data_dir, Settings(data_dir), clock=clock, engine_factory=_no_sync)
        qtbot.addWidget(w)
        w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()


def _unlock(qtbot, w: MainWindow, passphrase: str = PASSPHRASE) -> None:
    qtbot.keyClicks(w.unlock_page.passphrase, passphrase)
    qtbot.keyClick(w.unlock_page.passphrase, Qt.Key.Key_Return)


def _all_texts(root: QWidget) -> list[str]:
    """Every piece of text a widget under `root` holds, shown or not (including model data)."""
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel | QLineEdit):
            texts.append(widget.text())
        if hasattr(widget, "toPlainText"):
            texts.append(widget.toPlainText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    texts.append(str(model.index(row, column).data() or ""))
    return texts


def test_first_run_refuses_a_weak_passphrase_then_creates_the_store(qtbot, window, data_dir):
    w = window()
    assert w.controller.state == FIRST_RUN
    assert w.stack.currentWidget() is w.first_run
    assert not w.actions.lock.isEnabled()
    page = w.first_run
    qtbot.keyClicks(page.passphrase, "kort")
    assert page.meter.value() == 0
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    assert page.error.text()  # a reason, not silence
    assert not CaseStore.exists(data_dir)

    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    assert page.meter.value() >= 3
    qtbot.keyClicks(page.repeat, PASSPHRASE + "x")
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    assert not CaseStore.exists(data_dir)  # the two did not match

    page.repeat.clear()
    qtbot.keyClicks(page.repeat, PASSPHRASE)
    page.enrol_box.setChecked(False)
    qtbot.keyClick(page.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    assert CaseStore.exists(data_dir)
    assert w.stack.currentWidget() is w.workspace
    assert page.passphrase.text() == "" and page.repeat.text() == ""
    assert w.actions.lock.isEnabled()
    # the passphrase really opens what was made
    w.controller.lock()
    CaseStore.open(data_dir, PASSPHRASE).close()


def test_unlock_opens_the_store(qtbot, window, existing_store):
    w = window()
    assert w.controller.state == LOCKED
    assert w.stack.currentWidget() is w.unlock_page
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    assert w.session.store.get_record(existing_store).fields["title"] == FAMILY
    assert w.lock.armed
    # The tests have no keyring: the window says where the wrapped key lives.
    qtbot.waitUntil(lambda: any("password store does not work" in n for n in w.notices),
                    timeout=5_000)


def test_unlocking_reads_the_case_list_once(qtbot, window, existing_store, monkeypatch):
    """Opening the store is no edit: it announces no change, so the case list, filled as the
    workspace appears, is not read a second time (a start with 2,000 cases waited for both)."""
    listed: list[int] = []
    real = CaseStore.list_cases

    def list_cases(store, *args, **kwargs):
        listed.append(1)
        return real(store, *args, **kwargs)

    monkeypatch.setattr(CaseStore, "list_cases", list_cases)
    w = window()
    notices: list[object] = []
    w.session.changed.connect(notices.append)
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    qtbot.waitUntil(lambda: w.workspace.case_list.model.rowCount() == 1, timeout=5_000)
    qtbot.wait(700)  # past the case list's refresh delay after a change
    assert notices == []
    assert len(listed) == 1


def _dutch(tmp_path: Path) -> QTranslator:
    """Build the Dutch catalogue from the .ts, as `make translations` does."""
    qm = tmp_path / "keukentafel_nl.qm"
    subprocess.run(
        [str(Path(sys.executable).parent / "pyside6-lrelease"), "-silent",
         str(ROOT / "resources" / "translations" / "keukentafel_nl.ts"), "-qm", str(qm)],
        check=True,
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator


def test_wrong_passphrase_says_so_in_dutch_and_stays_locked(qtbot, window, existing_store,
                                                            tmp_path):
    translator = _dutch(tmp_path)
    QCoreApplication.installTranslator(translator)
    try:
        w = window()
        _unlock(qtbot, w, "niet de goede zin")
        qtbot.waitUntil(lambda: bool(w.unlock_page.message.text())
                        and w.unlock_page.passphrase.isEnabled(), timeout=10_000)
        assert w.unlock_page.message.text() == "Deze wachtwoordzin klopt niet. Probeer het opnieuw."
        assert w.controller.state == LOCKED
        assert w.unlock_page.passphrase.text() == ""
        assert isinstance(w.session.store, LockedStore)
        _unlock(qtbot, w)
        qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    finally:
        QCoreApplication.removeTranslator(translator)


def test_idle_time_locks_with_a_fake_clock(qtbot, window, existing_store, clock):
    w = window()
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    store = w.session.store
    clock.advance(4 * 60)
    w.lock.check_idle()
    assert w.controller.state == UNLOCKED, w.last_lock_reason
    # activity restarts the idle time
    qtbot.keyClick(w.workspace, Qt.Key.Key_Shift)
    clock.advance(4 * 60)
    w.lock.check_idle()
    assert w.controller.state == UNLOCKED, w.last_lock_reason
    clock.advance(61)
    w.lock.check_idle()
    assert w.controller.state == LOCKED
    assert w.stack.currentWidget() is w.unlock_page
    assert w.workspace is None
    qtbot.waitUntil(lambda: not w.sync.running, timeout=10_000)  # a sync may hold it a moment
    with pytest.raises(StoreLocked):
        store.get_record(existing_store)  # the key is gone: the old handle no longer reads


def test_idle_minutes_follow_the_setting(qtbot, window, existing_store, clock):
    w = window()
    w.settings.set("idle_lock_minutes", 1)
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    clock.advance(61)
    w.lock.check_idle()
    assert w.controller.state == LOCKED


def test_quick_hide_with_ctrl_l_keeps_a_pending_edit_and_hides_the_case(
    qtbot, window, existing_store, data_dir
):
    w = window()
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    w.workspace.open_case(existing_store)
    qtbot.waitUntil(lambda: any(FAMILY in t for t in _all_texts(w)), timeout=5_000)
    w.session.change(lambda s: s.update_record(existing_store, {"summary": "Eerste gesprek."}))
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert w.controller.state == LOCKED
    assert not any(FAMILY in t for t in _all_texts(w))
    for top in QApplication.topLevelWidgets():
        if top.isVisible():
            assert not any(FAMILY in t for t in _all_texts(top))
    store = CaseStore.open(data_dir, PASSPHRASE)
    try:
        assert store.get_record(existing_store).fields["summary"] == "Eerste gesprek."
    finally:
        store.close()


def test_the_status_bar_lock_button_locks(qtbot, window, existing_store):
    w = window()
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    qtbot.mouseClick(w.status.lock, Qt.MouseButton.LeftButton)
    assert w.controller.state == LOCKED
    assert not w.status.lock.isVisible()
    assert not w.toolbar.isVisible()


@pytest.mark.parametrize("event", ["suspended", "sleep", "screen_lock"])
def test_the_system_going_away_locks(qtbot, window, existing_store, event):
    w = window()
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    w.lock._on_screen_saver(False)  # the screen saver ending changes nothing
    w.lock._on_prepare_for_sleep(False)  # nor does waking up
    assert w.controller.state == UNLOCKED
    {
        "suspended": lambda: w.lock._on_application_state(
            Qt.ApplicationState.ApplicationSuspended),
        "sleep": lambda: w.lock._on_prepare_for_sleep(True),  # login1 PrepareForSleep
        "screen_lock": lambda: w.lock._on_screen_saver(True),  # ScreenSaver ActiveChanged
    }[event]()
    assert w.controller.state == LOCKED


def test_every_control_on_the_lock_pages_has_an_accessible_name(qtbot, window, existing_store):
    w = window()
    for page in (w.first_run, w.unlock_page):
        for control in page.findChildren(QLineEdit):
            assert control.accessibleName(), control.objectName()


def test_quick_hide_closes_a_half_filled_new_case_wizard(qtbot, window, existing_store):
    from PySide6.QtWidgets import QWizard

    w = window()
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    w.actions.new_case.trigger()
    qtbot.waitUntil(lambda: any(isinstance(t, QWizard) and t.isVisible()
                                for t in QApplication.topLevelWidgets() + w.findChildren(QWizard)),
                    timeout=5_000)
    wizard = next(t for t in w.findChildren(QWizard) if t.isVisible())
    field = wizard.findChildren(QLineEdit)[0]
    qtbot.keyClicks(field, "Familie Nieuwenhuis")
    qtbot.keyClick(field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert w.controller.state == LOCKED
    assert not wizard.isVisible()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what locking let go of
    for top in QApplication.topLevelWidgets():
        if top.isVisible():
            assert not any("Nieuwenhuis" in t for t in _all_texts(top))


def test_the_idle_timer_itself_asks_for_the_lock(qtbot, clock):
    from desktop.session.lock import LockController

    class CountedChecks(LockController):
        """Counts the timer's idle checks, so "it did not ask" is said after checks ran."""

        checks = 0

        @Slot()
        def check_idle(self) -> None:
            super().check_idle()
            self.checks += 1

    lock = CountedChecks(5, clock, check_interval_ms=20)
    seen: list[str] = []
    lock.lock_requested.connect(seen.append)
    lock.arm()
    qtbot.waitUntil(lambda: lock.checks >= 3, timeout=2_000)
    assert seen == []  # not idle long enough
    clock.advance(5 * 60)
    qtbot.waitUntil(lambda: seen == ["idle"], timeout=2_000)
    assert not lock.armed  # asks once; unlocking arms it again
    clock.advance(10 * 60)
    lock.check_idle()  # a check that would ask, had it not stopped
    assert seen == ["idle"]


def test_text_typed_a_moment_before_the_lock_is_saved(qtbot, window, existing_store, data_dir):
    from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

    w = window()
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    from desktop.casefile.view import open_and_wait

    assert open_and_wait(w.workspace.case_file, existing_store)
    editors = [e for e in w.workspace.case_file.findChildren(QWidget)
               if isinstance(e, QPlainTextEdit | QTextEdit) and e.accessibleName() == "Summary"]
    assert editors, "the overview has a summary editor"
    editors[0].setFocus()
    qtbot.keyClicks(editors[0], "Afspraak met de school")
    qtbot.keyClick(editors[0], Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert w.controller.state == LOCKED
    qtbot.waitUntil(lambda: not w.sync.running, timeout=10_000)
    store = CaseStore.open(data_dir, PASSPHRASE)
    try:
        assert store.get_record(existing_store).fields["summary"] == "Afspraak met de school"
    finally:
        store.close()


def test_sync_now_on_a_laptop_that_is_not_enrolled_offers_to_enrol(qtbot, window, existing_store):
    w = window()
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    qtbot.waitUntil(lambda: w.status.connection.text() == "Not enrolled", timeout=10_000)
    asked: list[int] = []
    w.ask_enrolment = lambda: asked.append(1)
    qtbot.keyClick(w, Qt.Key.Key_F5)
    assert asked == [1]


def test_a_read_still_running_at_the_lock_lands_nowhere(qtbot, window, existing_store):
    import time

    w = window()
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    landed: list[str] = []

    def slow_read(store):
        time.sleep(0.3)
        return store.get_record(existing_store).fields["title"]

    w.session.query(slow_read, landed.append, on_error=lambda exc: landed.append("error"))
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert w.controller.state == LOCKED
    # The read's answer is handed over in the same slot that makes the session not busy:
    # once it is not busy, the answer has been dropped or delivered.
    qtbot.waitUntil(lambda: not w.session.busy, timeout=5_000)
    assert landed == []


def test_text_copied_from_a_case_leaves_the_clipboard_at_the_lock(qtbot, window, existing_store):
    w = window()
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    clipboard = QApplication.clipboard()
    w.workspace.case_list.setFocus()
    clipboard.setText(FAMILY)  # as Ctrl+C in a field of the case would
    assert clipboard.text() == FAMILY
    w.actions.lock.trigger()
    assert w.controller.state == LOCKED
    assert clipboard.text() == ""


@pytest.mark.parametrize("how", ["lock", "close"])
def test_a_sync_that_ends_after_the_lock_reads_nothing_more(qtbot, data_dir, existing_store,
                                                             caplog, how):
    """The self-test's window logged StoreLocked now and then on closing: a sync still
    running when the store closed asked for the status bar's numbers when it ended, of a
    store that was locked by then. A stopped runner reads nothing until it starts again."""
    import logging
    import threading

    from sync.errors import NotEnrolled

    gate = threading.Event()

    def held_sync(store):
        assert gate.wait(10)  # the sync is still running when the worker locks or quits
        raise NotEnrolled("not enrolled in this test")

    w = MainWindow(data_dir, Settings(data_dir), engine_factory=held_sync)
    qtbot.addWidget(w)
    w.show()
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    qtbot.waitUntil(lambda: not w.session.busy)
    assert w.sync.running
    with caplog.at_level(logging.WARNING, logger="desktop.operations"):
        if how == "lock":
            qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
            assert w.controller.state == LOCKED
            gate.set()
            qtbot.waitUntil(lambda: not w.sync.running, timeout=5_000)
        else:
            gate.set()  # it ends while the window waits for it, before the store closes
            w.close()
        qtbot.wait(50)
        qtbot.waitUntil(lambda: not w.session.busy, timeout=5_000)
    assert isinstance(w.session.store, LockedStore)
    assert "store operation failed" not in caplog.text
