"""One random shift of every date in an anonymous consult: the intervals stay true (how long
between two visits, how old a plan is) while no date points back to the family."""

from __future__ import annotations

import datetime as dt
import re
import secrets

from desktop.disclosure.scrub import DATE_PATTERN, MONTHS, read_date
from desktop.disclosure.scrub import MONTH_NUMBER as MONTHS_BY_WORD

MAX_SHIFT_DAYS = 365


def random_shift() -> int:
    """Whole days, never zero, at most a year either way."""
    days = secrets.randbelow(2 * MAX_SHIFT_DAYS) - MAX_SHIFT_DAYS
    return days + 1 if days >= 0 else days


class DateShift:
    def __init__(self, days: int) -> None:
        self.days = days
        self.delta = dt.timedelta(days=days)

    def value(self, value: object) -> object:
        """A date ("2026-03-12") or a time stamp ("2026-03-12T10:00:00+00:00") moved; the
        clock time stays. Anything else is returned as it is."""
        if not isinstance(value, str) or len(value) < 10:
            return value
        try:
            day = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
        return (day + self.delta).isoformat() + value[10:]

    def text(self, text: str) -> str:
        """Dates written in free text moved too, kept in the notation they were written in."""
        return DATE_PATTERN.sub(self._moved, text) if text else text

    def _moved(self, match: re.Match[str]) -> str:
        g = match.groupdict()
        day = read_date(match)
        if day is None and g["wd"]:
            # "12 maart" without a year is moved within this year, and written without one.
            try:
                day = dt.date(dt.date.today().year, MONTHS_BY_WORD[g["wm"].lower()],
                              int(g["wd"]))
            except ValueError:
                return match.group()
            new = day + self.delta
            return f"{new.day} {MONTHS[new.month - 1][0]}"
        if day is None:
            return match.group()
        new = day + self.delta
        if g["iy"]:
            return new.isoformat()
        if g["ny"]:
            sep = match.group()[len(g["nd"])]
            year = str(new.year) if len(g["ny"]) == 4 else f"{new.year % 100:02d}"
            return f"{new.day}{sep}{new.month:02d}{sep}{year}"
        return f"{new.day} {MONTHS[new.month - 1][0]} {new.year}"
