"""The server's password rules (`GET /password_policy`) and how strong a password looks.

Pure functions but `fetch_policy`: the forms show, as the user types, which rule is not met
yet and a strength from 0 (very weak) to 4 (strong), so the server's refusal is the
exception, not the way the user learns the rules.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from enum import Enum, auto

from app.net.api import ApiClient, ApiError

log = logging.getLogger("tchap.net")


class PasswordRule(Enum):
    MIN_LENGTH = auto()
    DIGIT = auto()
    SYMBOL = auto()
    LOWERCASE = auto()
    UPPERCASE = auto()


# The errcode a server answers when a rule is not met, for the form to point at it.
RULE_OF_ERRCODE = {
    "M_PASSWORD_TOO_SHORT": PasswordRule.MIN_LENGTH,
    "M_PASSWORD_NO_DIGIT": PasswordRule.DIGIT,
    "M_PASSWORD_NO_SYMBOL": PasswordRule.SYMBOL,
    "M_PASSWORD_NO_LOWERCASE": PasswordRule.LOWERCASE,
    "M_PASSWORD_NO_UPPERCASE": PasswordRule.UPPERCASE,
}


@dataclass(frozen=True)
class PasswordPolicy:
    """What the server demands; the defaults demand nothing."""

    min_length: int = 0
    require_digit: bool = False
    require_symbol: bool = False
    require_lowercase: bool = False
    require_uppercase: bool = False

    @classmethod
    def from_json(cls, data: object) -> PasswordPolicy:
        """Read `/password_policy`; a value of the wrong type is ignored, never trusted."""
        if not isinstance(data, dict):
            return cls()

        def flag(key: str) -> bool:
            return data.get(key) is True

        length = data.get("m.minimum_length")
        if not isinstance(length, int) or isinstance(length, bool) or not 0 <= length <= 512:
            length = 0
        return cls(length, flag("m.require_digit"), flag("m.require_symbol"),
                   flag("m.require_lowercase"), flag("m.require_uppercase"))  # fmt: skip

    def rules(self) -> list[PasswordRule]:
        """The rules this policy has, in the order the form lists them."""
        wanted = [
            (self.min_length > 0, PasswordRule.MIN_LENGTH),
            (self.require_lowercase, PasswordRule.LOWERCASE),
            (self.require_uppercase, PasswordRule.UPPERCASE),
            (self.require_digit, PasswordRule.DIGIT),
            (self.require_symbol, PasswordRule.SYMBOL),
        ]
        return [rule for on, rule in wanted if on]

    def unmet(self, password: str) -> list[PasswordRule]:
        """The rules `password` does not meet yet."""
        met = {
            PasswordRule.MIN_LENGTH: len(password) >= self.min_length,
            PasswordRule.DIGIT: any(c.isdigit() for c in password),
            PasswordRule.SYMBOL: any(not c.isalnum() for c in password),
            PasswordRule.LOWERCASE: any(c.islower() for c in password),
            PasswordRule.UPPERCASE: any(c.isupper() for c in password),
        }
        return [rule for rule in self.rules() if not met[rule]]


_COMMON = re.compile(
    r"(password|motdepasse|azerty|qwerty|123456|tchap|soleil|bonjour)", re.IGNORECASE
)


def strength(password: str) -> int:
    """0 (very weak) to 4 (strong): the bits of a guess over the kinds of characters used,
    less for repeats, runs and the words every list of leaked passwords starts with."""
    if not password:
        return 0
    pool = 0
    pool += 26 if re.search(r"[a-z]", password) else 0
    pool += 26 if re.search(r"[A-Z]", password) else 0
    pool += 10 if re.search(r"\d", password) else 0
    pool += 33 if re.search(r"[^a-zA-Z\d]", password) else 0
    distinct = len(set(password))
    effective = min(len(password), distinct * 2)  # "aaaaaaaa" is not 8 characters of guess
    bits = effective * math.log2(max(pool, 2))
    if _COMMON.search(password):
        bits -= 20
    if re.search(r"(012|123|234|345|456|567|678|789|abc|bcd|cde)", password, re.IGNORECASE):
        bits -= 8
    for threshold, score in ((80, 4), (60, 3), (40, 2), (25, 1)):
        if bits >= threshold:
            return score
    return 0


async def fetch_policy(api: ApiClient) -> PasswordPolicy:
    """The server's policy; none (no rules) if it has none or does not answer with one."""
    try:
        data = await api.request(
            "GET", "/_matrix/client/v3/password_policy", authenticated=False, timeout=15
        )
    except ApiError as error:
        log.info("no password policy: %s", error)
        return PasswordPolicy()
    return PasswordPolicy.from_json(data)
