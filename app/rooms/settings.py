"""A salon's general settings (`RoomSettingsService`): name, topic, picture, kind, history,
encryption, listing in the directory.

What the page shows is read from the cached state (`RoomSettings`, with what our power
level allows). Every change is checked against Tchap's rules (app/rooms/kinds.py) and our
power level before anything is asked, then goes through the outbox (on disk first, sent
once, in order, surviving a restart) as an idempotent PUT. The call waits a little for the
outcome: a server that refuses (403) is asked for the room's rule as it stands there, and
when that rule forbids the change the user reads the same sentence as a refusal by the
client (`RoomRuleRefused(by_server=True)`); otherwise it is a plain FORBIDDEN. Offline, the
change stays queued and the call returns (`Outcome.QUEUED`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import ActionError, ActionFailed
from app.net.api import ApiError, path
from app.rooms.kinds import (
    ACCESS_RULES_TYPE,
    RoomKind,
    RoomRuleRefused,
    State,
    access_rule,
    check_change_kind,
    check_encryption,
    check_profile_change,
    check_publish,
    kind_of,
)
from app.rooms.outcome import OutboxAnswers, Outcome
from app.services.context import ServiceContext

log = logging.getLogger("tchap.net")

MEGOLM = {"algorithm": "m.megolm.v1.aes-sha2"}
HISTORY_CHOICES = ("shared", "invited", "joined")  # what the page offers, widest first
def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


@dataclass(frozen=True)
class RoomSettings:
    """A room's general settings as the cache has them, and what we may change."""

    room_id: str
    name: str
    topic: str
    avatar_url: str
    kind: RoomKind
    history: str
    encrypted: bool
    own_level: int
    needed: dict[str, int] = field(default_factory=dict)  # event type -> level to send it

    def may(self, event_type: str) -> bool:
        """Does our power level let us send this state event?"""
        return self.own_level >= self.needed.get(event_type, 50)

    def level_for(self, event_type: str) -> int:
        return self.needed.get(event_type, 50)


SETTING_TYPES = ("m.room.name", "m.room.topic", "m.room.avatar", "m.room.history_visibility",
                 "m.room.encryption", ACCESS_RULES_TYPE, "m.room.canonical_alias")  # fmt: skip


def settings_of(room_id: str, state: State, own_user_id: str, is_direct: bool) -> RoomSettings:
    """The settings page's view of a room (pure; hostile content read as absent)."""

    def text(event_type: str, key: str) -> str:
        content = state.get((event_type, ""))
        value = content.get(key) if isinstance(content, dict) else None
        return value.strip() if isinstance(value, str) else ""

    power = state.get(("m.room.power_levels", ""))
    power = power if isinstance(power, dict) else {}
    users = power.get("users") if isinstance(power.get("users"), dict) else {}
    events = power.get("events") if isinstance(power.get("events"), dict) else {}
    state_default = _int(power.get("state_default"), 50 if power else 0)
    own_level = _int(users.get(own_user_id), _int(power.get("users_default"), 0))
    creator = (state.get(("m.room.create", "")) or {}).get("creator")
    if not power and creator == own_user_id:
        own_level = 100  # no power levels yet: the creator may do everything
    needed = {t: _int(events.get(t), state_default) for t in SETTING_TYPES}
    avatar = text("m.room.avatar", "url")
    return RoomSettings(
        room_id=room_id,
        name=text("m.room.name", "name"),
        topic=text("m.room.topic", "topic"),
        avatar_url=avatar if avatar.startswith("mxc://") else "",
        kind=kind_of(state, is_direct),
        history=text("m.room.history_visibility", "history_visibility") or "shared",
        encrypted=("m.room.encryption", "") in state,
        own_level=own_level,
        needed=needed,
    )


def _read_settings(conn, room_id: str, own: str) -> RoomSettings | None:
    """(database thread) The room's settings from the cached state, None if unknown."""
    from app.store.rows import load_facts, room_state

    facts = load_facts(conn, room_id)
    if facts is None:
        return None
    return settings_of(room_id, room_state(conn, room_id), own, facts.is_direct)


