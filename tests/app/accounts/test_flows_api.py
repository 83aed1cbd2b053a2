"""The registration and reset protocols: the real classes and the forms' fakes match them."""

from __future__ import annotations

import inspect

import pytest

from app.accounts.password import PasswordReset
from app.accounts.registration import Registration
from app.api_accounts import PasswordResetApi, RegistrationApi
from tests.ui.fake_accounts import FakePasswordReset, FakeRegistration


@pytest.mark.parametrize(
    ("protocol", "implementations"),
    [
        (RegistrationApi, (Registration, FakeRegistration)),
        (PasswordResetApi, (PasswordReset, FakePasswordReset)),
    ],
)
def test_same_members_and_signatures(protocol, implementations):
    members = {n: v for n, v in vars(protocol).items() if not n.startswith("_")
               and (callable(v) or isinstance(v, property))}  # fmt: skip
    assert {"homeserver", "email", "password_policy", "resend", "close"} <= set(members)
    for impl in implementations:
        for name, declared in members.items():
            actual = inspect.getattr_static(impl, name)
            if isinstance(declared, property):
                assert isinstance(actual, property), f"{impl.__name__}.{name}"
                continue
            want, got = inspect.signature(declared), inspect.signature(actual)
            assert list(want.parameters) == list(got.parameters), f"{impl.__name__}.{name}"
            for pname, param in want.parameters.items():
                assert got.parameters[pname].default == param.default, f"{impl.__name__}.{name}"
            assert inspect.iscoroutinefunction(actual) == inspect.iscoroutinefunction(declared)
        assert isinstance(impl("https://matrix.example.org"), protocol)


def test_the_session_hands_them_out(tmp_path, monkeypatch):
    from app.platform.profile import Profile
    from app.session import Session

    monkeypatch.setenv("TCHAP_HOME", str(tmp_path))
    session = Session(Profile.load("default"))
    registration = session.access.registration("https://matrix.example.org")
    reset = session.access.password_reset("https://matrix.example.org")
    assert isinstance(registration, RegistrationApi) and isinstance(reset, PasswordResetApi)
    assert registration.homeserver == reset.homeserver == "https://matrix.example.org"
