"""Passwords: reset by a link the server mails, and change while signed in.

Reset (`PasswordReset`): the server mails a link to the account's address; once it was
opened, `/account/password` with the proof of the email stage sets the new password, and
may sign every device out. Change (`change_password`): `/account/password` with the
server's interactive auth by the current password; the Settings window calls it.
"""

from __future__ import annotations

import logging

from app.accounts.email_check import (
    EMAIL_STAGE,
    EmailCheckError,
    EmailCheckFailed,
    EmailToken,
    email_auth,
    failure_of,
    request_token,
    uia_session,
)
from app.accounts.password_policy import PasswordPolicy, fetch_policy
from app.accounts.server import AnonymousServer, NetworkLoader
from app.net.api import ApiClient, ApiError, ApiErrorKind

log = logging.getLogger("tchap.net")

_PASSWORD = "/_matrix/client/v3/account/password"


class PasswordReset:
    """A forgotten password replaced after the link mailed to the account's address."""

    def __init__(self, homeserver: str, load_network: NetworkLoader | None = None) -> None:
        self._server = AnonymousServer(homeserver, load_network)
        self._token: EmailToken | None = None
        self._session = ""
        self._session_logout: bool | None = None  # the choice the UIA session was opened with

    @property
    def homeserver(self) -> str:
        """The resolved homeserver (its typed address until it is known)."""
        return self._server.homeserver or self._server.typed

    @property
    def email(self) -> str:
        """The address the link was mailed to ("" before `send_link`)."""
        return self._token.email if self._token else ""

    async def password_policy(self) -> PasswordPolicy:
        """The server's password rules (none if it states none)."""
        return await fetch_policy(await self._server.connect())

    async def send_link(self, email: str) -> None:
        """Have the server mail the link to `email`; EmailCheckFailed (EMAIL_UNKNOWN...)."""
        api = await self._server.connect()
        self._token = await request_token(
            api, "/account/password", email.strip(), forbidden=EmailCheckError.EMAIL_UNKNOWN
        )
        self._session = ""
        log.info("password reset: the server mailed a link")

    async def resend(self) -> None:
        """Mail the link again."""
        assert self._token is not None, "send_link() first"
        api = await self._server.connect()
        self._token = await request_token(
            api, "/account/password", self._token.email, self._token,
            forbidden=EmailCheckError.EMAIL_UNKNOWN,
        )  # fmt: skip

    async def set_password(self, new_password: str, logout_devices: bool) -> None:
        """Set the new password once the link was opened; LINK_NOT_OPENED before."""
        assert self._token is not None, "send_link() first"
        api = await self._server.connect()
        if self._session_logout is not None and self._session_logout != logout_devices:
            self._session = ""  # the server refuses a request that changed mid-session
        body = {
            "new_password": new_password,
            "logout_devices": logout_devices,
            "auth": email_auth(self._token, self._session),
        }
        try:
            await api.request("POST", _PASSWORD, body, authenticated=False)
        except ApiError as error:
            if error.kind is not ApiErrorKind.AUTH_REQUIRED:
                raise failure_of(error, forbidden=EmailCheckError.EMAIL_UNKNOWN) from error
            session, _, completed = uia_session(error)
            self._session, self._session_logout = session, logout_devices
            if EMAIL_STAGE in completed:
                raise EmailCheckFailed(EmailCheckError.UNKNOWN, detail="more stages") from error
            raise EmailCheckFailed(EmailCheckError.LINK_NOT_OPENED) from error
        log.info("password reset done (other devices signed out: %s)", logout_devices)

    async def close(self) -> None:
        """Close the connections."""
        await self._server.close()


async def change_password(api: ApiClient, old: str, new: str, logout_devices: bool) -> None:
    """Change the signed-in account's password, proving it with the current one.

    Raises EmailCheckFailed: WRONG_PASSWORD, WEAK_PASSWORD (the server's policy; `detail`
    says which rule), and the transport kinds. Other devices are signed out if asked;
    this one stays signed in.
    """
    try:
        whoami = await api.request("GET", "/_matrix/client/v3/account/whoami", timeout=15)
    except ApiError as error:
        raise failure_of(error, forbidden=EmailCheckError.UNKNOWN) from error
    user_id = whoami.get("user_id")
    if not isinstance(user_id, str):
        raise EmailCheckFailed(EmailCheckError.NOT_MATRIX)
    body: dict = {"new_password": new, "logout_devices": logout_devices}
    try:
        await api.request("POST", _PASSWORD, body)
        return  # a server that asks for no proof
    except ApiError as error:
        if error.kind is not ApiErrorKind.AUTH_REQUIRED:
            raise failure_of(error, forbidden=EmailCheckError.UNKNOWN) from error
        session, flows, _ = uia_session(error)
    if not any(flow == ["m.login.password"] for flow in flows):
        log.warning("change password: no password flow in %s", flows)
        raise EmailCheckFailed(EmailCheckError.UNKNOWN, detail="no password flow")
    body["auth"] = {
        "type": "m.login.password",
        "identifier": {"type": "m.id.user", "user": user_id},
        "password": old,
        "session": session,
    }
    try:
        await api.request("POST", _PASSWORD, body)
    except ApiError as error:
        if error.kind is ApiErrorKind.AUTH_REQUIRED:  # the proof was refused
            raise EmailCheckFailed(EmailCheckError.WRONG_PASSWORD) from error
        raise failure_of(error, forbidden=EmailCheckError.WRONG_PASSWORD) from error
    log.info("password changed (other devices signed out: %s)", logout_devices)
