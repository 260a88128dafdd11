"""How hard the property-based tests look.

`make test` runs them quick and derandomized, so a red run repeats; `make test-deep` sets
KEUKENTAFEL_TEST_DEPTH=deep and they look much further, with fresh random examples each run.
Property and stateful tests take their settings from here instead of fixing their own.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import settings

DEEP = os.environ.get("KEUKENTAFEL_TEST_DEPTH") == "deep"


def examples(quick: int, deep: int | None = None) -> int:
    """The number of examples for a property: `quick` in make test, `deep` (default 10x) deeper."""
    return (deep if deep is not None else quick * 10) if DEEP else quick


def property_settings(quick: int, deep: int | None = None, **overrides: Any) -> settings:
    """Hypothesis settings for a property test at the depth this run asks for."""
    base: dict[str, Any] = {
        "max_examples": examples(quick, deep),
        "deadline": None,
        "derandomize": not DEEP,
        "database": None,
    }
    base.update(overrides)
    return settings(**base)
