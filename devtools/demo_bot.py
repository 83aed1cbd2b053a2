"""The demo's bot: Camille answers Alice in their encrypted direct chat and accepts invites."""

from __future__ import annotations

import asyncio
import logging
import random
import time
import unicodedata
from contextlib import suppress
from pathlib import Path

from nio import MatrixRoom, RoomMessageText

from devtools.peers import NioPeer

log = logging.getLogger("tchap.devtools.bot")

REPLY_DELAY_S = 1.0


def _plain(text: str) -> str:
    """Lower case without accents, for matching keywords."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def reply_to(text: str) -> str:
    """A short, friendly French answer to `text`."""
    t = _plain(text)
    if any(w in t for w in ("bonjour", "salut", "coucou", "hello")):
        return "Bonjour Alice ! 😊 Comment puis-je t'aider aujourd'hui ?"
    if "merci" in t:
        return "Avec plaisir ! N'hésite pas si tu as besoin d'autre chose."
    if any(w in t for w in ("reunion", "rdv", "rendez-vous", "point")):
        return "Ça me va. Jeudi 14 h en salle Condorcet, ou en visio si tu préfères ?"
    if any(w in t for w in ("au revoir", "bonne soiree", "a demain", "bonne journee")):
        return "Bonne fin de journée, Alice ! À demain."
    if t.rstrip().endswith("?"):
        return "Bonne question ! Je regarde ça et je reviens vers toi avant midi."
    short = text.strip().splitlines()[0] if text.strip() else ""
    if len(short) > 60:
        short = short[:57] + "…"
    return random.choice(
        [
            f"Bien reçu : « {short} ». Je m'en occupe.",
            f"Noté pour « {short} », merci Alice !",
            "C'est noté 👍",
        ]
    )


class DemoBot:
    """Camille, on her own device: answers each new message from Alice after about a second."""

    def __init__(
        self, homeserver: str, user_id: str, password: str, data_dir: Path, alice_id: str
    ) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.peer = NioPeer(
            homeserver,
            user_id,
            password,
            data_dir / "store",
            device_name="Camille (bot de démo)",
            auto_join=True,
            session_file=data_dir / "session.json",
        )
        self.alice_id = alice_id
        self._started_ms = 0
        self._tasks: set[asyncio.Task] = set()

    async def start(self) -> None:
        """Sign in (reusing the device of earlier runs) and start answering."""
        self._started_ms = int(time.time() * 1000)
        self.peer.on_text(self._on_text)
        await self.peer.start()

    async def close(self) -> None:
        """Stop answering and syncing."""
        for task in list(self._tasks):
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task
        await self.peer.close()

    def _on_text(self, room: MatrixRoom, ev: RoomMessageText) -> None:
        # Only new messages from Alice in a two-person room: no replies to history or to itself.
        if ev.sender != self.alice_id or ev.server_timestamp < self._started_ms:
            return
        if room.member_count > 2:
            return
        task = asyncio.create_task(self._answer(room.room_id, ev.event_id, ev.body))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _answer(self, room_id: str, event_id: str, text: str) -> None:
        """Read it (a receipt under Alice's message), type for a moment, then answer; a
        thank-you gets a reaction as well."""
        await asyncio.sleep(REPLY_DELAY_S)
        try:
            await self.peer.client.room_read_markers(room_id, event_id, event_id)
            if "merci" in _plain(text):
                await self.peer.client.room_send(room_id, "m.reaction", {"m.relates_to": {
                    "rel_type": "m.annotation", "event_id": event_id, "key": "❤️"}},
                    ignore_unverified_devices=True)  # fmt: skip
            await self.peer.client.room_typing(room_id, True, timeout=2000)
            await asyncio.sleep(0.8)
            await self.peer.send_text(room_id, reply_to(text))
        except Exception:  # a demo bot must not die on one failed reply
            log.warning("bot: could not answer in %s", room_id, exc_info=True)
