"""The context menu of a message: reply, edit (own), delete (own or with power), react, copy
text, copy link, view source, and the versions of an edited message."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from app.core.types import ItemKind, SendState, TimelineItem

translate = QCoreApplication.translate


class MessageAction(Enum):
    REPLY = "reply"
    EDIT = "edit"
    DELETE = "delete"
    REACT = "react"
    COPY_TEXT = "copy_text"
    COPY_LINK = "copy_link"
    SOURCE = "source"
    HISTORY = "history"


def available(item: TimelineItem, can_delete: bool) -> list[MessageAction]:
    """What may be done with a row, in menu order."""
    sent = (
        item.event_id is not None
        and not item.key.startswith("~")
        and item.send_state is SendState.SENT
    )
    message = item.kind in (ItemKind.TEXT, ItemKind.MEDIA)
    actions = []
    if sent and message:
        actions += [MessageAction.REPLY, MessageAction.REACT]
    # Files are not edited: this client sends them without a caption and their card shows
    # the file's name, so an edit (m.new_content) would change text no one sees here.
    if sent and item.is_own and item.kind is ItemKind.TEXT:
        actions.append(MessageAction.EDIT)
    if message and item.body:
        actions.append(MessageAction.COPY_TEXT)
    if sent:
        actions.append(MessageAction.COPY_LINK)
    if sent and item.edited:
        actions.append(MessageAction.HISTORY)
    if sent:
        actions.append(MessageAction.SOURCE)
    if sent and can_delete and item.kind is not ItemKind.REDACTED and not _is_state(item):
        actions.append(MessageAction.DELETE)
    return actions


def _is_state(item: TimelineItem) -> bool:
    return item.kind in (ItemKind.MEMBERSHIP, ItemKind.ROOM_STATE)


def label(action: MessageAction) -> str:
    """The menu's wording of an action."""
    return {
        MessageAction.REPLY: translate("MessageMenu", "Reply"),
        MessageAction.EDIT: translate("MessageMenu", "Edit"),
        MessageAction.DELETE: translate("MessageMenu", "Delete…"),
        MessageAction.REACT: translate("MessageMenu", "React…"),
        MessageAction.COPY_TEXT: translate("MessageMenu", "Copy text"),
        MessageAction.COPY_LINK: translate("MessageMenu", "Copy link"),
        MessageAction.SOURCE: translate("MessageMenu", "View source"),
        MessageAction.HISTORY: translate("MessageMenu", "View edit history"),
    }[action]


def build_menu(item: TimelineItem, can_delete: bool, parent: QWidget) -> QMenu:
    """A menu whose actions carry their MessageAction as data."""
    menu = QMenu(parent)
    menu.setAccessibleName(translate("MessageMenu", "Message actions"))
    for action in available(item, can_delete):
        if action is MessageAction.DELETE:
            menu.addSeparator()
        entry = menu.addAction(label(action))
        entry.setData(action.value)
    return menu
