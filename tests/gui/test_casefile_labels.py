"""Every field and every choice of the registry reads as words on screen, never as a code."""

from __future__ import annotations

import pytest

from desktop.casefile.labels import choice_label, field_label, kind_label
from desktop.casefile.records_model import display_value
from sync.schema import KINDS

pytestmark = pytest.mark.gui

# Choices that are a code by design: the support letters P, G, A, E on the network map.
SHOWN_AS_IS = {("relationship", "support")}
# Choice fields whose labels come with their own views (network map, safety plan).
LATER_VIEWS = {"relationship"}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_field_has_a_label(qapp, kind):
    for name in KINDS[kind].fields:
        label = field_label(name, kind)
        assert label and "_" not in label, f"{kind}.{name}"
    assert kind_label(kind) != kind


@pytest.mark.parametrize("kind", sorted(set(KINDS) - LATER_VIEWS))
def test_every_choice_has_a_label(qapp, kind):
    for name, spec in KINDS[kind].fields.items():
        if spec.choices and (kind, name) not in SHOWN_AS_IS:
            for value in spec.choices:
                assert choice_label(value) != value, f"{kind}.{name}={value}"


def test_values_are_shown_as_the_worker_reads_them(qapp):
    assert display_value("person", "birth_date", "2019-03-07") == "07-03-2019"
    assert display_value("visit", "shared_with_family", True) == "✓"
    assert display_value("case", "domains", ["veiligheid", "school"]) == "Safety, School"
    assert display_value("visit", "notes", "first line\nsecond line") == "first line"
    assert display_value("task", "due_on", None) == ""
