"""--check against the real Synapse, and the failures IT needs to see named."""

import io
import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import keyring
import keyring.backends.fail
import pytest

from app import check
from app.platform.profile import Profile
from devtools.homeserver import free_port


@pytest.fixture
def policy(tmp_path, monkeypatch):
    """Path of the machine policy file (written by each test as needed)."""
    path = tmp_path / "policy.toml"
    monkeypatch.setenv("TCHAP_POLICY_FILE", str(path))
    return path


def run_check(profile: Profile) -> tuple[int, str]:
    out = io.StringIO()
    rc = check.run(profile, out=out)
    return rc, out.getvalue()


@contextmanager
def plain_http_server(routes: dict[str, tuple[int, str, str]]):
    """A threaded HTTP server on 127.0.0.1: path → (status, content type, body); else 404."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, ctype, body = routes.get(self.path, (404, "text/html", "<h1>Not Found</h1>"))
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):  # keep the test output quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_report_ok_against_synapse_with_locked_homeserver(synapse, tchap_home, policy):
    policy.write_text(f'homeserver = "{synapse.url}"\nlocked = ["homeserver"]\n')
    rc, out = run_check(Profile.load())
    assert rc == 0, out
    assert "tchap-desktop 0.1.0 --check" in out
    assert f"{policy}: read" in out
    assert f"homeserver = '{synapse.url}'  (policy:{policy}) [locked]" in out
    assert "locked keys: homeserver" in out
    assert "SecretService" in out
    assert "status: ok" in out
    assert "crypto: vodozemac OK" in out
    assert "cache: SQLCipher OK" in out
    assert "client API versions: " in out and "v1.11" in out
    assert "unstable features: " in out
    assert "server: not exposed" in out  # the test Synapse has no federation listener
    for name in ("data", "cache", "config", "log"):
        assert f"  {name}: {tchap_home}" in out and "(writable)" in out
    assert out.rstrip().splitlines()[-1] == "RESULT: OK"


def test_homeserver_from_the_stored_account(synapse, tchap_home, policy):
    profile = Profile.load()
    profile.write_account({"user_id": "@a:localhost", "device_id": "D1", "homeserver": synapse.url})
    rc, out = run_check(profile)
    assert rc == 0, out
    assert "(from stored account)" in out
    assert "signed in as: @a:localhost (device D1)" in out


def test_no_homeserver_configured(tchap_home, policy):
    rc, out = run_check(Profile.load())
    assert rc == 1
    assert "no homeserver configured" in out.rstrip().splitlines()[-1]


def test_unreachable_port(tchap_home, policy):
    policy.write_text(f'homeserver = "http://127.0.0.1:{free_port()}"\n')
    rc, out = run_check(Profile.load())
    assert rc == 1
    assert "unreachable" in out.rstrip().splitlines()[-1]


@pytest.mark.parametrize(
    "routes",
    [
        {},  # 404 everywhere
        {"/_matrix/client/versions": (200, "text/html", "<html>welcome</html>")},
        {"/_matrix/client/versions": (200, "application/json", '{"hello": "world"}')},
    ],
)
def test_plain_http_server_is_not_matrix(tchap_home, policy, routes):
    with plain_http_server(routes) as url:
        policy.write_text(f'homeserver = "{url}"\n')
        rc, out = run_check(Profile.load())
    assert rc == 1
    assert "not a Matrix server" in out.rstrip().splitlines()[-1]


def test_server_version_shown_when_exposed(tchap_home, policy):
    routes = {
        "/_matrix/client/versions": (
            200,
            "application/json",
            json.dumps({"versions": ["v1.1", "v1.11"], "unstable_features": {"a": True, "b": 0}}),
        ),
        "/_matrix/federation/v1/version": (
            200,
            "application/json",
            json.dumps({"server": {"name": "Synapse", "version": "1.163.2"}}),
        ),
    }
    with plain_http_server(routes) as url:
        policy.write_text(f'homeserver = "{url}/"\n')
        rc, out = run_check(Profile.load())
    assert rc == 0, out
    assert "client API versions: v1.1, v1.11" in out
    assert "unstable features: 2" in out
    assert "server: Synapse 1.163.2" in out


def test_no_keyring_backend_fails(synapse, tchap_home, policy):
    policy.write_text(f'homeserver = "{synapse.url}"\n')
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        rc, out = run_check(Profile.load())
    finally:
        keyring.set_keyring(previous)
    assert rc == 1
    assert "status: no backend" in out
    assert "no keyring backend" in out.rstrip().splitlines()[-1]


def test_plaintext_opt_in_is_a_warning_not_a_failure(synapse, tchap_home, policy):
    policy.write_text(f'homeserver = "{synapse.url}"\nallow_plaintext_secrets = true\n')
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        rc, out = run_check(Profile.load())
    finally:
        keyring.set_keyring(previous)
    assert rc == 0, out
    assert "status: plaintext opt-in" in out
    assert "WARNING: no usable keyring" in out


def test_folder_not_writable(synapse, tchap_home, policy):
    policy.write_text(f'homeserver = "{synapse.url}"\n')
    profile = Profile.load()
    # Running as root makes permission bits moot: a file where the folder should be is a
    # failure every user hits the same way.
    profile.paths.cache_dir.rmdir()
    profile.paths.cache_dir.write_text("not a folder")
    rc, out = run_check(profile)
    assert rc == 1
    assert "cache: " in out and "(NOT writable)" in out
    assert "cache folder" in out.rstrip().splitlines()[-1]


def test_bad_homeserver_value(tchap_home, policy):
    policy.write_text('homeserver = "ftp://files.example"\n')
    rc, out = run_check(Profile.load())
    assert rc == 1
    assert "not a usable URL" in out.rstrip().splitlines()[-1]
