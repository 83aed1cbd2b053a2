"""Finding an agent's server from their email: two ministries' Synapses behind fronts that
answer Tchap's /info, fronts that misbehave, and signing in for real through what was found."""

from __future__ import annotations

import asyncio
import time

import aiohttp
import pytest

from app.accounts.discovery import DiscoveryRules, ServerFinder, Source
from app.core.errors import LoginError, LoginFailed
from app.platform.profile import Profile
from app.session import Session
from tests.fixtures_signin import front_config
from tests.support import fake_http_server

FAST = {"per_server_s": 2.0, "stagger_s": 0.3, "total_s": 6.0}


def in_order(order: list[str]):
    """A 'shuffle' that puts the servers in a chosen order (the worst first)."""

    def shuffle(servers: list[str]) -> None:
        servers.sort(key=lambda s: order.index(s) if s in order else len(order))

    return shuffle


async def find(identifier: str, servers: list[str], **rules):
    async with aiohttp.ClientSession() as http:
        settings = {**FAST, **rules}
        return await ServerFinder(http, DiscoveryRules(servers=servers, **settings)).find(
            identifier
        )


async def failure(identifier: str, servers: list[str], **rules) -> LoginFailed:
    with pytest.raises(LoginFailed) as failed:
        await find(identifier, servers, **rules)
    return failed.value


def no_well_known(ministries):
    return {"well_known_base": lambda domain: ministries.down}


# -- the order: table, /info, .well-known ------------------------------------------------------


async def test_each_ministry_answers_for_its_agents_and_they_sign_in(ministries, tchap_home,
                                                                     keyring_backend):  # fmt: skip
    m = ministries
    jean = m.agent(m.interieur, "jean.martin@interieur.gouv.fr")
    paul = m.agent(m.finances, "paul.leroy@finances.gouv.fr")
    for agent, email, front in ((jean, "jean.martin@interieur.gouv.fr", m.interieur_front),
                                (paul, "paul.leroy@finances.gouv.fr", m.finances_front)):  # fmt: skip
        profile = Profile.load()
        front_config(profile, m.servers())
        session = Session(profile)
        choice = await session.access.find_server(email)
        assert (choice.homeserver, choice.source, choice.moved) == (front, Source.LOOKUP, False)
        await session.login(choice.homeserver, email, agent.password)
        assert session.user_id == agent.user_id and session.homeserver == front
        await session.logout()


async def test_the_domain_table_comes_first_and_asks_nobody(ministries):
    m = ministries
    hanging = m.fronts.add_front(mode="hang")
    async with aiohttp.ClientSession() as http:
        rules = DiscoveryRules(email_domains={"interieur.gouv.fr": m.finances_front},
                               servers=[hanging], **FAST)  # fmt: skip
        started = time.monotonic()
        choice = await ServerFinder(http, rules).find("a.b@dgpn.interieur.gouv.fr")  # subdomain
    assert (choice.homeserver, choice.source) == (m.finances_front, Source.DOMAIN_TABLE)
    assert time.monotonic() - started < 0.5
    assert not [a for a in m.fronts.asked if a[0] == hanging]


async def test_the_table_comes_from_the_configuration(ministries, tchap_home):
    profile = Profile.load()
    front_config(profile, [], {"justice.fr": "matrix.agent.justice.tchap.gouv.fr", "bad": 3})
    choice = await Session(profile).access.find_server("x.y@justice.fr")
    assert choice.homeserver == "https://matrix.agent.justice.tchap.gouv.fr"
    assert choice.name == "matrix.agent.justice.tchap.gouv.fr"


async def test_an_account_that_moved_goes_to_new_hs(ministries):
    m = ministries
    m.fronts.moved["anne.roux@interieur.gouv.fr"] = m.fronts.hs_of(m.finances_front)
    choice = await find("Anne.Roux@interieur.gouv.fr", m.servers())
    assert (choice.homeserver, choice.moved) == (m.finances_front, True)


async def test_an_unknown_address_is_said_so(ministries):
    m = ministries
    failed = await failure("someone@example.org", m.servers(), **no_well_known(m))
    assert failed.kind is LoginError.NO_SERVER_FOUND


async def test_a_hs_not_in_the_list_is_reached_as_matrix_dot_hs(ministries):
    m = ministries
    m.fronts.domains["culture.gouv.fr"] = "agent.culture.tchap.gouv.fr"
    choice = await find("c@culture.gouv.fr", m.servers())
    assert choice.homeserver == "https://matrix.agent.culture.tchap.gouv.fr"


async def test_the_email_domain_well_known_is_last(ministries):
    m = ministries
    routes = {
        "GET /.well-known/matrix/client": (200, {"m.homeserver": {"base_url": m.finances.url}})
    }
    async with fake_http_server(routes) as site:
        choice = await find("z@autre-domaine.fr", m.servers(), well_known_base=lambda d: site)
    assert (choice.homeserver, choice.source) == (m.finances.url, Source.WELL_KNOWN)


