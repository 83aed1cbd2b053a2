"""Fixtures for expired accounts: an SMTP sink on 127.0.0.1 and a Synapse that expires accounts.

The Synapse has its built-in account validity (the same 403 `ORG_MATRIX_EXPIRED_ACCOUNT` as
Tchap's module) and mails through the sink, so a test reads the renewal email and opens
its link as the user would.
"""

from __future__ import annotations

import email
import email.policy
import re
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from devtools.homeserver import Homeserver, free_port


@dataclass
class Mail:
    to: list[str]
    subject: str
    text: str

    def links(self) -> list[str]:
        """Every http(s) link in the mail's text."""
        return re.findall(r"https?://[^\s\"'<>]+", self.text)


class SmtpSink:
    """Keeps every mail it receives; `mails_to(address)` lists them."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.port = free_port()
        self.mails: list[Mail] = []
        self._lock = threading.Lock()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        parts = [p for p in message.walk() if p.get_content_type() in ("text/plain", "text/html")]
        text = "\n".join(p.get_content() for p in parts)
        with self._lock:
            self.mails.append(Mail(list(envelope.rcpt_tos), str(message["subject"]), text))
        return "250 OK"

    def mails_to(self, address: str) -> list[Mail]:
        with self._lock:
            return [m for m in self.mails if address in m.to]

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()


@pytest.fixture(scope="session")
def smtp_sink() -> Iterator[SmtpSink]:
    """An SMTP server on 127.0.0.1 that keeps the mails (for the renewal links)."""
    sink = SmtpSink()
    sink.start()
    try:
        yield sink
    finally:
        sink.stop()


@pytest.fixture(scope="session")
def validity_synapse(tmp_path_factory, smtp_sink: SmtpSink) -> Iterator[Homeserver]:
    """A Synapse whose accounts expire (built-in account validity) and that mails the sink."""
    config = {
        "account_validity": {"enabled": True, "period": "1h", "renew_at": "1w"},
        "email": {
            "smtp_host": "127.0.0.1",
            "smtp_port": smtp_sink.port,
            "enable_tls": False,
            "require_transport_security": False,
            "notif_from": "Tchap <noreply@tchap.test>",
            "app_name": "Tchap",
        },
    }
    hs = Homeserver(tmp_path_factory.mktemp("validity"), extra_config=config)
    hs.start()
    try:
        yield hs
    finally:
        hs.stop()


def expire_now(hs: Homeserver, user_id: str) -> None:
    """Expire `user_id` at once (Synapse's admin API), renewal emails allowed."""
    hs.request("POST", "/_synapse/admin/v1/account_validity/validity",
               {"user_id": user_id, "expiration_ts": 0, "enable_renewal_emails": True},
               token=hs.admin_token())  # fmt: skip


def open_link(url: str) -> int:
    """GET a link from a mail, as a browser would; returns the HTTP status."""
    host = urllib.parse.urlsplit(url).hostname
    assert host in ("127.0.0.1", "localhost"), url  # never leave the machine
    with urllib.request.urlopen(url.replace("&amp;", "&"), timeout=30) as answer:
        return answer.status
