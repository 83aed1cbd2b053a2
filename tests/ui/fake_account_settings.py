"""The signed-in account in memory, for the Settings pages' tests (the protocol's fake).

A test scripts it: `fail(method, kind)` makes the next call of `method` raise, `gate`
holds a call in flight until the test sets it; every call is recorded in `calls`.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from app.accounts.devices import Device
from app.accounts.email_check import EmailCheckError, EmailCheckFailed
from app.accounts.interactive_auth import AccountActionFailed, AccountError
from app.accounts.profile import AccountProfile

PASSWORD = "correct horse"


class FakeAccount:
    """`AccountApi` in memory: a profile, the "liste rouge" flag, three devices."""

    def __init__(self, user_id: str, display_name: str, name_editable: bool = False) -> None:
        self.user_id = user_id
        self.display_name = display_name
        self.name_editable = name_editable
        self.avatar_url = ""
        self.emails = ("sophie.durand@finances.gouv.fr",)
        self.hidden = False
        self.device_list = [
            Device("THISONE", "Tchap Desktop (Linux)", 1_760_000_000_000, "10.0.0.2", True),
            Device("PHONE123", "Tchap Android", 1_759_900_000_000, "10.0.0.3", False),
            Device("OLDWEB99", "", None, "", False),
        ]
        self.failures: dict[str, list[Exception]] = {}
        self.gate: asyncio.Event | None = None  # set: calls wait for it
        self.calls: list[tuple] = []
        self.deactivated = False

    def fail(self, method: str, kind: AccountError | EmailCheckError) -> None:
        """The next call of `method` fails with `kind`."""
        error: Exception = (
            EmailCheckFailed(kind) if isinstance(kind, EmailCheckError)
            else AccountActionFailed(kind)
        )  # fmt: skip
        self.failures.setdefault(method, []).append(error)

    async def _call(self, method: str, *args: object) -> None:
        self.calls.append((method, *args))
        if self.gate is not None:
            await self.gate.wait()
        if self.failures.get(method):
            raise self.failures[method].pop(0)

    async def profile(self) -> AccountProfile:
        await self._call("profile")
        return AccountProfile(self.user_id, self.display_name, self.avatar_url, self.emails,
                              self.name_editable)  # fmt: skip

    async def set_display_name(self, name: str) -> None:
        await self._call("set_display_name", name)
        self.display_name = name

    async def set_avatar(self, path: str | Path | None) -> str:
        await self._call("set_avatar", path)
        self.avatar_url = "mxc://example/avatar" if path else ""
        return self.avatar_url

    async def hidden_from_directory(self) -> bool:
        await self._call("hidden_from_directory")
        return self.hidden

    async def set_hidden_from_directory(self, hidden: bool) -> None:
        await self._call("set_hidden_from_directory", hidden)
        self.hidden = hidden

    async def devices(self) -> list[Device]:
        await self._call("devices")
        return list(self.device_list)

    async def rename_device(self, device_id: str, name: str) -> None:
        await self._call("rename_device", device_id, name)
        self.device_list = [
            Device(d.device_id, name, d.last_seen_ms, d.last_seen_ip, d.current)
            if d.device_id == device_id else d
            for d in self.device_list
        ]  # fmt: skip

    async def sign_out_devices(self, device_ids: list[str], password: str) -> None:
        await self._call("sign_out_devices", list(device_ids), password)
        if password != PASSWORD:
            raise AccountActionFailed(AccountError.WRONG_PASSWORD)
        self.device_list = [d for d in self.device_list if d.device_id not in device_ids]

    async def change_password(self, old: str, new: str, logout_devices: bool) -> None:
        await self._call("change_password", old, new, logout_devices)
        if old != PASSWORD:
            raise EmailCheckFailed(EmailCheckError.WRONG_PASSWORD)

    async def deactivate(self, password: str) -> None:
        await self._call("deactivate", password)
        if password != PASSWORD:
            raise AccountActionFailed(AccountError.WRONG_PASSWORD)
        self.deactivated = True
