"""Completion in the composer: @-mentions of room members (as pills) and :emoji: shortcodes.

Typing "@al" offers the members whose name or id starts so; ":smi" (two letters at least)
offers 😄 and its kin. Up/Down move, Tab or Enter picks, Esc closes; the popup never takes
the focus from the text field. A picked member becomes a pill: their name, drawn as a
chip, that the composer writes out as a Markdown link to `https://matrix.to/#/@user:server`
(`composer_markdown`), which the core turns into a link in `formatted_body` and the user in
`m.mentions`; drafts keep the same text, so a restored draft has its pills back.
"""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit, QWidget

from app.core.formatting import MENTION_LINK, mention_link, mentions_in
from app.core.members import Member
from ui import theme
from ui.accounts import people
from ui.views.room.emoji import EMOJI

PILL_USER = QTextFormat.Property.UserProperty + 1  # the mentioned user's id
PILL_NAME = QTextFormat.Property.UserProperty + 2  # the name the pill showed when made
MAX_SHOWN = 8
_TRIGGER = re.compile(r"(?:^|(?<=\s))([@:])([^\s@:]*)$")


def _folded(text: str) -> str:
    """Lower case without accents: "Élodie" is found by "elo"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def match_members(members: list[Member], query: str) -> list[Member]:
    """Members whose name (any word of it) or user id starts with `query`."""
    q = _folded(query)
    found = []
    for member in members:
        words = _folded(member.name).replace("[", " ").split()
        if (
            not q
            or any(w.startswith(q) for w in words)
            or _folded(member.user_id[1:]).startswith(q)
        ):
            found.append(member)
    return found[:MAX_SHOWN]


def match_emoji(query: str) -> list[tuple[str, str]]:
    """(shortcode, emoji) whose shortcode starts with `query`, then those containing it."""
    q = query.casefold()
    starts = [(c, e) for c, e in EMOJI.items() if c.startswith(q)]
    inside = [(c, e) for c, e in EMOJI.items() if q in c and not c.startswith(q)]
    return (starts + inside)[:MAX_SHOWN]


def pill_format(member: Member) -> QTextCharFormat:
    """How a mention looks in the composer, with who it names."""
    t = theme.current()
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(t.primary_light))
    fmt.setForeground(QColor(t.primary))
    fmt.setFontWeight(600)
    fmt.setProperty(PILL_USER, member.user_id)
    fmt.setProperty(PILL_NAME, member.name)
    fmt.setToolTip(member.user_id)
    return fmt


def composer_markdown(edit: QPlainTextEdit) -> str:
    """The composer's text with each intact pill written as a mention link."""
    lines = []
    block = edit.document().begin()
    while block.isValid():
        parts = []
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            text = fragment.text()
            user, name = fmt.property(PILL_USER), fmt.property(PILL_NAME)
            if isinstance(user, str) and isinstance(name, str) and text.startswith(name):
                parts.append(mention_link(user, name) + text[len(name) :])
            else:
                parts.append(text)
            it += 1
        lines.append("".join(parts))
        block = block.next()
    return "\n".join(lines)


def set_composer_markdown(edit: QPlainTextEdit, text: str) -> None:
    """Show `text` (a draft) in the composer, its mention links as pills again."""
    edit.clear()
    cursor = edit.textCursor()
    plain = QTextCharFormat()
    pos = 0
    for match, (user_id, name) in zip(MENTION_LINK.finditer(text), mentions_in(text)):
        cursor.insertText(text[pos : match.start()], plain)
        cursor.insertText(name, pill_format(Member(user_id, name)))
        pos = match.end()
    cursor.insertText(text[pos:], plain)
    edit.setTextCursor(cursor)
    edit.setCurrentCharFormat(plain)


