"""The demo's directory data on a real Synapse (Tchap's access rules, publishable forums):
seeded once, its forums listed as public salons, its agents found by email."""

from __future__ import annotations

from devtools.demo_directory import FORUMS, PEOPLE, seed_directory
from tests.app.test_directory import _session


async def test_the_demo_directory_is_seeded_once_and_found(
    rules_synapse, rules_user, tchap_home, keyring_backend, tmp_path
):
    hs = rules_synapse
    marker = tmp_path / "seeded-directory"
    seed_directory(hs, marker)
    seed_directory(hs, marker)  # a second run changes nothing
    viewer = rules_user("demo.viewer")
    session = await _session(hs, viewer.user_id, viewer.password)
    try:
        page = await session.directory.public_rooms("", limit=100)
        names = [r.name for r in page.rooms]
        assert all(names.count(name) == 1 for name, _topic in FORUMS)
        email, display_name = PEOPLE[0]
        found = await session.directory.search_users(email)
        assert [u.display_name for u in found.users] == [display_name]
    finally:
        await session.close()
