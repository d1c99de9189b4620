"""Rule: say which files in the content folder stay off the site, so a forgotten download is noticed."""

from __future__ import annotations

import posixpath
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
ATTACHMENTS = "bijlagen"  # the folder for downloads: a file there is meant for readers


def check(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    published = set(ctx.published) | {report.settings.organisatie.logo}  # the logo: published as a copy
    pages = {p.path for p in report.all_pages}
    data = report.data_files
    left = [f for f in report.files if f not in published and f not in pages and f not in data and not is_page_file(f)]
    if not left:
        return
    attachments = [f for f in left if f.split("/", 1)[0].lower() == ATTACHMENTS]
    rest = [f for f in left if f not in attachments]
    parts = []
    if attachments:
        parts.append(
            f"In de map '{ATTACHMENTS}' staan bijlagen waar geen pagina naar linkt; die komen niet op de website: "
            f"{_names(attachments)}. Moet een ervan wél online? Link ernaar vanaf een pagina, zoals "
            f"{_link(attachments[0])}, of noem het bij 'eerdere_edities' in "
            "kompas.yml als het een eerder rapport is. Zo niet, haal het uit de map."
        )
    if rest:
        parts.append(
            ("Ook deze" if attachments else "Deze")
            + " bestanden staan in de map van het rapport, maar geen pagina gebruikt ze; ze komen niet op de "
            f"website: {_names(rest)}. Is er een bijlage bij die wél online moet? Verwijs ernaar vanaf een pagina."
        )
    yield NIET_GEPUBLICEERD(" ".join(parts))


def _link(file: str) -> str:
    """A Markdown link to ``file`` from a page one folder deep, that works for a name with spaces too."""
    target = f"../{file}"
    if any(c.isspace() for c in target) or "(" in target or ")" in target:
        target = f"<{target}>"
    name = posixpath.basename(file).replace("[", "(").replace("]", ")")
    return f"[{name}]({target})"


def _names(files: list[str]) -> str:
    names = [f"'{f}'" for f in files[:SHOWN]]
    if len(files) > SHOWN:
        names.append(f"nog {len(files) - SHOWN} andere")
    return opsomming(names)
