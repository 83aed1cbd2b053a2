"""AccountAccess: reaching an account from outside a running session.

Finding the server of an address, creating an account, resetting a forgotten password, and
renewing an expired one all happen before the session can sync (or after it had to stop).
The session composes this object (`session.access`) and lends it the little it needs: the
network stack's loader, the configuration, the account's server and token, and what to do
once an expired account is renewed. Each concern stays in its own module (discovery,
registration, password, validity); this only routes the UI's calls to them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.accounts.discovery import ServerChoice
    from app.api_accounts import PasswordResetApi, RegistrationApi


class AccountAccess:
    """What the UI asks of an account the session cannot (yet, or any more) sync."""

    def __init__(
        self,
        config: Any,
        network_stack: Callable[[], Awaitable[None]],
        credentials: Callable[[], tuple[str, str]],  # (homeserver, access token)
        is_expired: Callable[[], bool],
        renewed: Callable[[], None],  # the session starts again
    ) -> None:
        self._config = config
        self._network_stack = network_stack
        self._credentials = credentials
        self._is_expired = is_expired
        self._renewed = renewed

    async def find_server(self, identifier: str) -> ServerChoice:
        """The homeserver of an email address or a Matrix ID, before signing in (cancel the
        task to stop it; bounded in time). Raises LoginFailed."""
        await self._network_stack()
        from app.accounts.discovery import find_server

        return await find_server(self._config, identifier)

    def registration(self, homeserver: str) -> RegistrationApi:
        """An account to create by email on `homeserver`; sign in with `login` once made."""
        from app.accounts.registration import Registration

        return Registration(homeserver, self._network_stack)

    def password_reset(self, homeserver: str) -> PasswordResetApi:
        """A forgotten password to reset by email on `homeserver`."""
        from app.accounts.password import PasswordReset

        return PasswordReset(homeserver, self._network_stack)

    async def send_renewal_mail(self) -> None:
        """Ask the server to mail the renewal link of the expired account."""
        await self._network_stack()
        from app.accounts.validity import send_renewal_mail

        await send_renewal_mail(*self._credentials())

    async def check_renewed(self) -> bool:
        """Is the expired account renewed? Then syncing starts again; False while it is not."""
        if not self._is_expired():
            return True
        await self._network_stack()
        from app.accounts.validity import is_renewed

        renewed = await is_renewed(*self._credentials())
        if renewed and self._is_expired():
            self._renewed()
        return renewed
