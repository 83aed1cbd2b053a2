"""Account validity: an expired account asks for its renewal email and comes back renewed.

Tchap's servers expire an account that was not renewed in time: every authenticated call
then answers 403 `ORG_MATRIX_EXPIRED_ACCOUNT` (the API client maps it once, the session
stops syncing). The account itself is kept: the user asks for the renewal email, opens the
link it holds, and the client re-checks. The renewal email is Tchap's module's
(`/_synapse/client/email_account_validity/send_mail`) or, where that is not installed,
Synapse's built-in one (`/_matrix/client/unstable/account_validity/send_mail`).

The checks use their own short-lived API client: the session's services are stopped while
the account is expired, and these calls must not report the session ended again.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from app.core.errors import ActionError, ActionFailed

if TYPE_CHECKING:
    from app.net.api import ApiClient

log = logging.getLogger("tchap.net")

# Tchap's module first, then Synapse's built-in account validity.
SEND_MAIL_PATHS = (
    "/_synapse/client/email_account_validity/send_mail",
    "/_matrix/client/unstable/account_validity/send_mail",
)
# A cheap call that needs a valid account (Synapse lets no expired account through it).
CHECK_PATH = "/_matrix/client/v3/account/whoami"
TIMEOUT_S = 20.0


class AccountValidity:
    """Renewal email and renewal check of one account, through `api`."""

    def __init__(self, api: ApiClient) -> None:
        self._api = api

    async def send_renewal_mail(self) -> None:
        """Ask the server to mail the renewal link; ActionFailed if no server path takes it."""
        from app.net.api import ApiError, ApiErrorKind

        last: ApiError | None = None
        for api_path in SEND_MAIL_PATHS:
            try:
                await self._api.request("POST", api_path, {}, timeout=TIMEOUT_S, retries=1)
            except ApiError as error:
                last = error
                # Not this server's path (404, 405, 400 M_UNRECOGNIZED...): try the next one.
                if error.kind in (ApiErrorKind.NOT_FOUND, ApiErrorKind.REFUSED):
                    continue
                raise error.as_action_failed() from error
            log.info("renewal email requested")
            return
        log.warning("renewal email: no server path answered (%s)", last)
        raise ActionFailed(ActionError.NOT_FOUND, "no renewal email on this server")

    async def is_renewed(self) -> bool:
        """True once the account works again; False while it is expired."""
        from app.net.api import ApiError, ApiErrorKind

        try:
            await self._api.request("GET", CHECK_PATH, timeout=TIMEOUT_S)
        except ApiError as error:
            if error.kind is ApiErrorKind.ACCOUNT_EXPIRED:
                return False
            raise error.as_action_failed() from error
        log.info("account renewed")
        return True


@asynccontextmanager
async def account_validity(homeserver: str, token: str) -> AsyncIterator[AccountValidity]:
    """An AccountValidity on its own HTTP session (the network stack must be loaded)."""
    import aiohttp

    from app.net.api import ApiClient

    async with aiohttp.ClientSession() as http:
        yield AccountValidity(ApiClient(http, homeserver, token))


async def send_renewal_mail(homeserver: str, token: str) -> None:
    """Ask `homeserver` to mail the renewal link of the expired account (see AccountValidity)."""
    async with account_validity(homeserver, token) as validity:
        await validity.send_renewal_mail()


async def is_renewed(homeserver: str, token: str) -> bool:
    """Whether the expired account was renewed (see AccountValidity.is_renewed)."""
    async with account_validity(homeserver, token) as validity:
        return await validity.is_renewed()
