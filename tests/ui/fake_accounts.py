"""Registration and password reset in memory, for the forms' tests (the protocol's fakes).

A test scripts them: `failures` raise in turn from the next calls, `link_opened` lets
`wait_for_link` (and `set_password`) through; every call is recorded in `calls`.
"""

from __future__ import annotations

import asyncio

from app.accounts.email_check import EmailCheckError, EmailCheckFailed
from app.accounts.password_policy import PasswordPolicy


class _FakeEmailFlow:
    def __init__(self, homeserver: str) -> None:
        self._homeserver = homeserver
        self._email = ""
        self.policy = PasswordPolicy(min_length=10, require_digit=True)
        self.failures: dict[str, list[EmailCheckFailed]] = {}
        self.link_opened = asyncio.Event()
        self.calls: list[tuple] = []
        self.closed = False

    @property
    def homeserver(self) -> str:
        return self._homeserver

    @property
    def email(self) -> str:
        return self._email

    def fail(
        self, method: str, *kinds: EmailCheckError, retry_after_s: float | None = None
    ) -> None:
        """The next calls of `method` fail with `kinds` in turn."""
        self.failures.setdefault(method, []).extend(
            EmailCheckFailed(k, retry_after_s=retry_after_s) for k in kinds
        )

    def _call(self, method: str, *args: object) -> None:
        self.calls.append((method, *args))
        queued = self.failures.get(method)
        if queued:
            raise queued.pop(0)

    async def password_policy(self) -> PasswordPolicy:
        self._call("password_policy")
        return self.policy

    async def resend(self) -> None:
        self._call("resend")

    async def close(self) -> None:
        self.calls.append(("close",))
        self.closed = True


class FakeRegistration(_FakeEmailFlow):
    """`RegistrationApi` in memory."""

    user_id = "@nouvel.agent-finances.gouv.fr:agent.finances.tchap.gouv.fr"

    async def start(self, email: str, password: str, display_name: str) -> None:
        self._call("start", email, password, display_name)
        self._email = email

    async def wait_for_link(self, interval: float = 3.0) -> str:
        self._call("wait_for_link")
        await self.link_opened.wait()
        return self.user_id


class FakePasswordReset(_FakeEmailFlow):
    """`PasswordResetApi` in memory."""

    async def send_link(self, email: str) -> None:
        self._call("send_link", email)
        self._email = email

    async def set_password(self, new_password: str, logout_devices: bool) -> None:
        self._call("set_password", new_password, logout_devices)
        if not self.link_opened.is_set():
            raise EmailCheckFailed(EmailCheckError.LINK_NOT_OPENED)
