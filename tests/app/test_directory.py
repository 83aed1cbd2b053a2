"""The directory against a real Synapse: people by name and by email, the "liste rouge",
externals, a search cancelled by a newer one, public salons, their pages, and joining."""

from __future__ import annotations

import asyncio
import json
from contextlib import asynccontextmanager

import pytest
from aiohttp import web

from app.accounts.externals import ExternalRules
from app.core.errors import ActionError, ActionFailed
from app.directory import email_user_id, parse_public_rooms, parse_users
from app.platform.profile import Profile
from app.session import Session
from tests.support import Recorder

HIDE_PROFILE = "im.vector.hide_profile"

# -- pure: what is searched, and hostile answers --------------------------------------------------


def test_an_email_gives_the_tchap_user_id():
    assert email_user_id("Jean.Martin@interieur.gouv.fr", "agent.interieur.tchap.gouv.fr") == (
        "@jean.martin-interieur.gouv.fr:agent.interieur.tchap.gouv.fr"
    )
    for not_email in ("Jean Martin", "jean@", "@jean:x", "a@b", "a b@c.fr", "a@b@c.fr"):
        assert email_user_id(not_email, "x.fr") is None, not_email


def test_hostile_directory_answers_are_skipped_not_fatal(caplog):
    rules = ExternalRules("@me:a.fr", ["guests.fr"])
    answer = {
        "limited": True,
        "results": [
            "not an entry",
            {"user_id": 42},
            {"user_id": "no-server"},
            {"user_id": "@a:a.fr", "display_name": "Jean  Martin [Intérieur]",
             "avatar_url": "https://evil.example/x.png"},
            {"user_id": "@g:guests.fr", "display_name": ["x"], "avatar_url": "mxc://g/1"},
            {"user_id": "@long:a.fr", "display_name": "x" * 100_000},
        ],
    }  # fmt: skip
    users, limited = parse_users(answer, rules)
    assert limited
    assert [u.user_id for u in users] == ["@a:a.fr", "@g:guests.fr", "@long:a.fr"]
    jean, guest, long = users
    assert (jean.name, jean.organisation, jean.avatar_url, jean.external) == (
        "Jean Martin", "Intérieur", "", False,
    )  # fmt: skip
    assert (guest.name, guest.avatar_url, guest.external) == ("@g:guests.fr", "mxc://g/1", True)
    assert len(long.name) <= 500
    assert "skipped" in caplog.text
    assert parse_users(["nonsense"], rules) == ([], False)


def test_hostile_public_rooms_answers_are_skipped_not_fatal():
    page = parse_public_rooms({
        "chunk": [None, {"room_id": "nope"}, {"room_id": "!r:x", "num_joined_members": -4,
                  "name": 5, "topic": "Sujet", "avatar_url": "mxc://x/1"}],
        "next_batch": "",
        "total_room_count_estimate": "many",
    })  # fmt: skip
    assert len(page.rooms) == 1
    room = page.rooms[0]
    assert (room.room_id, room.name, room.topic, room.members, room.avatar_url) == (
        "!r:x", "", "Sujet", 0, "mxc://x/1",
    )  # fmt: skip
    assert page.next_batch is None and page.total is None
    assert parse_public_rooms("nonsense").rooms == ()


# -- people (directory_synapse: searches all users, hides the liste rouge) -----------------------


async def _session(hs, user_id: str, password: str, profile: str = "default") -> Session:
    session = Session(Profile.load(profile))
    await session.login(hs.url if hasattr(hs, "url") else hs, user_id, password)
    session.start()
    await session.wait_synced()
    return session


def _register(hs, localpart: str, display_name: str) -> str:
    return hs.register_user(localpart, "pw-" + localpart, displayname=display_name)


