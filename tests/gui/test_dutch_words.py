"""One Dutch voice (docs taal.md): the worker is "je", no English or system words are left,
the conflict dialog speaks from the worker's side, and the codes of relationships, plans and
consent bases read as words."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.casefile.labels import choice_label, field_label
from desktop.casefile.records_model import display_value
from desktop.conflicts.dialog import ResolveDialog
from desktop.mainwindow.statusbar import SyncStatusBar
from desktop.syncing.status import OFFLINE, ONLINE, SyncStatus
from sync.protocol import Conflict
from sync.schema import KINDS

pytestmark = pytest.mark.gui

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "keukentafel_nl.ts"
# Words taal.md says never to use on screen (section 2, column "Niet"; section 3).
NOT_DUTCH_VOICE = re.compile(
    r"\b(u|uw|U|Uw|sleutelbos|keyring|Gender|Score|Sync|consent|Online|Offline|deelnemers|"
    r"Kring|kring|Schaalscore|Bewaarde|Binnengekomene|Gemeenschappelijke basis)\b")


@pytest.fixture
def dutch(qapp):
    from desktop.i18n import install_translators

    install_translators(qapp, "nl")
    yield
    install_translators(qapp, "en")


def _translations() -> list[tuple[str, str, str]]:
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            for text in forms or [translation.text or ""]:
                found.append((name, message.findtext("source") or "", text))
    return found


def test_no_dutch_text_uses_u_english_or_words_taal_md_rules_out():
    wrong = [(ctx, text) for ctx, _source, text in _translations()
             if NOT_DUTCH_VOICE.search(text)]
    assert wrong == []


def test_relationship_plan_and_consent_basis_values_read_as_dutch_words(dutch):
    for kind, name in (("relationship", "type"), ("relationship", "quality"),
                       ("relationship", "direction"), ("safety_plan", "status"),
                       ("safety_plan", "phase"), ("plan_item", "section")):
        for value in KINDS[kind].fields[name].choices or ():
            assert choice_label(value) != value, f"{kind}.{name}={value}"
    assert choice_label("parent_child") == "Ouder – kind"
    assert choice_label("draft") == "Concept"
    assert display_value("consent", "basis", "consent") == "Toestemming"
    assert field_label("gender") == "Geslacht"
    assert field_label("value") == "Cijfer (0–10)"


def test_the_status_bar_says_verbonden_and_geen_verbinding(qtbot, dutch):
    bar = SyncStatusBar()
    qtbot.addWidget(bar)
    bar.show_status(SyncStatus(connection=ONLINE, enrolled=True))
    assert bar.connection.text() == "Verbonden"
    bar.show_status(SyncStatus(connection=OFFLINE, enrolled=True))
    assert bar.connection.text() == "Geen verbinding"
    bar.show_status(SyncStatus(connection=OFFLINE, pending=2, enrolled=True))
    assert bar.pending.text() == "2 wachten op verzending"


def _conflict(incoming_by: str) -> Conflict:
    return Conflict(id="c1", record_id="r1", case_id="k1", kind="case", field="summary",
                    base="a", kept="b", incoming="c", created_at="2026-11-20T10:00:00Z",
                    kept_by="colleague-1", incoming_by=incoming_by)


def test_the_conflict_dialog_speaks_from_the_workers_side(qtbot, dutch):
    mine = ResolveDialog(_conflict("me"), "Gezin Testwater", me="me")
    qtbot.addWidget(mine)
    assert mine.keep_kept.text() == "Versie op de &dienst houden"
    assert mine.keep_incoming.text() == "&Jouw versie houden"
    assert mine.incoming.accessibleName().startswith("Jouw versie")
    theirs = ResolveDialog(_conflict("colleague-2"), "Gezin Testwater", me="me")
    qtbot.addWidget(theirs)
    assert theirs.keep_incoming.text() == "Versie van een collega h&ouden"
