"""The pure three-way merge of design.md, rule by rule, and its diff3 on lines."""

from hypothesis import given
from hypothesis import strategies as st

from sync.merge import merge_against_deleted, merge_change, merge_delete, merge_text, rebase_local
from sync.protocol import DELETED
from tests.depth import property_settings

BASE = "Eerste alinea.\n\nTweede alinea.\n\nDerde alinea.\n"


def test_edits_in_different_paragraphs_merge():
    ours = BASE.replace("Eerste alinea.", "Eerste alinea, herzien.")
    theirs = BASE.replace("Derde alinea.", "Derde alinea, aangevuld.")
    assert merge_text(BASE, ours, theirs) == (
        "Eerste alinea, herzien.\n\nTweede alinea.\n\nDerde alinea, aangevuld.\n"
    )


def test_edits_on_the_same_line_conflict():
    ours = BASE.replace("Tweede alinea.", "Tweede alinea (A).")
    theirs = BASE.replace("Tweede alinea.", "Tweede alinea (B).")
    assert merge_text(BASE, ours, theirs) is None


def test_edits_on_adjacent_lines_conflict():
    base = "a\nb\nc\nd\n"
    assert merge_text(base, "a\nB\nc\nd\n", "a\nb\nC\nd\n") is None


def test_inserts_at_the_same_place_conflict_unless_identical():
    base = "a\nb\n"
    assert merge_text(base, "a\nx\nb\n", "a\ny\nb\n") is None
    assert merge_text(base, "a\nx\nb\n", "a\nx\nb\n") == "a\nx\nb\n"


def test_one_side_unchanged_takes_the_other():
    assert merge_text(BASE, BASE, BASE + "Nieuw.\n") == BASE + "Nieuw.\n"
    assert merge_text(None, None, "tekst") == "tekst"


def test_rule_2_same_value_is_nothing_to_do():
    out = merge_change("person", {"name": "A"}, {"name": "X"}, {"name": "A"})
    assert out.outcomes == {"name": "unchanged"} and not out.changed and not out.conflicts


def test_rule_3_untouched_on_service_is_applied():
    out = merge_change("person", {"name": "A", "role": "moeder"}, {"name": "A"}, {"name": "B"})
    assert out.status == "applied" and out.fields == {"name": "B", "role": "moeder"}


def test_absent_base_counts_as_null():
    out = merge_change("person", {"name": "A", "phone": None}, {}, {"phone": "06"})
    assert out.status == "applied" and out.fields["phone"] == "06"


def test_rule_4_text_merges_and_rule_5_other_types_conflict():
    ours = BASE.replace("Eerste", "EERSTE")
    theirs = BASE.replace("Derde", "DERDE")
    out = merge_change("person", {"notes": ours}, {"notes": BASE}, {"notes": theirs})
    assert out.status == "merged"
    assert "EERSTE" in out.fields["notes"] and "DERDE" in out.fields["notes"]
    out = merge_change("person", {"role": "oma"}, {"role": "tante"}, {"role": "buurvrouw"})
    assert out.status == "conflict"
    assert out.fields["role"] == "oma"  # the service keeps its value
    (c,) = out.conflicts
    assert (c.field, c.base, c.kept, c.incoming) == ("role", "tante", "oma", "buurvrouw")


def test_delete_versus_edit_both_ways():
    out = merge_delete({"name": "A"}, current_rev=5, base_rev=3)
    assert out.status == "conflict" and not out.deleted
    assert out.conflicts[0].field is None and out.conflicts[0].incoming == DELETED
    out = merge_delete({"name": "A"}, current_rev=3, base_rev=3)
    assert out.deleted and out.status == "applied"
    out = merge_against_deleted({"name": "A"}, {"name": "B"})
    assert out.deleted and out.conflicts[0].kept == DELETED
    assert out.conflicts[0].incoming == {"name": "B"}


def test_rebase_keeps_local_edits_only():
    assert rebase_local({"a": 1, "b": 2}, {"a": 9, "b": 8}, {"b"}) == {"a": 1, "b": 8}


lines = st.lists(st.sampled_from(["een\n", "twee\n", "drie\n", "vier\n", "\n"]), max_size=8)


@given(lines, lines)
@property_settings(100)
def test_merge_with_an_unchanged_side_is_the_other_side(base, other):
    assert merge_lines_text(base, base, other) == "".join(other)
    assert merge_lines_text(base, other, base) == "".join(other)


@given(lines, lines, lines)
@property_settings(100)
def test_merge_is_symmetric(base, ours, theirs):
    assert merge_lines_text(base, ours, theirs) == merge_lines_text(base, theirs, ours)


def merge_lines_text(base, ours, theirs):
    return merge_text("".join(base), "".join(ours), "".join(theirs))


def test_a_value_back_at_the_base_after_a_change_since_is_a_conflict():
    current = {"title": "Bellen", "done": False, "due_on": None}
    out = merge_change("task", current, {"done": False, "title": "Bellen"},
                       {"done": True, "title": "Bellen met school"},
                       changed_since_base={"done", "title"})
    assert out.status == "conflict" and out.fields == current
    assert [(c.field, c.kept, c.incoming) for c in out.conflicts] == [
        ("done", False, True), ("title", "Bellen", "Bellen met school")]
    # a field nobody changed since the base applies as rule 3 says
    out = merge_change("task", current, {"due_on": None}, {"due_on": "2026-12-01"},
                       changed_since_base={"done"})
    assert out.status == "applied" and out.fields["due_on"] == "2026-12-01"
    # the same new value is still nothing to do (rule 2)
    out = merge_change("task", current, {"done": True}, {"done": False},
                       changed_since_base={"done"})
    assert out.status == "applied" and not out.changed and out.conflicts == []


def test_a_text_back_at_the_base_after_a_change_since_is_not_line_merged():
    notes = "Eerste regel.\nTweede regel.\n"
    out = merge_change("person", {"name": "P", "notes": notes}, {"notes": notes},
                       {"notes": notes + "Derde regel.\n"}, changed_since_base={"notes"})
    assert out.status == "conflict" and out.fields["notes"] == notes


def test_a_field_changed_back_by_the_device_is_an_edit():
    """Sent with its own base (changed and changed back before the push): written where the
    service still holds it, a conflict where someone changed it meanwhile, also for text."""
    current = {"title": "Bellen", "done": False, "notes": "Eerste regel.\n"}
    out = merge_change("task", current, {"done": False}, {"done": False})
    assert out.outcomes == {"done": "applied"} and out.changed and out.fields == current
    out = merge_change("person", {"name": "P", "notes": "Eerste regel.\nTweede.\n"},
                       {"notes": "Eerste regel.\n"}, {"notes": "Eerste regel.\n"})
    assert out.status == "conflict" and out.fields["notes"] == "Eerste regel.\nTweede.\n"
    # a create has no base: its fields are never "changed back"
    out = merge_change("task", current, {}, {"done": False})
    assert out.outcomes == {"done": "unchanged"}
