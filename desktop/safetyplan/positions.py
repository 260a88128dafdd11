"""Fractional positions: an item's place in its section is a string key, and a new place is
a key between two others, so two laptops can insert and reorder at once without renumbering.

Keys are strings of DIGITS that never end in the lowest digit (so there is always room
below). Every key made here ends in a `salt`: two laptops inserting between the same two
keys pick the same midpoint, and their different salts keep the keys apart.
"""

from __future__ import annotations

import secrets

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"  # ASCII order
_BASE = len(DIGITS)


def new_salt(length: int = 3) -> str:
    """A random salt for one laptop's session (digits, never ending in the lowest)."""
    return "".join(secrets.choice(DIGITS[1:]) for _ in range(length))


def is_key(value: object) -> bool:
    return (isinstance(value, str) and bool(value) and value[-1] != DIGITS[0]
            and all(c in DIGITS for c in value))


def key_between(low: str | None, high: str | None, salt: str) -> str:
    """A key strictly between `low` and `high` (None: no bound on that side).

    A bound that is not a key of this module (data from elsewhere) or a `high` not above
    `low` is treated as absent on that side, so odd data never raises here.
    """
    if not is_key(salt):
        raise ValueError("salt must be digits not ending in the lowest one")
    lo = low if is_key(low) else ""
    hi = high if is_key(high) and (high > lo) else None
    return _midpoint(lo, hi) + salt


def _midpoint(low: str, high: str | None) -> str:
    """A key above `low` and below `high` that is no prefix of `high`, so that anything
    appended to it stays below `high`."""
    if high is not None:
        n = 0
        while (low[n] if n < len(low) else DIGITS[0]) == high[n]:
            n += 1
        if n:
            return high[:n] + _midpoint(low[n:], high[n:])
    digit_low = DIGITS.index(low[0]) if low else 0
    digit_high = DIGITS.index(high[0]) if high is not None else _BASE
    if digit_high - digit_low > 1:
        return DIGITS[(digit_low + digit_high) // 2]
    # Adjacent first digits: keep low's and go above the rest of low.
    return DIGITS[digit_low] + _midpoint(low[1:], None)


def sort_key(position: object, record_id: str) -> tuple[str, str]:
    """Order by position, then by id, so that equal or missing positions still sort the
    same on every laptop."""
    return (position if isinstance(position, str) else "", record_id)
