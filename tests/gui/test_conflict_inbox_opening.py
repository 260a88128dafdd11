"""The conflict inbox opened scrolled to the right, the family's name out of sight. It opens at
the first column, with the first row chosen."""

from __future__ import annotations

import uuid

import pytest

from desktop.conflicts.view import ConflictInbox
from desktop.operations import StoreSession
from storage.store import CaseStore
from sync.protocol import Conflict, PullResponse, Record

pytestmark = pytest.mark.gui

LONG_FAMILY = "Gezin Van den Heuvel-Oosterhuis-Wijnbergen-Kloppenburg"  # fictional


@pytest.fixture(params=["nl", "en"], autouse=True)
def language(request, qapp):
    from desktop.app import apply_calm_style
    from desktop.i18n import install_translators

    font, style = qapp.font(), qapp.styleSheet()
    apply_calm_style(qapp)
    install_translators(qapp, request.param)
    yield request.param
    install_translators(qapp, "en")
    qapp.setFont(font)
    qapp.setStyleSheet(style)


@pytest.fixture
def store(tmp_path):
    s = CaseStore.create(tmp_path / "data", "een conflict aan de keukentafel")
    case_id = str(uuid.uuid4())
    s.apply_pull_page(PullResponse(
        records=[Record(id=case_id, kind="case", case_id=case_id, rev=3,
                        fields={"title": LONG_FAMILY, "summary": "Versie A."})],
        conflicts=[Conflict(id=str(uuid.uuid4()), record_id=case_id, case_id=case_id,
                            kind="case", field="summary", base="Begin.", kept="Versie A.",
                            incoming="Versie B.", kept_by="u-lead", incoming_by="u-worker",
                            created_at="2026-11-20T10:00:00Z")],
        revoked_case_ids=[], cursor="1", more=False))
    yield s
    s.close()


def test_the_inbox_opens_at_the_first_column(qtbot, store):
    inbox = ConflictInbox(StoreSession(store))
    qtbot.addWidget(inbox)
    inbox.resize(inbox.minimumSize())
    inbox.show()
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 1, timeout=10_000)
    qtbot.wait(50)
    assert inbox.table.horizontalScrollBar().value() == 0
    assert inbox.table.currentIndex().row() == 0 and inbox.table.currentIndex().column() == 0
