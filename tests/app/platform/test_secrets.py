"""SecretStore against the real Secret Service (devtools/with_keyring.sh), no backend, locked
keyring, and the plaintext opt-in."""

import json
import logging
import os
import shutil
import stat
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from app.platform.logs import redact
from app.platform.secrets import KeyringStatus, SecretStore, SecretsUnavailable, service_name


@pytest.fixture
def service():
    """A fresh keyring service name, so runs never see each other's secrets."""
    return service_name(f"test-{uuid.uuid4().hex[:12]}")


@pytest.fixture
def no_backend():
    """Swap in keyring's fail backend (what keyring picks with no D-Bus), then restore."""
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.mark.linux
def test_real_keyring_round_trip(service, tmp_path, caplog):
    store = SecretStore(service, plaintext_file=tmp_path / "s.json", allow_plaintext=False)
    assert store.available
    assert store.check() is KeyringStatus.OK
    assert "SecretService" in store.backend_name
    value = f"syt_{uuid.uuid4().hex}"
    with caplog.at_level(logging.DEBUG):
        store.set("@alice:example.org/access_token", value)
        assert store.get("@alice:example.org/access_token") == value
    assert keyring.get_password(service, "@alice:example.org/access_token") == value
    assert not store.using_plaintext
    assert not (tmp_path / "s.json").exists()
    assert value not in caplog.text
    store.delete("@alice:example.org/access_token")
    assert store.get("@alice:example.org/access_token") is None
    store.delete("@alice:example.org/access_token")  # absent: no error


@pytest.mark.linux
def test_profiles_do_not_share_secrets(tmp_path):
    a = SecretStore(
        service_name(f"a{uuid.uuid4().hex[:8]}"),
        plaintext_file=tmp_path / "a",
        allow_plaintext=False,
    )
    b = SecretStore(
        service_name(f"b{uuid.uuid4().hex[:8]}"),
        plaintext_file=tmp_path / "b",
        allow_plaintext=False,
    )
    a.set("pickle_key", "pickle-value-a")
    assert b.get("pickle_key") is None
    a.delete_all(["pickle_key", "cache_key"])
    assert a.get("pickle_key") is None


@pytest.mark.linux
def test_values_read_or_written_are_redacted_from_logs(service, tmp_path):
    store = SecretStore(service, plaintext_file=tmp_path / "s.json", allow_plaintext=False)
    value = f"cache-key-{uuid.uuid4().hex}"
    store.set("cache_key", value)
    assert value not in redact(f"opening db with {value}")
    store.delete("cache_key")


def test_no_backend_refuses_to_store(no_backend, service, tmp_path):
    store = SecretStore(service, plaintext_file=tmp_path / "s.json", allow_plaintext=False)
    assert not store.available
    assert store.check() is KeyringStatus.NO_BACKEND
    assert store.get("access_token") is None
    with pytest.raises(SecretsUnavailable):
        store.set("access_token", "syt_secret_value_1")
    assert not (tmp_path / "s.json").exists()
    assert not store.using_plaintext
    store.delete_all(["access_token"])  # nothing stored, nothing to fail


@pytest.mark.posix
def test_plaintext_opt_in(no_backend, service, tmp_path):
    path = tmp_path / "data" / "secrets.json"
    store = SecretStore(service, plaintext_file=path, allow_plaintext=True)
    assert store.check() is KeyringStatus.PLAINTEXT_OPT_IN
    assert store.using_plaintext
    store.set("u/access_token", "syt_plain_value_1")
    store.set("u/pickle_key", "pickle_plain_value")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text()) == {
        "u/access_token": "syt_plain_value_1",
        "u/pickle_key": "pickle_plain_value",
    }
    assert "plaintext" in store.backend_name
    assert store.get("u/access_token") == "syt_plain_value_1"
    store.delete("u/access_token")
    assert store.get("u/access_token") is None
    store.delete_all(["u/pickle_key"])
    assert not path.exists()


@pytest.mark.linux
def test_opt_in_with_a_keyring_still_uses_the_keyring(service, tmp_path):
    path = tmp_path / "secrets.json"
    path.write_text(json.dumps({"access_token": "stale-plaintext-token"}))
    os.chmod(path, 0o600)
    store = SecretStore(service, plaintext_file=path, allow_plaintext=True)
    assert store.check() is KeyringStatus.OK
    store.set("access_token", "fresh-keyring-token")
    assert keyring.get_password(service, "access_token") == "fresh-keyring-token"
    assert not path.exists()  # the stale plaintext copy is gone
    assert not store.using_plaintext
    store.delete("access_token")


@pytest.mark.linux
def test_locked_keyring_is_reported_and_refuses(tmp_path):
    # A private bus whose gnome-keyring was never unlocked: creating the collection needs a
    # prompt, none can show (no display), so the Secret Service answers "Prompt dismissed".
    assert shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")
    script = textwrap.dedent(
        """
        from pathlib import Path
        from app.platform.secrets import SecretStore, SecretsUnavailable
        s = SecretStore(
            "tchap-desktop:locked", plaintext_file=Path("x.json"), allow_plaintext=False
        )
        print("available", s.available)
        print("status", s.check().name)
        try:
            s.set("access_token", "syt_never_stored")
            print("set ok")
        except SecretsUnavailable:
            print("set refused")
        """
    )
    # No display (a prompt could show and wait) and no link to the outer, unlocked keyring.
    dropped = ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "GNOME_KEYRING_CONTROL")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env["XDG_DATA_HOME"] = str(tmp_path)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[3])
    inner = (
        'eval "$(gnome-keyring-daemon --start --components=secrets)"; '
        f'exec "{sys.executable}" -c "$0"'
    )
    proc = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", inner, script],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        check=False,
        text=True,
        timeout=30,
    )
    assert proc.stdout.split("\n")[:3] == ["available True", "status LOCKED", "set refused"], (
        proc.stdout + proc.stderr
    )
    assert not (tmp_path / "x.json").exists()
