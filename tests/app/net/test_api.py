"""The one API client: every answer mapped to one error kind, 429 waits, back-off, ended
sessions reported. Against the real Synapse where it can answer so, a fault server beside."""

from __future__ import annotations

import aiohttp
import pytest

from app.core.errors import ActionError
from app.net import api as api_module
from app.net.api import ApiClient, ApiError, ApiErrorKind, backoff_delay, classify, path
from devtools.homeserver import free_port
from tests.support import fake_http_server


@pytest.mark.parametrize(
    ("status", "body", "kind"),
    [
        (429, {"errcode": "M_LIMIT_EXCEEDED", "retry_after_ms": 1500}, ApiErrorKind.RATE_LIMITED),
        (500, {"errcode": "M_UNKNOWN"}, ApiErrorKind.SERVER_ERROR),
        (502, None, ApiErrorKind.SERVER_ERROR),  # an HTML page from a proxy
        (403, {"errcode": "M_FORBIDDEN"}, ApiErrorKind.FORBIDDEN),
        (404, {"errcode": "M_NOT_FOUND"}, ApiErrorKind.NOT_FOUND),
        (413, {"errcode": "M_TOO_LARGE"}, ApiErrorKind.TOO_LARGE),
        (401, {"errcode": "M_UNKNOWN_TOKEN"}, ApiErrorKind.TOKEN_INVALID),
        (401, {"errcode": "M_UNKNOWN_TOKEN", "soft_logout": True}, ApiErrorKind.SOFT_LOGOUT),
        (403, {"errcode": "ORG_MATRIX_EXPIRED_ACCOUNT"}, ApiErrorKind.ACCOUNT_EXPIRED),
        (400, {"errcode": "M_BAD_JSON"}, ApiErrorKind.REFUSED),
        (200, None, ApiErrorKind.BAD_RESPONSE),  # a 2xx that is not the promised JSON
        (None, None, ApiErrorKind.NETWORK),
    ],
)
def test_every_answer_has_one_kind(status, body, kind):
    error = classify(status, body, 1.5 if status == 429 else None)
    assert error.kind is kind
    if kind is ApiErrorKind.RATE_LIMITED:
        assert error.retry_after_s == 1.5 and error.transient


def test_kinds_map_onto_what_the_ui_words():
    assert ApiError(ApiErrorKind.NETWORK).as_action_failed().kind is ActionError.NETWORK
    assert ApiError(ApiErrorKind.FORBIDDEN).as_action_failed().kind is ActionError.FORBIDDEN
    assert ApiError(ApiErrorKind.REFUSED).as_action_failed().kind is ActionError.UNKNOWN


def test_backoff_doubles_with_jitter_and_is_capped():
    for attempt, base in ((1, 1), (2, 2), (3, 4), (10, 60)):
        for _ in range(20):
            assert base * 0.8 <= backoff_delay(attempt) <= base * 1.2


def test_ids_in_paths_are_encoded():
    assert path("/rooms/{}/leave", "!a:b.c") == "/rooms/%21a%3Ab.c/leave"


async def test_a_real_synapse_answers_are_mapped(synapse, make_user):
    alice = make_user("api-alice")
    ended: list[ApiError] = []
    async with aiohttp.ClientSession() as http:
        anonymous = ApiClient(http, synapse.url, "")
        login = await anonymous.request("POST", "/_matrix/client/v3/login", {
            "type": "m.login.password", "password": alice.password,
            "identifier": {"type": "m.id.user", "user": alice.user_id}}, authenticated=False)  # fmt: skip
        client = ApiClient(http, synapse.url, login["access_token"], ended.append)
        whoami = await client.request("GET", "/_matrix/client/v3/account/whoami")
        assert whoami["user_id"] == alice.user_id
        with pytest.raises(ApiError) as missing:
            await client.request("GET", path("/_matrix/client/v3/rooms/{}/state", "!nope:localhost"))
        assert missing.value.kind in (ApiErrorKind.FORBIDDEN, ApiErrorKind.NOT_FOUND)
        assert ended == []
        bad = ApiClient(http, synapse.url, "not-a-token", ended.append)
        with pytest.raises(ApiError) as gone:
            await bad.request("GET", "/_matrix/client/v3/account/whoami")
        assert gone.value.kind is ApiErrorKind.TOKEN_INVALID
        assert [e.kind for e in ended] == [ApiErrorKind.TOKEN_INVALID]  # the session is told


async def test_429_is_waited_out_then_the_answer_comes(monkeypatch):
    waits: list[float] = []
    real_sleep = api_module.asyncio.sleep

    async def sleep(seconds):
        waits.append(seconds)
        await real_sleep(0)

    monkeypatch.setattr(api_module.asyncio, "sleep", sleep)
    answers = [(429, {"errcode": "M_LIMIT_EXCEEDED", "retry_after_ms": 2500}),
               (500, "<html>Bad gateway</html>"), (200, {"ok": True})]  # fmt: skip
    routes = {"GET /_matrix/client/v3/x": answers}
    async with fake_http_server(routes) as url, aiohttp.ClientSession() as http:
        client = ApiClient(http, url, "tok")
        assert await client.request("GET", "/_matrix/client/v3/x", retries=2) == {"ok": True}
        with pytest.raises(ApiError):  # no retries asked: the first failure is raised
            await ApiClient(http, url, "tok").request("GET", "/_matrix/client/v3/missing")
    assert waits[0] == 2.5  # the server's own wait
    assert 0.8 <= waits[1] <= 1.2 * 2  # then back-off


async def test_html_and_a_dead_port_are_known_errors():
    routes = {"GET /_matrix/client/v3/x": (200, "<html>captive</html>")}
    async with fake_http_server(routes) as url, aiohttp.ClientSession() as http:
        with pytest.raises(ApiError) as html:
            await ApiClient(http, url, "tok").request("GET", "/_matrix/client/v3/x")
        assert html.value.kind is ApiErrorKind.BAD_RESPONSE
        dead = ApiClient(http, f"http://127.0.0.1:{free_port()}", "tok")
        with pytest.raises(ApiError) as down:
            await dead.request("GET", "/_matrix/client/v3/x")
        assert down.value.kind is ApiErrorKind.NETWORK
