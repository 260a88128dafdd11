"""The `own` parameter of a pull: revs at which this device's pushes wrote records as sent.

Written by the laptop (`encode`) from its push answers and read by the service (`decode`),
as ascending, separate ranges: "12-15,20,31-40". Any subset of the truth is correct (a rev
left out only brings its record whole, as before), so the laptop keeps the longest ranges
when there are more than a pull may name (docs/protocol.md, "The echo of a push").
"""

from __future__ import annotations

from collections.abc import Iterable

from sync.protocol import MAX_OWN_RANGES

Ranges = list[tuple[int, int]]

# Revs are bigint on PostgreSQL; anything larger is not one this service gave.
_LARGEST = 2**62


def ranges(revs: Iterable[int]) -> Ranges:
    """Consecutive revs as (first, last) ranges, ascending, at most MAX_OWN_RANGES."""
    found: Ranges = []
    for rev in sorted(set(revs)):
        if found and rev == found[-1][1] + 1:
            found[-1] = (found[-1][0], rev)
        else:
            found.append((rev, rev))
    if len(found) > MAX_OWN_RANGES:
        found = sorted(sorted(found, key=lambda r: r[0] - r[1])[:MAX_OWN_RANGES])
    return found


def encode(found: Ranges) -> str:
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in found)


def decode(text: str) -> Ranges:
    """The ranges of `text`; ValueError for anything `encode` would not write."""
    if not text:
        return []
    parts = text.split(",")
    if len(parts) > MAX_OWN_RANGES:
        raise ValueError("too many ranges")
    found: Ranges = []
    for part in parts:
        first, dash, last = part.partition("-")
        a = _rev(first)
        b = _rev(last) if dash else a
        if a > b or (found and a <= found[-1][1]):
            raise ValueError("ranges out of order")
        found.append((a, b))
    return found


def _rev(text: str) -> int:
    # isdigit() alone would take other scripts' digits ("١٢"), which int() reads too.
    if not text or len(text) > 19 or not (text.isascii() and text.isdigit()):
        raise ValueError("not a rev")
    rev = int(text)
    if not 0 < rev <= _LARGEST:
        raise ValueError("not a rev")
    return rev
