"""What the sign-in form's identifier field accepts."""

import pytest

from app.core.identifiers import is_user_id, login_identifier
from app.net.http import normalise_homeserver


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("@alice:localhost", {"type": "m.id.user", "user": "@alice:localhost"}),
        ("@jean.martin-interieur.gouv.fr:agent.interieur.tchap.gouv.fr",
         {"type": "m.id.user", "user": "@jean.martin-interieur.gouv.fr:agent.interieur.tchap.gouv.fr"}),
        (" Jean.Martin@Interieur.gouv.fr ",
         {"type": "m.id.thirdparty", "medium": "email", "address": "jean.martin@interieur.gouv.fr"}),
        ("alice", {"type": "m.id.user", "user": "alice"}),
        ("@broken", None),
        ("two words", None),
        ("", None),
    ],
)  # fmt: skip
def test_login_identifier(typed, expected):
    assert login_identifier(typed) == expected


def test_user_id_with_port():
    assert is_user_id("@bob:127.0.0.1:8448")
    assert not is_user_id("bob@example.org")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("matrix.agent.tchap.gouv.fr", "https://matrix.agent.tchap.gouv.fr"),
        ("http://127.0.0.1:8008/", "http://127.0.0.1:8008"),
        ("ftp://x", None),
        ("", None),
        ("not a url", None),
    ],
)
def test_normalise_homeserver(typed, expected):
    assert normalise_homeserver(typed) == expected
