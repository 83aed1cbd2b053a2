"""The Settings window's pages, in order: adding a page is its module and one line here."""

from __future__ import annotations

from ui.settings.account import AccountPage
from ui.settings.general import GeneralPage
from ui.settings.page import SettingsPage
from ui.settings.privacy import PrivacyPage
from ui.settings.sessions import SessionsPage

PAGES: tuple[type[SettingsPage], ...] = (
    GeneralPage,
    AccountPage,
    PrivacyPage,
    SessionsPage,
)
