"""What registration and password reset share: an address checked by a link the server mails.

The server sends the mail (`…/email/requestToken`) and then accepts, in a user-interactive
auth (UIA) stage `m.login.email.identity`, the proof that the link was opened. Every refusal
becomes one `EmailCheckError` the forms word; a server that answers HTML, 5xx, 429 or
nothing at all gets its own kind too, never a crash.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from enum import Enum, auto
from typing import Any

from app.net.api import ApiClient, ApiError, ApiErrorKind

log = logging.getLogger("tchap.net")

EMAIL_STAGE = "m.login.email.identity"


class EmailCheckError(Enum):
    UNREACHABLE = auto()  # no answer at all (down, refused, cut, timed out)
    NOT_MATRIX = auto()  # answers, but not the JSON a Matrix server gives (an HTML page...)
    SERVER_ERROR = auto()  # 5xx
    RATE_LIMITED = auto()  # 429: `retry_after_s`
    INVALID_HOMESERVER = auto()  # not an address we can use
    REGISTRATION_DISABLED = auto()  # the server does not let anyone register
    EMAIL_NOT_SUPPORTED = auto()  # the server cannot check an email address (no mail set up)
    DOMAIN_REFUSED = auto()  # M_THREEPID_DENIED: this address's domain may not register here
    EMAIL_IN_USE = auto()  # M_THREEPID_IN_USE: an account already has this address
    EMAIL_UNKNOWN = auto()  # M_THREEPID_NOT_FOUND: no account has this address (reset)
    INVALID_EMAIL = auto()  # the server does not take it as an address
    USER_IN_USE = auto()  # the account name made from the address is taken
    WEAK_PASSWORD = auto()  # refused by the server's password policy: `detail` is the errcode
    LINK_NOT_OPENED = auto()  # the link in the mail was not opened (yet)
    WRONG_PASSWORD = auto()  # the current password (change password) is wrong
    SESSION_EXPIRED = auto()  # the server forgot the registration or reset: start again
    UNKNOWN = auto()


class EmailCheckFailed(Exception):
    """A registration, reset or change of password did not go through; `kind` says why."""

    def __init__(
        self, kind: EmailCheckError, *, retry_after_s: float | None = None, detail: str = ""
    ) -> None:
        super().__init__(f"{kind.name} {detail}".strip())
        self.kind = kind
        self.retry_after_s = retry_after_s
        self.detail = detail


_BY_ERRCODE = {
    "M_THREEPID_DENIED": EmailCheckError.DOMAIN_REFUSED,
    "M_THREEPID_IN_USE": EmailCheckError.EMAIL_IN_USE,
    "M_THREEPID_NOT_FOUND": EmailCheckError.EMAIL_UNKNOWN,
    "M_THREEPID_MEDIUM_NOT_SUPPORTED": EmailCheckError.EMAIL_NOT_SUPPORTED,
    "M_THREEPID_AUTH_FAILED": EmailCheckError.LINK_NOT_OPENED,
    "M_USER_IN_USE": EmailCheckError.USER_IN_USE,
    "M_INVALID_USERNAME": EmailCheckError.INVALID_EMAIL,
    "M_EXCLUSIVE": EmailCheckError.USER_IN_USE,
    "M_WEAK_PASSWORD": EmailCheckError.WEAK_PASSWORD,
    "M_PASSWORD_TOO_SHORT": EmailCheckError.WEAK_PASSWORD,
    "M_PASSWORD_NO_DIGIT": EmailCheckError.WEAK_PASSWORD,
    "M_PASSWORD_NO_SYMBOL": EmailCheckError.WEAK_PASSWORD,
    "M_PASSWORD_NO_UPPERCASE": EmailCheckError.WEAK_PASSWORD,
    "M_PASSWORD_NO_LOWERCASE": EmailCheckError.WEAK_PASSWORD,
    "M_PASSWORD_IN_DICTIONARY": EmailCheckError.WEAK_PASSWORD,
    "M_SERVER_NOT_TRUSTED": EmailCheckError.EMAIL_NOT_SUPPORTED,
}
_BY_KIND = {
    ApiErrorKind.NETWORK: EmailCheckError.UNREACHABLE,
    ApiErrorKind.BAD_RESPONSE: EmailCheckError.NOT_MATRIX,
    ApiErrorKind.SERVER_ERROR: EmailCheckError.SERVER_ERROR,
    ApiErrorKind.RATE_LIMITED: EmailCheckError.RATE_LIMITED,
    ApiErrorKind.NOT_FOUND: EmailCheckError.NOT_MATRIX,
}


def failure_of(error: ApiError, *, forbidden: EmailCheckError) -> EmailCheckFailed:
    """The EmailCheckFailed of an API error; a bare 403 means `forbidden` to the caller."""
    kind = _BY_ERRCODE.get(error.errcode) or _BY_KIND.get(error.kind)
    if kind is None and error.kind is ApiErrorKind.FORBIDDEN:
        kind = forbidden
    if (
        kind is None
        and error.kind is ApiErrorKind.REFUSED
        and error.errcode == "M_NO_VALID_SESSION"
    ):
        kind = EmailCheckError.SESSION_EXPIRED
    if kind is None and error.kind is ApiErrorKind.REFUSED and error.errcode == "M_INVALID_PARAM":
        kind = EmailCheckError.INVALID_EMAIL
    if kind is None and error.kind is ApiErrorKind.REFUSED and not error.errcode:
        kind = EmailCheckError.NOT_MATRIX  # an HTML 4xx page from a proxy
    if kind is None:
        kind = EmailCheckError.UNKNOWN
    log.info("email check refused: %s", error)
    wait = error.retry_after_s if kind is EmailCheckError.RATE_LIMITED else None
    return EmailCheckFailed(kind, retry_after_s=wait, detail=error.errcode)


@dataclass
class EmailToken:
    """One validation the server started: its id and our secret (never logged)."""

    email: str
    sid: str
    client_secret: str
    send_attempt: int = 1

    def threepid_creds(self) -> dict[str, str]:
        """The proof the UIA stage takes once the link was opened."""
        return {"sid": self.sid, "client_secret": self.client_secret}


async def request_token(
    api: ApiClient, endpoint: str, email: str, previous: EmailToken | None = None,
    *, forbidden: EmailCheckError,
) -> EmailToken:  # fmt: skip
    """Have the server mail a link to `email` (`endpoint`: `/register` or `/account/password`).

    With `previous`, the same validation is mailed again (the next send attempt).
    """
    secret = previous.client_secret if previous else secrets.token_hex(16)
    attempt = previous.send_attempt + 1 if previous else 1
    body = {"client_secret": secret, "email": email, "send_attempt": attempt}
    try:
        data = await api.request(
            "POST", f"/_matrix/client/v3{endpoint}/email/requestToken", body,
            authenticated=False, timeout=30,
        )  # fmt: skip
    except ApiError as error:
        raise failure_of(error, forbidden=forbidden) from error
    sid = data.get("sid")
    if not isinstance(sid, str) or not sid:
        log.warning("requestToken answered without a sid")
        raise EmailCheckFailed(EmailCheckError.NOT_MATRIX)
    return EmailToken(email, sid, secret, attempt)


def uia_session(error: ApiError) -> tuple[str, list[list[str]], list[str]]:
    """(session, flows as lists of stages, completed stages) of a 401 UIA answer."""
    data: Any = error.data if isinstance(error.data, dict) else {}
    session = data.get("session") if isinstance(data.get("session"), str) else ""
    flows = [
        [s for s in flow.get("stages", []) if isinstance(s, str)]
        for flow in data.get("flows", [])
        if isinstance(flow, dict) and isinstance(flow.get("stages"), list)
    ]
    completed = [s for s in data.get("completed", []) if isinstance(s, str)]
    return session, flows, completed


def email_flow_offered(flows: list[list[str]]) -> bool:
    """True if some flow is the email stage alone (or with `m.login.dummy`)."""
    return any(EMAIL_STAGE in flow and set(flow) <= {EMAIL_STAGE, "m.login.dummy"}
               for flow in flows)  # fmt: skip


def email_auth(token: EmailToken, session: str) -> dict[str, Any]:
    """The `auth` object that proves the link was opened."""
    auth: dict[str, Any] = {"type": EMAIL_STAGE, "threepid_creds": token.threepid_creds()}
    if session:
        auth["session"] = session
    return auth
