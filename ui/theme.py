"""Colours, spacing and the application style, after the French state's design system (DSFR).

Only the light theme exists for now; `Theme` is a plain record so a dark one can be added
beside `LIGHT` and chosen in `apply()`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

# Spacing steps (px): everything is laid out on this grid.
XS, S, M, L = 4, 8, 16, 24


@dataclass(frozen=True)
class Theme:
    """The named colours every widget and delegate draws with."""

    primary: str  # Bleu France
    primary_hover: str
    primary_light: str  # own message bubbles, selection
    error: str  # Rouge Marianne
    text: str
    text_strong: str
    text_secondary: str
    border: str
    background: str
    background_alt: str
    success: str
    info: str
    row_hover: str
    row_selected: str
    bubble_other: str


LIGHT = Theme(
    primary="#000091",
    primary_hover="#1212FF",
    primary_light="#E3E3FD",
    error="#E1000F",
    text="#161616",
    text_strong="#3A3A3A",
    text_secondary="#666666",
    border="#DDDDDD",
    background="#FFFFFF",
    background_alt="#F6F6F6",
    success="#18753C",
    info="#0063CB",
    row_hover="#EEEEEE",
    row_selected="#E3E3FD",
    bubble_other="#F6F6F6",
)

# DSFR "illustrative" colours (dark "sun-425" shades) that carry white initials legibly.
AVATAR_COLOURS = (
    "#000091",  # bleu France
    "#297254",  # émeraude
    "#37635F",  # menthe
    "#006A6F",  # archipel
    "#2F4077",  # écume
    "#3558A2",  # cumulus
    "#6E445A",  # glycine
    "#8D533E",  # macaron
    "#A94645",  # tuile
    "#66673D",  # tilleul-verveine
    "#447049",  # bourgeon
    "#716043",  # café-crème
)

_current = LIGHT


def current() -> Theme:
    """The theme in use."""
    return _current


def colour(name: str) -> QColor:
    """A theme colour by field name, as a QColor."""
    return QColor(getattr(_current, name))


def base_font() -> QFont:
    """The system font at the base size (Marianne is not shipped yet)."""
    font = QApplication.font()
    if font.pointSizeF() < 10 or font.pointSizeF() > 11:
        font.setPointSizeF(10.5)
    return font


def _palette(t: Theme) -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: t.background,
        QPalette.ColorRole.WindowText: t.text,
        QPalette.ColorRole.Base: t.background,
        QPalette.ColorRole.AlternateBase: t.background_alt,
        QPalette.ColorRole.Text: t.text,
        QPalette.ColorRole.Button: t.background,
        QPalette.ColorRole.ButtonText: t.text,
        QPalette.ColorRole.Highlight: t.primary,
        QPalette.ColorRole.HighlightedText: "#FFFFFF",
        QPalette.ColorRole.Link: t.primary,
        QPalette.ColorRole.PlaceholderText: t.text_secondary,
        QPalette.ColorRole.ToolTipBase: t.text,
        QPalette.ColorRole.ToolTipText: "#FFFFFF",
    }
    for role, value in roles.items():
        p.setColor(role, QColor(value))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(t.text_secondary))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#929292"))
    return p


def stylesheet(t: Theme) -> str:
    """The small application stylesheet; widgets opt in through their objectName."""
    return f"""
QLineEdit, QPlainTextEdit, QTextEdit {{
    border: 1px solid {t.border}; border-radius: 4px; padding: 6px 8px;
    background: {t.background}; selection-background-color: {t.primary};
}}
QLineEdit:focus, QPlainTextEdit:focus {{ border: 2px solid {t.primary}; padding: 5px 7px; }}
QLineEdit:read-only {{ background: {t.background_alt}; color: {t.text_strong}; }}
QPushButton {{
    border: 1px solid {t.primary}; border-radius: 4px; padding: 7px 16px;
    color: {t.primary}; background: {t.background}; font-weight: 600;
}}
QPushButton:hover {{ background: {t.row_hover}; }}
QPushButton#primary {{ background: {t.primary}; color: #FFFFFF; border: none; }}
QPushButton#primary:hover {{ background: {t.primary_hover}; }}
QPushButton#primary:disabled {{ background: #E5E5E5; color: #929292; }}
QPushButton#danger {{ background: {t.error}; color: #FFFFFF; border: none; }}
QPushButton:disabled {{ color: #929292; border-color: #E5E5E5; }}
QToolButton {{ border: none; border-radius: 4px; padding: 4px; }}
QToolButton:hover {{ background: {t.row_hover}; }}
QToolButton::menu-indicator {{ image: none; }}
QFrame#card {{ background: {t.background}; border: 1px solid {t.border}; border-radius: 8px; }}
QWidget#loginPage, QWidget#sidebar {{ background: {t.background_alt}; }}
QWidget#sidebar {{ border-right: 1px solid {t.border}; }}
QWidget#roomHeader {{ border-bottom: 1px solid {t.border}; background: {t.background}; }}
QWidget#composerBar {{ border-top: 1px solid {t.border}; background: {t.background}; }}
QListView {{ border: none; background: transparent; outline: none; }}
QLabel#title {{ font-size: 20pt; font-weight: 700; color: {t.primary}; }}
QLabel#subtitle, QLabel#secondary {{ color: {t.text_secondary}; }}
QLabel#sectionTitle {{ font-size: 13pt; font-weight: 700; color: {t.text}; }}
QLabel#notice {{
    color: {t.text}; background: #E8EDFF; border-left: 4px solid {t.primary}; padding: 8px 12px;
}}
QLabel#error {{
    color: {t.error}; background: #FFE9E9; border-left: 4px solid {t.error};
    padding: 8px; border-radius: 2px;
}}
QLabel#banner {{ color: #FFFFFF; background: {t.info}; padding: 6px 16px; }}
QLabel#bannerError {{ color: #FFFFFF; background: {t.error}; padding: 6px 16px; }}
QLabel#warning {{ color: #716043; background: #FEECC2; border-bottom: 1px solid #B34000;
    padding: 6px 16px; }}
QLabel#emptyState {{ color: {t.text_secondary}; font-size: 12pt; }}
QMenu {{ background: {t.background}; border: 1px solid {t.border}; padding: 4px 0; }}
QMenu::item {{ padding: 6px 24px 6px 16px; }}
QMenu::item:selected {{ background: {t.row_selected}; color: {t.text}; }}
QScrollBar:vertical {{ width: 8px; background: transparent; margin: 0; }}
QScrollBar::handle:vertical {{ background: #C5C5C5; border-radius: 4px; min-height: 32px; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: transparent; }}
"""


def apply(app: QApplication, theme: Theme = LIGHT) -> None:
    """Install the palette, base font and stylesheet on the application."""
    global _current
    _current = theme
    app.setStyle("Fusion")  # the same metrics everywhere; the palette does the rest
    app.setPalette(_palette(theme))
    app.setFont(base_font())
    app.setStyleSheet(stylesheet(theme))
