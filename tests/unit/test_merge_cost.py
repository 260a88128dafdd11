"""The line merge's cost is bounded (issue 8, section 5) and it still keeps the rules of
design.md: clean merges keep both sides' lines, edits to the same or adjacent lines clash.
Step counts, never clock times."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sync.merge import MAX_MERGE_LINES, MERGE_STEP_BUDGET, MergeBudget, merge_lines, merge_text
from tests.depth import property_settings

MIB = 1024 * 1024


def _repetitive(size: int) -> list[str]:
    # Few distinct lines, repeated: what made difflib quadratic.
    lines, total, i = [], 0, 0
    while total < size:
        line = ["Gesprek met moeder.\n", "Afspraak gemaakt.\n", "\n"][i % 3]
        lines.append(line)
        total += len(line)
        i += 1
    return lines


def test_a_one_mib_repetitive_text_with_edits_far_apart_merges_in_few_steps():
    base = _repetitive(MIB)
    ours = ["Nieuw begin.\n", *base]
    theirs = [*base, "Nieuw einde.\n"]
    budget = MergeBudget()
    merged = merge_lines(base, ours, theirs, budget)
    assert merged == ["Nieuw begin.\n", *base, "Nieuw einde.\n"]
    # Linear in the text: the common start and end are taken off without a diff.
    assert budget.spent <= 3 * (len(base) + 2)


def test_a_one_mib_repetitive_text_edited_all_over_is_a_conflict_within_the_budget():
    base = _repetitive(MIB)
    ours = [line.upper() if i % 7 == 0 else line for i, line in enumerate(base)]
    theirs = [line.lower() if i % 11 == 0 else line for i, line in enumerate(base)]
    budget = MergeBudget()
    assert merge_lines(base, ours, theirs, budget) is None  # a conflict, never a choice
    # Gave up as soon as the budget ran out (one diff round past it at most).
    assert budget.spent <= MERGE_STEP_BUDGET + len(base) + len(ours) + 2


def test_texts_above_the_line_cap_are_a_conflict_without_any_diff():
    base = ["regel\n"] * (MAX_MERGE_LINES // 2)
    budget = MergeBudget()
    assert merge_lines(base, [*base, "a\n"], ["b\n", *base], budget) is None
    assert budget.spent == 0


def test_a_merge_past_a_small_budget_is_a_conflict():
    base = [f"regel {i}\n" for i in range(200)]
    ours = [f"ander {i}\n" if i % 2 else line for i, line in enumerate(base)]
    theirs = ["eerste\n", *base]
    assert merge_lines(base, ours, theirs, MergeBudget(limit=50)) is None
    assert merge_lines(base, ours, theirs) is not None


# -- the rules still hold --------------------------------------------------------------

BASES = st.integers(4, 30).map(lambda n: [f"regel {i}\n" for i in range(n)])


@st.composite
def two_separate_edits(draw: st.DrawFn):
    """Two edits of `base` with at least one untouched line between them."""
    base = draw(BASES)
    n = len(base)
    i1 = draw(st.integers(0, n - 2))
    j1 = draw(st.integers(i1, min(n - 2, i1 + 3)))
    i2 = draw(st.integers(j1 + 1, n))
    j2 = draw(st.integers(i2, min(n, i2 + 3)))
    new1 = [f"ons {k}\n" for k in range(draw(st.integers(0 if j1 > i1 else 1, 3)))]
    new2 = [f"hun {k}\n" for k in range(draw(st.integers(0 if j2 > i2 else 1, 3)))]
    ours = base[:i1] + new1 + base[j1:]
    theirs = base[:i2] + new2 + base[j2:]
    expected = base[:i1] + new1 + base[j1:i2] + new2 + base[j2:]
    return base, ours, theirs, expected


@property_settings(quick=200)
@given(two_separate_edits(), st.booleans())
def test_edits_with_an_untouched_line_between_them_merge_keeping_both(edits, swap):
    base, ours, theirs, expected = edits
    if swap:
        ours, theirs = theirs, ours
    assert merge_lines(base, ours, theirs) == expected


@property_settings(quick=200)
@given(BASES, st.data())
def test_different_edits_of_the_same_or_adjacent_lines_clash(base, data):
    i = data.draw(st.integers(0, len(base) - 2))
    j = data.draw(st.sampled_from([i, i + 1]))  # the same line or the next one
    ours = [*base]
    ours[i] = "ons\n"
    theirs = [*base]
    theirs[j] = "hun\n"
    assert merge_lines(base, ours, theirs) is None
    assert merge_lines(base, theirs, ours) is None


@property_settings(quick=200)
@given(st.lists(st.sampled_from(["a\n", "b\n", "c\n", "\n"]), max_size=30),
       st.lists(st.sampled_from(["a\n", "b\n", "d\n", "\n"]), max_size=30))
def test_one_side_unchanged_or_both_the_same_gives_the_edit(base, edited):
    assert merge_lines(base, base, edited) == edited
    assert merge_lines(base, edited, base) == edited
    assert merge_lines(base, edited, edited) == edited


@property_settings(quick=200)
@given(st.text(alphabet="ab\n", max_size=40), st.text(alphabet="ab\n", max_size=40),
       st.text(alphabet="ab\n", max_size=40))
def test_a_clean_merge_keeps_every_line_both_sides_added(base, ours, theirs):
    merged = merge_text(base, ours, theirs)
    # The same whichever side comes first (a clash either way, too).
    assert merge_text(base, theirs, ours) == merged
    if merged is None:
        return
    for side in (ours, theirs):
        assert set(side.splitlines()) - set(base.splitlines()) <= set(merged.splitlines())
