"""Rule: say which files in the content folder stay off the site, so a forgotten download is noticed."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import TIP, Finding
from kompas_site.check.registry import Code
from kompas_site.dutch import opsomming
from kompas_site.load.pages import is_page_file

NIET_GEPUBLICEERD = Code(
    "niet-gepubliceerd",
    TIP,
    "Bestanden in de map die geen pagina gebruikt: die komen niet op de site",
    "Alleen de pagina's en de foto's, films en bijlagen waar een pagina naar verwijst, komen op de website. "
    "Notities, spreadsheets, reservekopieën en foto's die geen pagina meer gebruikt blijven privé. Moet een "
    "bestand wél op de site? Verwijs ernaar vanaf een pagina, zoals [het visitatieverslag](../bijlagen/"
    "visitatieverslag.pdf).",
)
CODES = (NIET_GEPUBLICEERD,)
SHOWN = 20  # names in the message; the rest is counted


def check(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    published = set(ctx.published)
    pages = {p.path for p in report.all_pages}
    data = report.data_files
    left = [f for f in report.files if f not in published and f not in pages and f not in data and not is_page_file(f)]
    if not left:
        return
    names = [f"'{f}'" for f in left[:SHOWN]]
    if len(left) > SHOWN:
        names.append(f"nog {len(left) - SHOWN} andere")
    yield NIET_GEPUBLICEERD(
        f"Deze bestanden staan in de map van het rapport, maar geen pagina gebruikt ze; ze komen niet op de "
        f"website: {opsomming(names)}. Is er een bijlage bij die wél online moet? Verwijs ernaar vanaf een pagina."
    )
