"""The monitor window: a team lead opens it from the Keukentafel menu, clicks a figure and
sees the families behind it; a worker has no entry and the window refuses them; the CSV
and PDF exports hold no family name and no case id, and each is in the access log."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtTest import QTest
from shiboken6 import isValid

from desktop.mainwindow.window import MainWindow
from desktop.monitor.view import MonitorWindow
from desktop.session.controller import UNLOCKED
from desktop.settings import Settings
from storage.demo import seed_store
from storage.store import CaseStore
from tests.gui.acting import save_in, shown_dialog
from tests.gui.conftest import signed_in

pytestmark = pytest.mark.gui

PASSPHRASE = "de cijfers van het team bekijken"
TEAM = "00000000-0000-4000-8000-0000000000aa"


def _no_sync(store):
    from sync.errors import NotEnrolled

    raise NotEnrolled("not enrolled in this test")


def _unlocked(qtbot, tmp_path: Path, role: str) -> MainWindow:
    data_dir = tmp_path / "data"
    store = CaseStore.create(data_dir, PASSPHRASE)
    seed_store(store, 6, team_id=TEAM, contact_worker_id=None, seed=5)
    store.set_setting("user", signed_in("00000000-0000-4000-8000-0000000000bb", TEAM, role))
    store.close()
    w = MainWindow(data_dir, Settings(data_dir), engine_factory=_no_sync)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.keyClicks(w.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(w.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED and w.workspace is not None,
                    timeout=10_000)
    return w


@pytest.fixture
def lead_window(qtbot, tmp_path):
    w = _unlocked(qtbot, tmp_path, "teamlead")
    qtbot.waitUntil(lambda: w.actions.monitor.isVisible())
    QTest.keyClick(w, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: w.monitor is not None and w.monitor.figures is not None,
                    timeout=10_000)
    yield w, w.monitor
    w.close()


def test_a_click_lists_the_families_and_the_exports_hold_none(lead_window, qtbot,
                                                               tmp_path):
    w, view = lead_window
    store = w.session.store
    assert view.isVisible() and view.refusal.isHidden()
    figures = view.figures
    chart = view.status_chart
    first = chart.bars[0]
    QTest.mouseClick(chart, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     chart.part_rect(0, 0).center().toPoint())
    expected = [name for _, name in store.monitor_cases("cases_by_status", first.key)]
    assert len(expected) == figures.cases_by_status[first.key] > 0
    qtbot.waitUntil(lambda: view.cases.count() == len(expected))
    assert [view.cases.item(i).text() for i in range(view.cases.count())] == expected
    # The keyboard reaches the same: the last month of the legal frameworks, Enter.
    months = view.framework_chart
    months.setFocus()
    for _ in months.bars:
        QTest.keyClick(months, Qt.Key.Key_Right)
    QTest.keyClick(months, Qt.Key.Key_Return)
    last = list(figures.cases_by_legal_framework)[-1]
    open_then = sum(figures.cases_by_legal_framework[last].values())
    qtbot.waitUntil(lambda: view.cases.count() == open_then)

    # The exports, with names on screen: neither file holds one, and each is logged.
    cases = store.list_records(kind="case")
    people = store.list_records(kind="person")
    private = [c.id for c in cases] + [c.fields["title"] for c in cases] + [
        str(p.fields["name"]) for p in people]
    target_dir = tmp_path / "gekozen plek"
    target_dir.mkdir()
    for fmt, button in (("csv", view.csv_button), ("pdf", view.pdf_button)):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        save_in(shown_dialog(qtbot, lambda: view.export_dialog), target_dir, "monitor")
        written = target_dir / f"monitor.{fmt}"
        qtbot.waitUntil(lambda fmt=fmt: any(e.detail == f"monitor_{fmt}"
                                    for e in store.access_log()))
        assert written.exists()
        text = written.read_text(encoding="utf-8") if fmt == "csv" else "\n".join(
            page.extract_text() for page in pypdf.PdfReader(written).pages)
        text = " ".join(text.split())  # the PDF's text comes out with tabs for spaces
        # The figures are in it: the CSV by their keys, the PDF by the numbers' headings.
        assert ("cases_by_status" if fmt == "csv" else view.sections[0][0]) in text
        leaked = [p for p in private if p and p in text]
        assert leaked == []
    entries = [e for e in store.access_log() if e.action == "export"]
    assert sorted(e.detail for e in entries) == ["monitor_csv", "monitor_pdf"]
    assert all(e.case_id is None for e in entries)

    # Locking takes the families off the screen: the window is cleared and closed.
    listed = view.cases
    QTest.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.monitor is None)
    assert not isValid(listed) or listed.count() == 0


def test_a_worker_has_no_monitor(qtbot, tmp_path):
    w = _unlocked(qtbot, tmp_path, "worker")
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(50)
    assert not w.actions.monitor.isVisible()
    QTest.keyClick(w, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.wait(50)
    assert w.monitor is None
    # And the window itself, if it were reached, refuses and shows no figure.
    view = MonitorWindow(w.session, w)
    view.show()
    qtbot.waitUntil(lambda: view.refusal.isVisible())
    assert view.figures is None and not view.content.isVisible()
    assert not view.csv_button.isEnabled() and not view.pdf_button.isEnabled()
    assert view.status_chart.bars == [] and view.cases.count() == 0
    w.close()
