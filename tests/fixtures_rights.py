"""A Synapse with Tchap's access-rules module that knows an externals' server, for the
rights tests (issue 11, h12).

The module refuses a raised power level, in a salon open to externals, for any user of a
server listed in `domains_forbidden_when_restricted`; the user need not exist nor be in
the room (it reads the levels' user ids), so one server is enough: `EXTERNALS_SERVER` is
the externals' server name the client is configured with too (`external_servers`).
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
def rights_synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Homeserver]:
    """A Synapse ("rights.localhost") with the access-rules module knowing externals."""
    hs = Homeserver(
        tmp_path_factory.mktemp("rights"),
        server_name="rights.localhost",
        extra_config={
            "default_room_version": "10",
            "room_list_publication_rules": [{"action": "allow"}],
            "modules": [{
                "module": "room_access_rules.RoomAccessRules",
                "config": {"id_server": f"127.0.0.1:{free_port()}",
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
def rights_user(rights_synapse: Homeserver) -> Callable[..., TestUser]:
    """Factory: a fresh user on `rights_synapse`."""

    def make(prefix: str = "agent", *, displayname: str | None = None) -> TestUser:
        localpart = f"{prefix.lower()}-{next(_counter)}-{secrets.token_hex(3)}"
        password = "pw-" + secrets.token_urlsafe(12)
        user_id = rights_synapse.register_user(localpart, password, displayname=displayname)
        return TestUser(user_id, localpart, password, displayname)

    return make
