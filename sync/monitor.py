"""The monitor's counting rules, shared by the laptop (storage/monitor.py) and the service
(sync/service/monitor.py) so that a team lead reads the same figure on both ends.

Pure functions: each end runs its own SQL aggregates (per-kind tables on the laptop, JSON
fields on the service) and hands the grouped rows to these helpers, which fold groups,
never single records. The definitions are written out in docs/protocol.md, "Monitor".
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Mapping
from typing import Any

# What `keukentafel monitor --format json` prints and `/api/v1/monitor` answers, in order.
MONITOR_KEYS = (
    "cases_by_status", "plans_by_status", "cases_by_legal_framework", "overdue_reviews",
    "median_days_to_decision", "share_returned", "share_with_child_voice",
)

# A value a record leaves empty is still counted, under this key.
UNKNOWN = "unknown"

# For an admin every count below this is withheld: no small group of families stands out.
SUPPRESS_BELOW = 5


def month_of(day: str | None) -> str | None:
    """"YYYY-MM" of an ISO date, or None when it is no date."""
    if not day or len(day) < 7:
        return None
    try:
        dt.date.fromisoformat(day[:10])
    except ValueError:
        return None
    return day[:7]


def _next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


def months(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from `first` to `last`, both included (empty when last < first)."""
    out = []
    month = first
    while month <= last:
        out.append(month)
        month = _next_month(month)
    return out


def spread_over_months(
    groups: Iterable[tuple[str | None, str | None, str | None, int]], today: dt.date,
) -> dict[str, dict[str, int]]:
    """Cases by legal framework per month from rows (framework, opened_on month, closed_on
    month, how many): a case counts in every month it was open, from the month of
    `opened_on` to the month of `closed_on` (this month while it has none). A case without
    `opened_on` counts nowhere; one closed before it opened counts in its opening month."""
    this_month = today.isoformat()[:7]
    counts: dict[str, dict[str, int]] = {}
    for framework, opened, closed, n in groups:
        if opened is None or opened > this_month:
            continue
        last = min(max(closed or this_month, opened), this_month)
        for month in months(opened, last):
            cell = counts.setdefault(month, {})
            key = framework or UNKNOWN
            cell[key] = cell.get(key, 0) + n
    if not counts:
        return {}
    # Every month from the first on, so that a chart shows an empty month as empty.
    return {m: dict(sorted(counts.get(m, {}).items())) for m in months(min(counts), this_month)}


def by_value(rows: Iterable[tuple[str | None, int]]) -> dict[str, int]:
    """{value: count} from grouped rows; an empty value counts as "unknown"."""
    out: dict[str, int] = {}
    for value, n in rows:
        key = value or UNKNOWN
        out[key] = out.get(key, 0) + n
    return dict(sorted(out.items()))


def median_days(days: Iterable[float]) -> float | None:
    """The median of the days from submission to decision, to one decimal; None for none."""
    values = [d for d in days if d is not None and d >= 0]
    return round(statistics.median(values), 1) if values else None


def share(part: int, whole: int) -> float | None:
    """part / whole to three decimals; None when there is nothing to share."""
    return round(part / whole, 3) if whole else None


def suppress_small(figures: Mapping[str, Any], decided: int, plans: int) -> dict[str, Any]:
    """The figures as an admin gets them: every count under SUPPRESS_BELOW is null, and a
    median or share resting on fewer than SUPPRESS_BELOW decisions or plans is null too
    (`decided`, `plans`: the numbers they rest on). `suppressed` says whether anything
    was withheld."""
    withheld = False

    def count(n: int | None) -> int | None:
        nonlocal withheld
        if n is not None and n < SUPPRESS_BELOW:
            withheld = True
            return None
        return n

    def rests_on(value: float | None, basis: int) -> float | None:
        nonlocal withheld
        if value is not None and basis < SUPPRESS_BELOW:
            withheld = True
            return None
        return value

    out = dict(figures)
    out["cases_by_status"] = {k: count(v) for k, v in figures["cases_by_status"].items()}
    out["plans_by_status"] = {k: count(v) for k, v in figures["plans_by_status"].items()}
    out["cases_by_legal_framework"] = {
        month: {k: count(v) for k, v in cell.items()}
        for month, cell in figures["cases_by_legal_framework"].items()
    }
    for key in ("overdue_reviews", "overdue_tasks"):
        if key in out:
            out[key] = count(figures[key])
    out["median_days_to_decision"] = rests_on(figures["median_days_to_decision"], decided)
    out["share_returned"] = rests_on(figures["share_returned"], decided)
    out["share_with_child_voice"] = rests_on(figures["share_with_child_voice"], plans)
    out["suppressed"] = withheld
    return out
