"""Python's cycle collector runs on the UI thread only.

Left automatic, a collection starts in whichever thread happens to allocate past the
threshold: the cache's database thread, an executor encoding a thumbnail. A cycle holding
a Qt object (a closure that keeps a dialog, a widget kept by a task) is then destroyed from
that thread, and Qt aborts or crashes (a segmentation fault, seen in the test suite while
the cache thread allocated). So the automatic collector is turned off and the same
generational thresholds are checked by a timer on the UI thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 500  # allocations between two checks wait at most this long to be collected


class UiThreadCollector(QObject):
    """Disables the automatic collector and collects by generation from a UI-thread timer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> int:
        """Collect the generations whose counts passed their thresholds; objects found."""
        counts = gc.get_count()
        if counts[2] > self._thresholds[2]:
            # A full collection scans every object: the survivors are frozen (out of reach
            # of the next ones), so only what was made since is scanned next time. Left to
            # this timer without it, full collections of a 1 000-room account stalled the
            # window up to a second while scrolling (CPython's own collector spaces them).
            found = gc.collect(2)
            gc.freeze()
            return found
        for generation in (1, 0):  # the older generation due includes the younger one
            if counts[generation] > self._thresholds[generation]:
                return gc.collect(generation)
        return 0

    def stop(self) -> None:
        """Stop checking; the automatic collector comes back if it was on before."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()


_collector: UiThreadCollector | None = None


def collect_on_ui_thread(app: QObject) -> UiThreadCollector:
    """Install the collector once for the application (idempotent)."""
    global _collector
    if _collector is None:
        _collector = UiThreadCollector(app)
    return _collector
