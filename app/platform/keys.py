"""An account's secrets in the keyring: the access token, the crypto pickle key, the cache key.

Kept apart from sign-in so that a warm start reads them without loading the network stack.
"""

from __future__ import annotations

import json
import logging

from app.platform.logs import register_secret

log = logging.getLogger("tchap.secrets")
SECRET_NAMES = ("access_token", "pickle_key", "cache_key")


def secrets_usable(store) -> bool:
    """A keyring is there, or the user opted in to the plaintext file."""
    return bool(store.available or store.using_plaintext)


def secret_name(user_id: str) -> str:
    """The keyring entry of an account: one item holding its three secrets.

    One item means one keyring round-trip at start (each is a D-Bus call on Linux,
    ~45 ms) and one entry for the user to see in their keyring manager.
    """
    return f"{user_id}/session"


def store_secrets(store, user_id: str, keys: dict) -> None:
    """Keep the account's secrets (keyring, or the opt-in file)."""
    for name in SECRET_NAMES:
        register_secret(keys[name])  # the log filter scrubs each value, not only the item
    store.set(secret_name(user_id), json.dumps({name: keys[name] for name in SECRET_NAMES}))


def load_secrets(store, user_id: str) -> dict | None:
    """The account's secrets, or None if missing or unreadable."""
    text = store.get(secret_name(user_id))
    try:
        keys = json.loads(text) if text else {}
    except ValueError:
        log.warning("stored secrets unreadable: signing in again")
        return None
    keys = {name: keys.get(name) for name in SECRET_NAMES} if isinstance(keys, dict) else {}
    for value in keys.values():
        if isinstance(value, str):
            register_secret(value)
    return keys if keys and all(isinstance(v, str) and v for v in keys.values()) else None


def delete_secrets(store, user_id: str) -> None:
    """Remove the account's secrets from the keyring (or the opt-in file)."""
    store.delete(secret_name(user_id))
