"""Ages from dates of birth: the map's symbols, the Personen tab, who counts as a child in
the children's version and in the plan's check against the map all count them one way."""

from __future__ import annotations

import datetime as dt

ADULT_AGE = 18


def age_on(birth_date: object, today: dt.date | None = None) -> int | None:
    """Whole years on `today` (default: today); None for no date or one that cannot be read
    (a newer laptop's value, say): an age is shown, never a reason to fail."""
    if not birth_date:
        return None
    try:
        born = dt.date.fromisoformat(str(birth_date))
    except ValueError:
        return None
    today = today or dt.date.today()
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def is_minor(birth_date: object, today: dt.date | None = None) -> bool:
    age = age_on(birth_date, today)
    return age is not None and age < ADULT_AGE
