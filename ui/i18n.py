"""Language choice and translator installation.

The user's `language` setting wins ("fr" or "en"); otherwise a French system gets French
and every other system English (the source language).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ui.resources import resource_dir

log = logging.getLogger("tchap.ui")

SUPPORTED = ("fr", "en")


def choose_language(config: Any | None, system: QLocale | None = None) -> str:
    """ "fr" or "en": the configured language if valid, else from the system locale."""
    wanted = None
    if config is not None:
        try:
            wanted = config.get("language")
        except (KeyError, AttributeError):
            wanted = None
    if isinstance(wanted, str) and wanted.lower()[:2] in SUPPORTED:
        return wanted.lower()[:2]
    system = system or QLocale.system()
    return "fr" if system.language() == QLocale.Language.French else "en"


def install_translator(
    app: QCoreApplication, language: str, directory: Path | None = None
) -> list[QTranslator]:
    """Load Tchap's and Qt's own translations for `language`; returns them (keep a reference)."""
    if language == "fr":
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    installed: list[QTranslator] = []
    # English too: the sources are English, but their counts ("%n member(s)") need the
    # plural forms of tchap_en.qm ("1 member", "2 members").
    directory = directory or resource_dir() / "i18n"
    ours = QTranslator(app)
    if ours.load(str(directory / f"tchap_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no compiled translation for %s in %s (run `make i18n`)", language, directory)
    if language == "en":
        return installed  # Qt's own strings are English already
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{language}", qt_dir):  # standard buttons: OK, Cancel...
        app.installTranslator(qt_base)
        installed.append(qt_base)
    return installed