async def test_search_finds_by_name_and_by_email_and_splits_the_organisation(
    directory_synapse, tchap_home, keyring_backend
):
    hs = directory_synapse
    jean = _register(hs, "jean.martin-interieur.gouv.fr", "Jean Martin [Intérieur]")
    _register(hs, "jeanne.morel-culture.gouv.fr", "Jeanne Morel [Culture]")
    me = _register(hs, "searcher.one", "Searcher One [DINUM]")
    session = await _session(hs, me, "pw-searcher.one")
    try:
        by_name = await session.directory.search_users("Jean Martin")
        assert [u.user_id for u in by_name.users] == [jean]
        found = by_name.users[0]
        assert (found.name, found.organisation, found.external) == (
            "Jean Martin", "Intérieur", False,
        )  # fmt: skip
        by_email = await session.directory.search_users("jean.martin@interieur.gouv.fr")
        assert [u.user_id for u in by_email.users] == [jean]  # one row, no duplicate
        nobody = await session.directory.search_users("zzzz-nobody-here")
        assert nobody.users == ()
    finally:
        await session.close()


async def test_a_liste_rouge_user_is_not_found(directory_synapse, tchap_home, keyring_backend):
    hs = directory_synapse
    hidden = _register(hs, "hidden.agent", "Hidden Agent [Justice]")
    shown = _register(hs, "shown.agent", "Shown Agent [Justice]")
    token = hs.login(hidden, "pw-hidden.agent")["access_token"]
    hs.request("PUT", f"/_matrix/client/v3/user/{hidden}/account_data/{HIDE_PROFILE}",
               {"hide_profile": True}, token=token)  # fmt: skip
    me = _register(hs, "searcher.two", "Searcher Two")
    session = await _session(hs, me, "pw-searcher.two")
    try:
        result = await session.directory.search_users("Agent Justice")
        assert [u.user_id for u in result.users] == [shown]
    finally:
        await session.close()


async def test_a_user_of_an_externals_server_is_marked_external(
    directory_synapse, tchap_home, keyring_backend
):
    hs = directory_synapse
    guest = _register(hs, "guest.person", "Guest Person")
    me = _register(hs, "searcher.three", "Searcher Three")
    profile = Profile.load("externals")
    profile.config.set("external_servers", ["directory.localhost"])
    session = await _session(hs, me, "pw-searcher.three", profile="externals")
    try:
        result = await session.directory.search_users("Guest Person")
        assert [(u.user_id, u.external) for u in result.users] == [(guest, True)]
    finally:
        await session.close()


class SlowSearches:
    """A proxy in front of Synapse that holds the directory searches for one term."""

    def __init__(self, upstream: str, slow_term: str) -> None:
        self.upstream, self.slow_term = upstream, slow_term
        self.held = asyncio.Event()  # a slow search arrived
        self.release = asyncio.Event()
        self.url = ""
        self.client = None

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        search = request.path.endswith("/user_directory/search")
        if search and json.loads(body or b"{}").get("search_term") == self.slow_term:
            self.held.set()
            await self.release.wait()
        headers = {k: v for k, v in request.headers.items()
                   if k.lower() in ("authorization", "content-type")}  # fmt: skip
        async with self.client.request(request.method, self.upstream + request.path_qs,
                                       data=body or None, headers=headers) as resp:  # fmt: skip
            return web.Response(status=resp.status, body=await resp.read(),
                                content_type="application/json")  # fmt: skip


@asynccontextmanager
async def slow_searches(upstream: str, term: str):
    import aiohttp

    proxy = SlowSearches(upstream.rstrip("/"), term)
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", proxy.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    proxy.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
    proxy.client = aiohttp.ClientSession()
    try:
        yield proxy
    finally:
        proxy.release.set()
        await proxy.client.close()
        await runner.cleanup()


