"""Rule: kompas.yml names the organisation, not the scaffold's placeholder."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import WAARSCHUWING, Finding
from kompas_site.check.registry import Code
from kompas_site.scaffold import PLACEHOLDER_NAME

NAAM_INVULLEN = Code(
    "organisatie-naam-invullen",
    WAARSCHUWING,
    "In `kompas.yml` staat nog de naam uit het sjabloon",
    "De naam van uw organisatie staat bovenaan elke pagina. Vul hem in kompas.yml in:\n\n"
    "    organisatie:\n      naam: Stichting De Linde",
)
CODES = (NAAM_INVULLEN,)


def check(ctx: CheckContext) -> Iterator[Finding]:
    settings = ctx.report.settings
    if settings.organisatie.naam == PLACEHOLDER_NAME:
        yield NAAM_INVULLEN(
            f"Vul in {settings.file} bij 'organisatie: naam' de naam van uw organisatie in; die staat "
            "bovenaan elke pagina.",
            file=settings.file,
            line=settings.line("organisatie", "naam"),
            key="organisatie.naam",
        )