async def test_a_matrix_id_follows_its_servers_well_known(ministries):
    m = ministries
    routes = {
        "GET /.well-known/matrix/client": (200, {"m.homeserver": {"base_url": m.interieur.url}})
    }
    async with fake_http_server(routes) as site:
        choice = await find("@jean:interieur.localhost", [], well_known_base=lambda d: site)
        assert (choice.homeserver, choice.source) == (m.interieur.url, Source.WELL_KNOWN)
    choice = await find("@jean:127.0.0.1:9", [], well_known_base=lambda d: m.down)
    assert (choice.homeserver, choice.source) == (m.down, Source.USER_ID)


async def test_something_else_is_not_an_identifier():
    assert (await failure("not an address", [])).kind is LoginError.INVALID_IDENTIFIER


# -- servers that misbehave -------------------------------------------------------------------


async def test_bad_servers_do_not_stop_the_lookup(ministries):
    m = ministries
    bad = [m.fronts.add_front(mode=mode) for mode in ("hang", "html", "500", "429", "cut")]
    bad.append(m.down)
    started = time.monotonic()
    choice = await find("jean@interieur.gouv.fr", [*bad, m.interieur_front],
                        shuffle=in_order(bad))  # fmt: skip
    assert choice.homeserver == m.interieur_front
    assert time.monotonic() - started < 2.0  # the hanging one is raced, not waited for


@pytest.mark.parametrize(
    ("mode", "kind"),
    [("html", LoginError.SERVER_DOWN), ("500", LoginError.SERVER_DOWN),
     ("cut", LoginError.SERVER_DOWN), ("429", LoginError.RATE_LIMITED)],
)  # fmt: skip
async def test_when_every_server_fails_the_reason_is_kept(ministries, mode, kind):
    m = ministries
    front = m.fronts.add_front(mode=mode)
    failed = await failure("jean@interieur.gouv.fr", [front], **no_well_known(m))
    assert failed.kind is kind
    if kind is LoginError.RATE_LIMITED:
        assert failed.retry_after_s == 7.0


async def test_a_server_that_refuses_connections_is_down(ministries):
    m = ministries
    assert (await failure("j@interieur.gouv.fr", [m.down], **no_well_known(m))).kind is (
        LoginError.SERVER_DOWN
    )


async def test_an_untrusted_certificate_is_a_tls_error(ministries):
    m = ministries
    front = m.fronts.add_front(m.interieur.url, tls=True)
    assert (await failure("j@interieur.gouv.fr", [front], **no_well_known(m))).kind is (
        LoginError.TLS_ERROR
    )


async def test_a_server_that_never_answers_is_given_up_in_time(ministries):
    m = ministries
    hanging = m.fronts.add_front(mode="hang")
    started = time.monotonic()
    failed = await failure("j@interieur.gouv.fr", [hanging], total_s=1.0, **no_well_known(m))
    assert failed.kind is LoginError.UNREACHABLE
    assert time.monotonic() - started < 2.0


async def test_a_lookup_can_be_cancelled_at_once(ministries):
    m = ministries
    hanging = [m.fronts.add_front(mode="hang") for _ in range(2)]
    task = asyncio.ensure_future(find("j@interieur.gouv.fr", hanging, stagger_s=0.05))
    await asyncio.sleep(0.3)
    started = time.monotonic()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert time.monotonic() - started < 0.5
    requests = [t for t in asyncio.all_tasks() if "_info_of" in repr(t.get_coro())]
    assert requests == []  # no request left behind


# -- signing in: the specific failures --------------------------------------------------------


async def test_signing_in_to_an_untrusted_certificate_says_tls(ministries, tchap_home,
                                                              keyring_backend):  # fmt: skip
    m = ministries
    front = m.fronts.add_front(m.interieur.url, tls=True)
    with pytest.raises(LoginFailed) as failed:
        await Session(Profile.load()).login(front, "@a:interieur.localhost", "x")
    assert failed.value.kind is LoginError.TLS_ERROR


async def test_a_gateway_error_at_sign_in_says_the_server_is_down(tchap_home, keyring_backend):
    routes = {"GET /_matrix/client/versions": (200, {"versions": ["v1.11"]}),
              "POST /_matrix/client/v3/login": (503, "<html>Service Unavailable</html>")}  # fmt: skip
    async with fake_http_server(routes) as url:
        with pytest.raises(LoginFailed) as failed:
            await Session(Profile.load()).login(url, "@a:b.c", "x")
    assert failed.value.kind is LoginError.SERVER_DOWN


async def test_wrong_password_through_the_front(ministries, tchap_home, keyring_backend):
    m = ministries
    agent = m.agent(m.finances, "wrong.pw@finances.gouv.fr")
    with pytest.raises(LoginFailed) as failed:
        await Session(Profile.load()).login(m.finances_front, "wrong.pw@finances.gouv.fr", "no")
    assert failed.value.kind is LoginError.BAD_CREDENTIALS
    assert agent.user_id.endswith(":finances.localhost")
