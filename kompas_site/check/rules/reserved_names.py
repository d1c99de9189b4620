"""Rule: an author's page does not take the name of a page kompas-site makes itself."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import Finding
from kompas_site.check.registry import Code
from kompas_site.model import RESERVED_PAGES

GERESERVEERD = Code(
    "pagina-naam-gereserveerd",
    "fout",
    "Een pagina heet zoals een pagina die kompas-site zelf maakt (`speerpunten.md`, `zoeken.md`, ...)",
    "kompas-site maakt zelf de pagina's " + ", ".join(RESERVED_PAGES) + ". Geef uw pagina een andere "
    "bestandsnaam, bijvoorbeeld 'onze-speerpunten.md'.",
)
CODES = (GERESERVEERD,)


def check(ctx: CheckContext) -> Iterator[Finding]:
    for name in RESERVED_PAGES:
        if ctx.report.page(name):
            yield GERESERVEERD(
                f"De naam '{name}' is gereserveerd voor een pagina die kompas-site zelf maakt. Geef uw "
                "pagina een andere bestandsnaam.",
                file=name,
            )
