"""Scaling scores turned into the chart's series: one per rater per danger/goal pair, the
odd data (a removed danger statement, a removed person) kept and marked, the differences."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from desktop.safetyplan.scaling_series import (
    OVERALL,
    WORKER,
    Difference,
    differences,
    pair_series,
)
from sync.protocol import Record
from tests.depth import property_settings

_ids = itertools.count()
NAMES = {"p-moeder": "Sanne", "p-kind": "Jesse"}


def visit(date, deleted=False):
    return Record(id=f"v{next(_ids):04d}", kind="visit", case_id="c", rev=1, deleted=deleted,
                  fields={"date": date})


def score(v, value, person="", pair="d1", note="", deleted=False):
    return Record(id=f"s{next(_ids):04d}", kind="scaling_score", case_id="c", rev=1,
                  deleted=deleted, fields={"visit_id": v.id, "person_id": person or None,
                                           "plan_item_id": pair or None, "value": value,
                                           "note": note, "date": "1999-01-01"})


def test_one_series_per_rater_per_pair_over_the_visits_oldest_first():
    first, second = visit("2026-03-01"), visit("2026-02-01")
    scores = [score(first, 6, "p-moeder"), score(first, 3, "p-kind"), score(first, 5),
              score(second, 4, "p-moeder"), score(second, 2, "p-kind", pair="d2"),
              score(second, 1)]
    d1, d2 = pair_series(scores, [first, second], ["d1", "d2"], NAMES)
    assert d1.pair_id == "d1" and not d1.removed
    assert d1.dates == ("2026-02-01", "2026-03-01")  # the visit's date, not the score's
    # Raters by name, the worker's own judgement last; each a line over the visits.
    assert [s.rater for s in d1.series] == ["p-kind", "p-moeder", WORKER]
    assert [(p.date, p.value) for p in d1.series[1].points] == [("2026-02-01", 4),
                                                               ("2026-03-01", 6)]
    assert [s.rater for s in d2.series] == ["p-kind"]
    assert d1.value("p-kind", "2026-02-01") is None and d1.value(WORKER, "2026-02-01") == 1


def test_a_removed_danger_statement_keeps_its_scores_and_a_removed_person_is_marked():
    v = visit("2026-03-01")
    scores = [score(v, 7, "p-moeder", pair="gone"), score(v, 2, "p-weg"),
              score(v, 5, "p-moeder", pair=""), score(v, 9, "p-kind", deleted=True)]
    d1, overall, gone = pair_series(scores, [v], ["d1", "d3"], NAMES)
    assert (d1.pair_id, overall.pair_id, gone.pair_id) == ("d1", OVERALL, "gone")
    assert gone.removed and not d1.removed and not overall.removed
    assert [s.rater for s in gone.series] == ["p-moeder"]
    (unknown,) = d1.series  # the removed score of Jesse is no point; the removed person is
    assert unknown.rater == "p-weg" and not unknown.known


def test_two_scores_of_one_rater_at_one_visit_show_once_and_every_laptop_picks_the_same():
    v = visit("2026-03-01")
    scores = [score(v, 4, "p-moeder"), score(v, 8, "p-moeder")]
    for order in (scores, scores[::-1]):
        (pair,) = pair_series(order, [v], ["d1"], NAMES)
        assert [p.value for p in pair.series[0].points] == [8]  # the highest id


def test_raters_three_or_more_apart_are_named_with_their_numbers():
    first, second = visit("2026-02-01"), visit("2026-03-01")
    scores = [score(first, 2, "p-kind"), score(first, 4, "p-moeder"),
              score(second, 3, "p-kind"), score(second, 7), score(second, 5, "p-moeder")]
    (pair,) = pair_series(scores, [first, second], ["d1"], NAMES)
    assert differences(pair) == [Difference("2026-03-01", "p-kind", 3, WORKER, 7)]


@given(st.lists(st.tuples(st.integers(0, 3), st.sampled_from(["", "p-moeder", "p-kind", "x"]),
                          st.sampled_from(["d1", "d2", "", "gone"]), st.integers(0, 10)),
                max_size=25))
@property_settings(quick=40)
def test_every_live_score_is_on_exactly_one_line(rows):
    visits = [visit(f"2026-0{m + 1}-01") for m in range(4)]
    scores = [score(visits[m], value, person, pair) for m, person, pair, value in rows]
    shown = {(s.pair_id, series.rater, p.date)
             for s in pair_series(scores, visits, ["d1", "d2"], NAMES)
             for series in s.series for p in series.points}
    assert shown == {(pair, person, visits[m].fields["date"]) for m, person, pair, _ in rows}


def test_the_demo_scores_each_pair_over_several_visits_with_raters_apart():
    from storage.demo import demo_case

    records = list(demo_case(2026, 0, team_id="t", contact_worker_id=None))

    def rec(r):
        return Record(id=r.record_id, kind=r.kind, case_id=r.case_id, rev=1, fields=r.fields)

    pairs = [r.record_id for r in records
             if r.kind == "plan_item" and r.fields["section"] == "danger"]
    names = {r.record_id: r.fields["name"] for r in records if r.kind == "person"}
    series = pair_series([rec(r) for r in records if r.kind == "scaling_score"],
                         [rec(r) for r in records if r.kind == "visit"], pairs, names)
    assert [s.pair_id for s in series] == pairs  # every pair scored, none removed
    for pair in series:
        assert len(pair.dates) >= 3
        assert WORKER in {s.rater for s in pair.series} and len(pair.series) >= 3
    assert differences(series[0])  # at least two raters apart: the chart has a story
