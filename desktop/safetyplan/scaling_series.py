"""Scaling scores turned into what the chart draws: per danger/goal pair, one series per
rater (each participant, and the worker's own judgement) over the visits.

Pure: no Qt, no store. The chart, its table and the words under it all read the same
`PairSeries`, so what the picture shows and what a screen reader hears cannot differ.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sync.protocol import Record

WORKER = ""  # the rater of a score with no person_id: the worker's own judgement
OVERALL = ""  # the pair of a score with no plan_item_id: one overall score per visit
GAP = 3  # raters this far apart at one visit see the situation differently: say so


@dataclass(frozen=True)
class Point:
    date: str
    value: int
    note: str = ""


@dataclass(frozen=True)
class Series:
    rater: str  # person id, or WORKER
    known: bool  # False: a person no longer in the case (removed on another laptop)
    points: tuple[Point, ...]


@dataclass(frozen=True)
class PairSeries:
    pair_id: str  # plan_item id of the danger statement, or OVERALL
    removed: bool  # the danger statement no longer exists: its scores are kept anyway
    dates: tuple[str, ...]  # every visit date with a score for this pair, oldest first
    series: tuple[Series, ...]

    def value(self, rater: str, date: str) -> int | None:
        for series in self.series:
            if series.rater == rater:
                return next((p.value for p in series.points if p.date == date), None)
        return None


@dataclass(frozen=True)
class Difference:
    date: str
    low: str  # rater
    low_value: int
    high: str
    high_value: int


def score_date(score: Record, visit_dates: Mapping[str, str]) -> str:
    """The visit's date (it may have been corrected after scoring), else the score's own."""
    return (visit_dates.get(str(score.fields.get("visit_id") or ""))
            or str(score.fields.get("date") or ""))


def pair_series(scores: Iterable[Record], visits: Iterable[Record], pair_ids: Iterable[str],
                names: Mapping[str, str]) -> list[PairSeries]:
    """Every pair with scores: the live pairs first in the plan's order (`pair_ids`), then
    the overall scores, then pairs whose danger statement was removed.

    `names` holds the people still in the case; raters are ordered by name, the worker last,
    and a rater not among them is kept with `known` False. Scores without a date are left
    out of the course (there is no place on the time axis for them). Two scores of one rater
    for one pair on one date (two laptops) show once: the one with the highest id, so every
    laptop draws the same line.
    """
    live = list(dict.fromkeys(pair_ids))
    visit_dates = {v.id: str(v.fields.get("date") or "") for v in visits if not v.deleted}
    chosen: dict[tuple[str, str, str], Record] = {}
    for score in sorted((s for s in scores if not s.deleted), key=lambda s: s.id):
        value = score.fields.get("value")
        date = score_date(score, visit_dates)
        if not isinstance(value, int) or not date:
            continue
        key = (str(score.fields.get("plan_item_id") or OVERALL),
               str(score.fields.get("person_id") or WORKER), date)
        chosen[key] = score
    pairs = {key[0] for key in chosen}
    order = ([p for p in live if p in pairs] + ([OVERALL] if OVERALL in pairs else [])
             + sorted(pairs - set(live) - {OVERALL}))
    result = []
    for pair in order:
        raters: dict[str, list[Point]] = {}
        for (p, rater, date), score in chosen.items():
            if p == pair:
                raters.setdefault(rater, []).append(
                    Point(date, int(score.fields["value"]), str(score.fields.get("note") or "")))

        def rank(rater: str) -> tuple[int, str, str]:
            return (rater == WORKER, names.get(rater, "\uffff").casefold(), rater)

        series = tuple(Series(r, r == WORKER or r in names,
                              tuple(sorted(raters[r], key=lambda pt: pt.date)))
                       for r in sorted(raters, key=rank))
        dates = tuple(sorted({pt.date for s in series for pt in s.points}))
        result.append(PairSeries(pair, pair not in live and pair != OVERALL, dates, series))
    return result


def differences(pair: PairSeries, gap: int = GAP) -> list[Difference]:
    """Per visit date where raters are `gap` or more apart: the lowest and the highest."""
    found = []
    for date in pair.dates:
        values = [(v, s.rater) for s in pair.series
                  if (v := pair.value(s.rater, date)) is not None]
        if len(values) < 2:
            continue
        low = min(values, key=lambda x: x[0])
        high = max(values, key=lambda x: x[0])
        if high[0] - low[0] >= gap:
            found.append(Difference(date, low[1], low[0], high[1], high[0]))
    return found
