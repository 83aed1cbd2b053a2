"""ui.app.main: restore paints the cached rooms and starts sync; closing closes the session."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QApplication

from tests.ui.demo_data import demo_session
from tests.ui.fakes import FakeProfile
from ui.app import create_application, main


def windows():
    from ui.views.main_window import MainWindow

    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


async def run_until_shown(session):
    task = asyncio.ensure_future(main(session, FakeProfile()))
    for _ in range(100):
        if windows() and (session.started or ("restore",) in session.calls):
            break
        await asyncio.sleep(0.01)
    return task, windows()[-1]


async def test_restored_session_shows_rooms_at_once_and_starts(qapp):
    assert create_application() is qapp
    session = demo_session()
    session.restorable = True
    task, window = await run_until_shown(session)
    assert window.stack.currentWidget() is window.chat
    assert window.chat.bridge.room_list.rowCount() == len(session.rooms)
    assert session.started
    window.close()
    assert await asyncio.wait_for(task, 5) == 0
    assert session.closed


async def test_no_stored_session_shows_sign_in(qapp):
    session = demo_session()
    task, window = await run_until_shown(session)
    assert window.stack.currentWidget() is window.login
    assert not session.started
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
        [sys.executable, "-m", "app", "--profile", "sigterm"],
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
