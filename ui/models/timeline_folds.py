"""Runs of membership changes, folded into one line: pure functions over the model's rows.

A run is a sequence of consecutive membership rows of one day (`TimelineRow.in_run` says a
row continues the run above it, kept up to date by the model's incremental relinking).
Its first row, the head, speaks for all ("5 people joined"); the others have no height
until the user expands the run. Nothing is stored but the set of expanded heads.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.models.timeline import TimelineRow

MAX_RUN = 500  # rows scanned for a run of membership changes (a room's creation, a wave)


class Fold(IntEnum):
    """Where a row stands in a run of consecutive membership changes."""

    NONE = 0  # not in a run of two or more
    HEAD = 1  # the run's first row: says "5 people joined" for the whole run
    HEAD_OPEN = 2  # the same, expanded: its own sentence follows the summary
    HIDDEN = 3  # inside a folded run: no height
    SHOWN = 4  # inside an expanded run


def run_head(rows: Sequence[TimelineRow], index: int) -> int:
    """The first row of the run `index` belongs to (itself when it starts one)."""
    head = index
    while head > 0 and rows[head].in_run and index - head < MAX_RUN:
        head -= 1
    return head


def run_end(rows: Sequence[TimelineRow], head: int) -> int:
    """One past the last row of the run starting at `head`."""
    end = head + 1
    while end < len(rows) and rows[end].in_run and end - head < MAX_RUN:
        end += 1
    return end


def fold_of(rows: Sequence[TimelineRow], index: int, open_runs: set[str]) -> Fold:
    """Where row `index` stands in its run, if any."""
    row = rows[index]
    if not row.is_member:
        return Fold.NONE
    if row.in_run:
        head = run_head(rows, index)
        return Fold.SHOWN if rows[head].item.key in open_runs else Fold.HIDDEN
    if index + 1 < len(rows) and rows[index + 1].in_run:
        return Fold.HEAD_OPEN if row.item.key in open_runs else Fold.HEAD
    return Fold.NONE
