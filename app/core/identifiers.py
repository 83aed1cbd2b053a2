"""Recognising what the user typed in the identifier field of the sign-in form."""

from __future__ import annotations

import re

USER_ID = re.compile(
    r"^@[a-z0-9._=\-/+]+:[A-Za-z0-9.\-]+(:\d{1,5})?$|^@[^:\s]+:\[[0-9a-fA-F:.]+\](:\d{1,5})?$"
)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LOCALPART = re.compile(r"^[a-z0-9._=\-/+]+$")


def localpart_of_email(email: str) -> str:
    """Tchap's account name for an address: `jean.martin@x.gouv.fr` → `jean.martin-x.gouv.fr`."""
    local = email.strip().lower().replace("@", "-", 1)
    return re.sub(r"[^a-z0-9._=/+-]", "_", local)


def is_user_id(text: str) -> bool:
    """Whether `text` is a Matrix user id such as @jean.martin-interieur.gouv.fr:agent.tchap.gouv.fr."""
    return bool(USER_ID.match(text.strip()))


def login_identifier(text: str) -> dict | None:
    """The /login `identifier` for a Matrix ID, an email address or a bare username."""
    text = text.strip()
    if text.startswith("@"):
        return {"type": "m.id.user", "user": text} if is_user_id(text) else None
    if EMAIL.match(text):
        return {"type": "m.id.thirdparty", "medium": "email", "address": text.lower()}
    if LOCALPART.match(text.lower()):
        return {"type": "m.id.user", "user": text.lower()}
    return None