class RoomSettingsService:
    """Reads and changes the general settings of the session's rooms."""

    def __init__(self, ctx: ServiceContext, answers: OutboxAnswers) -> None:
        self._ctx = ctx
        self._answers = answers  # changes go through the outbox; its answer is awaited a little

    async def stop(self) -> None:
        """Nothing runs in the background: the outbox sends the changes and owns that."""

    async def settings(self, room_id: str) -> RoomSettings:
        """The room's settings from the cache (ActionFailed NOT_FOUND if it is not there)."""
        found = await self._ctx.cache.call(_read_settings, room_id, self._ctx.user_id)
        if found is None:
            raise ActionFailed(ActionError.NOT_FOUND, "room not in the cache")
        return found

    async def published(self, room_id: str) -> bool | None:
        """Is the room listed in the directory of public salons? None if the server is away."""
        try:
            answer = await self._ctx.api.request(
                "GET", path("/_matrix/client/v3/directory/list/room/{}", room_id), retries=1
            )
        except ApiError:
            return None
        return answer.get("visibility") == "public"

    # -- the changes -----------------------------------------------------------------------

    async def _allowed(self, room_id: str, event_type: str, refusal) -> RoomSettings:
        current = await self.settings(room_id)
        if refusal is not None:
            log.info("settings change refused before asking: %s", refusal.name)
            raise RoomRuleRefused(refusal)
        if not current.may(event_type):
            raise ActionFailed(ActionError.FORBIDDEN, f"power level for {event_type}")
        return current

    async def set_name(self, room_id: str, name: str) -> Outcome:
        """Rename a salon (never a direct chat)."""
        kind = (await self.settings(room_id)).kind
        await self._allowed(room_id, "m.room.name", check_profile_change(kind))
        return await self._put_state(room_id, "m.room.name", {"name": name.strip()[:255]})

    async def set_topic(self, room_id: str, topic: str) -> Outcome:
        """Change a salon's topic (never a direct chat's)."""
        kind = (await self.settings(room_id)).kind
        await self._allowed(room_id, "m.room.topic", check_profile_change(kind))
        return await self._put_state(room_id, "m.room.topic", {"topic": topic.strip()[:1000]})

    async def set_avatar(self, room_id: str, file: str | Path | None) -> Outcome:
        """A new picture (uploaded first), or none; never a direct chat's."""
        kind = (await self.settings(room_id)).kind
        await self._allowed(room_id, "m.room.avatar", check_profile_change(kind))
        uri = await self._upload(file) if file else ""
        return await self._put_state(room_id, "m.room.avatar", {"url": uri} if uri else {})

    async def set_kind(self, room_id: str, wanted: RoomKind) -> Outcome:
        """Change the kind. Two changes exist, neither undone: private → open to externals,
        and forum → private (out of the directory, invitation only, then encrypted)."""
        current = await self.settings(room_id)
        refusal = check_change_kind(current.kind, wanted)
        if current.kind is RoomKind.FORUM and refusal is None and wanted is not current.kind:
            await self._allowed(room_id, "m.room.join_rules", None)
            await self._allowed(room_id, "m.room.encryption", None)
            return await self._forum_to_private(room_id)
        await self._allowed(room_id, ACCESS_RULES_TYPE, refusal)
        if wanted is current.kind:
            return Outcome.DONE
        return await self._put_state(room_id, ACCESS_RULES_TYPE, {"rule": "unrestricted"},
                                     wanted=wanted)  # fmt: skip

    async def _forum_to_private(self, room_id: str) -> Outcome:
        directory = path("/_matrix/client/v3/directory/list/room/{}", room_id)
        outcomes = [
            await self._queue(room_id, "PUT", directory, {"visibility": "private"}, publish=False),
            await self._put_state(room_id, "m.room.join_rules", {"join_rule": "invite"}),
            await self._put_state(room_id, "m.room.encryption", MEGOLM),
        ]
        return Outcome.QUEUED if Outcome.QUEUED in outcomes else Outcome.DONE

    async def set_history(self, room_id: str, visibility: str) -> Outcome:
        """Who may read the history: shared (members), invited (since invited), joined."""
        if visibility not in HISTORY_CHOICES:
            raise ActionFailed(ActionError.UNKNOWN, "history visibility")
        await self._allowed(room_id, "m.room.history_visibility", None)
        return await self._put_state(room_id, "m.room.history_visibility",
                                     {"history_visibility": visibility})  # fmt: skip

    async def enable_encryption(self, room_id: str) -> Outcome:
        """Turn encryption on (never off, never in a forum)."""
        current = await self.settings(room_id)
        if current.encrypted:
            return Outcome.DONE
        await self._allowed(room_id, "m.room.encryption", check_encryption(current.kind, True))
        return await self._put_state(room_id, "m.room.encryption", MEGOLM)

    async def set_published(self, room_id: str, publish: bool) -> Outcome:
        """List a forum in the directory of public salons, or take it out."""
        current = await self.settings(room_id)
        await self._allowed(room_id, "m.room.canonical_alias", check_publish(current.kind, publish))
        api_path = path("/_matrix/client/v3/directory/list/room/{}", room_id)
        body = {"visibility": "public" if publish else "private"}
        return await self._queue(room_id, "PUT", api_path, body, publish=publish)

    # -- sending through the outbox and reading its outcome --------------------------------

    async def _put_state(self, room_id: str, event_type: str, content: dict, **why) -> Outcome:
        api_path = path("/_matrix/client/v3/rooms/{}/state/{}/", room_id, event_type)
        outcome = await self._queue(room_id, "PUT", api_path, content, event_type=event_type, **why)
        if outcome is Outcome.DONE:  # shown at once; the sync brings the same event
            from app.core.events import RoomsChanged
            from app.store.room_store import record_state

            event = {"type": event_type, "state_key": "", "content": content}
            summary = await self._ctx.cache.call(record_state, room_id, [event], self._ctx.user_id)
            if summary is not None:
                self._ctx.publish(RoomsChanged((summary,)))
        return outcome

    async def _queue(self, room_id: str, method: str, api_path: str, body: dict, **why) -> Outcome:
        outcome = await self._answers.send(method, api_path, body)
        if outcome is Outcome.QUEUED:
            log.info("settings change queued: the server has not answered yet")
        if outcome is not Outcome.REFUSED:
            return outcome
        raise await self._server_refusal(room_id, **why)

    async def _server_refusal(self, room_id: str, event_type: str = "", wanted=None,
                              publish: bool | None = None) -> ActionFailed:  # fmt: skip
        """The server said 403: read its rule for the room, and word the refusal as the
        client would have (else it was our power level, or a rule we do not know)."""
        state: State = {}
        try:
            content = await self._ctx.api.request(
                "GET", path("/_matrix/client/v3/rooms/{}/state/{}/", room_id, ACCESS_RULES_TYPE)
            )
            state[(ACCESS_RULES_TYPE, "")] = content
            for other in ("m.room.encryption", "m.room.join_rules"):
                try:
                    state[(other, "")] = await self._ctx.api.request(
                        "GET", path("/_matrix/client/v3/rooms/{}/state/{}/", room_id, other))
                except ApiError:
                    pass
        except ApiError as exc:
            log.info("refused, and the room's rule could not be read: %s", exc)
        kind = kind_of(state) if state else None
        refusal = None
        if kind is not None:
            if event_type in ("m.room.name", "m.room.topic", "m.room.avatar"):
                refusal = check_profile_change(kind)
            elif wanted is not None:
                refusal = check_change_kind(kind, wanted)
            elif publish is not None:
                refusal = check_publish(kind, publish)
            elif event_type == "m.room.encryption":
                refusal = check_encryption(kind, True)
        log.warning("settings change refused by the server (%s)",
                    refusal.name if refusal else f"rule {access_rule(state) or '?'}")  # fmt: skip
        if refusal is not None:
            return RoomRuleRefused(refusal, by_server=True)
        return ActionFailed(ActionError.FORBIDDEN, "refused by the server")

    async def _upload(self, file: str | Path) -> str:
        from app.rooms.creation import upload_picture

        return await upload_picture(self._ctx.api, file)
