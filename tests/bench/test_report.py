"""Budgets, the printed table and the results file."""

import json

from bench.report import FIGURE_BY_NAME, NotAvailable, status, table, write_results
from bench.stats import Summary


def test_status_against_budget():
    warm = FIGURE_BY_NAME["warm_start_s"]
    assert status(warm, Summary.of([0.8, 0.9, 1.3])) == "PASS"
    assert status(warm, Summary.of([1.2, 1.1, 0.9])) == "FAIL"
    assert status(FIGURE_BY_NAME["raw_sync_s"], Summary.of([16.0])) == "-"
    assert status(warm, NotAvailable("no UI yet")) == "n/a"


def test_table_shows_na_reason_budget_and_verdict():
    text = table(
        {
            "rss_idle_mb": Summary.of([150, 160, 170]),
            "upload_20mb_encrypted_s": NotAvailable("no file sending yet"),
        }
    )
    lines = text.splitlines()
    rss = next(line for line in lines if line.startswith("rss_idle_mb"))
    assert "160 MB" in rss and "<= 200 MB" in rss and rss.endswith("PASS")
    upload = next(line for line in lines if line.startswith("upload_20mb_encrypted_s"))
    assert "n/a (no file sending yet)" in upload


def test_results_file_merges_sizes(tmp_path):
    path = tmp_path / "results.json"
    machine = {"cpu": "test", "cores": 2}
    write_results(path, machine, "r100-e10000", {"rooms": 100}, {"raw_sync_s": Summary.of([2])}, [])
    write_results(
        path,
        machine,
        "r1000-e100000",
        {"rooms": 1000},
        {"raw_sync_s": Summary.of([15, 16, 17]), "warm_start_s": NotAvailable("x")},
        ["a note"],
    )
    doc = json.loads(path.read_text())
    assert set(doc["sizes"]) == {"r100-e10000", "r1000-e100000"}
    assert doc["latest"] == "r1000-e100000"
    fig = doc["figures"]["raw_sync_s"]
    assert (fig["median"], fig["min"], fig["max"], fig["runs"]) == (16, 15, 17, 3)
    assert doc["figures"]["warm_start_s"] == {
        "unit": "s",
        "budget": 1.0,
        "what": FIGURE_BY_NAME["warm_start_s"].what,
        "median": None,
        "na": "x",
        "status": "n/a",
    }
    assert doc["sizes"]["r1000-e100000"]["notes"] == ["a note"]


def test_growth_series_orders_sizes_and_skips_unmeasured():
    from bench.plot import growth_series

    doc = {
        "sizes": {
            "r1000-e100000": {
                "account": {"rooms": 1000},
                "figures": {
                    "warm_start_s": {"median": 0.9, "min": 0.8, "max": 1.0},
                    "upload_20mb_encrypted_s": {"median": None, "na": "x"},
                },
            },
            "r100-e10000": {
                "account": {"rooms": 100},
                "figures": {"warm_start_s": {"median": 0.5, "min": 0.4, "max": 0.6}},
            },
        }
    }
    assert growth_series(doc) == {"warm_start_s": [(100, 0.5, 0.4, 0.6), (1000, 0.9, 0.8, 1.0)]}


def test_arrival_frames_one_per_paint_from_the_first_trigger():
    from bench.driver import arrival_frames

    # Two arrivals before the paint at 1.010 count once, from the first; a paint with no
    # arrival before it is not a frame; an arrival after the last paint has no frame yet.
    frames = arrival_frames([1.000, 1.005, 2.000, 3.5], [1.010, 1.5, 2.004])
    assert [round(f, 3) for f in frames] == [10.0, 4.0]


def test_the_growth_axis_says_rooms_and_events():
    from bench.plot import size_labels

    doc = {"sizes": {
        "r1000-e100000": {"account": {"rooms": 1000, "events": 100000}},
        "r5000-e100000": {"account": {"rooms": 5000, "events": 100000}},
    }}  # fmt: skip
    assert size_labels(doc) == {1000: "1000\n100k ev.", 5000: "5000\n100k ev."}


def test_sizes_are_rooms_or_rooms_and_events():
    from bench.__main__ import parse_sizes

    assert parse_sizes("100, 5000:100000") == [(100, 10000), (5000, 100000)]
