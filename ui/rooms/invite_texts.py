"""The sentences of invitations: each entry's result, the preview and the summary."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.rooms.invitations import InviteOutcome, InviteRefusal, InviteResult
from app.rooms.invite_list import Entry, EntryKind
from ui.rooms.rule_texts import refusal_text

translate = QCoreApplication.translate  # lupdate reads translate("InviteTexts", "...") calls


def pending_text(entry: Entry) -> str:
    """What the preview says of an entry before anything is sent."""
    if entry.kind is EntryKind.INVALID:
        return not_an_address_text()
    if entry.kind is EntryKind.EMAIL:
        return translate("InviteTexts", "To invite (email address)")
    return translate("InviteTexts", "To invite (Matrix ID)")


def not_an_address_text() -> str:
    return translate("InviteTexts", "Neither an email address nor a Matrix ID")


def stopped_text() -> str:
    """An entry the user stopped before it was sent."""
    return translate("InviteTexts", "Not sent: stopped")


def result_text(result: InviteResult) -> str:
    """One entry's result, in one sentence."""
    outcome = result.outcome
    if outcome is InviteOutcome.REFUSED:
        return refused_text(result)
    texts = {
        InviteOutcome.INVITED: translate("InviteTexts", "Invitation sent"),
        InviteOutcome.INVITED_BY_EMAIL: translate(
            "InviteTexts", "Invitation sent by email (no account yet)"),
        InviteOutcome.ALREADY_MEMBER: translate("InviteTexts", "Already a member of the salon"),
        InviteOutcome.ALREADY_INVITED: translate("InviteTexts", "Already invited"),
        InviteOutcome.NOT_AN_ADDRESS: not_an_address_text(),
    }  # fmt: skip
    return texts[outcome]


def refused_text(result: InviteResult) -> str:
    """Why an entry was refused (a Tchap rule reads the same from the client or the server)."""
    if result.reason is InviteRefusal.RULE and result.rule is not None:
        return refusal_text(result.rule)
    texts = {
        InviteRefusal.UNKNOWN_ADDRESS: translate(
            "InviteTexts", "This address belongs to no Tchap server."),
        InviteRefusal.UNKNOWN_USER: translate("InviteTexts", "No account has this Matrix ID."),
        InviteRefusal.NOT_ALLOWED: translate(
            "InviteTexts", "You are not allowed to invite people into this salon."),
        InviteRefusal.IDENTITY_UNAVAILABLE: translate(
            "InviteTexts", "The address directory cannot be reached. Try again later."),
        InviteRefusal.SERVER_ERROR: translate(
            "InviteTexts", "The server could not send this invitation. Try again later."),
        InviteRefusal.NETWORK: translate(
            "InviteTexts", "The server cannot be reached. Check your connection."),
    }  # fmt: skip
    return texts.get(result.reason, texts[InviteRefusal.SERVER_ERROR])


def preview_text(to_invite: int, invalid: int) -> str:
    """The line under the field: how many people will be invited, how many entries are not."""
    if to_invite == 0 and invalid == 0:
        return translate("InviteTexts", "Type or paste addresses, or load a list.")
    people = translate("InviteTexts", "%n person(s) to invite.", None, to_invite)
    if invalid == 0:
        return people
    return people + " " + translate(
        "InviteTexts", "%n entry(ies) will be left out: neither an address nor a Matrix ID.",
        None, invalid)  # fmt: skip


def summary_lines(results: list[InviteResult | None]) -> list[str]:
    """The report's summary, one sentence per kind of result that happened."""
    done = [r for r in results if r is not None]
    sent = sum(r.outcome in (InviteOutcome.INVITED, InviteOutcome.INVITED_BY_EMAIL) for r in done)
    already = sum(r.outcome in (InviteOutcome.ALREADY_MEMBER, InviteOutcome.ALREADY_INVITED)
                  for r in done)  # fmt: skip
    refused = sum(r.outcome is InviteOutcome.REFUSED for r in done)
    invalid = sum(r.outcome is InviteOutcome.NOT_AN_ADDRESS for r in done)
    stopped = len(results) - len(done)
    lines = [translate("InviteTexts", "%n invitation(s) sent.", None, sent)]
    if already:
        lines.append(translate("InviteTexts", "%n person(s) already in the salon.", None, already))
    if refused:
        lines.append(translate("InviteTexts", "%n invitation(s) refused.", None, refused))
    if invalid:
        lines.append(translate("InviteTexts", "%n entry(ies) not an address.", None, invalid))
    if stopped:
        lines.append(translate("InviteTexts", "%n invitation(s) not sent: stopped.", None,
                               stopped))  # fmt: skip
    return lines


def progress_text(done: int, total: int) -> str:
    """The progress bar's words."""
    return translate("InviteTexts", "{done} of {total}").format(done=done, total=total)
