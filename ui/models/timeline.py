"""The open room's timeline: a window onto the cache, changed by diffs only.

Rows are built once, when inserted (`TimelineRow`): the text to show, the grouping with
the previous message and the day separator are decided then, so `data()` is a lookup.
A reset happens only on a room switch or a `TimelineReset` (gap).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum, auto
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.core.links import deceptive_targets
from app.core.state_events import is_membership_change
from app.core.types import ItemKind, SendState, TimelineItem
from ui import state_texts, texts
from ui.models import timeline_folds as folds
from ui.models.timeline_folds import Fold

_Index = QModelIndex | QPersistentModelIndex

GROUP_WINDOW_MS = 5 * 60 * 1000  # same sender within 5 minutes: one group, one header
DISCREET_KINDS = (ItemKind.MEMBERSHIP, ItemKind.ROOM_STATE, ItemKind.UNKNOWN)


@dataclass
class TimelineRow:
    """What the delegate paints for one item; `continues`/`new_day` depend on the row above."""

    item: TimelineItem
    text: str  # plain text to show (body, state sentence, placeholder)
    is_state: bool  # a discreet centred line: a state change or an unsupported event
    continues: bool = False  # same sender as the previous message, within 5 min
    new_day: bool = False  # first row of a calendar day: draw a separator above
    is_member: bool = False  # a membership change (those fold into runs)
    in_run: bool = False  # a membership change right after another one, the same day
    deceptive: frozenset = frozenset()  # link targets whose visible text lies about them
    # Laid-out heights by (width, continues, new_day, font): the view asks for every row's
    # size at each layout, so this must be a lookup, not a text layout.
    heights: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_item(cls, item: TimelineItem) -> TimelineRow:
        """Build the row once: word state changes and placeholders now, not in data()."""
        is_state = item.kind in DISCREET_KINDS
        text = state_texts.row_text(item) if is_state else texts.body_text(item)
        is_member = item.kind is ItemKind.MEMBERSHIP and is_membership_change(item.state_detail)
        deceptive = deceptive_targets(item.html) if item.html else frozenset()
        return cls(item=item, text=text, is_state=is_state, is_member=is_member,
                   deceptive=deceptive)  # fmt: skip

    def link_to(self, previous: TimelineRow | None) -> bool:
        """Set grouping flags from the row above; True if they changed."""
        before = (self.continues, self.new_day, self.in_run)
        if previous is None:
            self.new_day, self.continues, self.in_run = True, False, False
        else:
            self.new_day = _day(previous.item.ts) != _day(self.item.ts)
            self.continues = (
                not self.new_day
                and not self.is_state
                and not previous.is_state
                and previous.item.sender == self.item.sender
                and 0 <= self.item.ts - previous.item.ts <= GROUP_WINDOW_MS
            )
            self.in_run = self.is_member and previous.is_member and not self.new_day
        return before != (self.continues, self.new_day, self.in_run)


def _day(ts_ms: int) -> tuple[int, int, int]:
    d = datetime.fromtimestamp(ts_ms / 1000)
    return (d.year, d.month, d.day)


class TimelineModel(QAbstractListModel):
    """Rows of one room, oldest first; found by key (event id, or "~txn" for a local echo)."""

    class Role(IntEnum):
        KEY = Qt.ItemDataRole.UserRole + 1
        ITEM = auto()
        ROW = auto()
        KIND = auto()
        SENDER = auto()
        SENDER_NAME = auto()
        BODY = auto()
        HTML = auto()
        TS = auto()
        SEND_STATE = auto()
        IS_OWN = auto()
        IS_STATE = auto()
        CONTINUES = auto()
        NEW_DAY = auto()
        PROGRESS = auto()  # an upload's (sent, total) bytes, or None
        FOLD = auto()  # a run's folding (Fold), the read marker or a tall text unfolded

    def __init__(self, room_id: str = "", parent: Any = None) -> None:
        super().__init__(parent)
        self.room_id = room_id
        self._rows: list[TimelineRow] = []
        self._row_of: dict[str, int] = {}
        self._progress: dict[str, tuple[int, int]] = {}  # local echo key -> bytes sent, total
        self.reached_start = False  # back-pagination found the room's creation
        # The window does not reach the newest rows (it slid back through history): newer
        # rows come from the cache as the user scrolls down, live messages wait there.
        self.has_newer = False
        self.marker_key: str | None = None  # the read marker (m.fully_read) when opened
        self._open_runs: set[str] = set()  # heads of the runs the user expanded
        self._open_texts: set[str] = set()  # tall messages the user unfolded ("show more")
        # Set by the view showing the model: lays rows out ahead of their insertion.
        self.measurer: Callable[[list[TimelineRow]], None] | None = None

    # Qt API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, bytes]:
        return {int(r): r.name.lower().encode() for r in self.Role}

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        item = row.item
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text
        match role:
            case self.Role.KEY:
                return item.key
            case self.Role.ITEM:
                return item
            case self.Role.ROW:
                return row
            case self.Role.KIND:
                return item.kind
            case self.Role.SENDER:
                return item.sender
            case self.Role.SENDER_NAME:
                return item.sender_name
            case self.Role.BODY:
                return item.body
            case self.Role.HTML:
                return item.html
            case self.Role.TS:
                return item.ts
            case self.Role.SEND_STATE:
                return item.send_state
            case self.Role.IS_OWN:
                return item.is_own
            case self.Role.IS_STATE:
                return row.is_state
            case self.Role.CONTINUES:
                return row.continues
            case self.Role.NEW_DAY:
                return row.new_day
            case self.Role.PROGRESS:
                return self._progress.get(item.key)
            case self.Role.FOLD:
                return self.fold(index.row())
        return None

    # Diffs
    def reset_rows(self, items: Iterable[TimelineItem]) -> None:
        """Replace every row: a room switch or a gap (TimelineReset), never a sync."""
        self.beginResetModel()
        self._rows = []
        for item in _unique(items):
            row = TimelineRow.from_item(item)
            row.link_to(self._rows[-1] if self._rows else None)
            self._rows.append(row)
        self._reindex()
        self.endResetModel()

    def append_items(self, items: Iterable[TimelineItem]) -> None:
        """Add newer items at the bottom; an item already shown is updated instead."""
        fresh = []
        for item in _unique(items):
            if item.key in self._row_of or (item.txn_id and f"~{item.txn_id}" in self._row_of):
                old = item.key if item.key in self._row_of else f"~{item.txn_id}"
                self.update_item(old, item)
            else:
                fresh.append(item)
        if not fresh:
            return
        first = len(self._rows)
        rows = [TimelineRow.from_item(i) for i in fresh]
        previous = self._rows[-1] if self._rows else None
        for row in rows:
            row.link_to(previous)
            previous = row
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._row_of.update({r.item.key: first + i for i, r in enumerate(rows)})
        self.endInsertRows()
        if rows[0].in_run:  # a run grew: its head's summary counts one more
            self._changed(folds.run_head(self._rows, first))

    def older_rows(self, items: Iterable[TimelineItem]) -> list[TimelineRow]:
        """Rows for older `items` not shown yet, linked to each other, not inserted: a view
        can measure them (`measurer`) before `prepend_rows` puts them in."""
        rows = [TimelineRow.from_item(i) for i in _unique(items) if i.key not in self._row_of]
        for previous, row in zip([None, *rows], rows, strict=False):
            row.link_to(previous)
        return rows

    def prepend_items(self, items: Iterable[TimelineItem]) -> None:
        """Add older items at the top (back-pagination), skipping those already shown."""
        self.prepend_rows(self.older_rows(items))

    def prepend_rows(self, rows: list[TimelineRow]) -> None:
        """Insert rows made by `older_rows` at the top (those shown meanwhile are skipped)."""
        rows = [r for r in rows if r.item.key not in self._row_of]
        if not rows:
            return
        # Relink the old first row before the insertion, so a view that keeps its scroll
        # anchor measures the final heights; dataChanged follows once the rows are in.
        relinked = bool(self._rows) and self._rows[0].link_to(rows[-1])
        self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
        self._rows[:0] = rows
        self._reindex()
        self.endInsertRows()
        if relinked:
            index = self.index(len(rows), 0)
            self.dataChanged.emit(index, index, [self.Role.CONTINUES, self.Role.NEW_DAY])

    def update_item(self, key: str, item: TimelineItem) -> bool:
        """Replace the row found by its old `key` (a local echo's "~txn"); False if absent."""
        row_index = self._row_of.get(key)
        if row_index is None:
            row_index = self._row_of.get(item.key)
        if row_index is None:
            return False
        row = TimelineRow.from_item(item)
        row.link_to(self._rows[row_index - 1] if row_index > 0 else None)
        self._rows[row_index] = row
        if key != item.key or item.send_state is not SendState.SENDING:
            self._progress.pop(key, None)  # sent, failed or replaced: no more upload to show
        if key != item.key:
            self._row_of.pop(key, None)
            self._row_of[item.key] = row_index
        index = self.index(row_index, 0)
        self.dataChanged.emit(index, index, [])
        self._relink(row_index + 1)
        return True

    def remove_rows(self, first: int, count: int) -> None:
        """Drop a block of rows: the window slides; the cache still holds them."""
        count = min(count, len(self._rows) - first)
        if count <= 0:
            return
        self.beginRemoveRows(QModelIndex(), first, first + count - 1)
        del self._rows[first : first + count]
        self._reindex()
        self.endRemoveRows()
        if first == 0 and self._rows and self._rows[0].link_to(None):
            index = self.index(0, 0)
            self.dataChanged.emit(index, index, [self.Role.CONTINUES, self.Role.NEW_DAY])

    def first_key(self) -> str | None:
        """The key of the oldest row shown."""
        return self._rows[0].item.key if self._rows else None

    def last_event_key(self) -> str | None:
        """The key of the newest row that is a server event (not a local echo)."""
        for row in reversed(self._rows):
            if row.item.event_id and not row.item.key.startswith("~"):
                return row.item.key
        return None

    def remove_item(self, key: str) -> bool:
        """Remove one row (a discarded unsent message); False if absent."""
        row_index = self._row_of.get(key)
        if row_index is None:
            return False
        self.beginRemoveRows(QModelIndex(), row_index, row_index)
        del self._rows[row_index]
        self._progress.pop(key, None)
        self._reindex()
        self.endRemoveRows()
        self._relink(row_index)
        return True

    def set_progress(self, key: str, sent: int, total: int) -> bool:
        """An upload moved on: repaint its row's progress bar; False if the row is not shown."""
        row_index = self._row_of.get(key)
        if row_index is None or self._rows[row_index].item.send_state is not SendState.SENDING:
            return False
        self._progress[key] = (sent, total)
        index = self.index(row_index, 0)
        self.dataChanged.emit(index, index, [self.Role.PROGRESS])
        return True

    # Folding, unfolding and the read marker: what changes a row's height without a diff
    def fold(self, row: int) -> Fold:
        """Where the row stands in a run of membership changes (see timeline_folds)."""
        return folds.fold_of(self._rows, row, self._open_runs)

    def run_items(self, head: int) -> list[TimelineItem]:
        """The items of the run that starts at row `head`."""
        return [r.item for r in self._rows[head : folds.run_end(self._rows, head)]]

    def toggle_run(self, key: str) -> None:
        """Expand or fold the run whose head is `key`."""
        head = self._row_of.get(key)
        if head is None:
            return
        self._open_runs ^= {key}
        self._changed(head, folds.run_end(self._rows, head) - 1)

    def has_open_texts(self) -> bool:
        """Whether any tall message is unfolded (most often none: no lookup per row)."""
        return bool(self._open_texts)

    def text_open(self, key: str) -> bool:
        """Whether the user unfolded this tall message."""
        return key in self._open_texts

    def toggle_text(self, key: str) -> None:
        """Show all of a tall message, or fold it again."""
        if key in self._row_of:
            self._open_texts ^= {key}
            self._changed(self._row_of[key])

    def set_read_marker(self, key: str | None) -> None:
        """Draw the "new messages" line below the row `key` (the read marker)."""
        before = self.marker_row()
        self.marker_key = key
        for row in {before, self.marker_row()} - {None}:
            self._changed(row)

    def marker_row(self) -> int | None:
        """The row under the "new messages" line: the first one after the read marker."""
        at = self._row_of.get(self.marker_key) if self.marker_key else None
        if at is None or at + 1 >= len(self._rows):
            return None
        return at + 1

    def _changed(self, first: int, last: int | None = None) -> None:
        last = first if last is None else last
        self.dataChanged.emit(self.index(first, 0), self.index(last, 0), [self.Role.FOLD])

    def progress(self, key: str) -> tuple[int, int] | None:
        """(sent, total) bytes of the upload of the row `key`, if one is under way."""
        return self._progress.get(key)

    # Lookups
    def row_of(self, key: str) -> int | None:
        """The row showing the item with this key, if any."""
        return self._row_of.get(key)

    def forget_heights(self) -> None:
        """Drop the cached row heights (the font changed)."""
        for row in self._rows:
            row.heights.clear()

    def row_at(self, row: int) -> TimelineRow | None:
        """The row object at `row` (for the delegate, without a data() round-trip)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def item(self, row: int) -> TimelineItem:
        """The item at `row`."""
        return self._rows[row].item

    def keys(self) -> list[str]:
        """Every key, oldest first (for tests and debugging)."""
        return [r.item.key for r in self._rows]

    def _reindex(self) -> None:
        self._row_of = {r.item.key: i for i, r in enumerate(self._rows)}

    def _relink(self, row_index: int) -> None:
        if 0 <= row_index < len(self._rows):
            previous = self._rows[row_index - 1] if row_index > 0 else None
            if self._rows[row_index].link_to(previous):
                index = self.index(row_index, 0)
                self.dataChanged.emit(index, index, [self.Role.CONTINUES, self.Role.NEW_DAY])


def _unique(items: Iterable[TimelineItem]) -> list[TimelineItem]:
    seen: dict[str, TimelineItem] = {}
    for item in items:
        seen[item.key] = item  # the later copy of a key wins
    return list(seen.values())


def is_pending(item: TimelineItem) -> bool:
    """A local echo still on its way or refused."""
    return item.send_state is not SendState.SENT
