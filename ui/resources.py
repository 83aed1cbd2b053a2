"""Where the bundled resources (icons, translations) live, from a checkout or a frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon


def resource_dir() -> Path:
    """The `resources/` directory: beside the package, or inside a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def icon_path(name: str) -> str:
    """The path of `resources/icons/<name>.svg`."""
    return str(resource_dir() / "icons" / f"{name}.svg")


@cache
def icon(name: str) -> QIcon:
    """A QIcon from `resources/icons/<name>.svg` (cached)."""
    return QIcon(icon_path(name))
