"""Rule: an earlier edition's file (``eerdere_edities:`` in ``kompas.yml``) is there and can be published.

The file is published as a download (``check.usage.published_files``), so a PDF gets the same
accessibility check as one a page links to (``check/rules/downloads.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, Finding
from kompas_site.check.images import inside
from kompas_site.check.registry import Code
from kompas_site.check.rules.downloads import ALLOWED, check_pdf
from kompas_site.check.usage import is_download, is_private
from kompas_site.spelling import did_you_mean

EDITIE_BESTAND = Code(
    "eerdere-editie-bestand",
    FOUT,
    "Het bestand van een eerdere editie ontbreekt of mag niet als download op de site",
    "Bij een eerdere editie in kompas.yml staat 'bestand:' met het pad vanaf de map van het rapport, zoals "
    f"'bestand: bijlagen/kwaliteitsrapport-2019.pdf'. Het bestand moet er staan en een download zijn ({ALLOWED}). "
    "Staat het rapport op internet? Schrijf dan 'url: https://...' in plaats van 'bestand'.",
)
CODES = (EDITIE_BESTAND,)


def check(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    settings = report.settings
    root = Path(report.root)
    existing = set(report.files)
    for n, editie in enumerate(settings.eerdere_edities):
        target = editie.bestand
        if not target:
            continue
        line = settings.line("eerdere_edities", n, "bestand")
        if target not in existing or inside(root, target) is None:
            candidates = [f for f in report.files if is_download(f) and not is_private(f)]
            yield EDITIE_BESTAND(
                f"Het bestand '{target}' van de eerdere editie '{editie.titel}' staat niet in de map van het rapport."
                + did_you_mean(target, candidates)
                + " Zet het bestand in de map (bijvoorbeeld in 'bijlagen') en schrijf het pad vanaf de map van het "
                "rapport, of geef met 'url:' het adres waar het rapport op internet staat.",
                file=settings.file,
                line=line,
                key="eerdere_edities.bestand",
            )
        elif is_private(target) or not is_download(target):
            yield EDITIE_BESTAND(
                f"'{target}' (bij de eerdere editie '{editie.titel}') kan niet als download op de site: als download "
                f"kunnen {ALLOWED}. Sla het rapport op als PDF en zet dat bestand bij 'bestand'.",
                file=settings.file,
                line=line,
                key="eerdere_edities.bestand",
            )
        elif target.lower().endswith(".pdf") and target not in {use.target for use in ctx.uses}:
            yield from check_pdf(root / target, target, settings.file, line)
