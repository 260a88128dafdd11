"""The screen "Niet verzonden wijzigingen" with a real store: a change refused for a case
that then left the laptop is shown with its family and field in words; Copy puts its text
on the clipboard (cleared at the lock), Save writes it to a file, Remove asks first."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from desktop.casefile.labels import field_label
from desktop.rejected.model import RejectedChangesModel
from desktop.rejected.view import RejectedChanges
from storage.store import CaseStore
from sync.engine import SyncReport
from sync.protocol import PullResponse, Record, Result

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"  # a team's id is a UUID, like every id

pytestmark = pytest.mark.gui

PASSPHRASE = "houten lepel in de soeppan"
FAMILY = "Familie Zonnebloem"  # fictional
NOTES = "Mila vertelde over haar nieuwe school en de fiets van opa."


def _refused_then_purged(store: CaseStore) -> str:
    """A person's notes edited offline, refused by the service, then the case purged."""
    case_id, person_id = str(uuid.uuid4()), str(uuid.uuid4())
    store.apply_pull_page(PullResponse(records=[
        Record(id=case_id, kind="case", case_id=case_id, rev=3,
               fields={"title": FAMILY, "team_id": TEAM_ID}),
        Record(id=person_id, kind="person", case_id=case_id, rev=4,
               fields={"name": "Mila Zonnebloem"}),
    ], conflicts=[], revoked_case_ids=[], cursor="4", more=False))
    store.update_record(person_id, {"notes": NOTES})
    (change,) = store.take_outbox()
    store.apply_push_results([Result(
        change_id=change.change_id, status="rejected", rev=0,
        error={"code": "case_not_visible", "message": "you may not see this case"})])
    store.apply_pull_page(PullResponse(records=[], conflicts=[], revoked_case_ids=[case_id],
                                       cursor="5", more=False))
    assert store.get_record(person_id) is None
    return change.change_id


@pytest.fixture
def store(tmp_path):
    s = CaseStore.create(tmp_path / "data", PASSPHRASE)
    _refused_then_purged(s)
    yield s
    s.close()


@pytest.fixture
def screen(qtbot, session):
    view = RejectedChanges(session)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5_000)
    return view


def test_the_model_passes_the_model_tester(qtmodeltester, store):
    model = RejectedChangesModel()
    model.set_rows(store.list_rejected())
    qtmodeltester.check(model)
    assert model.index(0, RejectedChangesModel.FAMILY).data() == FAMILY
    assert model.index(0, RejectedChangesModel.FIELDS).data() == field_label("notes", "person")
    assert "Mila Zonnebloem" in model.index(0, RejectedChangesModel.ITEM).data()


def test_the_screen_shows_the_family_and_the_text_in_words(screen):
    assert screen.model.index(0, RejectedChangesModel.FAMILY).data() == FAMILY
    text = screen.detail.toPlainText()
    assert FAMILY in text and NOTES in text and f"{field_label('notes', 'person')}:" in text
    assert "notes:" not in text and "case_not_visible" not in text  # words, not codes


def test_copy_puts_the_change_on_the_clipboard(qtbot, screen):
    QApplication.clipboard().clear()
    qtbot.mouseClick(screen.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert FAMILY in copied and NOTES in copied


def test_save_writes_the_change_to_the_chosen_file(qtbot, screen, tmp_path):
    target = tmp_path / "gekozen plek" / "wijziging.txt"
    target.parent.mkdir()
    asked: list[str] = []
    screen.ask_path = lambda suggested: asked.append(suggested) or str(target)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert asked and FAMILY in asked[0]
    saved = target.read_text(encoding="utf-8")
    assert FAMILY in saved and NOTES in saved


def test_remove_asks_first_and_keep_keeps_it(qtbot, screen, store):
    qtbot.mouseClick(screen.dismiss_button, Qt.MouseButton.LeftButton)
    box = screen.confirm_box
    assert box is not None and box.isVisible() and FAMILY in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert screen.confirm_box is None
    screen.session.wait_for_writes()
    assert len(store.list_rejected()) == 1 and screen.model.rowCount() == 1

    qtbot.mouseClick(screen.dismiss_button, Qt.MouseButton.LeftButton)
    box = screen.confirm_box
    with qtbot.waitSignal(screen.count_changed, timeout=5_000) as counted:
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert counted.args == [0]
    assert screen.model.rowCount() == 0 and not screen.dismiss_button.isEnabled()
    assert store.list_rejected() == []


def test_the_window_says_so_and_the_lock_clears_the_copy(qtbot, tmp_path):
    from desktop.mainwindow.window import MainWindow
    from desktop.session.controller import LOCKED, UNLOCKED
    from desktop.settings import Settings

    data_dir = tmp_path / "laptop"
    seeded = CaseStore.create(data_dir, PASSPHRASE)
    _refused_then_purged(seeded)
    seeded.close()
    w = MainWindow(data_dir, Settings(data_dir))
    qtbot.addWidget(w)
    w.show()
    w.controller.unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    def button() -> QPushButton | None:
        return w.status.findChild(QPushButton, "rejectedChanges")

    qtbot.waitUntil(lambda: button() is not None and button().isVisible(), timeout=5_000)
    assert "1" in button().text()
    assert w.actions.rejected in w.menuBar().actions()[0].menu().actions()
    # A sync that could not send two changes says so as a message too, in the same words.
    w.sync.finished.emit(SyncReport(rejected=2, rejected_kept=3))
    assert w.notice == w.tr(
        "%n change(s) could not be sent. They are kept safely on this laptop. "
        "See them in Unsent changes.", "", 2)
    assert "3" in button().text()
    qtbot.mouseClick(button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.unsent is not None and w.unsent.model.rowCount() == 1,
                    timeout=5_000)
    w.unsent.copy_button.setFocus()
    qtbot.mouseClick(w.unsent.copy_button, Qt.MouseButton.LeftButton)
    assert NOTES in QApplication.clipboard().text()
    qtbot.keyClick(w.unsent.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.controller.state == LOCKED, timeout=5_000)
    assert NOTES not in QApplication.clipboard().text()
    assert w.unsent.model.rowCount() == 0 and not w.unsent.isVisible()
    assert not button().isVisible()
    w.close()
