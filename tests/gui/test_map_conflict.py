"""A conflict on the network map leads to the conflict dialog: in the main window, the worker
right-clicks the person marked "!" on the drawing, chooses "Choose between the versions…",
and the same dialog the conflict inbox opens for that record is there to decide."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from desktop.conflicts.dialog import ResolveDialog
from desktop.mainwindow.window import MainWindow
from desktop.session.controller import UNLOCKED
from desktop.settings import Settings
from storage.store import CaseStore
from sync.protocol import Conflict, PullResponse
from tests.gui.acting import click_tab

pytestmark = pytest.mark.gui

PASSPHRASE = "rode wollen muts aan de kapstok"
TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"


def _no_sync(store):
    from sync.errors import NotEnrolled

    raise NotEnrolled("not enrolled in this test")


@pytest.fixture
def conflicted(tmp_path):
    """A fictional family whose grandmother's phone number was changed on two laptops."""
    data_dir = tmp_path / "data"
    store = CaseStore.create(data_dir, PASSPHRASE)
    case = store.create_record("case", {"title": "Familie Kerkhof", "team_id": TEAM_ID})
    child = store.create_record("person", {"name": "Mees Kerkhof", "circle": "household",
                                           "index_person": True}, case_id=case.id)
    oma = store.create_record("person", {"name": "Ria Kerkhof", "circle": "family",
                                         "phone": "06-11111111"}, case_id=case.id)
    store.create_record("relationship", {"from_person_id": oma.id, "to_person_id": child.id,
                                         "type": "family", "quality": "close"},
                        case_id=case.id)
    pulled = oma.model_copy(update={"rev": 5, "fields": {**oma.fields,
                                                         "phone": "06-22222222"}})
    conflict = Conflict(id=str(uuid.uuid4()), record_id=oma.id, case_id=case.id,
                        kind="person", field="phone", base="06-00000000",
                        kept="06-22222222", incoming="06-11111111", kept_by="u-other",
                        incoming_by="u-me", created_at="2026-11-20T10:00:00Z")
    store.apply_pull_page(PullResponse(records=[pulled], conflicts=[conflict],
                                       revoked_case_ids=[], cursor="9", more=False))
    store.close()
    return data_dir, case.id, oma.id, conflict.id


def test_resolving_a_conflicted_person_from_the_map_opens_its_conflict_dialog(qtbot,
                                                                              conflicted):
    data_dir, case_id, oma_id, conflict_id = conflicted
    window = MainWindow(data_dir, Settings(data_dir), engine_factory=_no_sync)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    window.controller.unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: window.controller.state == UNLOCKED, timeout=10_000)
    workspace = window.workspace
    workspace.open_case(case_id)
    tab = workspace.network_map
    click_tab(qtbot, workspace.case_file.tabs, tab)
    qtbot.waitUntil(lambda: tab.loaded_case == case_id)
    assert tab.scene.conflicted == {oma_id}

    # A right click on the grandmother on the drawing.
    tab.view.centerOn(tab.scene.people[oma_id])
    viewport = tab.view.viewport()
    at = tab.view.mapFromScene(tab.scene.people[oma_id].scenePos())
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at,
                                                       viewport.mapToGlobal(at)))
    menu = tab.last_menu
    qtbot.waitUntil(menu.isVisible)
    choose = next(a for a in menu.actions() if a.text() == "Choose between the versions…")

    seen: list[tuple[str, str]] = []

    def answer() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, ResolveDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(50, answer)
            return
        seen.append((dialog.conflict.id, dialog.kept.toPlainText()))
        qtbot.mouseClick(dialog.keep_kept, Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, answer)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(choose).center())
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen == [(conflict_id, "06-22222222")]
    assert window.inbox is not None and window.inbox.isVisible()
    # The choice is kept for the next sync, and the conflict is no longer open.
    qtbot.waitUntil(lambda: window.inbox.model.rowCount() == 0, timeout=10_000)
    window.close()
