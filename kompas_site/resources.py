"""Where the theme overrides and our Jinja2 templates are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).parent


def _find(name: str) -> Path:
    installed = _PACKAGE / f"_{name}"  # a wheel carries them inside the package
    return installed if installed.is_dir() else _PACKAGE.parent / name


THEMES_DIR = _find("themes")
TEMPLATES_DIR = _find("templates")
MATERIAL_OVERRIDES = THEMES_DIR / "material"
