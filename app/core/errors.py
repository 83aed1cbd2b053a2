"""Known errors the core reports to the UI as enums (the UI words them, translated)."""

from __future__ import annotations

from enum import Enum, auto


class LoginError(Enum):
    BAD_CREDENTIALS = auto()  # M_FORBIDDEN on /login
    UNREACHABLE = auto()  # DNS, timed out, no network
    SERVER_DOWN = auto()  # refused, cut, 502/503/504, or no usable answer from a lookup
    TLS_ERROR = auto()  # the server's certificate (or TLS itself) failed
    NO_SERVER_FOUND = auto()  # no server knows this email address
    NOT_MATRIX = auto()  # answers, but /_matrix/client/versions is not a Matrix server
    RATE_LIMITED = auto()  # 429 M_LIMIT_EXCEEDED; retry_after_s says how long
    SERVER_ERROR = auto()  # 5xx; status says which
    USER_DEACTIVATED = auto()  # M_USER_DEACTIVATED
    ACCOUNT_EXPIRED = auto()  # ORG_MATRIX_EXPIRED_ACCOUNT
    INVALID_IDENTIFIER = auto()  # neither @user:server, an email, nor a username
    INVALID_HOMESERVER = auto()  # not a URL we can use
    KEYRING_UNAVAILABLE = auto()  # no OS keyring and no opt-in to a plaintext file
    UNKNOWN = auto()


class LoginFailed(Exception):
    """Sign-in did not succeed; `kind` says why, for the form's message."""

    def __init__(
        self,
        kind: LoginError,
        *,
        retry_after_s: float | None = None,
        status: int | None = None,
        detail: str = "",
    ) -> None:
        super().__init__(f"{kind.name} {detail}".strip())
        self.kind = kind
        self.retry_after_s = retry_after_s
        self.status = status
        self.detail = detail


class ActionError(Enum):
    NETWORK = auto()
    FORBIDDEN = auto()
    NOT_FOUND = auto()
    RATE_LIMITED = auto()
    SERVER_ERROR = auto()
    INVALID_USER = auto()
    CRYPTO_NOT_READY = auto()
    INVALID_FILE = auto()  # a key export that cannot be read (wrong passphrase, corrupt)
    UNREADABLE_FILE = auto()  # a file to send that cannot be opened (gone, permissions, folder)
    UNKNOWN = auto()


class ActionFailed(Exception):
    """A room action (create, join, leave, send...) was refused or could not be done."""

    def __init__(self, kind: ActionError, detail: str = "") -> None:
        super().__init__(f"{kind.name} {detail}".strip())
        self.kind = kind
        self.detail = detail


class CryptoStoreNotLoaded(RuntimeError):
    """Raised before any send to an encrypted room when nio's crypto store is missing.

    Without a store nio silently sends plain text; this must never happen.
    """
