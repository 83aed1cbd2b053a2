"""The "liste rouge": the user hides their profile from Tchap's user directory.

Tchap keeps the choice in the account's global account data `im.vector.hide_profile`
(`{"hide_profile": true}`); Tchap's server module leaves such a user out of directory
searches. The choice goes to the server through the outbox (queued offline, sent once,
surviving a restart) and is kept in the cache's meta table with the outbox transaction that
carries it: while that transaction waits, the user's choice is what the page shows; after,
the server's value is (another device may have changed it).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from app.accounts.interactive_auth import failure_of
from app.net.api import ApiClient, ApiError, ApiErrorKind, path
from app.store.cache import get_meta, set_meta
from app.store.outbox_store import outbox_txn_ids
from app.store.rows import Transaction

log = logging.getLogger("tchap.net")

HIDE_PROFILE = "im.vector.hide_profile"
_META = "hide_profile"


def account_data_path(user_id: str) -> str:
    """Where the account data lives on the server."""
    return path("/_matrix/client/v3/user/{}/account_data/{}", user_id, HIDE_PROFILE)


def parse_hidden(data: Any) -> bool:
    """The flag of an `im.vector.hide_profile` content (anything but `true` is not hidden)."""
    return isinstance(data, dict) and data.get("hide_profile") is True


def remember_choice(conn: Any, hidden: bool, txn_id: str) -> None:
    """Keep the user's choice and the outbox transaction that carries it (database thread)."""
    with Transaction(conn):
        set_meta(conn, _META, json.dumps({"hidden": hidden, "txn": txn_id}))


def pending_choice(conn: Any) -> bool | None:
    """The user's choice while the outbox still holds it; None once it was sent (or never)."""
    raw = get_meta(conn, _META)
    try:
        kept = json.loads(raw) if raw else None
    except ValueError:
        log.warning("hide_profile: the cached choice is not JSON: ignored")
        return None
    if not isinstance(kept, dict) or not isinstance(kept.get("hidden"), bool):
        return None
    return kept["hidden"] if kept.get("txn") in outbox_txn_ids(conn) else None


async def fetch_hidden(api: ApiClient, user_id: str) -> bool:
    """The flag on the server (not set at all: not hidden)."""
    try:
        data = await api.request("GET", account_data_path(user_id), timeout=15, retries=1)
    except ApiError as error:
        if error.kind is ApiErrorKind.NOT_FOUND:
            return False
        raise failure_of(error) from error
    return parse_hidden(data)
