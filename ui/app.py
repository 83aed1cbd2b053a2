"""The GUI entry point: QApplication, translator, qasync loop, session start-up and shutdown."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from typing import Any

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.api import SessionApi
from ui import i18n, theme
from ui.gc_guard import collect_on_ui_thread
from ui.resources import icon

log = logging.getLogger("tchap.ui")


def guard_none_refcount() -> None:
    """Work around PySide6 over-releasing None, True and False on Python < 3.12.

    With PySide6 6.12 on Python 3.11, every `index.data(role)` a Python model answers with
    None (or a bool) costs that singleton one reference; it starts with a few thousand, so a
    few thousand such calls (delegates make them on every repaint) end in "Fatal Python
    error: none_dealloc" (or bool_dealloc). From Python 3.12 these are immortal and this does
    nothing. Extra references to them are harmless: they are never freed anyway. pyproject.toml
    keeps 6.12 off Python 3.11 (it also loses one at every void call, which this cannot cover
    for long); this stays for a binding installed some other way (a distribution's package).
    """
    if sys.version_info >= (3, 12) or getattr(guard_none_refcount, "done", False):
        return
    import ctypes

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 48
    guard_none_refcount.done = True


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with Tchap's names, icon and style (reused if one exists)."""
    guard_none_refcount()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Tchap")
    app.setApplicationDisplayName("Tchap")
    app.setOrganizationName("DINUM")
    app.setOrganizationDomain("numerique.gouv.fr")
    app.setDesktopFileName("fr.gouv.tchap.desktop")
    app.setWindowIcon(icon("tchap"))
    app.setQuitOnLastWindowClosed(False)  # quitting is done by main() after session.close()
    theme.apply(app)
    collect_on_ui_thread(app)
    return app


async def main(session: SessionApi, profile: Any) -> int:
    """Show the window, restore or ask to sign in, and wait until it is closed."""
    from ui.views.main.main_window import MainWindow

    window = MainWindow(session, profile)
    closed = asyncio.Event()
    window.closing.connect(closed.set)
    heartbeat = _close_on_signals(window)
    window.show()
    log.info("window shown")
    try:
        if await session.restore():
            await window.show_chat()  # the cached room list, before the network answers
            session.start()
        else:
            window.show_login()
        await closed.wait()
    finally:
        heartbeat.stop()
        await window.chat.bridge.shutdown()
        await session.close()
        await _flush_settings(profile)
    return 0


async def _flush_settings(profile: Any) -> None:
    """Wait for settings saved in the background (Config.update) to reach the disk."""
    try:
        await profile.config.flush()
    except OSError as exc:  # already logged when the write failed; the app is closing anyway
        log.warning("settings not saved at close: %s", exc)


def _close_on_signals(window: Any) -> QTimer:
    """SIGTERM / SIGINT close the window, so the session shuts down cleanly (cache, tasks).

    Python runs signal handlers only between bytecodes; while Qt waits in C++ a light
    timer gives it that chance.
    """

    def request_close(*_: object) -> None:
        QTimer.singleShot(0, window.close)

    for name in ("SIGTERM", "SIGINT"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), request_close)
    heartbeat = QTimer(window)
    heartbeat.start(250)
    heartbeat.timeout.connect(lambda: None)
    return heartbeat


def run(profile: Any, args: Any = None) -> int:
    """Run the GUI for a profile until the window is closed; returns the exit code."""
    from app.session import Session

    app = create_application()
    language = i18n.choose_language(getattr(profile, "config", None))
    app._tchap_translators = i18n.install_translator(app, language)  # keep them alive
    session = Session(profile)
    try:
        return qasync.run(main(session, profile))
    except KeyboardInterrupt:
        return 130


def show_policy_error(policy_path: str) -> int:
    """The machine policy cannot be used: say so and stop (a security setting fails closed)."""
    from PySide6.QtWidgets import QMessageBox

    app = create_application()
    language = i18n.choose_language(None)
    app._tchap_translators = i18n.install_translator(app, language)
    box = QMessageBox(QMessageBox.Icon.Critical, "Tchap", policy_error_text(policy_path))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.exec()
    return 78  # EX_CONFIG


def policy_error_text(policy_path: str) -> str:
    """The sentence for a machine policy that cannot be read (translated)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(
        "App",
        "Tchap cannot start: the settings your IT department installed on this computer "
        "({path}) cannot be read. Please contact your IT support.",
    ).format(path=policy_path)


def smoke() -> int:
    """Create the application offscreen and report Qt's version (the bundle's self-test)."""
    from PySide6.QtCore import qVersion

    app = create_application()
    print(f"ui: OK (Qt {qVersion()}, platform {app.platformName()})")
    return 0
