"""The keyboard's way to what a click on a timeline row's link does (Enter or Space on the
selected row): unfold a run of joins, show more of a tall message, open the reader."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QStyleOptionViewItem

from ui.models.timeline_folds import Fold
from ui.views.room.message_text import is_cut


def unfold(view, index: QModelIndex) -> bool:
    """Enter on a row does what a click on its link does: unfold a run of joins, show
    more of a tall message, or open the reader of one too long to lay out."""
    row = view.model().row_at(index.row())
    if row is None:
        return False
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    delegate = view.delegate
    lay = delegate.layout(delegate._row_rect(option), row, option.font, delegate.shape(index))
    if row.is_state:
        if lay.fold in (Fold.HEAD, Fold.HEAD_OPEN):
            view.model().toggle_run(row.item.key)
            return True
        return False
    if lay.fold_link is None:
        return False
    if is_cut(lay.doc):
        delegate.reader_requested.emit(row.item.key)
    else:
        view.model().toggle_text(row.item.key)
    return True
