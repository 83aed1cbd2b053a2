"""The demo's mailbox prints the link of each mail Synapse sends and keeps the message."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from devtools.demo_mail import DemoMailbox


def test_a_mailed_link_is_printed_and_kept(tmp_path):
    said: list[str] = []
    box = DemoMailbox(tmp_path / "mail", said.append)
    port = box.start()
    try:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "hs@x", "jeanne@dinum.gouv.fr", "Tchap"
        link = "http://127.0.0.1:8448/_synapse/client/password_reset/email/submit_token?token=t&sid=s"
        message.set_content(f"Ouvrez ce lien : {link}\n")
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as smtp:
            smtp.send_message(message)  # answered once the mailbox handled it
    finally:
        box.stop()
    assert said[0] == f"mail to jeanne@dinum.gouv.fr: {link}"
    assert "confirm" in said[1]
    assert len(list((tmp_path / "mail").glob("*.eml"))) == 1
