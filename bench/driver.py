"""Drives the real client offscreen, in its own process, and reports timestamps as JSON lines.

`python -m bench.driver SCENARIO` with `TCHAP_HOME` set (a private profile root),
`QT_QPA_PLATFORM=offscreen`, and `BENCH_DRIVER_CONFIG` naming a JSON file (server URL, account,
rooms to use). It starts the application the way `python -m tchap_desktop` does (`ui.app.run`), with
two thin wrappers around the real classes, no copies of them:

- `app.session.Session` is subclassed only to remember the instance (and, with
  `"plain_cache": true`, to open a plain SQLite cache instead of SQLCipher: the reference for
  `cache_encryption_overhead`);
- `ui.views.main.main_window.MainWindow` is subclassed only to install paint watchers on the
  room list's and the timeline's viewports once they exist.

Everything else is what a person does: typing in the sign-in form and pressing the button,
clicking a room, paging up the timeline, typing in the composer and pressing Enter.

Scenarios: `login` (first sign-in on an empty profile, then the Megolm key import of the
seeded history) and `warm` (start on a cached profile, then the per-room measures).
Each result line is `BENCH {"name": ..., ...}` on stdout.
"""

from __future__ import annotations

import asyncio
import json
import os
import queue
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path
from urllib.parse import quote

T_IMPORTED = time.time()
# The sign-in form is typed in at 20 keys a second (a fast typist does 6 to 8): the client
# may use that time, as it does with a person, but the figure never waits on a slow one.
TYPING_KEYS_PER_S = 20


def emit(name: str, **fields) -> None:
    """One result line for the runner."""
    print("BENCH " + json.dumps({"name": name, **fields}), flush=True)


def _rss_pss() -> tuple[float | None, float | None]:
    from bench.machine import memory_mb

    mem = memory_mb(os.getpid())
    return mem["rss"], mem["pss"]


class Watch:
    """Paint watchers: time.time() of the last completed paint of each watched viewport."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        self.painted: dict[str, float] = {}
        # Per tag: (time, rows shown) of every completed paint, to find "the first paint
        # that showed N rows" even when it happened between two polls.
        self.history: dict[str, list[tuple[float, int]]] = {}
        self._counters: dict[str, object] = {}
        self.paint_count: dict[str, int] = {}
        self._QTimer = QTimer
        watch = self

        class _Filter(QObject):
            def __init__(self, tag: str) -> None:
                super().__init__()
                self.tag = tag

            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint:
                    # The filter runs before the paint; a zero timer fires once it is done.
                    QTimer.singleShot(0, lambda tag=self.tag: watch._done(tag))
                return False

        self._Filter = _Filter
        self._filters: list = []

    def _done(self, tag: str) -> None:
        t = time.time()
        self.painted[tag] = t
        counter = self._counters.get(tag)
        self.history.setdefault(tag, []).append((t, counter() if counter else 0))
        self.paint_count[tag] = self.paint_count.get(tag, 0) + 1

    def watch(self, widget, tag: str, counter=None) -> None:
        """Watch `widget`'s paint events under `tag`; `counter()` gives the rows it shows."""
        self._counters[tag] = counter
        f = self._Filter(tag)
        widget.installEventFilter(f)
        self._filters.append(f)

    async def paint_showing(self, tag: str, cond, after: float, timeout: float) -> float | None:
        """Time of the first paint after `after` where cond(rows) held; waits up to timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for t, rows in self.history.get(tag, ()):
                if t > after and cond(rows):
                    return t
            await asyncio.sleep(0.002)
        return None

    async def next_paint(self, tag: str, after: float, timeout: float) -> float | None:
        """Wait for a paint of `tag` completed after `after`; its time, or None."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            t = self.painted.get(tag, 0.0)
            if t > after:
                return t
            await asyncio.sleep(0.002)
        return None


def none_refcount_bug() -> bool:
    """True if PySide hands None back from a Python model's data() one reference short.

    Seen with PySide6 6.12 on Python 3.11 (None is not immortal before 3.12): every
    `index.data(role)` answered None takes one reference from None, and after enough of them
    the interpreter aborts with "none_dealloc". Checked on a 3-line model, so the benchmark
    can say so rather than crash.
    """
    from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

    class _Probe(QAbstractListModel):
        def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
            return 1

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return None

    probe = _Probe()  # kept alive while its index is used
    index = probe.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(1000):
        index.data(Qt.ItemDataRole.UserRole + 1)
    leaked = sys.getrefcount(None) - before < -500
    del index, probe
    return leaked


