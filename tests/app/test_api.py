"""The UI's protocol: the real session and the UI tests' fake both satisfy it, exactly."""

from __future__ import annotations

import inspect

import pytest

from app.accounts.access import AccountAccess
from app.accounts.account import Account
from app.api import AccessApi, AccountApi, DirectoryApi, RoomApi, SessionApi
from app.directory import Directory
from app.room import Room
from app.session import Session
from tests.ui.fake_account_settings import FakeAccount
from tests.ui.fake_directory import FakeDirectory
from tests.ui.fakes import FakeRoom, FakeSession


def _members(protocol: type) -> dict[str, object]:
    return {
        name: value
        for name, value in vars(protocol).items()
        if not name.startswith("_") and (callable(value) or isinstance(value, property))
    } | {name: None for name in getattr(protocol, "__annotations__", {})}


def _signature(value: object) -> inspect.Signature | None:
    if isinstance(value, property):
        return None
    return inspect.signature(value)


@pytest.mark.parametrize(
    ("protocol", "implementations"),
    [
        (SessionApi, (Session, FakeSession)),
        (RoomApi, (Room, FakeRoom)),
        (AccountApi, (Account, FakeAccount)),
        (AccessApi, (AccountAccess, FakeSession)),
        (DirectoryApi, (Directory, FakeDirectory)),
    ],
)
def test_real_and_fake_have_every_member_with_the_same_signature(protocol, implementations):
    members = _members(protocol)
    assert members, "the protocol declares nothing"
    for impl in implementations:
        for name, declared in members.items():
            if declared is None or isinstance(declared, property):
                continue  # attributes and properties: checked on instances below
            assert hasattr(impl, name), f"{impl.__name__} lacks {name}"
            actual = inspect.getattr_static(impl, name)
            want, got = _signature(declared), _signature(actual)
            assert list(want.parameters) == list(got.parameters), f"{impl.__name__}.{name}"
            for pname, param in want.parameters.items():
                assert got.parameters[pname].kind == param.kind, f"{impl.__name__}.{name}({pname})"
                assert got.parameters[pname].default == param.default, (
                    f"{impl.__name__}.{name}({pname}) default"
                )
            assert inspect.iscoroutinefunction(declared) == inspect.iscoroutinefunction(actual), (
                f"{impl.__name__}.{name}: async in one, not the other"
            )


def test_instances_have_every_attribute_and_property(tmp_path, monkeypatch):
    from app.platform.profile import Profile

    monkeypatch.setenv("TCHAP_HOME", str(tmp_path))
    session = Session(Profile.load("default"))
    for instance in (FakeSession(), session):
        assert isinstance(instance, SessionApi)
        assert isinstance(instance.room("!a:x"), RoomApi)
        assert instance.room("!a:x").room_id == "!a:x"
        assert isinstance(instance.account(), AccountApi)
        assert isinstance(instance.access, AccessApi)
        assert isinstance(instance.directory, DirectoryApi)
        for protocol, obj in ((SessionApi, instance), (RoomApi, instance.room("!a:x"))):
            for name, declared in _members(protocol).items():
                if declared is None or isinstance(declared, property):
                    assert hasattr(obj, name), f"{type(obj).__name__} lacks {name}"
