"""Sentences about replies, edits, reactions and deletions (translated, never joined by hand)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.types import ItemKind, TimelineItem

translate = QCoreApplication.translate


def deletion_text(item: TimelineItem) -> str:
    """What a deleted message shows: by whom when it was not its author, and why if said."""
    by = item.redaction.get("by", "")
    name = item.redaction.get("by_name") or by
    reason = " ".join(str(item.redaction.get("reason") or "").split())[:300]
    by_other = bool(by) and by != item.sender
    if by_other and reason:
        return translate("RelationTexts", "Message deleted by {name}. Reason: {reason}").format(
            name=name, reason=reason
        )
    if by_other:
        return translate("RelationTexts", "Message deleted by {name}").format(name=name)
    if reason:
        return translate("RelationTexts", "Message deleted. Reason: {reason}").format(reason=reason)
    return translate("RelationTexts", "Message deleted")


def edited_mark() -> str:
    """The mark beside an edited message."""
    return translate("RelationTexts", "(edited)")


def quote_line(item: TimelineItem | None) -> str:
    """One line of the message a reply answers (or why it cannot be shown)."""
    if item is None:
        return translate("RelationTexts", "Original message not available")
    if item.kind is ItemKind.REDACTED:
        return translate("RelationTexts", "Message deleted")
    if item.kind is ItemKind.UNDECRYPTABLE:
        return translate("RelationTexts", "Encrypted message")
    if item.kind is ItemKind.MEDIA:
        return translate("RelationTexts", "File: {name}").format(
            name=item.media.get("name") or item.body
        )
    return " ".join(item.body.split())[:200]


def loading_quote() -> str:
    """While the original of a reply is being fetched."""
    return translate("RelationTexts", "Loading the original message…")


def reacted_by(names: list[str], key: str) -> str:
    """The tooltip of a reaction: who reacted."""
    shown = ", ".join(names[:10])
    if len(names) > 10:
        more = len(names) - 10  # a plain name: lupdate only finds %n calls given one
        return translate("RelationTexts", "{names} and %n more reacted with {key}", "",
                         more).format(names=shown, key=key)  # fmt: skip
    return translate("RelationTexts", "{names} reacted with {key}").format(names=shown, key=key)


def replying_to(name: str) -> str:
    """The composer's banner in reply mode."""
    return translate("RelationTexts", "Replying to {name}").format(name=name)


def editing() -> str:
    """The composer's banner in edit mode."""
    return translate("RelationTexts", "Editing your message")
