"""Bring resources/i18n/*.ts up to date with ui/ without losing plural forms.

PySide6's lupdate (6.11) does not see that a module-level `translate(ctx, text, None, n)`
is a plural and rewrites such an entry as a plain one, dropping its forms. This runs
lupdate into a scratch file only to learn which (context, source) pairs ui/ uses now,
then keeps every existing entry as it is (translation, plural forms), adds the new ones
as unfinished and drops those no longer used. Usage: python -m devtools.i18n_update
"""

from __future__ import annotations

import copy
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = [ROOT / "resources" / "i18n" / f"tchap_{lang}.ts" for lang in ("fr", "en")]


def _key(context: ET.Element, message: ET.Element) -> tuple[str, str]:
    return context.findtext("name") or "", message.findtext("source") or ""


def _fresh_messages() -> dict[tuple[str, str], ET.Element]:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    files = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "fresh.ts"
        subprocess.run([str(lupdate), *files, "-ts", str(fresh)], check=True, capture_output=True)
        root = ET.parse(fresh).getroot()
    return {_key(c, m): m for c in root.findall("context") for m in c.findall("message")}


def update(path: Path, fresh: dict[tuple[str, str], ET.Element]) -> tuple[int, int]:
    """Add what ui/ says now and drop what it no longer says; returns (added, dropped)."""
    tree = ET.parse(path)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.findall("context")}
    have: set[tuple[str, str]] = set()
    dropped = 0
    for context in root.findall("context"):
        for message in context.findall("message"):
            key = _key(context, message)
            if key in fresh and key not in have:
                have.add(key)
            else:
                context.remove(message)
                dropped += 1
        if not context.findall("message"):
            root.remove(context)
            contexts.pop(context.findtext("name"), None)
    added = 0
    for (name, _source), message in fresh.items():
        if (name, _source) in have:
            continue
        context = contexts.get(name)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = name
            contexts[name] = context
        new = copy.deepcopy(message)
        for location in new.findall("location"):
            new.remove(location)
        translation = new.find("translation")
        if translation is None:
            translation = ET.SubElement(new, "translation")
        translation.set("type", "unfinished")
        context.append(new)
        added += 1
    text = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n")
    return added, dropped


def main() -> None:
    fresh = _fresh_messages()
    for path in CATALOGUES:
        added, dropped = update(path, fresh)
        print(f"{path.relative_to(ROOT)}: {added} added, {dropped} dropped")


if __name__ == "__main__":
    main()
