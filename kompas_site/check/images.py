"""Rules: every image has a useful description (alt text) and points at a file inside the content folder.

Markdown images, in every page, easy-read page and story: ``![Wat er op de foto te zien is](pad.jpg)``.
A decorative image (nothing to tell a reader who cannot see it) has an empty description and the
class ``decoratief`` right after it: ``![](../media/sfeer.jpg){ .decoratief }`` (attr_list syntax, which
the site already understands; the image gets ``alt=""``, so screen readers skip it). An empty
description without that class is taken to be forgotten: a ``fout``, so that a photo is never
published as decoration by mistake (``kompas build --concept`` still builds). Paths are relative to the page.

Story photos, in the front matter: ``fotos:`` entries with ``bestand`` (a path from the content
folder, such as ``media/gert-keuken.jpg``) and ``alt``, or ``decoratief: true`` instead of ``alt``.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

from kompas_site.check.findings import FOUT, WAARSCHUWING, Finding
from kompas_site.media.images import ImageError, validate_image
from kompas_site.media.publish import default_cache_dir
from kompas_site.model import Page, Report
from kompas_site.spelling import did_you_mean_path

ALT_MAX = 150
_DECORATIVE = re.compile(r"^\{:?[^}]*(?<![\w-])\.decoratief(?![\w-])[^}]*\}")
_EXTENSION = re.compile(r"\.(?:jpe?g|png|webp|gif|heic|heif|tiff?|bmp|svg|avif|raw|dng|cr2|nef)$", re.IGNORECASE)
_CAMERA = re.compile(
    r"^(?:img|dsc[nf]?|dcim|pxl|mvimg|photo|foto|image|screenshot|wp|p)[\s_-]?\d{3,}"
    r"(?:[_-]\w+)*(?:\.\w{3,4})?$",
    re.IGNORECASE,
)
_DECORATIEF_TIP = "Is de foto alleen versiering? Schrijf dan "


def check_images(report: Report) -> Iterator[Finding]:
    pages = report.all_pages
    root = Path(report.root)
    media = _Media(report.media)
    for page in pages:
        for src, alt, decorative, line in markdown_images(page):
            yield from _alt(page, alt, decorative, src, line, markdown=True)
            yield from _path(root, page, src, page.folder, line, media)
        if page.is_story:
            yield from _story_photos(root, page, media)


def inside(root: Path, rel: str) -> Path | None:
    """The file ``rel`` in the report folder ``root``, or None when it would lie outside it."""
    try:
        path = (root / rel).resolve()
        return path if path.is_relative_to(root.resolve()) else None
    except (OSError, ValueError):
        return None


class _Media:
    """The files in the media folder (as loaded), to suggest a name for a missing image: one
    suggestion per missing path."""

    def __init__(self, files: list[str]):
        self.files = files
        self.suggestions: dict[tuple[str, str], str] = {}

    def suggestion(self, target: str, base: str) -> str:
        if (target, base) not in self.suggestions:
            self.suggestions[target, base] = did_you_mean_path(target, self.files, base)
        return self.suggestions[target, base]


def is_decorative_marker(text: str) -> bool:
    """The text right after an image marks it as decoration: ``{ .decoratief }``."""
    return bool(_DECORATIVE.match(text))


def markdown_images(page: Page) -> Iterator[tuple[str, str, bool, int]]:
    """Each Markdown image of a page: (src as written, alt text, marked decorative, line)."""
    from kompas_site.check.scan import scan  # the page's one parse

    for image in scan(page.body).images:
        yield image.src, image.alt, image.decorative, page.body_line + image.line


def _alt(page: Page, alt, decorative: bool, src: str, line: int, markdown: bool, key: str | None = None):
    alt = "" if alt is None else str(alt).strip()
    if not alt:
        if decorative:
            return
        how = f"![Wat er op de foto te zien is]({src})" if markdown else "alt: Wat er op de foto te zien is."
        deco = f"![]({src}){{ .decoratief }}" if markdown else "decoratief: true in plaats van alt"
        yield Finding(
            "alt-ontbreekt",
            FOUT,
            f"De afbeelding '{src}' heeft geen beschrijving. Wie niet kan zien, hoort dan niets over de foto, "
            "en zonder beschrijving zou de site hem als versiering tonen. "
            f"Schrijf in één zin wat er op de foto te zien is: {how}. {_DECORATIEF_TIP}{deco}.",
            file=page.path,
            line=line,
            key=key,
        )
    elif looks_like_file_name(alt, src):
        yield Finding(
            "alt-bestandsnaam",
            WAARSCHUWING,
            f"De beschrijving van de afbeelding '{src}' is '{alt}'. Dat lijkt een bestandsnaam, en daar heeft "
            "een lezer die niet kan zien niets aan. Schrijf in één zin wat er op de foto te zien is, zoals "
            "'Gert snijdt groente in zijn nieuwe keuken.'",
            file=page.path,
            line=line,
            key=key,
        )
    elif len(alt) > ALT_MAX:
        yield Finding(
            "alt-te-lang",
            WAARSCHUWING,
            f"De beschrijving van de afbeelding '{src}' is {len(alt)} tekens lang; houd het bij hooguit "
            f"{ALT_MAX} tekens (één of twee korte zinnen). Wat er meer te vertellen is, past beter in de tekst "
            "bij de foto.",
            file=page.path,
            line=line,
            key=key,
        )


def looks_like_file_name(alt: str, src: str = "") -> bool:
    """'IMG_1234.jpg', 'foto.png', 'DSC0001', 'IMG 1234', 'gert_keuken', or the image's own file name."""
    text = alt.strip()
    if _CAMERA.match(text):
        return True
    if re.search(r"\s", text):
        return False
    stem = posixpath.splitext(posixpath.basename(unquote(urlparse(src).path)))[0]
    same = bool(stem) and text.lower() == stem.lower() and re.search(r"[-_\d]", stem) is not None
    return same or "_" in text or _EXTENSION.search(text) is not None


