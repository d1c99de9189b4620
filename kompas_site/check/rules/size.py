"""Size: a folder or a page so long that readers lose their way in it.

The site still works: a long folder is shown in the menu a few pages at a time, with its pages listed on
overview pages of LISTING_PART_SIZE (assemble/menu.py). But a reader who has to page through hundreds
of titles to find their own location gives up; the author can group the pages instead.
"""

from __future__ import annotations

from collections import Counter

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import WAARSCHUWING, Finding
from kompas_site.check.registry import Code
from kompas_site.dutch import getal
from kompas_site.model import LISTING_PART_SIZE, LONG_SECTION, Report

LONG_PAGE_WORDS = 10_000  # about 40 minutes of reading; on a phone, and for a screen reader, far too long


CODES = (
    Code(
        "map-te-lang",
        WAARSCHUWING,
        "Een map met meer dan 100 pagina's",
        "Zoveel titels kan een lezer niet overzien. Verdeel de pagina's over submappen van hooguit 100, "
        "bijvoorbeeld per regio, locatie of onderwerp, elk met een index.md met een korte inleiding.",
    ),
    Code(
        "pagina-te-lang",
        WAARSCHUWING,
        "Een pagina van meer dan 10.000 woorden",
        "Zo'n pagina is op een telefoon en met een schermlezer niet te volgen, en laadt traag. Verdeel de "
        "tekst over meer pagina's, bijvoorbeeld één per locatie of onderwerp, in een eigen map.",
    ),
)


def check(ctx: CheckContext) -> list[Finding]:
    report = ctx.report
    return _long_folders(report) + _long_pages(ctx)


def _long_folders(report: Report) -> list[Finding]:
    items: Counter[str] = Counter()
    subfolders: set[str] = set()
    for page in report.pages:
        if page.is_index:
            continue
        items[page.folder] += 1
        folder = page.folder
        while folder and folder not in subfolders:  # a subfolder is one item of the folder above it
            subfolders.add(folder)
            parent = folder.rpartition("/")[0]
            items[parent] += 1
            folder = parent
    findings = []
    for folder, count in sorted(items.items()):
        if count <= LONG_SECTION:
            continue
        where = f"In de map '{folder}'" if folder else "In de hoofdmap van het rapport (niet in een submap)"
        findings.append(
            Finding(
                "map-te-lang",
                WAARSCHUWING,
                f"{where} staan {getal(count)} pagina's en submappen. Zoveel kan een lezer niet overzien: het "
                f"menu toont er steeds maar een paar, de rest staat op overzichtspagina's met elk "
                f"{LISTING_PART_SIZE} titels. Verdeel de "
                f"pagina's over submappen van hooguit {LONG_SECTION} pagina's, bijvoorbeeld per regio, per "
                "locatie of per onderwerp. Geef elke submap een index.md met een korte inleiding.",
                file=f"{folder}/" if folder else None,
            )
        )
    return findings


def _long_pages(ctx: CheckContext) -> list[Finding]:
    report = ctx.report
    findings = []
    for page in report.all_pages:
        words = ctx.scan(page).words
        if words > LONG_PAGE_WORDS:
            findings.append(
                Finding(
                    "pagina-te-lang",
                    WAARSCHUWING,
                    f"Deze pagina heeft {getal(words)} woorden. Dat is te lang om op een telefoon of met een "
                    "schermlezer te lezen, en de pagina laadt traag. Verdeel de tekst over meer pagina's, "
                    "bijvoorbeeld één pagina per locatie of per onderwerp, in een eigen map.",
                    file=page.path,
                    line=page.body_line,
                )
            )
    return findings
