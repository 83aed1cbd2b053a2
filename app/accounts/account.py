"""`Account`: the signed-in account itself, as the Settings window sees it.

A handle like `Room`: the session makes one on demand (`session.account()`), handing it
how to reach the network side and what to do once the account is gone. It composes the
account modules (profile, privacy, devices, password); it holds no state of its own beyond
what the server or the cache says. Changes the user makes go through the outbox.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.accounts import devices as devices_mod
from app.accounts import privacy, profile
from app.accounts.devices import Device
from app.accounts.interactive_auth import AccountActionFailed, AccountError
from app.accounts.profile import AccountProfile
from app.core.errors import ActionFailed
from app.core.events import ProfileChanged
from app.store.cache import set_meta

log = logging.getLogger("tchap.net")


@dataclass(frozen=True)
class AccountHooks:
    """What the session does when the account changes under it."""

    renamed: Callable[[str], None]  # our display name changed
    ending: Callable[[bool], None]  # True: tokens may end now (deactivation): not a lost session
    deactivated: Callable[[], Awaitable[None]]  # the account is gone: sign out and wipe


class Account:
    """Profile, privacy, password and sessions of the signed-in account."""

    def __init__(
        self,
        connect: Callable[[], Awaitable[Any]],  # Session._connect: the Services
        config: Any,
        hooks: AccountHooks,
    ) -> None:
        self._connect = connect
        self._config = config
        self._hooks = hooks

    async def _services(self) -> Any:
        try:
            return await self._connect()
        except ActionFailed as exc:  # not signed in, crypto store unavailable...
            raise AccountActionFailed(AccountError.UNKNOWN, detail=str(exc)) from exc

    async def profile(self) -> AccountProfile:
        """Name, avatar and email addresses from the server; whether the name may change."""
        services = await self._services()
        ctx = services.ctx
        editable = not profile.is_tchap_server(ctx.user_id, ctx.api.homeserver, self._config)
        return await profile.fetch_profile(ctx.api, ctx.user_id, editable)

    async def set_display_name(self, name: str) -> None:
        """A new display name: in force here at once, to the server through the outbox."""
        services = await self._services()
        ctx = services.ctx
        if profile.is_tchap_server(ctx.user_id, ctx.api.homeserver, self._config):
            raise AccountActionFailed(AccountError.FORBIDDEN, detail="name set by Tchap")
        method, api_path, body = profile.display_name_request(ctx.user_id, name)
        await services.outbox.queue_request(method, api_path, body)
        await ctx.cache.call(set_meta, "own_name", body["displayname"])
        self._hooks.renamed(body["displayname"])
        ctx.publish(ProfileChanged(ctx.user_id, body["displayname"]))

    async def set_avatar(self, path: str | Path | None) -> str:
        """Upload an image and make it the avatar (None removes it); its mxc:// URI or ""."""
        services = await self._services()
        ctx = services.ctx
        uri = await profile.upload_avatar(ctx.api, path) if path is not None else ""
        await services.outbox.queue_request(*profile.avatar_request(ctx.user_id, uri))
        return uri

    async def hidden_from_directory(self) -> bool:
        """Is the profile on the "liste rouge" (our pending choice, else the server's)?"""
        services = await self._services()
        ctx = services.ctx
        pending = await ctx.cache.call(privacy.pending_choice)
        if pending is not None:
            return pending
        return await privacy.fetch_hidden(ctx.api, ctx.user_id)

    async def set_hidden_from_directory(self, hidden: bool) -> None:
        """Put the profile on the "liste rouge" or take it off, through the outbox."""
        services = await self._services()
        ctx = services.ctx
        txn_id = await services.outbox.queue_request(
            "PUT", privacy.account_data_path(ctx.user_id), {"hide_profile": hidden}
        )
        await ctx.cache.call(privacy.remember_choice, hidden, txn_id)
        log.info("hide profile from the directory: %s (queued)", hidden)

    async def devices(self) -> list[Device]:
        """Every session of the account, this one first."""
        services = await self._services()
        return await devices_mod.list_devices(services.ctx.api, services.client.device_id)

    async def rename_device(self, device_id: str, name: str) -> None:
        """Give a session a new name."""
        services = await self._services()
        await devices_mod.rename_device(services.ctx.api, device_id, name)

    async def sign_out_devices(self, device_ids: list[str], password: str) -> None:
        """Sign other sessions out, confirmed with the password (never this one: sign out)."""
        services = await self._services()
        ids = [d for d in device_ids if d != services.client.device_id]
        await devices_mod.sign_out_devices(services.ctx.api, services.ctx.user_id, ids, password)

    async def change_password(self, old: str, new: str, logout_devices: bool) -> None:
        """Change the password (raises app.accounts.email_check.EmailCheckFailed)."""
        from app.accounts.password import change_password

        services = await self._services()
        await change_password(services.ctx.api, old, new, logout_devices)

    async def deactivate(self, password: str) -> None:
        """Close the account for good; then nothing of it is kept on this computer."""
        services = await self._services()
        # Synapse ends every token while it answers: the sync's 401 must not end the session
        # on its own (with a "session ended" screen) while the answer is on its way.
        self._hooks.ending(True)
        try:
            await profile.deactivate(services.ctx.api, services.ctx.user_id, password)
        except BaseException:
            self._hooks.ending(False)
            raise
        await self._hooks.deactivated()