async def test_a_search_in_flight_is_cancelled_by_a_newer_one(
    directory_synapse, tchap_home, keyring_backend
):
    """The first search is slow; the view cancels it when the query changes: it never answers,
    and the newer one answers meanwhile."""
    hs = directory_synapse
    _register(hs, "old.query", "Old Query")
    newer = _register(hs, "new.query", "New Query")
    me = _register(hs, "searcher.four", "Searcher Four")
    async with slow_searches(hs.url, "Old") as proxy:
        session = await _session(proxy.url, me, "pw-searcher.four")
        try:
            first = asyncio.ensure_future(session.directory.search_users("Old"))
            await asyncio.wait_for(proxy.held.wait(), 10)
            first.cancel()
            second = await session.directory.search_users("New")
            assert [u.user_id for u in second.users] == [newer]
            with pytest.raises(asyncio.CancelledError):
                await first
        finally:
            await session.close()


# -- public salons (rules_synapse: forums publishable) --------------------------------------------


def _forum(hs, token: str, name: str, topic: str = "") -> str:
    body = {"preset": "public_chat", "visibility": "public", "name": name, "topic": topic,
            "initial_state": [{"type": "im.vector.room.access_rules", "state_key": "",
                               "content": {"rule": "restricted"}}]}  # fmt: skip
    return hs.request("POST", "/_matrix/client/v3/createRoom", body, token=token)["room_id"]


async def test_a_public_forum_is_listed_and_another_account_joins_it(
    rules_synapse, rules_user, tchap_home, keyring_backend
):
    hs = rules_synapse
    owner = rules_user("forum.owner")
    token = hs.login(owner.user_id, owner.password)["access_token"]
    room_id = _forum(hs, token, "Forum des achats publics", "Marchés et appels d'offres")
    joiner = rules_user("forum.joiner")
    session = await _session(hs, joiner.user_id, joiner.password)
    recorder = Recorder(session)
    try:
        page = await session.directory.public_rooms("achats publics")
        assert [r.room_id for r in page.rooms] == [room_id]
        assert (page.rooms[0].name, page.rooms[0].topic, page.rooms[0].members) == (
            "Forum des achats publics", "Marchés et appels d'offres", 1,
        )  # fmt: skip
        joining = [asyncio.ensure_future(session.directory.join(room_id)) for _ in range(2)]
        assert await asyncio.gather(*joining) == [room_id, room_id]  # one join, two callers
        # In the room list when join returns: the UI opens it at once.
        assert room_id in [r.room_id for r in await session.room_summaries()]
        assert recorder.room(room_id) is not None
        members = hs.request("GET", f"/_matrix/client/v3/rooms/{room_id}/joined_members",
                             token=token)["joined"]  # fmt: skip
        assert joiner.user_id in members
    finally:
        await session.close()


async def test_public_salons_come_a_page_at_a_time(
    rules_synapse, rules_user, tchap_home, keyring_backend
):
    hs = rules_synapse
    owner = rules_user("pager")
    token = hs.login(owner.user_id, owner.password)["access_token"]
    made = {_forum(hs, token, f"Pagination salon {n}") for n in range(3)}
    session = await _session(hs, owner.user_id, owner.password)
    try:
        first = await session.directory.public_rooms("Pagination salon", limit=2)
        assert len(first.rooms) == 2 and first.next_batch
        second = await session.directory.public_rooms(
            "Pagination salon", since=first.next_batch, limit=2
        )
        assert second.next_batch is None
        assert {r.room_id for r in first.rooms + second.rooms} == made
    finally:
        await session.close()


async def test_joining_what_is_not_there_is_a_clear_failure(
    rules_synapse, rules_user, tchap_home, keyring_backend
):
    hs = rules_synapse
    user = rules_user("joiner.fail")
    session = await _session(hs, user.user_id, user.password)
    try:
        with pytest.raises(ActionFailed) as failed:
            await session.directory.join("#nowhere:" + hs.server_name)
        assert failed.value.kind is ActionError.NOT_FOUND
        with pytest.raises(ActionFailed):
            await session.directory.join("not a room")
    finally:
        await session.close()
