"""How a person's name is painted wherever one appears: the name, the organisation apart
(smaller, grey), and an "External" badge for a guest user.

Tchap's display names carry the organisation in brackets ("Jean Martin [Intérieur]"); the
core cuts them (`app.core.display_names`). Which users are external depends on the session's
account and configuration: the window hands its rules here once (`set_externals`), as the
theme is, so every delegate paints names the same way without holding the session.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QPainter

from app.accounts.externals import ExternalRules, Refusal
from app.core.display_names import PersonName, split_display_name
from ui import theme
from ui.accounts import account_texts

BADGE_TEXT = "#B34000"  # DSFR's warning orange: a guest is not an agent, not an error
BADGE_BACKGROUND = "#FEECC2"
_rules = ExternalRules("")


def set_externals(rules: ExternalRules) -> None:
    """The signed-in session's rules (who is external)."""
    global _rules
    _rules = rules


def externals() -> ExternalRules:
    return _rules


def is_external(user_id: str) -> bool:
    """Is `user_id` an external (guest) user, for the signed-in account?"""
    return bool(user_id) and _rules.is_external(user_id)


def refuse_if(action: QAction, refusal: Refusal | None) -> None:
    """Show `action` disabled with the reason when the account may not do it (else enabled)."""
    action.setEnabled(refusal is None)
    reason = account_texts.refusal_text(refusal) if refusal is not None else ""
    action.setToolTip(reason or action.text().replace("&", ""))
    action.setStatusTip(reason)


def details(display_name: str, user_id: str) -> str:
    """What is said of someone under their name: organisation · External ("" if nothing)."""
    words = [person(display_name).organisation]
    if is_external(user_id):
        words.append(account_texts.external_badge())
    return "  ·  ".join(w for w in words if w)


def person(display_name: str) -> PersonName:
    """A display name cut into the person and the organisation."""
    return split_display_name(display_name)


def plain_label(display_name: str, user_id: str) -> str:
    """A one-line text naming someone (lists made of plain text): name · org · External."""
    parts = person(display_name or user_id)
    words = [parts.name] + [w for w in (parts.organisation,) if w]
    if is_external(user_id):
        words.append(account_texts.external_badge())
    return "  ·  ".join(words)


def paint_name(
    painter: QPainter,
    rect: QRect,
    display_name: str,
    user_id: str,
    font: QFont,
    colour: QColor,
) -> int:
    """Paint name, organisation and badge left-aligned in `rect`, elided to fit; returns the
    x just after what was painted."""
    parts = person(display_name or user_id)
    small = QFont(font)
    small.setBold(False)
    small.setWeight(QFont.Weight.Normal)
    small.setPointSizeF(max(6.0, font.pointSizeF() - 1.5))
    fm, fm_small = QFontMetrics(font), QFontMetrics(small)
    badge = account_texts.external_badge() if is_external(user_id) else ""
    badge_w = fm_small.horizontalAdvance(badge) + 2 * theme.XS + 2 if badge else 0
    org_w = fm_small.horizontalAdvance(parts.organisation) if parts.organisation else 0
    room = rect.width() - (badge_w + theme.XS if badge else 0)
    name_w = min(fm.horizontalAdvance(parts.name), max(0, room))
    if parts.organisation:  # the organisation gives way first, then the name
        org_w = min(org_w, max(0, room - name_w - theme.XS))
        if org_w < fm_small.horizontalAdvance("…") * 3:
            org_w = 0
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    x = rect.left()
    painter.save()
    painter.setFont(font)
    painter.setPen(colour)
    # elidedText may cut a name that just fits (rounding): only a name too wide is elided.
    fits = fm.horizontalAdvance(parts.name) <= name_w
    shown = parts.name if fits else fm.elidedText(parts.name, Qt.TextElideMode.ElideRight, name_w)
    painter.drawText(QRect(x, rect.top(), name_w + 2, rect.height()), flags, shown)
    x += fm.horizontalAdvance(shown)
    painter.setFont(small)
    if org_w:
        x += theme.XS
        painter.setPen(QColor(theme.current().text_secondary))
        org = parts.organisation
        if fm_small.horizontalAdvance(org) > org_w:
            org = fm_small.elidedText(org, Qt.TextElideMode.ElideRight, org_w)
        painter.drawText(QRect(x, rect.top(), org_w + 2, rect.height()), flags, org)
        x += fm_small.horizontalAdvance(org)
    if badge:
        x += theme.XS
        h = fm_small.height() + 2
        pill = QRectF(x, rect.center().y() - h / 2 + 1, badge_w, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(BADGE_BACKGROUND))
        painter.drawRoundedRect(pill, h / 2, h / 2)
        painter.setPen(QColor(BADGE_TEXT))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, badge)
        x = int(pill.right())
    painter.restore()
    return x
