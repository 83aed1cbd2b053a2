"""Median, percentiles and run summaries."""

import pytest

from bench.stats import Summary, median, percentile


def test_median_odd_and_even():
    assert median([3, 1, 2]) == 2
    assert median([4, 1, 3, 2]) == 2.5
    assert median([7.0]) == 7.0


def test_percentile_interpolates_between_ranks():
    values = list(range(1, 101))  # 1..100
    assert percentile(values, 0) == 1
    assert percentile(values, 100) == 100
    assert percentile(values, 50) == pytest.approx(50.5)
    assert percentile(values, 95) == pytest.approx(95.05)
    assert percentile([5.0], 95) == 5.0


def test_empty_and_out_of_range_are_errors():
    with pytest.raises(ValueError):
        median([])
    with pytest.raises(ValueError):
        percentile([1.0], 101)


def test_summary_keeps_runs_and_rounds_for_json():
    s = Summary.of([1.23456, 0.5, 2])
    assert (s.median, s.min, s.max, s.runs) == (1.23456, 0.5, 2.0, 3)
    assert s.to_json(2) == {
        "median": 1.23,
        "min": 0.5,
        "max": 2.0,
        "runs": 3,
        "values": [1.23, 0.5, 2.0],
    }
