"""The organisation's logo (``organisatie.logo``): which files can be one, and the copy that is published.

An SVG is published as a sanitised copy (``media.svg``); a PNG, JPEG or WebP is re-encoded as PNG at
most ``MAX_HEIGHT`` pixels high, without its metadata. The checker (``check/rules/huisstijl.py``) and the
assembly of the site (``assemble/huisstijl.py``) both use ``read_logo``, so they agree on what is usable.
"""

from __future__ import annotations

import io
import posixpath
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from kompas_site.media.svg import SvgError, sanitise_svg

EXTENSIONS = (".svg", ".png", ".jpg", ".jpeg", ".webp")
MAX_HEIGHT = 192  # the header shows it 40 CSS pixels high: room for a screen with four device pixels each
MAX_BYTES = 5_000_000
_MAGIC = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",)}


class LogoError(ValueError):
    """The file cannot be the logo; the text says why, in Dutch."""


@dataclass(frozen=True)
class Logo:
    name: str  # the published file's name, e.g. "logo.svg"
    content: str | bytes


def is_logo_path(path: str) -> bool:
    return posixpath.splitext(path)[1].lower() in EXTENSIONS


def read_logo(root: Path, path: str) -> Logo:
    """The publishable copy of the logo at ``path`` (relative to ``root``). Raises ``LogoError``."""
    extension = posixpath.splitext(path)[1].lower()
    if extension not in EXTENSIONS:
        raise LogoError(f"'{path}' is geen afbeelding die als logo kan: een logo is een SVG, PNG, JPG of WebP-bestand.")
    data = (root / path).read_bytes()
    if len(data) > MAX_BYTES:
        raise LogoError(f"'{path}' is groter dan 5 MB; een logo is meestal kleiner dan 100 kB. Sla het kleiner op.")
    if extension == ".svg":
        try:
            return Logo("logo.svg", sanitise_svg(data))
        except SvgError as exc:
            raise LogoError(f"'{path}': {exc}") from None
    magic = _MAGIC.get(extension)
    if (magic and not data.startswith(magic)) or (extension == ".webp" and data[8:12] != b"WEBP"):
        raise LogoError(
            f"'{path}' heet {extension[1:].upper()}, maar het bestand is geen {extension[1:].upper()}-afbeelding. "
            "Sla het logo opnieuw op als PNG of SVG."
        )
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            picture = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise LogoError(f"'{path}' is geen leesbare afbeelding ({exc}). Sla het logo opnieuw op als PNG.") from None
    if picture.height > MAX_HEIGHT:
        picture = picture.resize((max(1, round(picture.width * MAX_HEIGHT / picture.height)), MAX_HEIGHT))
    out = io.BytesIO()
    picture.save(out, "PNG", optimize=True)  # a new file: no metadata of the original goes along
    return Logo("logo.png", out.getvalue())
