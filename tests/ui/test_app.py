"""ui.app.main: restore paints the cached rooms and starts sync; closing closes the session."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QApplication

from tests.support import eventually
from tests.ui.demo_data import demo_session
from tests.ui.fakes import FakeProfile
from ui.app import create_application, main


def windows():
    from ui.views.main.main_window import MainWindow

    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


async def run_until_shown(session):
    task = asyncio.ensure_future(main(session, FakeProfile()))
    await eventually(lambda: windows() and (session.started or ("restore",) in session.calls))
    return task, windows()[-1]


async def test_restored_session_shows_rooms_at_once_and_starts(qapp):
    assert create_application() is qapp
    session = demo_session()
    session.restorable = True
    task, window = await run_until_shown(session)
    assert window.stack.currentWidget() is window.chat
    assert window.chat.bridge.room_list.room_count() == len(session.rooms)
    assert session.started
    window.close()
    assert await asyncio.wait_for(task, 5) == 0
    assert session.closed


async def test_settings_saved_in_the_background_are_flushed_at_close(qapp):
    session = demo_session()
    profile = FakeProfile()
    task = asyncio.ensure_future(main(session, profile))
    await eventually(windows)
    windows()[-1].close()
    assert await asyncio.wait_for(task, 5) == 0
    assert session.closed and profile.config.flushed == 1


async def test_no_stored_session_shows_sign_in(qapp):
    session = demo_session()
    task, window = await run_until_shown(session)
    assert window.stack.currentWidget() is window.login
    assert not session.started
    assert ("prepare_network",) in session.calls  # nio and aiohttp load while the user types
    window.close()
    await asyncio.wait_for(task, 5)
    assert session.closed


def test_sigterm_closes_the_client_cleanly(tmp_path):
    """The demo (and session managers) stop the client with SIGTERM: it must exit 0, not die."""
    import os
    import signal
    import subprocess
    import sys
    import time

    env = {**os.environ, "TCHAP_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tchap_desktop", "--profile", "sigterm"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    log = tmp_path / "profiles" / "sigterm" / "log" / "tchap-desktop.log"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (log.exists() and "window shown" in log.read_text()):
        time.sleep(0.05)  # another process: polling its log is the only way to know
    assert "window shown" in log.read_text()
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, out.decode(errors="replace")[-2000:]


def test_none_returned_by_data_cannot_abort_the_process(tmp_path):
    """PySide6 6.12 on Python 3.11 drops a reference to None (and True, False) on each
    index.data() answering it: ~5 000 aborted the client ("none_dealloc") while scrolling. The guard
    installed by create_application() keeps it alive; 20 000 calls in a real process (4x the fatal count)."""
    import os
    import subprocess
    import sys

    probe = (
        "from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt\n"
        "from ui.app import create_application\n"
        "app = create_application()\n"
        "class M(QAbstractListModel):\n"
        "    def rowCount(self, parent=QModelIndex()): return 1\n"
        "    def data(self, index, role=Qt.ItemDataRole.DisplayRole):\n"
        "        return {Qt.ItemDataRole.UserRole + 1: True, Qt.ItemDataRole.UserRole + 2: False}"
        ".get(role)\n"
        "m = M(); i = m.index(0, 0)\n"
        "for role in (Qt.ItemDataRole.UserRole + 1, Qt.ItemDataRole.UserRole + 2, Qt.ItemDataRole.UserRole + 3):\n"
        "    for _ in range(20_000): i.data(role)\n"
        "print('alive')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and done.stdout.strip() == "alive", done.stderr[-500:]
