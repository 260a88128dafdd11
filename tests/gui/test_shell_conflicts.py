"""The conflict inbox offline, with a real store: the table model passes Qt's model checks,
keeping one side queues the resolution for the next sync and closes the row, a delete-versus-
edit conflict offers only the two sides, and locking forgets every row."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt

from desktop.conflicts.dialog import ResolveDialog
from desktop.conflicts.model import ConflictInboxModel, load_inbox
from desktop.conflicts.view import ConflictInbox
from desktop.operations import StoreSession
from storage.store import CaseStore
from sync.protocol import DELETED, Conflict, PullResponse, Record

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"

pytestmark = pytest.mark.gui

PASSPHRASE = "houten lepel in de soeppan"
FAMILY = "Familie Zonnebloem"  # fictional


def _pulled(store: CaseStore) -> tuple[str, str, str]:
    """A case and a person as a pull delivers them, with two conflicts on them."""
    case_id, person_id = str(uuid.uuid4()), str(uuid.uuid4())
    stamp = "2026-11-20T10:00:00Z"
    records = [
        Record(id=case_id, kind="case", case_id=case_id, rev=3,
               fields={"title": FAMILY, "team_id": TEAM_ID, "summary": "Versie A."}),
        Record(id=person_id, kind="person", case_id=case_id, rev=4,
               fields={"name": "Mila Zonnebloem", "circle": "household"}),
    ]
    summary = Conflict(id=str(uuid.uuid4()), record_id=case_id, case_id=case_id, kind="case",
                       field="summary", base="Begin.", kept="Versie A.", incoming="Versie B.",
                       kept_by="u-lead", incoming_by="u-worker", created_at=stamp)
    removed = Conflict(id=str(uuid.uuid4()), record_id=person_id, case_id=case_id,
                       kind="person", field=None, base=None, kept=DELETED,
                       incoming={"name": "Mila Zonnebloem", "circle": "household"},
                       kept_by="u-lead", incoming_by="u-worker",
                       created_at="2026-11-20T11:00:00Z")
    store.apply_pull_page(PullResponse(records=records, conflicts=[summary, removed],
                                       revoked_case_ids=[], cursor="9", more=False))
    return case_id, summary.id, removed.id


@pytest.fixture
def store(tmp_path):
    s = CaseStore.create(tmp_path / "data", PASSPHRASE)
    yield s
    s.close()


def test_the_inbox_model_passes_the_model_tester(qtmodeltester, store):
    _pulled(store)
    model = ConflictInboxModel()
    model.set_rows(load_inbox(store))
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    titles = {model.index(r, ConflictInboxModel.CASE).data() for r in range(2)}
    assert titles == {FAMILY}


def test_keeping_what_came_in_queues_the_resolution(qtbot, store):
    case_id, summary_id, _removed_id = _pulled(store)
    session = StoreSession(store)
    inbox = ConflictInbox(session)
    qtbot.addWidget(inbox)
    inbox.show()
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 2, timeout=5_000)
    row = next(r for r in range(2) if inbox.model.row_at(r).conflict.id == summary_id)
    inbox.table.selectRow(row)

    seen: list[ResolveDialog] = []

    def answer(dialog: ResolveDialog) -> None:
        seen.append(dialog)
        texts = (dialog.kept.toPlainText(), dialog.incoming.toPlainText(),
                 dialog.base.toPlainText())
        assert texts == ("Versie A.", "Versie B.", "Begin.")
        qtbot.mouseClick(dialog.keep_incoming, Qt.MouseButton.LeftButton)

    inbox.open_dialog = answer
    with qtbot.waitSignal(inbox.resolution_queued, timeout=5_000) as queued:
        qtbot.keyClick(inbox.resolve_button, Qt.Key.Key_Space)
    assert queued.args == [summary_id]
    assert seen
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 1, timeout=5_000)
    assert [(c, v) for c, _change, v in store.take_resolutions()] == [(summary_id, "Versie B.")]
    assert store.get_record(case_id).fields["summary"] == "Versie B."


def test_a_delete_versus_edit_conflict_offers_the_two_sides_only(qtbot, store):
    _case_id, _summary_id, removed_id = _pulled(store)
    row = next(r for r in load_inbox(store) if r.conflict.id == removed_id)
    dialog = ResolveDialog(row.conflict, row.case_title)
    qtbot.addWidget(dialog)
    assert dialog.merged is None
    assert dialog.kept.toPlainText() == "(deleted)"
    assert "Mila Zonnebloem" in dialog.incoming.toPlainText()
    qtbot.mouseClick(dialog.keep_kept, Qt.MouseButton.LeftButton)
    assert dialog.decided and dialog.chosen_value == DELETED


def test_clearing_the_inbox_forgets_every_family(qtbot, store):
    _pulled(store)
    inbox = ConflictInbox(StoreSession(store))
    qtbot.addWidget(inbox)
    inbox.show()
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 2, timeout=5_000)
    inbox.clear()
    assert inbox.model.rowCount() == 0 and not inbox.isVisible()


def test_locking_while_the_resolve_dialog_is_open_decides_nothing(qtbot, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.mainwindow.window import MainWindow
    from desktop.session.controller import LOCKED, UNLOCKED
    from desktop.settings import Settings

    data_dir = tmp_path / "laptop"
    seeded = CaseStore.create(data_dir, PASSPHRASE)
    _pulled(seeded)
    seeded.close()
    w = MainWindow(data_dir, Settings(data_dir))
    qtbot.addWidget(w)
    w.show()
    w.controller.unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    w.show_conflicts()
    qtbot.waitUntil(lambda: w.inbox.model.rowCount() == 2, timeout=5_000)

    def press_quick_hide() -> None:
        dialog = next(t for t in QApplication.topLevelWidgets()
                      if isinstance(t, ResolveDialog) and t.isVisible())
        qtbot.keyClick(dialog.keep_kept, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    QTimer.singleShot(100, press_quick_hide)
    w.inbox.resolve_selected()  # runs the dialog until the lock closes it
    assert w.controller.state == LOCKED
    assert w.inbox.model.rowCount() == 0 and not w.inbox.isVisible()
    w.close()
    store = CaseStore.open(data_dir, PASSPHRASE)
    try:
        assert store.take_resolutions() == []
        assert len(store.list_conflicts(open_only=True)) == 2
    finally:
        store.close()
