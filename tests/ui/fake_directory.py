"""The fake session's directory (`DirectoryApi`): people and public salons in memory.

Searches can be held (`gate`) or slowed per term (`delays`) so that a test can make an
old answer arrive after a newer one; joining adds the room to the fake session's list.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from app.core.display_names import split_display_name
from app.core.errors import ActionFailed
from app.core.types import Membership, RoomSummary
from app.directory import DirectoryUser, PublicRoom, PublicRoomsPage, UserSearch

if TYPE_CHECKING:
    from tests.ui.fakes import FakeSession


def person(user_id: str, display_name: str, avatar_url: str = "", external: bool = False):
    """A directory entry, its name cut as the core cuts it."""
    parts = split_display_name(display_name or user_id)
    return DirectoryUser(
        user_id, display_name, parts.name, parts.organisation, avatar_url, external
    )


def forum(n: int, name: str = "", members: int = 3, topic: str = "") -> PublicRoom:
    return PublicRoom(f"!forum{n}:tchap.test", name or f"Forum {n}", topic, members, "", "")


class FakeDirectory:
    """People and public salons; every call is recorded in the session's `calls`."""

    def __init__(self, session: FakeSession) -> None:
        self._session = session
        self.people: list[DirectoryUser] = []
        self.forums: list[PublicRoom] = []
        self.error: ActionFailed | None = None
        self.gate: asyncio.Event | None = None  # when set, searches and joins wait for it
        self.delays: dict[str, float] = {}  # term -> seconds its answer takes
        self.stubborn = False  # a delayed answer comes back even if its task was cancelled

    async def search_users(self, term: str, limit: int = 20) -> UserSearch:
        self._session.calls.append(("search_users", term))
        try:
            await asyncio.sleep(self.delays.get(term, 0))
        except asyncio.CancelledError:
            if not self.stubborn:
                raise
            await asyncio.sleep(self.delays.get(term, 0))  # answers late all the same
        if self.gate is not None:
            await self.gate.wait()
        if self.error is not None:
            raise self.error
        words = term.lower().split()
        found = [
            p for p in self.people
            if all(w in f"{p.user_id} {p.display_name}".lower() for w in words)
        ]  # fmt: skip
        return UserSearch(term, tuple(found[:limit]), len(found) > limit)

    async def public_rooms(
        self, search: str = "", since: str | None = None, limit: int = 30
    ) -> PublicRoomsPage:
        self._session.calls.append(("public_rooms", search, since))
        if self.gate is not None:
            await self.gate.wait()
        if self.error is not None:
            raise self.error
        found = [r for r in self.forums if search.lower() in f"{r.name} {r.topic}".lower()]
        start = int(since or 0)
        page = found[start : start + limit]
        more = start + limit < len(found)
        return PublicRoomsPage(tuple(page), str(start + limit) if more else None, len(found))

    async def join(self, room_id_or_alias: str) -> str:
        self._session.calls.append(("join", room_id_or_alias))
        if self.gate is not None:
            await self.gate.wait()
        if self.error is not None:
            raise self.error
        room = next(r for r in self.forums if r.room_id == room_id_or_alias)
        self._session._add_room(
            RoomSummary(
                room.room_id,
                room.name,
                False,
                False,
                Membership.JOIN,
                topic=room.topic,
                is_public=True,
            )
        )
        return room.room_id
