"""The fake's salons (h11): creating one of Tchap's kinds and the settings' general page,
in memory, with the rules of app/rooms/kinds.py checked as the core checks them."""

from __future__ import annotations

from app.core.types import Membership, RoomSummary
from app.rooms.kinds import (
    CREATABLE,
    RoomKind,
    RoomRuleRefused,
    check_change_kind,
    check_create,
    check_encryption,
    check_profile_change,
    check_publish,
    summary_kind,
)
from app.rooms.outcome import Outcome
from app.rooms.settings import RoomSettings


class FakeSalons:
    """What `create_salon` and the room handles' settings methods do, for a FakeSession."""

    def __init__(self, session) -> None:
        self._session = session  # FakeSession: rooms, calls, _add_room, _change_room, externals
        self.own_level = 100  # lower it to see the page with controls disabled
        self.history: dict[str, str] = {}
        self.published: dict[str, bool] = {}

    async def create(self, name: str, topic: str, kind: RoomKind, avatar) -> str:
        s = self._session
        s.calls.append(("create_salon", name, topic, kind, str(avatar) if avatar else None))
        s._fail_if_asked()
        refusal = check_create(s.externals.own_is_external)
        if refusal is not None:
            raise RoomRuleRefused(refusal)
        assert kind in CREATABLE
        room_id = f"!salon{len(s.rooms)}:tchap.test"
        public = kind is RoomKind.FORUM
        s._add_room(RoomSummary(room_id, name, False, not public, Membership.JOIN, topic=topic,
                                is_public=public, kind=kind.value))  # fmt: skip
        self.published[room_id] = public
        return room_id

    def settings(self, room_id: str) -> RoomSettings:
        room = self._session.rooms[room_id]
        kind = summary_kind(room)
        return RoomSettings(room_id, "" if room.name_is_fallback else room.name, room.topic,
                            room.avatar_url or "", kind,
                            self.history.get(room_id, "shared" if kind is RoomKind.FORUM
                                             else "invited"),
                            room.is_encrypted, self.own_level,
                            {"m.room.name": 50, "m.room.topic": 50, "m.room.avatar": 50,
                             "m.room.history_visibility": 100, "m.room.encryption": 100,
                             "im.vector.room.access_rules": 100,
                             "m.room.canonical_alias": 50})  # fmt: skip

    def _check(self, room_id: str, event_type: str, refusal) -> RoomSettings:
        from app.core.errors import ActionError, ActionFailed

        self._session._fail_if_asked()
        if refusal is not None:
            raise RoomRuleRefused(refusal)
        current = self.settings(room_id)
        if not current.may(event_type):
            raise ActionFailed(ActionError.FORBIDDEN, event_type)
        return current

    async def change(self, room_id: str, what: str, value) -> Outcome:
        s = self._session
        s.calls.append((what, room_id, value))
        kind = summary_kind(s.rooms[room_id])
        if what in ("set_name", "set_topic", "set_avatar"):
            etype = {"set_name": "m.room.name", "set_topic": "m.room.topic",
                     "set_avatar": "m.room.avatar"}[what]  # fmt: skip
            self._check(room_id, etype, check_profile_change(kind))
            field = {"set_name": "name", "set_topic": "topic", "set_avatar": "avatar_url"}[what]
            new = value if what != "set_avatar" else ("mxc://tchap.test/picture" if value else None)
            s._change_room(room_id, **{field: new})
        elif what == "set_kind":
            self._check(room_id, "im.vector.room.access_rules", check_change_kind(kind, value))
            if kind is RoomKind.FORUM:  # out of the directory, invitation only, encrypted
                self.published[room_id] = False
                s._change_room(room_id, kind=value.value, is_public=False, is_encrypted=True)
            else:
                s._change_room(room_id, kind=value.value)
        elif what == "set_history":
            self._check(room_id, "m.room.history_visibility", None)
            self.history[room_id] = value
        elif what == "enable_encryption":
            self._check(room_id, "m.room.encryption", check_encryption(kind, True))
            s._change_room(room_id, is_encrypted=True)
        elif what == "set_published":
            self._check(room_id, "m.room.canonical_alias", check_publish(kind, value))
            self.published[room_id] = value
        return Outcome.DONE
