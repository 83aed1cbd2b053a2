"""Creating an account checked by email (Synapse's `registrations_require_3pid: [email]`).

`start()` asks `/register` (which checks the account name and the password against the
server's policy and opens a UIA session), then has the server mail a link. `wait_for_link()`
then polls `/register` with the proof of the email stage until the link was opened: the
account exists at that moment. The display name is set with the new account's token, whose
device is signed out again: the session then signs in as usual, so the keyring, cache and
crypto store are made by the one path that makes them.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from app.accounts.email_check import (
    EMAIL_STAGE,
    EmailCheckError,
    EmailCheckFailed,
    EmailToken,
    email_auth,
    email_flow_offered,
    failure_of,
    request_token,
    uia_session,
)
from app.accounts.password_policy import PasswordPolicy, fetch_policy
from app.accounts.server import AnonymousServer, NetworkLoader
from app.core.identifiers import localpart_of_email
from app.net.api import ApiError, ApiErrorKind, backoff_delay, path

log = logging.getLogger("tchap.net")

POLL_INTERVAL_S = 3.0  # the protocol's default too (app/api.py)
_REGISTER = "/_matrix/client/v3/register"


class Registration:
    """One account being created by email on one homeserver."""

    def __init__(self, homeserver: str, load_network: NetworkLoader | None = None) -> None:
        self._server = AnonymousServer(homeserver, load_network)
        self._token: EmailToken | None = None
        self._session = ""
        self._display_name = ""
        self.user_id = ""  # once registered

    @property
    def homeserver(self) -> str:
        """The resolved homeserver (its typed address until it is known)."""
        return self._server.homeserver or self._server.typed

    @property
    def email(self) -> str:
        """The address the link was mailed to ("" before `start`)."""
        return self._token.email if self._token else ""

    async def password_policy(self) -> PasswordPolicy:
        """The server's password rules (none if it states none)."""
        return await fetch_policy(await self._server.connect())

    async def start(self, email: str, password: str, display_name: str) -> None:
        """Check the account with the server and have it mail the link; EmailCheckFailed."""
        api = await self._server.connect()
        body = {
            "username": localpart_of_email(email),
            "password": password,
            "initial_device_display_name": "Tchap Desktop",
        }
        try:
            data = await api.request("POST", _REGISTER, body, authenticated=False)
        except ApiError as error:
            if error.kind is not ApiErrorKind.AUTH_REQUIRED:
                raise failure_of(error, forbidden=EmailCheckError.REGISTRATION_DISABLED) from error
            self._session, flows, _ = uia_session(error)
            if not email_flow_offered(flows):
                log.warning("registration flows offer no email check: %s", flows)
                raise EmailCheckFailed(EmailCheckError.EMAIL_NOT_SUPPORTED) from error
        else:  # a server that asks for no check at all: the account exists already
            self._display_name = display_name.strip()
            await self._registered(data)
            return
        self._display_name = display_name.strip()
        self._token = await request_token(
            api, "/register", email, forbidden=EmailCheckError.REGISTRATION_DISABLED
        )
        log.info("registration started, the server mailed a link")

    async def resend(self) -> None:
        """Mail the link again (the same validation, its next send attempt)."""
        assert self._token is not None, "start() first"
        api = await self._server.connect()
        self._token = await request_token(
            api, "/register", self._token.email, self._token,
            forbidden=EmailCheckError.REGISTRATION_DISABLED,
        )  # fmt: skip

    async def poll(self) -> bool:
        """Ask once whether the link was opened; True when the account exists."""
        if self.user_id:
            return True
        assert self._token is not None, "start() first"
        api = await self._server.connect()
        body = {"auth": email_auth(self._token, self._session)}
        try:
            data = await api.request("POST", _REGISTER, body, authenticated=False)
        except ApiError as error:
            if error.kind is not ApiErrorKind.AUTH_REQUIRED:
                raise failure_of(error, forbidden=EmailCheckError.REGISTRATION_DISABLED) from error
            session, _, completed = uia_session(error)
            self._session = session or self._session
            if EMAIL_STAGE in completed:  # checked, yet the server wants more (terms...)
                raise EmailCheckFailed(EmailCheckError.EMAIL_NOT_SUPPORTED) from error
            return False
        await self._registered(data)
        return True

    async def wait_for_link(self, interval: float = POLL_INTERVAL_S) -> str:
        """Poll until the link was opened; returns the new account's user ID.

        A server that is down, answers 5xx or 429 meanwhile is waited out (the user is
        reading their mail); a refusal ends the wait with EmailCheckFailed. Cancellable.
        """
        failures = 0
        while True:
            try:
                if await self.poll():
                    return self.user_id
                failures = 0
                await asyncio.sleep(interval)
            except EmailCheckFailed as failed:
                if failed.kind not in (
                    EmailCheckError.UNREACHABLE,
                    EmailCheckError.SERVER_ERROR,
                    EmailCheckError.RATE_LIMITED,
                    EmailCheckError.NOT_MATRIX,
                ):
                    raise  # fmt: skip
                failures += 1
                wait = failed.retry_after_s or min(30.0, interval * backoff_delay(failures))
                log.info("registration poll: %s, again in %.1f s", failed.kind.name, wait)
                await asyncio.sleep(wait)

    async def _registered(self, data: Any) -> None:
        user_id, token = data.get("user_id"), data.get("access_token")
        if not isinstance(user_id, str) or not user_id:
            raise EmailCheckFailed(EmailCheckError.NOT_MATRIX)
        self.user_id = user_id
        log.info("account registered")
        if not isinstance(token, str) or not token:
            return
        account = self._server.signed_in(token)
        try:
            if self._display_name:
                await account.request(
                    "PUT", path("/_matrix/client/v3/profile/{}/displayname", user_id),
                    {"displayname": self._display_name}, timeout=15,
                )  # fmt: skip
        except ApiError as error:  # the account exists: a name can be set later
            log.warning("could not set the new account's display name: %s", error)
        try:
            await account.request("POST", "/_matrix/client/v3/logout", {}, timeout=15)
        except ApiError as error:
            log.warning("could not sign the registration's device out: %s", error)

    async def close(self) -> None:
        """Close the connections; an unfinished registration is simply left to expire."""
        await self._server.close()
