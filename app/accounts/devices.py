"""The account's sessions (devices): listed, renamed, signed out with the password.

`GET /devices` lists every device of the account with its name and when and where it was
last seen; this one is marked. A name goes with `PUT /devices/{id}`; several devices are
signed out at once with `POST /delete_devices`, which the server confirms with the
account's password (interactive auth). An answer that is not a list of devices is read
defensively: a bad entry is skipped with a log line, never a crash.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from app.accounts.interactive_auth import (
    AccountActionFailed,
    AccountError,
    request,
    with_password,
)
from app.net.api import ApiClient, path

log = logging.getLogger("tchap.net")

MAX_NAME = 100  # characters; servers refuse longer display names of devices


@dataclass(frozen=True)
class Device:
    """One session of the account."""

    device_id: str
    name: str  # "" when the device has none
    last_seen_ms: int | None  # when it was last seen (ms since the epoch), if the server knows
    last_seen_ip: str  # "" if unknown
    current: bool  # this very device


def parse_devices(data: Any, current_device: str) -> list[Device]:
    """The devices of a `/devices` answer, this one first, then the most recently seen."""
    entries = data.get("devices") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        log.warning("devices: the answer holds no list of devices")
        raise AccountActionFailed(AccountError.BAD_RESPONSE, detail="no devices list")
    devices = []
    for entry in entries:
        device_id = entry.get("device_id") if isinstance(entry, dict) else None
        if not isinstance(device_id, str) or not device_id:
            log.warning("devices: an entry without a device id skipped")
            continue
        name = entry.get("display_name")
        seen = entry.get("last_seen_ts")
        ip = entry.get("last_seen_ip")
        devices.append(
            Device(
                device_id,
                name.strip()[:MAX_NAME] if isinstance(name, str) else "",
                seen if isinstance(seen, int) and not isinstance(seen, bool) else None,
                ip if isinstance(ip, str) else "",
                device_id == current_device,
            )
        )
    devices.sort(key=lambda d: (not d.current, -(d.last_seen_ms or 0), d.device_id))
    return devices


async def list_devices(api: ApiClient, current_device: str) -> list[Device]:
    """Every device of the account (raises AccountActionFailed)."""
    data = await request(api, "GET", "/_matrix/client/v3/devices", timeout=20, retries=1)
    return parse_devices(data, current_device)


async def rename_device(api: ApiClient, device_id: str, name: str) -> None:
    """Give a device a new name (seen by the account only, and by those it talks to)."""
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        raise AccountActionFailed(AccountError.INVALID, detail="device name")
    await request(
        api, "PUT", path("/_matrix/client/v3/devices/{}", device_id), {"display_name": name}
    )
    log.info("device renamed")


async def sign_out_devices(
    api: ApiClient, user_id: str, device_ids: list[str], password: str
) -> None:
    """Sign the devices out (their tokens and keys end), proven with the password."""
    if not device_ids:
        return
    await with_password(
        api, "/_matrix/client/v3/delete_devices", {"devices": list(device_ids)}, user_id, password
    )
    log.info("%d device(s) signed out", len(device_ids))
