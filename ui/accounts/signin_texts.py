"""Sentences of the sign-in form about finding the server and why signing in failed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.accounts.discovery import ServerChoice, Source
from app.core.errors import LoginError, LoginFailed
from ui import texts

translate = QCoreApplication.translate  # lupdate reads translate("SignInTexts", "...") calls


def looking_text() -> str:
    """While the lookup runs."""
    return translate("SignInTexts", "Looking for your server…")


def found_text(choice: ServerChoice) -> str:
    """The server chosen, shown before signing in."""
    if choice.moved:
        return translate("SignInTexts", "Your account moved to {server}").format(server=choice.name)
    if choice.source is Source.DOMAIN_TABLE:
        return translate("SignInTexts", "Your organisation's server: {server}").format(
            server=choice.name
        )
    return translate("SignInTexts", "Your server: {server}").format(server=choice.name)


def locked_text(server: str) -> str:
    """The one server IT allows."""
    return translate("SignInTexts", "Server: {server} (set by your administrator)").format(
        server=server
    )


def cancelled_text() -> str:
    """The user stopped the lookup."""
    return translate("SignInTexts", "Search stopped. Sign in to try again.")


def needs_server_text() -> str:
    """A bare username gives no server to look for."""
    return translate(
        "SignInTexts",
        "Enter your professional email address, or your Matrix ID with Other server… opened.",
    )


def lookup_error_text(err: LoginFailed, address: str) -> str:
    """Why no server was found for an address."""
    kind = err.kind
    if kind is LoginError.NO_SERVER_FOUND:
        return translate(
            "SignInTexts",
            "No Tchap server knows the address {address}. Check it, or choose Other server… "
            "if your organisation has its own server.",
        ).format(address=address)
    if kind is LoginError.TLS_ERROR:
        return translate(
            "SignInTexts",
            "The connection to the Tchap servers is not secure (invalid certificate). "
            "If this persists, contact your IT support.",
        )
    if kind is LoginError.SERVER_DOWN:
        return translate(
            "SignInTexts",
            "The Tchap servers are not answering right now. Try again in a few minutes.",
        )
    if kind is LoginError.UNREACHABLE:
        return translate(
            "SignInTexts", "Cannot reach the Tchap servers to find yours. Check your connection."
        )
    return error_text(err, address)


def error_text(err: LoginFailed, server: str) -> str:
    """Why signing in to `server` failed."""
    kind = err.kind
    if kind is LoginError.TLS_ERROR:
        return translate(
            "SignInTexts",
            "The connection to {server} is not secure: its certificate is not valid. "
            "If this persists, contact your IT support.",
        ).format(server=server)
    if kind is LoginError.SERVER_DOWN:
        return translate(
            "SignInTexts",
            "{server} is not answering right now. It may be down or under maintenance: "
            "try again in a few minutes.",
        ).format(server=server)
    if kind is LoginError.NO_SERVER_FOUND:
        return translate("SignInTexts", "No server was found for this address.")
    return texts.login_error_text(err, server)


def soft_logout_text() -> str:
    """Asking the password again after the server ended the session."""
    return translate(
        "SignInTexts",
        "The server ended your session. Enter your password again: your messages and "
        "encryption keys on this computer are kept.",
    )
