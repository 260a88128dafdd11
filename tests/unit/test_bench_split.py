"""The sync benchmark's split of a sync's time: overlapping requests (the pull fetches the
next page while the laptop writes the current one) count once as waiting for the service,
and only the part of a request inside the timed stretch counts."""

import pytest

from bench.split import TimedHttp


def test_overlapping_requests_count_once_and_are_clipped_to_the_stretch() -> None:
    http = TimedHttp()
    try:
        http.spans = [(1.0, 3.0), (2.0, 4.0), (6.0, 7.0), (9.5, 12.0), (0.0, 0.5)]
        assert http.in_flight(1.0, 10.0) == pytest.approx(3.0 + 1.0 + 0.5)
        assert http.in_flight(4.0, 6.0) == 0.0
    finally:
        http.close()
