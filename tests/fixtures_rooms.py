"""A Synapse with Tchap's access-rules module, for the salons' tests (issue 11).

`synapse-room-access-rules` (from PyPI) enforces Tchap's rules on the server: the access
rule only goes restricted → unrestricted, only restricted rooms are published, a direct
room keeps two members and no name/topic/avatar, externals are not invited into
restricted rooms and get no raised power. It needs room version 10 (every createRoom
fails 400 on Synapse's default v12) and a publication rule letting forums be listed.
The user directory searches all users, as Tchap's does. `IDENTITY_PORT` is where the
module looks for the identity server (`https://127.0.0.1:<port>/_matrix/identity/api/v1/info`
for email invites): a test that needs one serves it there. `EXTERNALS_SERVER` is an
externals' server the module knows (`domains_forbidden_when_restricted`): it refuses a raised
power level for any of its users, who need not exist, so one server is enough for that rule;
a test configures the client with the same name (`external_servers`).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from itertools import count

import pytest

from devtools.homeserver import Homeserver, free_port
from devtools.peers import TestUser

EXTERNALS_SERVER = "partenaires.localhost"
_counter = count(1)


@pytest.fixture(scope="session")
def identity_port() -> int:
    """The port the access-rules module calls for the identity server (HTTPS)."""
    return free_port()


@pytest.fixture(scope="session")
def rules_synapse(
    tmp_path_factory: pytest.TempPathFactory, identity_port: int
) -> Iterator[Homeserver]:
    """A Synapse ("rules.localhost") loading Tchap's RoomAccessRules module."""
    hs = Homeserver(
        tmp_path_factory.mktemp("rules"),
        server_name="rules.localhost",
        extra_config={
            "default_room_version": "10",
            "room_list_publication_rules": [{"action": "allow"}],
            "user_directory": {"enabled": True, "search_all_users": True},
            "modules": [{
                "module": "room_access_rules.RoomAccessRules",
                "config": {"id_server": f"127.0.0.1:{identity_port}",
                           "domains_forbidden_when_restricted": [EXTERNALS_SERVER]},
            }],
        },
    )  # fmt: skip
    hs.start()
    try:
        yield hs
    finally:
        hs.stop()


@pytest.fixture
def rules_user(rules_synapse: Homeserver) -> Callable[..., TestUser]:
    """Factory: a fresh user on `rules_synapse`."""

    def make(prefix: str = "agent", *, displayname: str | None = None) -> TestUser:
        localpart = f"{prefix.lower()}-{next(_counter)}-{secrets.token_hex(3)}"
        password = "pw-" + secrets.token_urlsafe(12)
        user_id = rules_synapse.register_user(localpart, password, displayname=displayname)
        return TestUser(user_id, localpart, password, displayname)

    return make