class CompletionPopup(QListWidget):
    """The list of proposals, shown above the cursor; it never takes the focus."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("completionPopup")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Suggestions"))
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        t = theme.current()
        self.setStyleSheet(
            f"QListWidget#completionPopup {{ background: {t.background}; "
            f"border: 1px solid {t.border}; border-radius: 6px; padding: 2px; }}"
            f"QListWidget#completionPopup::item {{ padding: 3px 8px; }}"
            f"QListWidget#completionPopup::item:selected {{ background: {t.primary_light}; "
            f"color: {t.text}; }}"
        )
        self.hide()


class Completer(QObject):
    """Watches a composer's text field and completes @-mentions and :emoji:."""

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self._members: list[Member] = []
        self.popup = CompletionPopup(edit.window())
        self._start = -1  # where the "@…" or ":…" being completed begins
        self.popup.itemClicked.connect(lambda _item: self.pick())
        edit.installEventFilter(self)
        edit.textChanged.connect(self.refresh)
        edit.cursorPositionChanged.connect(self.refresh)

    def set_members(self, members: list[Member]) -> None:
        """The open room's members, for @-completion."""
        self._members = list(members)

    def is_open(self) -> bool:
        """Whether proposals are shown."""
        return self.popup.isVisible()

    def close(self) -> None:
        """Hide the proposals."""
        self.popup.hide()
        self._start = -1

    def refresh(self) -> None:
        """Look at the text before the cursor and show (or hide) proposals."""
        cursor = self._edit.textCursor()
        if cursor.hasSelection():
            return self.close()
        before = cursor.block().text()[: cursor.positionInBlock()]
        match = _TRIGGER.search(before)
        if match is None:
            return self.close()
        sign, query = match.group(1), match.group(2)
        entries: list[tuple[str, object]] = []
        if sign == "@":
            for member in match_members(self._members, query):
                label = people.plain_label(member.name, member.user_id)  # org, "External"
                entries.append((f"{label}  ·  {member.user_id}", member))
        elif len(query) >= 2:
            entries = [(f"{emoji}  :{code}:", emoji) for code, emoji in match_emoji(query)]
        if not entries:
            return self.close()
        self._start = cursor.block().position() + match.start(1)
        self._show(entries)

    def _show(self, entries: list[tuple[str, object]]) -> None:
        popup = self.popup
        if popup.parentWidget() is not self._edit.window():
            popup.setParent(self._edit.window())
        popup.clear()
        for text, value in entries:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, value)
            popup.addItem(item)
        popup.setCurrentRow(0)
        row_h = max(popup.sizeHintForRow(0), 20)
        width = max(260, min(460, popup.sizeHintForColumn(0) + 24))
        popup.resize(width, row_h * len(entries) + 8)
        anchor = self._edit.viewport().mapTo(self._edit.window(), self._edit.cursorRect().topLeft())
        x = min(anchor.x(), self._edit.window().width() - width - 4)
        popup.move(QPoint(max(4, x), max(4, anchor.y() - popup.height() - 4)))
        popup.show()
        popup.raise_()

    def pick(self) -> bool:
        """Replace what was typed by the selected proposal; False if nothing is proposed."""
        item = self.popup.currentItem()
        if not self.is_open() or item is None or self._start < 0:
            return False
        value = item.data(Qt.ItemDataRole.UserRole)
        cursor = self._edit.textCursor()
        cursor.setPosition(self._start, QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        plain = QTextCharFormat()
        if isinstance(value, Member):
            cursor.insertText(value.name, pill_format(value))
            cursor.insertText(" ", plain)
        else:
            cursor.insertText(str(value), plain)
        cursor.endEditBlock()
        self._edit.setTextCursor(cursor)
        self._edit.setCurrentCharFormat(plain)
        self.close()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit and event.type() == QEvent.Type.KeyPress:
            return self._key(event)
        if watched is self._edit and event.type() == QEvent.Type.FocusOut:
            self.close()
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Backspace and self._delete_pill():
            return True
        if not self.is_open():
            return False
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            count = self.popup.count()
            self.popup.setCurrentRow((self.popup.currentRow() + step) % count)
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self.pick()
        if key == Qt.Key.Key_Escape:
            self.close()
            return True
        return False

    def _delete_pill(self) -> bool:
        """Backspace just after a pill removes the whole pill."""
        cursor = self._edit.textCursor()
        if cursor.hasSelection() or cursor.positionInBlock() == 0:
            return False
        block = cursor.block()
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            end = fragment.position() + fragment.length()
            if fragment.position() < cursor.position() <= end:
                if not isinstance(fragment.charFormat().property(PILL_USER), str):
                    return False
                if cursor.position() != end:
                    return False
                cursor.setPosition(fragment.position(), QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
                self._edit.setCurrentCharFormat(QTextCharFormat())
                return True
            it += 1
        return False
