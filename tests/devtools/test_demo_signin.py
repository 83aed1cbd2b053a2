"""The demo signs Alice in by email, through the server lookup (the email domains table)."""

from __future__ import annotations

from app.platform.profile import Profile
from devtools.demo import ALICE, PROFILE, sign_in_client


async def test_the_demo_signs_in_by_email_through_the_lookup(
    ministries, tchap_home, keyring_backend
):
    hs = ministries.finances  # a server of its own: the demo's fixed localparts stay apart
    user_id = hs.register_user(ALICE.localpart, ALICE.password, email=ALICE.email)
    device = await sign_in_client(hs)
    profile = Profile.load(PROFILE)
    account = profile.read_account()
    assert device and account["device_id"] == device
    assert (account["user_id"], account["homeserver"]) == (user_id, hs.url)
    assert profile.config.get("email_domains") == {"numerique.gouv.fr": hs.url}
