"""Translations: every French entry is finished, the .ts files match ui/, French loads."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from tests.ui.fakes import FakeConfig, FakeSession
from ui import i18n
from ui.views.signin.login import LoginView

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")


def messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def sources(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name"), m.findtext("source")) for c in root for m in c.iter("message")}


def forms(message: ET.Element) -> list[str]:
    tr = message.find("translation")
    if message.get("numerus") == "yes":
        return [f.text or "" for f in tr.findall("numerusform")]
    return [tr.text or ""]


@pytest.mark.parametrize("name", ["tchap_fr.ts", "tchap_en.ts"])
def test_every_translation_is_finished_and_keeps_its_placeholders(name):
    found = messages(I18N / name)
    assert found, f"{name} has no messages"
    for message in found:
        source = message.findtext("source")
        tr = message.find("translation")
        assert tr.get("type") not in ("unfinished", "vanished", "obsolete"), source
        for form in forms(message):
            assert form.strip(), f"empty translation for {source!r}"
            assert set(PLACEHOLDER.findall(form)) == set(PLACEHOLDER.findall(source)), source
    if name == "tchap_fr.ts":
        plurals = [m for m in found if m.get("numerus") == "yes"]
        assert plurals and all(len(forms(m)) == 2 for m in plurals)


def test_ts_files_hold_every_source_string_of_ui(tmp_path):
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *files, "-ts", str(fresh)],
                   check=True, capture_output=True)  # fmt: skip
    expected = sources(fresh)
    assert expected
    for name in ("tchap_fr.ts", "tchap_en.ts"):
        assert sources(I18N / name) == expected, f"run lupdate: {name} is out of date"


def test_language_choice_setting_then_system():
    assert i18n.choose_language(FakeConfig({"language": "fr"})) == "fr"
    assert i18n.choose_language(FakeConfig({"language": "en"})) == "en"
    french = QLocale(QLocale.Language.French, QLocale.Country.Belgium)
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert i18n.choose_language(FakeConfig({}), system=french) == "fr"
    assert i18n.choose_language(FakeConfig({"language": "xx"}), system=german) == "en"
    assert i18n.choose_language(None, system=german) == "en"


def test_french_translator_translates_the_login_button(qtbot, qapp, tmp_path):
    subprocess.run([str(BIN / "pyside6-lrelease"), str(I18N / "tchap_fr.ts"), "-qm",
                    str(tmp_path / "tchap_fr.qm")], check=True, capture_output=True)  # fmt: skip
    translators = i18n.install_translator(qapp, "fr", directory=tmp_path)
    try:
        assert translators
        view = LoginView(FakeSession(), FakeConfig({"homeserver": "https://x"}))
        qtbot.addWidget(view)
        assert view.button.text() == "Se connecter"
        # a configured server: "Other server…" is open, where a Matrix ID works too
        assert view.identifier.placeholderText() == "@prenom.nom:exemple.fr"
        assert view.server.other.text() == "Trouver mon serveur à partir de mon adresse"
        view.server.other.click()  # the server found from the address: an email only
        assert view.identifier.placeholderText() == "prenom.nom@ministere.gouv.fr"
        assert view.identifier.accessibleName() == "Adresse électronique professionnelle"
        text = QCoreApplication.translate("Texts", "%n unread message(s)", None, 3)
        assert text == "3 messages non lus"
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def _installed(qapp, language: str, tmp_path: Path) -> list:
    name = f"tchap_{language}"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(I18N / f"{name}.ts"), "-qm",
                    str(tmp_path / f"{name}.qm")], check=True, capture_output=True)  # fmt: skip
    return i18n.install_translator(qapp, language, directory=tmp_path)


def _remove(translators: list) -> None:
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_english_counts_use_plural_forms(qapp, tmp_path):
    """English is the source language, yet "1 member(s)" is wrong: its plural forms load."""
    translators = _installed(qapp, "en", tmp_path)
    try:
        assert translators
        assert QCoreApplication.translate("Texts", "%n byte(s)", None, 1) == "1 byte"
        assert QCoreApplication.translate("Texts", "%n byte(s)", None, 193) == "193 bytes"
        assert QCoreApplication.translate("Texts", "%n unread message(s)", None, 1) == (
            "1 unread message"
        )
    finally:
        _remove(translators)


def test_qt_own_dialogs_speak_french(qapp, tmp_path):
    """The file dialog's "Look in:" and the standard buttons follow the French UI."""
    translators = _installed(qapp, "fr", tmp_path)
    try:
        nbsp = "\N{NO-BREAK SPACE}"  # French puts one before a colon
        assert QCoreApplication.translate("QFileDialog", "Look in:") == f"Voir dans{nbsp}:"
        assert QCoreApplication.translate("QFileDialog", "Files of type:") == (
            f"Fichiers de type{nbsp}:"
        )
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    finally:
        _remove(translators)
