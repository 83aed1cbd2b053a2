"""The cycle collector runs on the UI thread: a cycle holding a Qt object made and dropped
while another thread allocates is freed by the UI thread's timer, never by that thread."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject

from ui.gc_guard import UiThreadCollector

FREED_IN: list[object] = []  # the threads that freed a Cyclic


class Cyclic(QObject):

    def __init__(self) -> None:
        super().__init__()
        self.me = self  # a cycle: only the collector frees it

    def __del__(self) -> None:
        FREED_IN.append(threading.current_thread())


def test_cycles_are_collected_by_the_ui_thread_only(qtbot):
    gc.collect()
    collector = UiThreadCollector()
    try:
        FREED_IN.clear()
        Cyclic()  # dropped at once: a cycle left for the collector

        kept: list = []

        def allocate() -> None:  # far past every threshold, off the UI thread
            kept.extend([] for _ in range(200_000))

        worker = threading.Thread(target=allocate)
        worker.start()
        worker.join()
        assert FREED_IN == []  # the worker's allocations collected nothing
        qtbot.waitUntil(lambda: FREED_IN != [], timeout=3000)
        assert FREED_IN == [threading.main_thread()]
        assert not gc.isenabled()
    finally:
        collector.stop()