def pin_none() -> None:
    """Give None, True and False 2**40 extra references: the bug cannot free them here."""
    import ctypes

    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40


class Driver:
    """One scenario against the application started by `ui.app.run`."""

    def __init__(self, scenario: str, config: dict) -> None:
        self.scenario = scenario
        self.config = config
        self.session = None
        self.window = None
        self.watch: Watch | None = None
        self.failed = False
        self._target_room = ""
        self._views: dict[str, object] = {}

    # -- start-up --------------------------------------------------------------------------

    def run(self) -> int:
        """Patch the two classes, start the app like `python -m tchap_desktop`, run the scenario."""
        from PySide6.QtCore import QTimer

        import app.session as session_module
        import ui.views.main.main_window as window_module
        from app.platform.paths import profile_paths
        from app.platform.profile import Profile
        from ui.app import create_application, run

        driver = self
        plain = bool(self.config.get("plain_cache"))
        base_session = session_module.Session

        class BenchSession(base_session):  # type: ignore[misc, valid-type]
            def __init__(self, profile) -> None:
                super().__init__(profile)
                driver.session = self

        if plain:
            base_cache = session_module.Cache

            class PlainCache(base_cache):  # type: ignore[misc, valid-type]
                def __init__(self, path, key) -> None:
                    super().__init__(path, None)

            session_module.Cache = PlainCache

        base_window = window_module.MainWindow

        class BenchWindow(base_window):  # type: ignore[misc, valid-type]
            def __init__(self, *args, **kwargs) -> None:
                super().__init__(*args, **kwargs)
                driver.window = self
                driver._watch_views()

        session_module.Session = BenchSession
        window_module.MainWindow = BenchWindow

        from app.platform.logs import setup_logging

        setup_logging(profile_paths(self.config["profile"]), "warning")
        profile = Profile.load(self.config["profile"])
        create_application()
        if none_refcount_bug():
            # The measures go on; the runner reports the bug (the client alone would abort).
            pin_none()
            emit("none_refcount_bug", pinned=True)
        self.watch = Watch()
        QTimer.singleShot(0, lambda: asyncio.ensure_future(self._main()))
        emit("app_starting", t=time.time(), t_imported=T_IMPORTED)
        code = run(profile, None)
        emit("exited", code=code, failed=self.failed)
        return 1 if self.failed else 0

    def _watch_views(self) -> None:
        rooms, timeline = self._room_list_view(), self._timeline_view()
        if rooms is not None:
            self.watch.watch(rooms.viewport(), "rooms", self._room_rows)
        if timeline is not None:
            self.watch.watch(
                timeline.viewport(), "timeline", lambda: self._timeline_rows(self._target_room)
            )

    def _room_list_view(self):
        if self._views.get("rooms") is None and self.window is not None:
            from ui.views.main.room_list import RoomListView

            found = self.window.findChildren(RoomListView)
            self._views["rooms"] = found[0] if found else None
        return self._views.get("rooms")

    def _timeline_view(self):
        if self._views.get("timeline") is None and self.window is not None:
            from ui.views.room.timeline import TimelineView

            found = self.window.findChildren(TimelineView)
            self._views["timeline"] = found[0] if found else None
        return self._views.get("timeline")

    async def _main(self) -> None:
        try:
            if self.scenario == "login":
                await self._first_login()
            elif self.scenario == "warm":
                await self._warm()
            else:
                raise ValueError(self.scenario)
        except Exception as exc:  # noqa: BLE001 (any failure: report it, the runner shows n/a)
            import traceback

            self.failed = True
            emit("error", error=f"{type(exc).__name__}: {exc}", trace=traceback.format_exc())
        finally:
            if self.window is not None:
                self.window.close()

    async def _until(self, cond, timeout: float, what: str, step: float = 0.005) -> None:
        deadline = time.monotonic() + timeout
        while not cond():
            if time.monotonic() > deadline:
                raise TimeoutError(f"{what} not within {timeout:.0f}s")
            await asyncio.sleep(step)

    def _room_rows(self) -> int:
        view = self._room_list_view()
        model = view.model() if view is not None else None
        return model.rowCount() if model is not None else 0

    # -- first login -----------------------------------------------------------------------

    async def _first_login(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        await self._until(lambda: self.window is not None, 30, "the window")
        login = self.window.login
        await self._until(lambda: login.isVisible(), 30, "the sign-in form")
        cfg = self.config
        if login.server.finding:  # the bench's server is not Tchap's: "Other server…"
            login.server.other.setChecked(True)
        for field, text in (
            (login.homeserver, cfg["homeserver"]),
            (login.identifier, cfg["user"]),
            (login.password, cfg["password"]),
        ):
            if not field.isReadOnly():
                field.clear()
                for key in text:
                    QTest.keyClicks(field, key)
                    await asyncio.sleep(1 / TYPING_KEYS_PER_S)
        expected = int(cfg["expected_rooms"])
        t_press = time.time()
        QTest.mouseClick(login.button, Qt.MouseButton.LeftButton)
        emit("sign_in_pressed", t=t_press)
        # Complete room list: every joined room is a row, and that state has been painted.
        await self._until(lambda: self._room_rows() >= expected, cfg.get("timeout", 900), "rooms")
        t_rows = time.time()
        t_paint = await self.watch.paint_showing("rooms", lambda n: n >= expected, t_press, 10)
        emit(
            "room_list_complete", t=t_paint or t_rows, rows=self._room_rows(), painted=bool(t_paint)
        )
        await self.session.wait_synced(timeout=cfg.get("timeout", 900))
        emit("first_sync_processed", t=time.time())
        await self._settle()
        rss, pss = _rss_pss()
        emit("memory_after_login", rss_mb=rss, pss_mb=pss)
        await self._import_keys()
        await self._settle()

    async def _import_keys(self) -> None:
        """Give the new device the seeded history's Megolm keys, as a key import would."""
        keys = self.config.get("keys_file")
        if not keys:
            emit("keys_imported", ok=False, reason="no key file")
            return
        t0 = time.time()
        await self.session.import_keys(keys, self.config["keys_passphrase"])
        emit("keys_imported", ok=True, seconds=time.time() - t0)

    async def _settle(self, quiet_s: float = 3.0, max_s: float = 60.0) -> None:
        """Wait until no core event has arrived for `quiet_s` (at most `max_s`)."""
        last = [time.monotonic()]
        unsubscribe = self.session.subscribe(lambda _ev: last.__setitem__(0, time.monotonic()))
        try:
            start = time.monotonic()
            while time.monotonic() - last[0] < quiet_s and time.monotonic() - start < max_s:
                await asyncio.sleep(0.1)
        finally:
            unsubscribe()

    # -- warm start and the per-room measures ----------------------------------------------

    async def _warm(self) -> None:
        cfg = self.config
        await self._until(lambda: self.window is not None, 60, "the window")
        await self._until(lambda: self._room_rows() > 0, 60, "the cached room list")
        t_rows = time.time()
        t_paint = await self.watch.paint_showing("rooms", lambda n: n > 0, 0, 10)
        emit(
            "room_list_painted", t=t_paint or t_rows, rows=self._room_rows(), painted=bool(t_paint)
        )
        # The first paint may show only the first slice of the list: also time the whole list.
        expected = int(cfg["expected_rooms"])
        await self._until(lambda: self._room_rows() >= expected, 120, "the whole room list")
        t_all = await self.watch.paint_showing("rooms", lambda n: n >= expected, 0, 10)
        emit("room_list_all_painted", t=t_all or time.time(), rows=self._room_rows())
        if cfg.get("quick"):  # the cache-encryption reference: warm start and room open only
            await self._room_open(cfg["largest_room"])
            return
        await self._until(lambda: self.session is not None and self.session.services is not None, 60, "sync")
        await self.session.wait_synced(timeout=cfg.get("timeout", 300))
        emit("first_sync_processed", t=time.time())
        await self._settle()
        rss, pss = _rss_pss()
        emit("memory_idle", rss_mb=rss, pss_mb=pss)
        todo = set(cfg.get("measures") or ())
        # Scrolling last: it is the step most likely to crash a young UI, and the others
        # should still be measured when it does.
        if "resort" in todo:
            await self._resort()
        if "send" in todo and cfg.get("peer_room"):
            await self._send_to_peer(cfg["peer_room"])
        if "upload" in todo:
            await self._upload_20mb()
        if "directory" in todo and cfg.get("peer"):
            from bench.directory import measure_directory_search

            await measure_directory_search(self, emit, cfg["peer"]["user"])
        if "room_open" in todo and cfg.get("largest_room"):
            await self._room_open(cfg["largest_room"])
            if "scroll" in todo:
                await self._scroll_back(int(cfg.get("scroll_events", 2000)))

    async def _click_room(self, room_id: str) -> None:
        from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
        from PySide6.QtTest import QTest

        from ui.models.room_list import RoomListModel

        view = self._room_list_view()
        model = view.model()
        if hasattr(model, "set_collapsed"):  # a section folded by an earlier run hides the room
            model.set_collapsed(())
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(RoomListModel.Role.ROOM_ID) == room_id:
                # The list lays its rows out in batches (rows of two heights) and may still be
                # re-sorting as rooms arrive: follow the row, scroll to it until it has its
                # place on screen, or the click lands on another row or a header.
                here = QPersistentModelIndex(index)
                await self._until(partial(_placed, view, here), 10, "the room's row on screen")
                rect = view.visualRect(QModelIndex(here))
                QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                return
        raise LookupError("room not in the room list")

    def _timeline_rows(self, room_id: str) -> int:
        view = self._timeline_view()
        model = view.model() if view is not None else None
        if model is None or getattr(model, "room_id", room_id) != room_id:
            return 0
        return model.rowCount()

    async def _room_open(self, room_id: str) -> None:
        self._target_room = room_id
        t0 = time.time()
        await self._click_room(room_id)
        await self._until(lambda: self._timeline_rows(room_id) > 0, 30, "the room's timeline")
        t_rows = time.time()
        t_paint = await self.watch.paint_showing("timeline", lambda n: n > 0, t0, 10)
        emit("room_open", ms=((t_paint or t_rows) - t0) * 1000, painted=t_paint is not None,
             rows=self._timeline_rows(room_id))  # fmt: skip

    async def _scroll_back(self, events: int) -> None:
        """Page up until `events` older events have been shown; report frame times.

        Counts distinct event keys that entered the timeline model, so it works for a model
        that grows and for one that is a sliding window. Two kinds of frames: a page-up →
        its paint, and older rows going in (from the core or the cache) → the next paint.
        Rows are laid out in slices before they go in, while the window keeps painting: that
        work is not a frame, and the heartbeat's longest stall (`stall_ms`) shows it with
        everything else the loop did meanwhile (the core reading and decrypting the pages).
        """
        from PySide6.QtWidgets import QAbstractSlider

        from app.core.events import MessagesPrepended

        view = self._timeline_view()
        bar = view.verticalScrollBar()
        room_id = self.config["largest_room"]
        model = view.model()
        seen: set[str] = set(model.keys()) if hasattr(model, "keys") else set()
        initial = len(seen)
        triggers: list[float] = []  # older rows go in: a frame starts
        at_start: list[bool] = []

        def on_prepend(ev) -> None:
            if isinstance(ev, MessagesPrepended) and ev.room_id == room_id and ev.reached_start:
                at_start.append(True)

        def on_insert(_parent, first: int, _last: int) -> None:
            if first == 0:
                triggers.append(time.time())

        def on_rows(_parent, first: int, last: int) -> None:
            keys = model.keys() if hasattr(model, "keys") else []
            seen.update(keys[first : last + 1])

        stalls: list[float] = []

        async def heartbeat(period: float = 0.004) -> None:
            last = time.monotonic()
            while True:
                await asyncio.sleep(period)
                now = time.monotonic()
                stalls.append((now - last - period) * 1000)
                last = now

        beating = asyncio.ensure_future(heartbeat())
        self.session._listeners.insert(0, on_prepend)
        model.rowsAboutToBeInserted.connect(on_insert)
        model.rowsInserted.connect(on_rows)
        frames: list[float] = []
        last_progress, last_seen = time.monotonic(), len(seen)
        try:
            while len(seen) - initial < events:
                if bar.value() > bar.minimum():
                    t0 = time.time()
                    bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepSub)
                    t_paint = await self.watch.next_paint("timeline", t0, 1.0)
                    if t_paint is not None:
                        frames.append((t_paint - t0) * 1000)
                else:  # at the top: the view asks for older messages; wait for them
                    await asyncio.sleep(0.01)
                if len(seen) != last_seen:
                    last_seen, last_progress = len(seen), time.monotonic()
                elif (at_start or getattr(model, "reached_start", False)) and (
                    bar.value() <= bar.minimum()
                ):
                    emit("scroll_reached_start", loaded=len(seen) - initial)
                    break
                elif time.monotonic() - last_progress > 30:
                    emit("scroll_stalled", loaded=len(seen) - initial)
                    break
            await asyncio.sleep(0.2)  # the last page's paint
        finally:
            beating.cancel()
            self.session._listeners.remove(on_prepend)
            model.rowsAboutToBeInserted.disconnect(on_insert)
            model.rowsInserted.disconnect(on_rows)
        insert_frames = arrival_frames(
            triggers, [t for t, _rows in self.watch.history.get("timeline", ())]
        )
        rss, pss = _rss_pss()
        emit(
            "scroll",
            frames_ms=frames + insert_frames,
            scroll_frames_ms=frames,
            insert_frames_ms=insert_frames,
            loaded=len(seen) - initial,
            stall_ms=max(stalls, default=0.0),
            rss_mb=rss,
            pss_mb=pss,
        )

    async def _resort(self, repeats: int = 5) -> None:
        """A bot posts in the room at the bottom of the list; time the UI's handling of it."""
        import aiohttp

        from app.core.events import RoomsChanged
        from ui.models.room_list import RoomListModel

        view = self._room_list_view()
        proxy = view.model()
        marks: dict[str, float] = {}
        target = {"room": ""}

        def first(ev) -> None:
            if isinstance(ev, RoomsChanged) and target["room"] in _room_ids(ev):
                marks["start"] = time.time()

        def last(ev) -> None:
            if "start" in marks and "end" not in marks and isinstance(ev, RoomsChanged):
                marks["end"] = time.time()

        def moved(*_args) -> None:
            if "start" in marks and "moved" not in marks:
                marks["moved"] = time.time()

        self.session._listeners.insert(0, first)  # before the UI's bridge
        unsubscribe = self.session.subscribe(last)  # after it
        for signal in (proxy.layoutChanged, proxy.rowsMoved, proxy.rowsInserted):
            signal.connect(moved)
        cfg = self.config
        results: list[float] = []
        try:
            async with aiohttp.ClientSession() as http:
                headers = {"Authorization": f"Bearer {cfg['as_token']}"}
                for n in range(repeats):
                    # The lowest room with one of the seeder's users in it (not the peer room).
                    sender = ""
                    for row in range(proxy.rowCount() - 1, -1, -1):
                        target["room"] = proxy.index(row, 0).data(RoomListModel.Role.ROOM_ID)
                        if not target["room"]:  # a section header
                            continue
                        room_url = (
                            f"{cfg['upstream']}/_matrix/client/v3/rooms/{quote(target['room'])}"
                        )
                        members_url = f"{room_url}/joined_members?user_id={quote(cfg['user'])}"
                        async with http.get(members_url, headers=headers) as resp:
                            joined = (await resp.json()).get("joined", {})
                        sender = next((u for u in joined if u.startswith("@bot")), "")
                        if sender:
                            break
                    if not sender:
                        raise LookupError("no room with a seeded user to post from")
                    marks.clear()
                    url = (
                        f"{room_url}/send/m.room.message/bench-resort-{time.time_ns()}"
                        f"?user_id={quote(sender)}"
                    )
                    body = {"msgtype": "m.text", "body": f"resort {n}"}
                    async with http.put(url, json=body, headers=headers) as resp:
                        if resp.status != 200:
                            raise RuntimeError(f"bot send answered {resp.status}")
                    await self._until(lambda: "end" in marks, 30, "the new message")
                    await asyncio.sleep(0.2)
                    end = max(marks["end"], marks.get("moved", 0))
                    results.append((end - marks["start"]) * 1000)
                    top = next(
                        (rid for r in range(proxy.rowCount())
                         if (rid := proxy.index(r, 0).data(RoomListModel.Role.ROOM_ID))), None,
                    )  # fmt: skip
                    emit("resort_one", ms=results[-1], moved="moved" in marks,
                         on_top=top == target["room"])  # fmt: skip
        finally:
            unsubscribe()
            self.session._listeners.remove(first)
        emit("resort", ms=results)

    async def _send_to_peer(self, room_id: str, repeats: int = 5) -> None:
        """Type in the composer, press Enter; the peer process reports when it decrypted it."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

        peer = PeerProcess(self.config)
        try:
            await peer.ready()
            await self._click_room(room_id)
            await self._until(lambda: self._timeline_rows(room_id) > 0, 30, "the peer room")
            # Give the client a sync or two to learn about the peer's new device.
            await asyncio.sleep(3)
            pane = self.window.chat.pane
            edits = pane.findChildren(QPlainTextEdit) + pane.findChildren(QTextEdit)
            edit = next(e for e in edits if not e.isReadOnly())
            results = []
            for n in range(repeats):
                text = f"bench-ping-{n}-{time.time_ns()}"
                edit.setFocus()
                QTest.keyClicks(edit, text)
                t0 = time.time()
                QTest.keyClick(edit, Qt.Key.Key_Return)
                t_got = await peer.got(text, timeout=30)
                results.append((t_got - t0) * 1000)
                emit("send_one", ms=results[-1])
                await asyncio.sleep(0.3)
            emit("send", ms=results)
        finally:
            peer.stop()

    async def _upload_20mb(self) -> None:
        """20 MB of random bytes to the encrypted room with the most members: `send_file` → sent.

        Sent is the echo's SENT state (the server acknowledged the event, or its remote echo
        came first). A failure is reported, and the measures after this one still run.
        """
        import tempfile

        from app.core.events import EventChanged
        from app.core.types import Membership, SendState

        try:
            rooms = [r for r in await self.session.room_summaries()
                     if r.is_encrypted and r.membership is Membership.JOIN]  # fmt: skip
            room = max(rooms, key=lambda r: r.member_count)
            sent_keys: set[str] = set()

            def on_event(ev) -> None:
                if isinstance(ev, EventChanged) and ev.item.send_state is SendState.SENT:
                    sent_keys.add(ev.key)

            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "bench-20mb.bin"
                path.write_bytes(os.urandom(20 * 1024 * 1024))
                unsubscribe = self.session.subscribe(on_event)
                try:
                    t0 = time.time()
                    key = await self.session.room(room.room_id).send_file(path)
                    await self._until(lambda: key in sent_keys, 300, "the 20 MB file sent")
                    seconds = time.time() - t0
                finally:
                    unsubscribe()
            emit("upload", s=seconds, members=room.member_count)
        except Exception as exc:  # noqa: BLE001 (reported; the other measures go on)
            emit("upload_failed", error=f"{type(exc).__name__}: {exc}")


def arrival_frames(triggers: list[float], paints: list[float]) -> list[float]:
    """Per paint preceded by triggers since the previous paint: ms from the first of them."""
    frames = []
    triggers = sorted(triggers)
    i = 0
    previous = float("-inf")
    for paint in sorted(paints):
        first = None
        while i < len(triggers) and triggers[i] <= paint:
            if triggers[i] > previous and first is None:
                first = triggers[i]
            i += 1
        if first is not None:
            frames.append((paint - first) * 1000)
        previous = paint
    return frames


def _room_ids(ev) -> list[str]:
    rooms = getattr(ev, "rooms", None) or getattr(ev, "room_ids", None) or ()
    return [getattr(r, "room_id", r) for r in rooms]


class PeerProcess:
    """`python -m bench.peer` in a subprocess; its stdout lines read on a thread."""

    def __init__(self, config: dict) -> None:
        env = dict(os.environ, BENCH_PEER_CONFIG=json.dumps(config["peer"]))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bench.peer"],
            stdout=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: dict[str, float] = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:  # type: ignore[union-attr]
            self.lines.put(line.strip())

    async def _wait_line(self, pred, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get_nowait()
            except queue.Empty:
                if self.proc.poll() is not None:
                    raise RuntimeError("the peer process exited") from None
                await asyncio.sleep(0.002)
                continue
            if line.startswith("GOT "):
                _, body, t = line.split(" ", 2)
                self.seen[body] = float(t)
            if pred(line):
                return line
        raise TimeoutError("the peer did not answer")

    async def ready(self) -> None:
        """Wait until the peer is signed in, has uploaded its keys and synced."""
        await self._wait_line(lambda line: line == "READY", 60)

    async def got(self, body: str, timeout: float) -> float:
        """time.time() at which the peer decrypted `body`."""
        if body not in self.seen:
            await self._wait_line(lambda line: line.startswith("GOT " + body + " "), timeout)
        return self.seen[body]

    def stop(self) -> None:
        """End the peer process."""
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _placed(view, here) -> bool:
    """Scroll to the row (a persistent index) and say whether it has its place on screen."""
    from PySide6.QtCore import QModelIndex

    if not here.isValid():
        return False
    index = QModelIndex(here)
    view.scrollTo(index)
    rect = view.visualRect(index)
    return rect.height() > 0 and view.viewport().rect().contains(rect.center())


def main() -> int:
    """Entry point: `python -m bench.driver login|warm`."""
    scenario = sys.argv[1]
    config = json.loads(Path(os.environ["BENCH_DRIVER_CONFIG"]).read_text())
    return Driver(scenario, config).run()


if __name__ == "__main__":
    sys.exit(main())
