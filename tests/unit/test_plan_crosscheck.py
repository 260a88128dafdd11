"""The network map and the plan checked against each other: unsafe ties to a child, network
members not on the map, signals nobody acts on, steps without a number."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from desktop.safetyplan.crosscheck import UNSAFE_QUALITIES, CrossCheck, cross_checks, is_child
from sync.protocol import Record

TODAY = dt.date(2026, 11, 29)
PLAN = str(uuid.uuid4())


def record(kind, deleted=False, **fields):
    return Record(id=str(uuid.uuid4()), kind=kind, case_id="c", rev=1, deleted=deleted,
                  fields=fields)


def line(section, position="a", **fields):
    return record("plan_item", plan_id=PLAN, section=section, position=position, **fields)


def tie(a, b, quality, deleted=False, direction="none"):
    return record("relationship", deleted=deleted, from_person_id=a.id, to_person_id=b.id,
                  quality=quality, direction=direction)


FATHER = record("person", name="Karel", birth_date="1985-02-01")
CHILD = record("person", name="Sanne", birth_date="2016-06-01")
GRANNY = record("person", name="Oma Ria", birth_date="1955-03-03")
INDEX_ADULT = record("person", name="Tim", birth_date="2007-01-01", index_person=True)
PEOPLE = [FATHER, CHILD, GRANNY, INDEX_ADULT]


@pytest.mark.parametrize("quality", UNSAFE_QUALITIES)
def test_an_agreement_resting_on_an_unsafe_tie_to_a_child_is_named(quality):
    agreement = line("agreement", who=FATHER.id, text="Vader brengt Sanne naar school")
    found = cross_checks([agreement], PEOPLE, [tie(CHILD, FATHER, quality)], TODAY)
    assert found == [CrossCheck("unsafe_tie", agreement.id, FATHER.id, CHILD.id, quality)]


def test_a_network_role_resting_on_an_unsafe_tie_is_named_per_child():
    role = line("network_commitment", who=FATHER.id)
    ties = [tie(FATHER, CHILD, "violence"), tie(FATHER, INDEX_ADULT, "hostile")]
    found = cross_checks([role], PEOPLE, ties, TODAY)
    assert [(c.child_id, c.quality) for c in found] == [(CHILD.id, "violence"),
                                                         (INDEX_ADULT.id, "hostile")]


def test_safe_ties_removed_ties_and_ties_between_adults_warn_nothing():
    agreement = line("agreement", who=GRANNY.id)
    ties = [tie(GRANNY, CHILD, "strong"), tie(GRANNY, CHILD, "violence", deleted=True),
            tie(GRANNY, FATHER, "violence"), tie(GRANNY, CHILD, "conflict")]
    assert cross_checks([agreement], PEOPLE, ties, TODAY) == []


def test_a_child_is_an_index_person_or_under_18():
    assert is_child(CHILD, TODAY) and is_child(INDEX_ADULT, TODAY)
    assert not is_child(GRANNY, TODAY)
    turns_18 = record("person", birth_date="2008-11-30")
    assert is_child(turns_18, TODAY) and not is_child(turns_18, TODAY + dt.timedelta(days=1))
    assert not is_child(record("person", birth_date="not a date"), TODAY)
    assert not is_child(record("person"), TODAY)


def test_a_network_member_not_on_the_map_or_removed_from_it_is_named():
    gone = record("person", deleted=True, name="Buurman")
    free = line("network_commitment", who="Tante Els")
    removed = line("network_commitment", "b", who=gone.id)
    purged = line("network_commitment", "c", who=str(uuid.uuid4()))
    free_agreement = line("agreement", who="Juf Anja")  # an agreement may name anyone
    found = cross_checks([free, removed, purged, free_agreement], [*PEOPLE, gone], [], TODAY)
    assert found == [CrossCheck("not_on_map", free.id),
                     CrossCheck("removed_from_map", removed.id, gone.id),
                     CrossCheck("removed_from_map", purged.id, purged.fields["who"])]


def test_a_removed_person_carries_no_unsafe_tie_warning_but_a_removal_one():
    gone = record("person", deleted=True, name="Karel")
    agreement = line("agreement", who=gone.id)
    found = cross_checks([agreement], [gone, CHILD], [tie(gone, CHILD, "violence")], TODAY)
    assert found == [CrossCheck("removed_from_map", agreement.id, gone.id)]


def test_a_signal_without_anyone_who_acts_and_a_step_without_a_number():
    signal = line("signal", text="Vader drinkt weer", who="  ")
    acted = line("signal", "b", text="Sanne huilt", who=GRANNY.id)
    step = line("emergency_step", text="Bel de buurvrouw")
    called = line("emergency_step", "b", text="Bel 112", phone="112")
    found = cross_checks([step, called, acted, signal], PEOPLE, [], TODAY)
    assert found == [CrossCheck("signal_without_actor", signal.id),
                     CrossCheck("step_without_number", step.id)]


def test_removed_lines_warn_nothing():
    lines = [line("signal"), line("emergency_step")]
    lines = [r.model_copy(update={"deleted": True}) for r in lines]
    assert cross_checks(lines, PEOPLE, [], TODAY) == []
