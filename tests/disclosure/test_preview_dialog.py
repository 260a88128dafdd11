"""The worker opens the preview from the case's header, hides a word and a part, and saves:
the file holds neither, and the export is in the access log."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.casefile.view import CaseFileView, open_and_wait
from desktop.disclosure.words import export_words
from desktop.operations import StoreSession
from tests.disclosure.conftest import leaks
from tests.gui.acting import save_in, shown_dialog

pytestmark = pytest.mark.gui


@pytest.fixture
def view(planted, qtbot):
    session = StoreSession(planted.store)
    failures: list[BaseException] = []
    session.failed.connect(failures.append)
    view = CaseFileView(session)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    assert open_and_wait(view, planted.case_id)
    yield view
    session.wait_for_writes()
    QThreadPool.globalInstance().waitForDone(5000)
    assert failures == []


def _choose(view, action) -> None:
    """Click the header's button, then the menu's entry (the menu runs its own event loop
    while it is open, so the second click is queued before the first)."""
    menu = view.header.export_menu

    def pick() -> None:
        if not menu.isVisible():
            QTimer.singleShot(20, pick)
            return
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton,
                         pos=menu.actionGeometry(action).center())

    QTimer.singleShot(0, pick)
    QTest.mouseClick(view.header.export_button, Qt.MouseButton.LeftButton)


def test_preview_redact_leave_out_and_save(planted, view, qtbot, tmp_path):
    _choose(view, view.header.consult_action)
    qtbot.waitUntil(lambda: view.disclosure is not None and view.disclosure.isVisible())
    dialog = view.disclosure
    preview = dialog.preview
    assert "boos" in preview.toPlainText()
    assert leaks(preview.toPlainText(), ["mother", "father", "son", "neighbour"]) == []

    # Find the word as a person does (search), then double-click it and redact it.
    assert preview.find("boos")
    spot = preview.cursorRect(preview.textCursor()).center()
    QTest.mouseDClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert preview.textCursor().selectedText() == "boos"
    QTest.mouseClick(dialog.redact_button, Qt.MouseButton.LeftButton)
    assert "boos" not in preview.toPlainText()

    # Untick the task: the list row, then the space bar.
    parts = dialog.parts
    row = next(i for i, e in enumerate(dialog.parts_model.entries) if e.kind == "task")
    rect = parts.visualRect(dialog.parts_model.index(row))
    QTest.mouseClick(parts.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.keyClick(parts, Qt.Key.Key_Space)
    assert dialog.built.data["task"] == []

    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    chosen = tmp_path / "gekozen plek"
    chosen.mkdir()
    save_in(shown_dialog(qtbot, lambda: dialog.file_dialog), chosen, "voor het consult")
    qtbot.waitUntil(lambda: view.disclosure is None, timeout=10_000)
    saved = chosen / "voor het consult.pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(saved).pages).split())
    assert "boos" not in text and "[vader" in text
    assert "bellen" not in text  # the task's title
    assert leaks(text, ["mother", "father", "son", "neighbour"]) == []
    details = [e.detail for e in planted.store.access_log(planted.case_id)
               if e.action == "export"]
    assert details[-1] == "consult_pdf"
    assert sorted(p.name for p in chosen.iterdir()) == ["voor het consult.pdf"]
    assert QApplication.activeModalWidget() is None


def test_an_inzage_on_a_laptop_without_the_service_says_its_log_is_this_laptops_only(
        planted, view, qtbot, tmp_path):
    _choose(view, view.header.inzage_action)
    qtbot.waitUntil(lambda: view.disclosure is not None and view.disclosure.isVisible())
    dialog = view.disclosure
    note = export_words().log_not_enrolled
    # On the first page, before the records: the family reads it before the log itself.
    text = dialog.preview.toPlainText()
    assert 0 <= text.index(" ".join(note.split())) < text.index("Gezin Verhoeven")
    assert dialog.built.data["log_complete"] is False
    assert dialog.built.data["log_reason"] == "not_enrolled"
    assert {e["recorded"] for e in dialog.built.data["access_log"]} == {
        export_words().this_laptop}

    # The worker can save it all the same.
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    save_in(shown_dialog(qtbot, lambda: dialog.file_dialog), tmp_path, "inzage")
    qtbot.waitUntil(lambda: view.disclosure is None, timeout=10_000)
    saved = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "inzage.pdf")
                              .pages).split())
    assert " ".join(note.split()) in saved
