"""A Synapse module standing in for Tchap's server side of the "liste rouge".

Stock Synapse does not know `im.vector.hide_profile`: its user directory finds a hidden
user like any other. Tchap's servers leave such a user out of directory searches; this
module does the same through Synapse's spam-checker hook `check_username_for_spam`, which
Synapse asks about every user a directory search would return. The tests load it (copied
next to the homeserver's config, where `python -m synapse.app.homeserver` imports it) to
check, end to end, that the client's switch hides the profile from another account.
"""

from __future__ import annotations

import json
from typing import Any

HIDE_PROFILE = "im.vector.hide_profile"


class HideProfileModule:
    """`modules: [{module: synapse_hide_profile.HideProfileModule}]` in homeserver.yaml."""

    def __init__(self, config: dict, api: Any) -> None:
        self._api = api
        api.register_spam_checker_callbacks(check_username_for_spam=self.hidden)

    @staticmethod
    def parse_config(config: dict) -> dict:
        return config

    async def hidden(self, user_profile: Any, requester_id: str = "") -> bool:
        """True (leave out of the results) when the user asked to be hidden."""
        user_id = user_profile["user_id"]
        if user_id == requester_id:
            return False
        # Read from the database, not Synapse's account-data caches: a search must see a
        # choice made a moment ago (the cached read was seen to lag behind a new value).
        raw = await self._api.run_db_interaction("hide_profile", _select, user_id)
        try:
            content = json.loads(raw) if raw else None
        except ValueError:
            return False
        return isinstance(content, dict) and content.get("hide_profile") is True


def _select(txn: Any, user_id: str) -> str | None:
    txn.execute(
        "SELECT content FROM account_data WHERE user_id = ? AND account_data_type = ?",
        (user_id, HIDE_PROFILE),
    )
    row = txn.fetchone()
    return row[0] if row else None
