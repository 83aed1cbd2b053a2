"""Who is an external (guest) user, and what an external account may not do (pure rules)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.accounts.externals import ExternalRules, Refusal, server_of

AGENT = "@jean.martin-interieur.gouv.fr:agent.interieur.tchap.gouv.fr"
GUEST = "@ana.lopez-gmail.com:agent.externe.tchap.gouv.fr"
E_GUEST = "@bob:e.tchap.gouv.fr"
CONFIGURED = "@carol:127.0.0.1:8449"


@pytest.mark.parametrize(
    ("user_id", "external"),
    [(AGENT, False), (GUEST, True), (E_GUEST, True), (CONFIGURED, True),
     ("@dave:127.0.0.1:8448", False), ("@x:AGENT.EXTERNE.tchap.gouv.fr", True),
     ("@x:notagent.externe.fr", False), ("@x:ee.fr", False), ("not an id", False), ("", False)],
)  # fmt: skip
def test_externals_by_prefix_or_configuration(user_id, external):
    rules = ExternalRules(AGENT, [" 127.0.0.1:8449 ", ""])
    assert rules.is_external(user_id) is external


def test_server_of():
    assert server_of("@a:Example.ORG") == "example.org"
    assert server_of("@a:127.0.0.1:8448") == "127.0.0.1:8448"
    assert server_of("!room:example.org") == ""


def test_an_agent_may_do_everything():
    rules = ExternalRules(AGENT)
    assert rules.create_room_refusal() is None
    assert rules.direct_chat_refusal(GUEST) is None
    assert rules.direct_chat_refusal(AGENT) is None


def test_an_external_creates_no_salon_and_no_chat_with_another_external():
    rules = ExternalRules(GUEST)
    assert rules.own_is_external
    assert rules.create_room_refusal() is Refusal.EXTERNAL_CANNOT_CREATE_ROOM
    assert rules.direct_chat_refusal(E_GUEST) is Refusal.EXTERNALS_CANNOT_CHAT_DIRECTLY
    assert rules.direct_chat_refusal(AGENT) is None


@given(st.text(max_size=30), st.text(max_size=30))
def test_any_input_is_an_answer_not_a_crash(own, other):
    rules = ExternalRules(own, [other])
    assert rules.is_external(other) in (True, False)
    assert rules.direct_chat_refusal(other) in (None, Refusal.EXTERNALS_CANNOT_CHAT_DIRECTLY)
