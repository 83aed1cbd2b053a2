"""The agents' directory and the public salons (`session.directory`).

People are found with the server's user directory (`/user_directory/search`): Tchap's
directory finds an agent by name or by email, so an email typed is searched as it stands
and as the Tchap user id made from it (`jean.martin@x.gouv.fr` is
`@jean.martin-x.gouv.fr:<server>`), results merged without duplicates. A "liste rouge" user
is left out by the server. Public salons come from `/publicRooms` a page at a time, with the
server's own search; joining one waits until the sync has brought it into the cache, so the
room list shows it when `join` returns. Answers are read defensively: an entry that is not
what the API promises is skipped with a log line, never a crash. Qt-free; every request goes
through the session's one `ApiClient`, reached once the network side is up.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.accounts.externals import server_of
from app.core.display_names import split_display_name
from app.core.errors import ActionError, ActionFailed
from app.core.events import CoreEvent, RoomsChanged
from app.core.identifiers import localpart_of_email
from app.core.types import Membership

if TYPE_CHECKING:
    from app.accounts.externals import ExternalRules
    from app.services.lifecycle import Services

log = logging.getLogger("tchap.net")

SEARCH_LIMIT = 20
ROOMS_PAGE = 30
JOIN_APPEARS_TIMEOUT_S = 15.0
MAX_TEXT = 500  # a name or topic longer than this is cut: a hostile server cannot flood a row


@dataclass(frozen=True)
class DirectoryUser:
    """One person found in the directory."""

    user_id: str
    display_name: str  # as the server has it ("Jean Martin [Intérieur]")
    name: str  # the person ("Jean Martin"; the user id when there is no display name)
    organisation: str  # "Intérieur", or ""
    avatar_url: str  # mxc://..., or ""
    external: bool


@dataclass(frozen=True)
class UserSearch:
    """What a directory search found; `limited` when the server had more."""

    term: str
    users: tuple[DirectoryUser, ...]
    limited: bool = False


@dataclass(frozen=True)
class PublicRoom:
    """One salon of the public directory."""

    room_id: str
    name: str  # "" when it has none (the UI then shows the alias or the id)
    topic: str
    members: int
    avatar_url: str
    alias: str  # its canonical alias, or ""


@dataclass(frozen=True)
class PublicRoomsPage:
    """A page of public salons; `next_batch` is None on the last page."""

    rooms: tuple[PublicRoom, ...]
    next_batch: str | None
    total: int | None = None  # the server's estimate, if it gives one


def email_user_id(term: str, server_name: str) -> str | None:
    """The Tchap user id of an email address on `server_name` (None if `term` is no email)."""
    text = term.strip().lower()
    local, sep, domain = text.partition("@")
    if not sep or not local or "." not in domain or " " in text or "@" in domain:
        return None
    if not server_name:
        return None
    return f"@{localpart_of_email(text)}:{server_name}"


def _text(value: Any) -> str:
    return " ".join(value.split())[:MAX_TEXT] if isinstance(value, str) else ""


def parse_users(answer: Any, rules: ExternalRules) -> tuple[list[DirectoryUser], bool]:
    """The people of a `/user_directory/search` answer, and whether it was limited."""
    results = answer.get("results") if isinstance(answer, dict) else None
    if not isinstance(results, list):
        log.warning("directory answer without results: ignored")
        return [], False
    users = []
    for entry in results:
        user_id = entry.get("user_id") if isinstance(entry, dict) else None
        if not isinstance(user_id, str) or not server_of(user_id):
            log.warning("directory entry without a user id: skipped")
            continue
        display_name = _text(entry.get("display_name"))
        person = split_display_name(display_name or user_id)
        avatar = entry.get("avatar_url")
        users.append(
            DirectoryUser(
                user_id=user_id,
                display_name=display_name,
                name=person.name,
                organisation=person.organisation,
                avatar_url=avatar
                if isinstance(avatar, str) and avatar.startswith("mxc://")
                else "",
                external=rules.is_external(user_id),
            )
        )
    return users, answer.get("limited") is True


def parse_public_rooms(answer: Any) -> PublicRoomsPage:
    """A page of a `/publicRooms` answer."""
    chunk = answer.get("chunk") if isinstance(answer, dict) else None
    if not isinstance(chunk, list):
        log.warning("public rooms answer without a chunk: ignored")
        return PublicRoomsPage((), None)
    rooms = []
    for entry in chunk:
        room_id = entry.get("room_id") if isinstance(entry, dict) else None
        if not isinstance(room_id, str) or not room_id.startswith("!"):
            log.warning("public room without a room id: skipped")
            continue
        members = entry.get("num_joined_members")
        avatar = entry.get("avatar_url")
        rooms.append(
            PublicRoom(
                room_id=room_id,
                name=_text(entry.get("name")),
                topic=_text(entry.get("topic")),
                members=members if isinstance(members, int) and members >= 0 else 0,
                avatar_url=avatar
                if isinstance(avatar, str) and avatar.startswith("mxc://")
                else "",
                alias=_text(entry.get("canonical_alias")),
            )
        )
    batch = answer.get("next_batch")
    total = answer.get("total_room_count_estimate")
    return PublicRoomsPage(
        tuple(rooms),
        batch if isinstance(batch, str) and batch else None,
        total if isinstance(total, int) else None,
    )


class Directory:
    """The directory of the signed-in account: people, public salons, joining one."""

    def __init__(
        self,
        services: Callable[[], Awaitable[Services]],
        externals: Callable[[], ExternalRules],
        subscribe: Callable[[Callable[[CoreEvent], None]], Callable[[], None]],
    ) -> None:
        self._services = services
        self._externals = externals
        self._subscribe = subscribe
        self._joining: dict[str, asyncio.Future] = {}

    async def _request(self, method: str, api_path: str, body: Any = None) -> Any:
        from app.net.api import ApiError

        api = (await self._services()).ctx.api
        try:
            return await api.request(method, api_path, body)
        except ApiError as exc:
            raise exc.as_action_failed() from exc

    async def search_users(self, term: str, limit: int = SEARCH_LIMIT) -> UserSearch:
        """People whose name, id or email matches `term` (cancel the task to drop it)."""
        term = " ".join(term.split())
        if not term:
            return UserSearch(term, ())
        rules = self._externals()
        terms = [term]
        derived = email_user_id(term, server_of(rules.own_user_id))
        if derived:
            terms.insert(0, derived)  # the exact account first
        answers = await asyncio.gather(
            *(self._request("POST", "/_matrix/client/v3/user_directory/search",
                            {"search_term": t, "limit": limit}) for t in terms)
        )  # fmt: skip
        seen: set[str] = set()
        users: list[DirectoryUser] = []
        limited = False
        for answer in answers:
            found, more = parse_users(answer, rules)
            limited = limited or more
            for user in found:
                if user.user_id not in seen:
                    seen.add(user.user_id)
                    users.append(user)
        return UserSearch(term, tuple(users[:limit]), limited or len(users) > limit)

    async def public_rooms(
        self, search: str = "", since: str | None = None, limit: int = ROOMS_PAGE
    ) -> PublicRoomsPage:
        """A page of the server's public salons matching `search` ("" for all), after `since`."""
        body: dict[str, Any] = {"limit": limit}
        if search.strip():
            body["filter"] = {"generic_search_term": search.strip()}
        if since:
            body["since"] = since
        return parse_public_rooms(
            await self._request("POST", "/_matrix/client/v3/publicRooms", body)
        )

    async def join(self, room_id_or_alias: str) -> str:
        """Join a public salon; returns its room id once the room list has it. A second call
        while the first is in flight waits for the same join."""
        target = room_id_or_alias.strip()
        if not target or target[0] not in "!#":
            raise ActionFailed(ActionError.NOT_FOUND, "not a room id or alias")
        running = self._joining.get(target)
        if running is None:
            running = asyncio.ensure_future(self._join(target))
            self._joining[target] = running
            running.add_done_callback(lambda _f: self._joining.pop(target, None))
        return await asyncio.shield(running)

    async def _join(self, target: str) -> str:
        from app.net.api import path

        joined: dict[str, asyncio.Event] = {}

        def on_event(event: CoreEvent) -> None:
            if isinstance(event, RoomsChanged):
                for room in event.rooms:
                    if room.membership is Membership.JOIN:
                        joined.setdefault(room.room_id, asyncio.Event()).set()

        unsubscribe = self._subscribe(on_event)  # before the request: the sync may be quick
        try:
            answer = await self._request("POST", path("/_matrix/client/v3/join/{}", target), {})
            room_id = answer.get("room_id") if isinstance(answer, dict) else None
            if not isinstance(room_id, str):
                raise ActionFailed(ActionError.SERVER_ERROR, "join without a room id")
            if not await self._in_list(room_id):
                with suppress(asyncio.TimeoutError):
                    seen = joined.setdefault(room_id, asyncio.Event())
                    await asyncio.wait_for(seen.wait(), JOIN_APPEARS_TIMEOUT_S)
            log.info("public salon joined")
            return room_id
        finally:
            unsubscribe()

    async def _in_list(self, room_id: str) -> bool:
        cache = (await self._services()).ctx.cache
        row = await cache.call(
            lambda conn: conn.execute(
                "SELECT 1 FROM rooms WHERE room_id = ? AND membership = 'join'", (room_id,)
            ).fetchone()
        )
        return row is not None
