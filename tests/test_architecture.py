"""docs/ARCHITECTURE.md names every module of app/, ui/ and tchap_desktop/ in its table."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_module_is_in_the_architecture_table():
    table = [line for line in (ROOT / "docs" / "ARCHITECTURE.md").read_text().splitlines()
             if line.startswith("| `")]  # fmt: skip
    named = " ".join(table)
    modules = sorted(
        p.relative_to(ROOT).as_posix()
        for package in ("app", "ui", "tchap_desktop")
        for p in (ROOT / package).rglob("*.py")
        if p.name != "__init__.py"
    )
    missing = [m for m in modules if f"`{m}`" not in named]
    assert not missing, f"docs/ARCHITECTURE.md's table lacks {missing}"


def test_no_module_is_over_400_lines():
    long = {
        p.relative_to(ROOT).as_posix(): n
        for package in ("app", "ui", "tchap_desktop")
        for p in (ROOT / package).rglob("*.py")
        if (n := len(p.read_text().splitlines())) > 400
    }
    assert not long, f"split these modules: {long}"
