"""The typed interface of the account forms (`SessionApi.access` hands these out): an
account to create, a forgotten password to reset, each checked by a mailed link."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from app.accounts.password_policy import PasswordPolicy


@runtime_checkable
class RegistrationApi(Protocol):
    """Creating an account checked by a mailed link (`app.accounts.registration`).
    Failures are `app.accounts.email_check.EmailCheckFailed`."""

    @property
    def homeserver(self) -> str: ...

    @property
    def email(self) -> str: ...

    async def password_policy(self) -> PasswordPolicy:
        """The server's password rules (none if it states none)."""

    async def start(self, email: str, password: str, display_name: str) -> None:
        """Check the account with the server and have it mail the link."""

    async def resend(self) -> None:
        """Mail the link again."""

    async def wait_for_link(self, interval: float = 3.0) -> str:
        """Poll until the link was opened; returns the new account's user ID (cancellable)."""

    async def close(self) -> None:
        """Close the connections."""


@runtime_checkable
class PasswordResetApi(Protocol):
    """A forgotten password replaced after a mailed link (`app.accounts.password`)."""

    @property
    def homeserver(self) -> str: ...

    @property
    def email(self) -> str: ...

    async def password_policy(self) -> PasswordPolicy:
        """The server's password rules (none if it states none)."""

    async def send_link(self, email: str) -> None:
        """Have the server mail the link to `email`."""

    async def resend(self) -> None:
        """Mail the link again."""

    async def set_password(self, new_password: str, logout_devices: bool) -> None:
        """Set the new password once the link was opened (LINK_NOT_OPENED before)."""

    async def close(self) -> None:
        """Close the connections."""
