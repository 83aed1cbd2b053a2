"""External (guest) accounts: who is one, and what Tchap does not let them do.

An external user lives on the externals' homeserver: its server name starts with `e.` or
`agent.externe.`, or the configuration (`external_servers`) lists it. Tchap's servers
refuse an external's room creation and a direct chat between two externals; the client
says so beforehand instead of offering an action bound to fail. Pure rules over user ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum, auto

EXTERNAL_PREFIXES = ("e.", "agent.externe.")


class Refusal(Enum):
    """Why an action is not offered to this account."""

    EXTERNAL_CANNOT_CREATE_ROOM = auto()
    EXTERNALS_CANNOT_CHAT_DIRECTLY = auto()


def server_of(user_id: str) -> str:
    """The server name of a Matrix user id ("" if it has none), lower case."""
    _, sep, server = user_id.partition(":")
    return server.strip().lower() if sep and user_id.startswith("@") else ""


class ExternalRules:
    """Which users are external, for one account and the configured externals' servers."""

    def __init__(self, own_user_id: str, external_servers: Iterable[str] = ()) -> None:
        self.own_user_id = own_user_id
        self._servers = frozenset(s.strip().lower() for s in external_servers if s.strip())

    def is_external(self, user_id: str) -> bool:
        """True for a user of an externals' server (by prefix or by configuration)."""
        server = server_of(user_id)
        if not server:
            return False
        return server in self._servers or server.startswith(EXTERNAL_PREFIXES)

    @property
    def own_is_external(self) -> bool:
        return self.is_external(self.own_user_id)

    def create_room_refusal(self) -> Refusal | None:
        """None if this account may create a salon, else why not."""
        return Refusal.EXTERNAL_CANNOT_CREATE_ROOM if self.own_is_external else None

    def direct_chat_refusal(self, user_id: str) -> Refusal | None:
        """None if this account may start a direct chat with `user_id`, else why not."""
        if self.own_is_external and self.is_external(user_id):
            return Refusal.EXTERNALS_CANNOT_CHAT_DIRECTLY
        return None
