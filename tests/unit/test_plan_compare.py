"""Two states of a plan compared part by part."""

from __future__ import annotations

import uuid

from desktop.safetyplan.compare import changed_since, compare, parts
from desktop.safetyplan.review import content
from sync.protocol import Record

PLAN = Record(id=str(uuid.uuid4()), kind="safety_plan", case_id="c", rev=3,
              fields={"harm": "Klap gegeven", "worries": "Nog een keer", "status": "submitted"})


def item(section, position, rev=1, **fields):
    return Record(id=str(uuid.uuid4()), kind="plan_item", case_id="c", rev=rev,
                  fields={"plan_id": PLAN.id, "section": section, "position": position,
                          **fields})


def test_nothing_changed_is_nothing():
    items = [item("agreement", "a", text="Oma belt"), item("signal", "a", text="Stil")]
    assert changed_since(content(PLAN, items), PLAN, items) == []


def test_each_changed_part_is_named_once():
    agreement = item("agreement", "a", text="Oma belt")
    before = content(PLAN, [agreement])
    plan = PLAN.model_copy(update={"fields": {**PLAN.fields, "harm": "Twee klappen"},
                                   "rev": 9})
    edited = agreement.model_copy(update={"fields": {**agreement.fields, "when": "elke dag"},
                                          "rev": 8})
    now = [edited, item("signal", "b", text="Boos")]
    assert changed_since(before, plan, now) == ["harm", "agreement", "signal"]


def test_a_new_rev_or_position_alone_is_no_change_but_a_new_order_is():
    a, b = item("agreement", "a", text="Eerste"), item("agreement", "b", text="Tweede")
    before = content(PLAN, [a, b])
    moved_both = [a.model_copy(update={"fields": {**a.fields, "position": "c"}, "rev": 5}),
                  b.model_copy(update={"fields": {**b.fields, "position": "d"}, "rev": 6})]
    assert changed_since(before, PLAN, moved_both) == []
    swapped = [a.model_copy(update={"fields": {**a.fields, "position": "z"}}), b]
    assert changed_since(before, PLAN, swapped) == ["agreement"]


def test_unreadable_content_compares_as_empty():
    assert parts("not json")["agreement"] == ()
    assert parts('["a list"]')["harm"] == ()
    diffs = {d.part: d for d in compare(None, content(PLAN, []))}
    assert diffs["harm"].changed and diffs["harm"].after == ("Klap gegeven",)


def test_the_conditions_a_line_meets_read_as_their_words_and_who_agreed_is_a_part():
    condition = item("condition", "a", text="Geen alcohol in huis\nVastgesteld in mei")
    agreement = item("agreement", "a", text="Oma belt", addresses=[condition.id], done=False)
    person = str(uuid.uuid4())
    plan = PLAN.model_copy(update={"fields": {**PLAN.fields, "agreed_by": [person]}})
    shown = parts(content(plan, [condition, agreement]))
    assert shown["agreement"] == ("Geen alcohol in huis · Oma belt",)
    assert condition.id not in shown["agreement"][0]
    ticked = item("agreement", "b", text="Vader wandelt", done=True)
    assert parts(content(PLAN, [ticked]))["agreement"] == ("✓ · Vader wandelt",)
    assert shown["agreed_by"] == (person,)
    assert changed_since(content(PLAN, [condition, agreement]), plan,
                         [condition, agreement]) == ["agreed_by"]


def test_the_room_of_a_childs_words_reads_as_words_not_its_code():
    words = item("child_voice", "a", text="Ik ben bang", part="safe_people")
    (line,) = parts(content(PLAN, [words]))["child_voice"]
    assert "safe_people" not in line and "Safe people" in line
