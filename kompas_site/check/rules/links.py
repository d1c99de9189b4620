"""Rule: a link from one page to another points at a page that exists."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import WAARSCHUWING, Finding
from kompas_site.check.images import inside
from kompas_site.check.registry import Code
from kompas_site.check.usage import is_download
from kompas_site.model import GENERATED_PAGES, LOCATIONS_DIR, STORIES_OVERVIEW
from kompas_site.spelling import did_you_mean_path

CODES = (
    Code(
        "link-kapot",
        WAARSCHUWING,
        "Een link naar een pagina die niet bestaat (met de beste suggestie)",
        "Een link naar een andere pagina schrijft u met het pad vanaf deze pagina naar het .md-bestand, zoals "
        "[onze visie](../01-over-ons/visie.md). 'kompas check' noemt het bestand dat er het meest op lijkt.",
    ),
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    pages = report.all_pages
    known = {p.path for p in pages} | set(GENERATED_PAGES)
    if report.stories:
        known.add(STORIES_OVERVIEW)
    if report.settings.locaties:  # the location pages kompas-site makes (assemble/locaties.py)
        known |= {f"{LOCATIONS_DIR}/index.md"} | {f"{LOCATIONS_DIR}/{loc.id}.md" for loc in report.settings.locaties}
    root = Path(report.root)
    suggestions: dict[tuple[str, str], str] = {}  # one search per missing page, however often linked
    for page in pages:
        for href, line in ctx.scan(page).links:
            target = local_target(page.folder, href)
            if target is None or target in known:
                continue
            if not target.endswith(".md") and (href.split("#")[0].endswith("/") or os.path.isdir(root / target)):
                index = posixpath.join(target, "index.md")
                written = posixpath.relpath(index, page.folder or ".")
                yield Finding(
                    "link-kapot",
                    WAARSCHUWING,
                    f"De link naar '{href}' gaat naar een map, niet naar een pagina. Link naar de pagina in die map"
                    + (f": [tekst]({written})." if index in known else ", zoals [tekst](../map/index.md).")
                    + " Dan kan kompas-site de link controleren, en werkt hij ook in de voorvertoning.",
                    file=page.path,
                    line=page.body_line + line,
                )
                continue
            if not target.endswith(".md"):
                if inside(root, target) is None or os.path.isfile(root / target) or is_download(target):
                    continue  # outside the report: the image rule says so; a file that is there: fine; a
                    # missing download: its own rule ('download-ontbreekt')
                yield Finding(
                    "link-kapot",
                    WAARSCHUWING,
                    f"De link naar '{href}' gaat naar een bestand dat niet bestaat."
                    + did_you_mean_path(target, report.files, page.folder)
                    + " Zet het bestand in de map van het rapport (bijvoorbeeld in 'bijlagen') en schrijf het pad "
                    "vanaf deze pagina, zoals [het verslag](../bijlagen/verslag.pdf).",
                    file=page.path,
                    line=page.body_line + line,
                )
                continue
            if (target, page.folder) not in suggestions:
                suggestions[target, page.folder] = did_you_mean_path(target, known, page.folder)
            suggestion = suggestions[target, page.folder]
            yield Finding(
                "link-kapot",
                WAARSCHUWING,
                f"De link naar '{href}' gaat naar een pagina die niet bestaat.{suggestion} Een link naar een "
                "andere pagina schrijft u met het pad vanaf deze pagina, zoals [tekst](../map/pagina.md).",
                file=page.path,
                line=page.body_line + line,
            )


def local_target(folder: str, href: str) -> str | None:
    """The file a link points at, as a path from the content folder; None for a link to another site,
    an address on this site ('/...'), or an anchor on the same page. ``folder``: the page's folder."""
    url = urlparse(href)
    if url.scheme or url.netloc or not url.path or url.path.startswith("/"):
        return None
    return posixpath.normpath(posixpath.join(folder, unquote(url.path)))
