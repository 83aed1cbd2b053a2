"""The installed Qt binding keeps Python's reference counts right.

PySide6 6.12.0 on Python 3.11 released a reference to None at every call of a C++ method
returning void (QRect.setTop, QPainter.save, ...) and at every `data()` returning None:
the process aborted with "deallocating None" after a few thousand paints. pyproject.toml
keeps that release out; this test fails if any installed binding does it again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, Qt
from PySide6.QtGui import QImage, QPainter

CALLS = 20_000


def _none_refs_lost(call) -> int:
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        call()
    return before - sys.getrefcount(None)


def test_void_methods_do_not_release_none():
    rect = QRect(0, 0, 10, 10)
    # A few references may come and go with the interpreter's own bookkeeping; a binding
    # that loses one per call loses CALLS of them.
    assert _none_refs_lost(lambda: rect.setTop(0)) < CALLS // 10


def test_painting_does_not_release_none():
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        assert _none_refs_lost(lambda: (painter.save(), painter.restore())) < CALLS // 10
    finally:
        painter.end()


def test_python_overrides_returning_none_do_not_release_it():
    class Model(QAbstractListModel):
        def rowCount(self, parent=QModelIndex()):  # noqa: B008
            return 1

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return None

    model = Model()
    index = model.index(0, 0)
    assert _none_refs_lost(lambda: index.data()) < CALLS // 10
