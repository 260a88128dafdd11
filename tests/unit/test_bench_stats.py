"""The benchmarks' percentile: of 30 runs, p95 lies between the 28th and 29th value (issue 16:
the printed p95 used to be the 28th value itself)."""

import statistics

import pytest

from bench.stats import describe, percentile


def test_p95_of_30_runs_lies_between_the_28th_and_29th_value() -> None:
    runs = [float(n) for n in range(1, 31)]  # the n-th value is n
    assert percentile(runs, 95) == pytest.approx(28.55)
    assert percentile(runs, 50) == statistics.median(runs)
    assert (percentile(runs, 0), percentile(runs, 100)) == (1.0, 30.0)


@pytest.mark.parametrize("values", [[3.0, 1.0, 2.0, 10.0], [5.0] * 7, [0.4, 9.1, 2.2, 7.7, 1.5]])
def test_matches_the_inclusive_method_of_the_standard_library(values: list[float]) -> None:
    cuts = statistics.quantiles(values, n=20, method="inclusive")  # also type 7
    for i, cut in enumerate(cuts, start=1):
        assert percentile(values, i * 5) == pytest.approx(cut)


def test_describe_names_the_count_and_gives_p95_only_from_20_runs() -> None:
    assert describe([0.010, 0.012, 0.011]) == "median 11.0 ms of 3 runs (min 10.0, max 12.0)"
    assert "p95" in describe([0.001 * n for n in range(1, 21)])
