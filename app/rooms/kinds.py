"""Tchap's kinds of room and the rules between them: one pure module the UI and the checks share.

A room's kind is computed from its state as Tchap's official clients do (TCHAP.md): a
direct chat is what m.direct (or the access rule "direct") says; a room that is not
encrypted is a forum when anyone may join it; an encrypted room is private, or open to
externals when its access rule is "unrestricted". The rules are those the server's
access-rules module enforces, plus the forum's (never encrypted, always public) the
client must keep itself. Each check returns a `Refusal` (the UI words it) or None: the
client refuses before asking, and a server's 403 on the same action is reported with the
same refusal (`RoomRuleRefused`), so the user reads one sentence either way.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from enum import Enum, auto
from typing import TYPE_CHECKING

from app.core.errors import ActionError, ActionFailed

if TYPE_CHECKING:
    from app.core.types import RoomSummary

State = dict[tuple[str, str], dict]  # (type, state_key) -> content, as app.core.rooms
ACCESS_RULES_TYPE = "im.vector.room.access_rules"
RESTRICTED, UNRESTRICTED, DIRECT_RULE = "restricted", "unrestricted", "direct"
DIRECT_MAX_MEMBERS = 2


class RoomKind(Enum):
    PRIVATE = "private"  # encrypted, invite only, agents only (the default)
    EXTERNALS = "externals"  # private and open to externals (access rule "unrestricted")
    FORUM = "forum"  # public, listed in the directory, never encrypted
    DIRECT = "direct"  # a one-to-one chat
    UNENCRYPTED = "unencrypted"  # not encrypted and not public: made by another client


class Refusal(Enum):
    """Why the client (or the server, for the same reason) will not do an action."""

    PRIVATE_NEVER_FORUM = auto()  # a private salon never becomes public
    EXTERNALS_ONE_WAY = auto()  # once open to externals, a salon stays so
    KIND_FIXED = auto()  # no other change of kind exists
    DIRECT_TWO_MEMBERS = auto()  # a direct chat keeps its two members
    DIRECT_NO_PROFILE = auto()  # a direct chat has no name, topic or avatar
    EXTERNAL_NOT_INVITABLE = auto()  # externals only join salons open to them
    EXTERNAL_NO_POWER = auto()  # an external is never raised above member
    PUBLISH_FORUMS_ONLY = auto()  # only a forum is listed in the directory
    ENCRYPTION_PERMANENT = auto()  # encryption, once on, stays on
    FORUM_NEVER_ENCRYPTED = auto()  # a forum stays readable by every agent
    EXTERNAL_CANNOT_CREATE = auto()  # an external creates no salon
    EXTERNALS_NO_DIRECT_CHAT = auto()  # two externals cannot chat directly


class RoomRuleRefused(ActionFailed):
    """An action a Tchap rule forbids, refused by the client or by the server (403)."""

    def __init__(self, refusal: Refusal, by_server: bool = False, detail: str = "") -> None:
        super().__init__(ActionError.FORBIDDEN, detail or refusal.name)
        self.refusal = refusal
        self.by_server = by_server


def _content(state: State, event_type: str) -> dict:
    content = state.get((event_type, ""))
    return content if isinstance(content, dict) else {}


def access_rule(state: State) -> str:
    """The room's Tchap access rule ("" when it has none, or an unknown one)."""
    rule = _content(state, ACCESS_RULES_TYPE).get("rule")
    return rule if rule in (RESTRICTED, UNRESTRICTED, DIRECT_RULE) else ""


def kind_of(state: State, is_direct: bool = False) -> RoomKind:
    """The kind of a room from its state (and m.direct), as the official clients compute it."""
    rule = access_rule(state)
    if is_direct or rule == DIRECT_RULE:
        return RoomKind.DIRECT
    if ("m.room.encryption", "") not in state:
        public = _content(state, "m.room.join_rules").get("join_rule") == "public"
        return RoomKind.FORUM if public else RoomKind.UNENCRYPTED
    return RoomKind.EXTERNALS if rule == UNRESTRICTED else RoomKind.PRIVATE


def summary_kind(summary: RoomSummary) -> RoomKind:
    """A room list row's kind; a row cached before kinds were kept is judged by its flags
    (an encrypted salon is then taken as private: its access rule was not kept)."""
    with suppress(ValueError):
        return RoomKind(summary.kind)
    if summary.is_direct:
        return RoomKind.DIRECT
    if not summary.is_encrypted:
        return RoomKind.FORUM if summary.is_public else RoomKind.UNENCRYPTED
    return RoomKind.PRIVATE


