"""The demo's mail: Synapse mails registration and password-reset links to a local SMTP sink
that prints each link in the terminal (and keeps the message under demo-data/mail/), so
"Créer un compte" and "Mot de passe oublié ?" can be tried in `make demo` with no real mail.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Callable
from pathlib import Path

from devtools.homeserver import free_port

LINK = re.compile(r"https?://127\.0\.0\.1:\d+/\S*submit_token\?[^\s\"'<>]+")
# Who may register on the demo server (the agents' domains, as Tchap allows).
ALLOWED_DOMAINS = r".*@(.*\.)?gouv\.fr|.*@example\.org"
PASSWORD_POLICY = {"enabled": True, "minimum_length": 10, "require_digit": True}


def email_config(smtp_port: int, allowed: str = ALLOWED_DOMAINS) -> dict:
    """Synapse settings: accounts checked by email, links mailed to 127.0.0.1:`smtp_port`."""
    return {
        "enable_registration": True,
        "registrations_require_3pid": ["email"],
        "allowed_local_3pids": [{"medium": "email", "pattern": allowed}],
        "password_config": {"policy": PASSWORD_POLICY},
        "email": {
            "smtp_host": "127.0.0.1",
            "smtp_port": smtp_port,
            "enable_tls": False,
            "require_transport_security": False,
            "notif_from": "Tchap <noreply@tchap.localhost>",
            "app_name": "Tchap",
        },
    }


def link_in(message: email.message.EmailMessage) -> str | None:
    """The validation link of a mail Synapse sent, if it has one."""
    body = message.get_body(preferencelist=("plain", "html"))
    found = LINK.search(body.get_content() if body else "")
    return found.group(0).replace("&amp;", "&") if found else None


class DemoMailbox:
    """An aiosmtpd server on 127.0.0.1 that tells `say` about every link it receives."""

    def __init__(self, folder: Path, say: Callable[[str], None]) -> None:
        self.folder = folder
        self._say = say
        self._controller = None
        self.port = 0

    async def handle_DATA(self, server, session, envelope) -> str:  # aiosmtpd's handler hook
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.folder.mkdir(parents=True, exist_ok=True)
        count = len(list(self.folder.glob("*.eml")))
        (self.folder / f"{count + 1:03d}.eml").write_bytes(envelope.content)
        link = link_in(message)
        self._say(f"mail to {message['To']}: {link or message['Subject']}")
        if link and "password_reset" in link:
            self._say("  (open it in a browser and confirm, then choose the new password)")
        return "250 OK"

    def start(self) -> int:
        """Start listening; returns the port."""
        from aiosmtpd.controller import Controller

        self.port = free_port()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self.port

    def stop(self) -> None:
        """Stop listening (idempotent)."""
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()
