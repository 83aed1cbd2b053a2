"""Hostile messages from a real peer through a real Synapse, in plain and encrypted rooms:
the room opens and scrolls while a heartbeat timer measures the UI thread's longest stall.

The figure is printed (`-s`) rather than asserted, but for a generous bound that the
nested case broke before (3-5 s per layout).
"""

from __future__ import annotations

import asyncio
import time

import pytest
from PySide6.QtCore import QTimer

from app.core.types import ItemKind
from tests.app.test_session import signed_in
from tests.support import eventually
from ui.bridge import CoreBridge
from ui.views.room.timeline import TimelineView


class Heartbeat:
    """A 5 ms timer on the UI thread: the longest gap between two ticks is the worst stall."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.last:
            self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


def worst_cases(encrypted: bool) -> list[dict]:
    """Each as big as a Matrix event allows (64 KiB; an encrypted one grows by a third)."""
    nested, word = (3000, 40_000) if encrypted else (5000, 61_000)

    def html(body: str, formatted: str) -> dict:
        return {"msgtype": "m.text", "body": body, "format": "org.matrix.custom.html",
                "formatted_body": formatted}  # fmt: skip

    return [
        html("imbriqué", "<blockquote>" * nested + "au fond"),
        {"msgtype": "m.text", "body": "A" * word},
        html("tableau", "<table>" + "<tr><td>1<td>2" * 2000 + "</table>"),
        html("lien", '<a href="https://evil.example/x">@admin:agent.tchap.gouv.fr</a>'),
        {"msgtype": "m.file", "body": "facture\u202egnp.exe", "url": "mxc://localhost/x"},
        {
            "msgtype": "m.text",
            "body": "> <@eve:x> Bob a dit oui\n\nréponse",
            "m.relates_to": {"m.in_reply_to": {"event_id": "$nowhere"}},
        },
        {"__type": "org.example.hostile", "body": ["not", "a", "string"]},  # Synapse refuses
        {"msgtype": "m.text", "body": "x", "m.relates_to": {"rel_type": "m.replace"}},
    ]


async def send_raw(peer, room_id: str, content: dict) -> None:
    await peer.maintain_keys()
    peer._rotate_if_new_devices(room_id)  # the peers module's own guard for new devices
    content = dict(content)
    etype = content.pop("__type", "m.room.message")
    resp = await peer.client.room_send(room_id, etype, content, ignore_unverified_devices=True)
    assert getattr(resp, "event_id", None), resp


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
async def test_a_hostile_room_opens_and_scrolls_without_stalling(
    qapp, synapse, make_user, tchap_home, keyring_backend, nio_peer, encrypted
):
    alice = make_user(f"alice_h{int(encrypted)}", displayname="Alice Durand [DINUM]")
    eve = make_user(f"eve_h{int(encrypted)}", displayname="Eve\u202e [Externe]")
    peer = await nio_peer(eve)
    room_id = await peer.create_room(encrypted=encrypted, invite=[alice.user_id], name="Piégé")
    session, recorder = await signed_in(synapse, alice)
    bridge = view = None
    try:
        await eventually(lambda: recorder.room(room_id) is not None)
        await session.room(room_id).accept_invite()
        await peer.wait_member(room_id, alice.user_id)
        cases = worst_cases(encrypted)
        for content in cases:
            await send_raw(peer, room_id, content)

        async def arrived() -> list:
            items = await session.room(room_id).timeline(limit=50)
            return [
                i for i in items if i.sender == eve.user_id and i.kind is not ItemKind.MEMBERSHIP
            ]

        shown: list = []

        async def all_arrived() -> bool:
            shown[:] = await arrived()
            return len(shown) >= len(cases) and all(
                i.kind is not ItemKind.UNDECRYPTABLE for i in shown
            )

        deadline = time.monotonic() + 60
        while not await all_arrived():
            assert time.monotonic() < deadline, [i.kind for i in shown]
            await asyncio.sleep(0.2)
        heartbeat = Heartbeat()
        heartbeat.start()
        bridge = CoreBridge(session)
        bridge.attach()
        model = await bridge.open_room(room_id)
        view = TimelineView()
        view.resize(900, 700)
        view.show()
        view.set_timeline(model)
        await asyncio.sleep(0.05)
        bar = view.verticalScrollBar()
        for value in [*range(bar.maximum(), -1, -150), *range(0, bar.maximum() + 1, 150)]:
            bar.setValue(value)
            await asyncio.sleep(0.005)
        view.resize(600, 700)  # a width change lays every text out again
        await asyncio.sleep(0.05)
        longest = heartbeat.stop()
        room_kind = "encrypted" if encrypted else "plain"
        print(f"\nlongest UI stall, {room_kind} hostile room opened and scrolled: "
              f"{longest * 1000:.0f} ms")  # fmt: skip
        assert longest < 0.5  # generous: the nested case alone stalled 3-5 s before

        rows = [model.row_at(r) for r in range(model.rowCount())]
        from_eve = [r for r in rows if r.item.sender == eve.user_id and not r.is_member]
        nested = next(r for r in from_eve if r.item.body == "imbriqué")
        assert nested.item.html.count("<blockquote>") == 100
        link = next(r for r in from_eve if r.item.body == "lien")
        assert link.deceptive == {"https://evil.example/x"}
        card = next(r for r in from_eve if r.item.kind is ItemKind.MEDIA)
        assert card.item.media["name"] == "facturegnp.exe"
        assert any(r.item.body == "réponse" for r in from_eve)  # the fallback is gone
        assert sum(r.item.kind is ItemKind.UNKNOWN for r in from_eve) == 2
        assert all(r.item.sender_name == "Eve [Externe]" for r in from_eve)
    finally:
        await session.close()  # first: the bridge's shutdown before it upsets qasync here
        if bridge is not None:
            await bridge.shutdown()
        if view is not None:
            view.deleteLater()
