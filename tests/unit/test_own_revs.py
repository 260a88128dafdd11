"""The `own` parameter of a pull (sync/own_revs.py): what the laptop writes, the service reads
back the same, and a cut to the longest ranges still names only revs that were given."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync import own_revs
from sync.protocol import MAX_OWN_RANGES
from tests.depth import property_settings


@property_settings(100)
@given(st.sets(st.integers(min_value=1, max_value=2**62), max_size=400))
def test_what_the_laptop_writes_the_service_reads_as_a_subset_of_its_revs(revs):
    found = own_revs.decode(own_revs.encode(own_revs.ranges(revs)))
    named = {rev for first, last in found for rev in range(first, min(last, first + 500) + 1)}
    assert named <= revs
    assert len(found) <= MAX_OWN_RANGES
    if len(own_revs.ranges(revs)) < MAX_OWN_RANGES:
        assert sum(last - first + 1 for first, last in found) == len(revs)


def test_consecutive_revs_are_one_range_and_the_longest_are_kept():
    assert own_revs.encode(own_revs.ranges([5, 3, 4, 9, 11, 12])) == "3-5,9,11-12"
    singles = range(1, 2 * MAX_OWN_RANGES, 2)  # MAX_OWN_RANGES ranges of one rev each
    long = range(10_000, 10_050)
    found = own_revs.ranges([*singles, *long, 20_001])
    assert len(found) == MAX_OWN_RANGES and (10_000, 10_049) in found
    assert found == sorted(found)


@pytest.mark.parametrize("text", ["x", "5-3", "3,1", "1-4,4-6", "0", "1-", "-1", "1,,2",
                                  "\u0661", "9" * 20, str(2**62 + 1), " 1", "1-2-3"])
def test_anything_the_laptop_would_not_write_is_refused(text):
    with pytest.raises(ValueError):
        own_revs.decode(text)
