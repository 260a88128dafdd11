"""Issue 9: the scaling question as a child of ten understands it, beside the worker's scale.

taal.md: children are addressed with je/jij, in sentences under ten words.
"""

from __future__ import annotations

import re

import pytest

from desktop.casefile.view import CaseFileView
from desktop.i18n import install_translators

pytestmark = pytest.mark.gui


@pytest.fixture
def dutch(qapp):
    install_translators(qapp, "nl")
    yield
    install_translators(qapp, "en")


def test_the_scaling_box_asks_children_in_short_sentences(dutch, session, qtbot):
    view = CaseFileView(session)
    qtbot.addWidget(view)
    question = view.visits.scores.child_question.text()
    sentences = [s for s in re.split(r"[.?!]\s*", question) if s.strip()]
    assert sentences, question
    assert all(len(s.split()) < 10 for s in sentences), question
    words = set(re.findall(r"\w+", question.lower()))
    assert words & {"jij", "je"}, question
    assert "0" in question and "10" in question
    assert view.visits.scores.child_question.accessibleName()