def _path(root: Path, page: Page, written: str, base: str, line: int, media: _Media, key: str | None = None):
    """``written`` as the author wrote it, relative to ``base`` (a folder inside the content folder)."""
    url = urlparse(written)
    if (url.scheme and len(url.scheme) > 1) or url.netloc or written.startswith(("#", "data:")):
        return  # an address on the web, not a file in the folder
    path = unquote(url.path if len(url.scheme) != 1 else written)
    if not path:
        return
    target = posixpath.normpath(posixpath.join(base, path.replace("\\", "/")))
    outside = path.startswith(("/", "\\")) or len(url.scheme) == 1 or target == ".." or target.startswith("../")
    if not outside:
        outside = inside(root, target) is None  # e.g. a symbolic link that leads out of the folder
    if outside:
        yield Finding(
            "pad-buiten-content",
            FOUT,
            f"Het pad '{written}' wijst naar een bestand buiten de map met het rapport. Alleen bestanden in "
            "die map komen op de site. Zet de foto in de map 'media' en schrijf het pad "
            + (
                "vanaf de map van het rapport, zoals 'media/foto.jpg'."
                if key
                else "vanaf deze pagina, zoals '../media/foto.jpg'."
            ),
            file=page.path,
            line=line,
            key=key,
        )
        return
    if os.path.isfile(root / target):  # never raises (a name too long for the file system is no file)
        yield from _readable(root, target, page, line, key)
        return
    suggestion = media.suggestion(target, base)
    yield Finding(
        "afbeelding-ontbreekt",
        FOUT,
        f"De afbeelding '{written}' bestaat niet.{suggestion} Controleer de bestandsnaam (ook hoofdletters) en "
        "of de foto in de map 'media' staat.",
        file=page.path,
        line=line,
        key=key,
    )


def _story_photos(root: Path, story: Page, media: _Media) -> Iterator[Finding]:
    fotos = story.meta.get("fotos")
    if fotos is None:
        return
    items = fotos if isinstance(fotos, list) else [fotos]
    for i, foto in enumerate(items):
        line = story.meta_lines.get(("fotos", i)) or story.meta_line("fotos") or 1
        if isinstance(foto, str):
            foto = {"bestand": foto}
        if not isinstance(foto, dict) or not isinstance(foto.get("bestand"), str) or not foto["bestand"].strip():
            yield Finding(
                "afbeelding-ontbreekt",
                FOUT,
                "Bij deze foto staat geen 'bestand'. Schrijf onder 'fotos:' elke foto als '- bestand: media/foto.jpg' "
                "met op de regel eronder, ingesprongen, 'alt: Wat er op de foto te zien is.'",
                file=story.path,
                line=line,
                key="fotos",
            )
            continue
        bestand = foto["bestand"].strip()
        bestand_line = story.meta_lines.get(("fotos", i, "bestand"), line)
        alt_line = story.meta_lines.get(("fotos", i, "alt"), line)
        yield from _alt(
            story, foto.get("alt"), foto.get("decoratief") is True, bestand, alt_line, markdown=False, key="fotos.alt"
        )
        yield from _path(root, story, bestand, "", bestand_line, media, key="fotos.bestand")


def _readable(root: Path, target: str, page: Page, line: int, key: str | None) -> Iterator[Finding]:
    """A photo the build cannot process would be missing from the site: say so before building.

    Every file used as an image is tried, whatever its name: the pipeline reads the real format from
    the bytes, and a file it cannot make a photo of (an SVG, a HEIC, a text file) is refused."""
    try:
        validate_image(root / target, default_cache_dir(), name=target)
    except ImageError as error:
        yield Finding(
            "afbeelding-onbruikbaar",
            FOUT,
            f"De foto '{target}': " + " ".join(p.message for p in error.problems),
            file=page.path,
            line=line,
            key=key,
        )
