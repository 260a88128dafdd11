"""Fractional positions: a key between any two keys, and two laptops inserting at once never
make the same key."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.safetyplan.positions import DIGITS, is_key, key_between

salts = st.text(alphabet=DIGITS, min_size=1, max_size=4).filter(is_key)
keys = st.one_of(st.none(), st.text(alphabet=DIGITS, min_size=1, max_size=8).filter(is_key))


def ordered(low, high):
    if low is not None and high is not None and low >= high:
        low, high = (high, low) if high < low else (low, None)
    return low, high


@given(keys, keys, salts)
def test_a_new_key_lies_between_its_neighbours(low, high, salt):
    low, high = ordered(low, high)
    key = key_between(low, high, salt)
    assert is_key(key)
    assert low is None or low < key
    assert high is None or key < high


@given(keys, keys, salts, salts)
def test_two_laptops_inserting_at_the_same_place_never_clash(low, high, salt_a, salt_b):
    low, high = ordered(low, high)
    a, b = key_between(low, high, salt_a), key_between(low, high, salt_b)
    assert (a == b) == (salt_a == salt_b)
    for key in (a, b):
        assert (low is None or low < key) and (high is None or key < high)


@given(st.lists(st.tuples(st.integers(min_value=0), salts), max_size=40))
def test_many_inserts_keep_a_strict_order(inserts):
    order: list[str] = []
    for where, salt in inserts:
        i = where % (len(order) + 1)
        key = key_between(order[i - 1] if i else None, order[i] if i < len(order) else None,
                          salt)
        order.insert(i, key)
        assert order == sorted(order) and len(set(order)) == len(order)


def test_odd_bounds_from_elsewhere_do_not_raise():
    assert key_between("a1", "a1", "x") > "a1"
    assert is_key(key_between("weird key!", None, "x"))
    with pytest.raises(ValueError):
        key_between(None, None, "0")
