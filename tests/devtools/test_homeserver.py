"""The test bed's Synapse: registration, login by user ID and by email, config, restarts."""

from __future__ import annotations

import yaml

from devtools.homeserver import Homeserver, HomeserverError


def test_register_and_login(synapse, make_user):
    user = make_user("reg", displayname="Camille Martin [Intérieur]")
    assert user.user_id == f"@{user.localpart}:localhost"
    answer = synapse.login(user.user_id, user.password)
    assert answer["user_id"] == user.user_id and answer["access_token"] and answer["device_id"]
    profile = synapse.request("GET", f"/_matrix/client/v3/profile/{user.user_id}/displayname")
    assert profile["displayname"] == "Camille Martin [Intérieur]"


def test_login_by_email(synapse, make_user):
    user = make_user("mail", email="jean.martin@interieur.gouv.fr")
    answer = synapse.request(
        "POST",
        "/_matrix/client/v3/login",
        {
            "type": "m.login.password",
            "identifier": {
                "type": "m.id.thirdparty",
                "medium": "email",
                "address": "jean.martin@interieur.gouv.fr",
            },
            "password": user.password,
        },
    )
    assert answer["user_id"] == user.user_id


def test_wrong_password_is_refused(synapse, make_user):
    user = make_user("wrong")
    try:
        synapse.login(user.user_id, "not-the-password")
    except HomeserverError as e:
        assert "403" in str(e) and "not-the-password" not in str(e)
    else:
        raise AssertionError("login with a wrong password succeeded")


def test_config_follows_testbed(synapse):
    config = yaml.safe_load(synapse.config_path.read_text())
    assert config["bcrypt_rounds"] == 4 and config["presence"] == {"enabled": False}
    assert config["enable_registration"] is False and config["trusted_key_servers"] == []
    assert config["listeners"][0]["bind_addresses"] == ["127.0.0.1"]
    assert config["rc_message"] == {"per_second": 10000, "burst_count": 100000}
    assert config["rc_login"]["failed_attempts"]["burst_count"] == 100000
    assert synapse.log_path.stat().st_size > 0


def test_restart_keeps_data_and_rate_limit_override(tmp_path):
    with Homeserver(tmp_path / "hs", extra_config={"max_upload_size": "5M"}) as hs:
        port = hs.port
        hs.register_user("durable", "password-1", email="durable@numerique.gouv.fr")
        hs.set_rate_limit("rc_login.failed_attempts", 0.5, 2)
        assert hs.running and hs.port == port
        config = yaml.safe_load(hs.config_path.read_text())
        assert config["rc_login"]["failed_attempts"] == {"per_second": 0.5, "burst_count": 2}
        assert config["rc_login"]["address"]["burst_count"] == 100000
        assert config["max_upload_size"] == "5M"
        assert hs.login("@durable:localhost", "password-1")["user_id"] == "@durable:localhost"
    assert not hs.running
    hs.stop()  # idempotent

    # Same directory, new object: same signing key, same secret, same accounts.
    key = (tmp_path / "hs" / "signing.key").read_text()
    with Homeserver(tmp_path / "hs") as again:
        assert (tmp_path / "hs" / "signing.key").read_text() == key
        assert again.login("@durable:localhost", "password-1")["access_token"]
        assert again.admin_token()
