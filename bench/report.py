"""The figures, their budgets, the printed table and `bench/results.json`.

A figure is either measured (a `Summary` of several runs) or not available, with the reason
("n/a (...)"): the harness never invents a number.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from bench.stats import Summary

RESULTS_FILE = Path(__file__).resolve().parent / "results.json"


@dataclass(frozen=True)
class Figure:
    """A named measure, its unit and its budget (None: reported, no budget)."""

    name: str
    unit: str
    budget: float | None
    what: str


FIGURES: tuple[Figure, ...] = (
    Figure("raw_sync_s", "s", None, "bare HTTP initial /sync + json.loads, client's filter"),
    Figure("first_login_s", "s", None, "Sign in pressed → complete room list shown"),
    Figure("first_login_ratio", "x", 1.5, "first_login_s / raw_sync_s, same run"),
    Figure("first_login_to_incremental_s", "s", None, "Sign in → first /sync?since= request"),
    Figure("rss_after_login_mb", "MB", 200, "resident right after the first login, settled"),
    Figure("warm_start_s", "s", 1.0, "process start → room list painted (cached profile)"),
    Figure("warm_start_all_rooms_s", "s", None, "process start → every room in the list painted"),
    Figure("warm_start_sync_s", "s", None, "process start → first incremental sync processed"),
    Figure("rss_idle_mb", "MB", 200, "resident memory, account settled"),
    Figure("pss_idle_mb", "MB", None, "proportional set size, account settled"),
    Figure("rss_after_scroll_mb", "MB", None, "resident after 2 000 events back in largest room"),
    Figure("room_open_ms", "ms", 100, "open a 10 000-event room → last screen painted"),
    Figure("scroll_frame_ms_p95", "ms", 16, "frame time paging back through history, p95"),
    Figure("scroll_longest_stall_ms", "ms", 50, "longest UI stall paging back (heartbeat)"),
    Figure("room_list_resort_ms", "ms", 5, "1 000-room list re-sorted after a new message"),
    Figure("send_to_peer_ms", "ms", 150, "Enter in composer → decrypted by a plain nio peer"),
    Figure("upload_20mb_encrypted_s", "s", 2, "encrypt + upload a 20 MB file"),
    Figure("directory_search_ms", "ms", 300, "people search: query leaves → results on screen"),
    Figure(
        "cache_encryption_overhead",
        "x",
        1.15,
        "warm start + room open, encrypted/plain cache (medians of 3 alternating starts)",
    ),
)
FIGURE_BY_NAME = {f.name: f for f in FIGURES}


@dataclass(frozen=True)
class NotAvailable:
    """A figure that could not be measured, and why."""

    reason: str


Result = Summary | NotAvailable


def status(figure: Figure, result: Result) -> str:
    """ "PASS"/"FAIL" against the budget (median), "-" without budget, "n/a" if unmeasured."""
    if isinstance(result, NotAvailable):
        return "n/a"
    if figure.budget is None:
        return "-"
    return "PASS" if result.median <= figure.budget else "FAIL"


def _fmt(value: float) -> str:
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}" if value < 1 else f"{value:.2f}"


def table(results: dict[str, Result], title: str = "") -> str:
    """The printed table: figure, median, min, max, runs, budget, status."""
    head = ("figure", "median", "min", "max", "runs", "budget", "status")
    rows = []
    for fig in FIGURES:
        if fig.name not in results:
            continue
        res = results[fig.name]
        budget = f"<= {_fmt(fig.budget)} {fig.unit}" if fig.budget is not None else ""
        if isinstance(res, NotAvailable):
            rows.append((fig.name, f"n/a ({res.reason})", "", "", "", budget, "n/a"))
        else:
            rows.append(
                (
                    fig.name,
                    f"{_fmt(res.median)} {fig.unit}",
                    _fmt(res.min),
                    _fmt(res.max),
                    str(res.runs),
                    budget,
                    status(fig, res),
                )
            )
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    # The n/a reason may be long: do not let it widen the numeric columns' layout below it.
    lines = [title] if title else []
    lines.append("  ".join(h.ljust(w) for h, w in zip(head, widths)))
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
    return "\n".join(lines)


def result_json(figure: Figure, result: Result) -> dict:
    """One figure's entry in results.json."""
    base = {"unit": figure.unit, "budget": figure.budget, "what": figure.what}
    if isinstance(result, NotAvailable):
        return {**base, "median": None, "na": result.reason, "status": "n/a"}
    return {**base, **result.to_json(), "status": status(figure, result)}


def write_results(
    path: Path,
    machine: dict,
    size_key: str,
    account: dict,
    results: dict[str, Result],
    notes: list[str],
) -> dict:
    """Merge one account size's figures into the results file (other sizes are kept)."""
    try:
        doc = json.loads(path.read_text())
        if not isinstance(doc.get("sizes"), dict):
            raise TypeError
    except (OSError, ValueError, TypeError):
        doc = {"sizes": {}}
    doc["machine"] = machine
    doc["sizes"][size_key] = {
        "account": account,
        "machine": machine,
        "figures": {f.name: result_json(f, results[f.name]) for f in FIGURES if f.name in results},
        "notes": notes,
    }
    # The most recent size's figures also at the top, for a quick look.
    doc["latest"] = size_key
    doc["figures"] = doc["sizes"][size_key]["figures"]
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    return doc