@dataclass(frozen=True)
class KindTraits:
    """What a kind is made of, for the creation and the settings."""

    encrypted: bool
    public: bool  # join rule public and listed in the directory
    rule: str  # the access rule it is created with
    externals_allowed: bool


TRAITS = {
    RoomKind.PRIVATE: KindTraits(encrypted=True, public=False, rule=RESTRICTED,
                                 externals_allowed=False),
    RoomKind.EXTERNALS: KindTraits(encrypted=True, public=False, rule=UNRESTRICTED,
                                   externals_allowed=True),
    RoomKind.FORUM: KindTraits(encrypted=False, public=True, rule=RESTRICTED,
                               externals_allowed=False),
    RoomKind.DIRECT: KindTraits(encrypted=True, public=False, rule=DIRECT_RULE,
                                externals_allowed=True),
    RoomKind.UNENCRYPTED: KindTraits(encrypted=False, public=False, rule=RESTRICTED,
                                     externals_allowed=False),
}  # fmt: skip
CREATABLE = (RoomKind.PRIVATE, RoomKind.EXTERNALS, RoomKind.FORUM)  # "New salon", in its order


# -- the checks: None when allowed, else why not ------------------------------------------------


def check_change_kind(current: RoomKind, wanted: RoomKind) -> Refusal | None:
    """Two changes exist, neither undone: a forum becomes private (the users' guide: "un salon
    public peut être paramétré par la suite pour devenir privé, mais l'inverse n'est pas
    possible"), and a private salon opens to externals."""
    if current is wanted:
        return None
    if (current, wanted) in ((RoomKind.PRIVATE, RoomKind.EXTERNALS), (RoomKind.FORUM, RoomKind.PRIVATE)):
        return None
    if current in (RoomKind.PRIVATE, RoomKind.EXTERNALS) and wanted is RoomKind.FORUM:
        return Refusal.PRIVATE_NEVER_FORUM
    if current is RoomKind.EXTERNALS and wanted is RoomKind.PRIVATE:
        return Refusal.EXTERNALS_ONE_WAY
    return Refusal.KIND_FIXED


def check_profile_change(kind: RoomKind) -> Refusal | None:
    """Name, topic and avatar: any salon, never a direct chat."""
    return Refusal.DIRECT_NO_PROFILE if kind is RoomKind.DIRECT else None


def check_encryption(kind: RoomKind, enable: bool) -> Refusal | None:
    """Encryption goes on (never off), and never in a forum."""
    if not enable:
        return Refusal.ENCRYPTION_PERMANENT
    return Refusal.FORUM_NEVER_ENCRYPTED if kind is RoomKind.FORUM else None


def check_publish(kind: RoomKind, publish: bool) -> Refusal | None:
    """Listing in the public directory: forums only (taking one out is always allowed)."""
    if publish and kind is not RoomKind.FORUM:
        return Refusal.PUBLISH_FORUMS_ONLY
    return None


def check_invite(kind: RoomKind, invitee_is_external: bool, members_and_invited: int) -> Refusal | None:
    """May this person be invited? `members_and_invited`: who is joined or invited now."""
    if kind is RoomKind.DIRECT and members_and_invited >= DIRECT_MAX_MEMBERS:
        return Refusal.DIRECT_TWO_MEMBERS
    if invitee_is_external and not TRAITS[kind].externals_allowed:
        return Refusal.EXTERNAL_NOT_INVITABLE
    return None


def check_power(target_is_external: bool, new_level: int, default_level: int = 0) -> Refusal | None:
    """An external keeps the members' level (or lower)."""
    if target_is_external and new_level > default_level:
        return Refusal.EXTERNAL_NO_POWER
    return None


def check_create(own_is_external: bool) -> Refusal | None:
    """Externals create no salon."""
    return Refusal.EXTERNAL_CANNOT_CREATE if own_is_external else None


def check_direct_chat(own_is_external: bool, other_is_external: bool) -> Refusal | None:
    """Two externals cannot chat directly."""
    if own_is_external and other_is_external:
        return Refusal.EXTERNALS_NO_DIRECT_CHAT
    return None
