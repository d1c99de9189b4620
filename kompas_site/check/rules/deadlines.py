"""Rule: the edition fits the year, and is published before its due date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, TIP, WAARSCHUWING, Finding
from kompas_site.check.registry import Code
from kompas_site.dutch import datum

CODES = (
    Code(
        "editie-past-niet-bij-jaar",
        WAARSCHUWING,
        "Bijvoorbeeld een kwaliteitsbeeld over een even jaar in het Kwaliteitskompas",
        "Elk kader zegt over welke jaren een editie gaat: in het Kwaliteitskompas Gehandicaptenzorg gaat een "
        "kwaliteitsbeeld over 2023, 2025 en 2027, met een voortgangsbericht in de jaren ertussen. Kijk in "
        "kompas.yml of 'kader', 'editie: soort' en 'editie: jaar' kloppen.",
    ),
    Code(
        "publicatie-na-deadline",
        WAARSCHUWING,
        "De publicatiedatum ligt na de uiterste datum",
        "Elke editie heeft een uiterste datum, zoals 1 juni 2026 voor een kwaliteitsbeeld over 2025. Zet het "
        "rapport eerder online, of leg uit waarom het later komt. De datum staat in kompas.yml bij "
        "'editie: publicatiedatum'.",
    ),
    Code(
        "publicatiedatum-voor-verslagjaar",
        FOUT,
        "De publicatiedatum ligt vóór het jaar waarover het rapport gaat",
        "Een rapport over 2025 verschijnt pas als 2025 voorbij is. Een te vroege datum is meestal een tikfout "
        "('2016-05-28' in plaats van '2026-05-28'); hij laat ook toestemming die al lang verlopen is "
        "onterecht door. Verbeter 'editie: publicatiedatum' in kompas.yml.",
    ),
    Code(
        "publicatiedatum-in-verslagjaar",
        WAARSCHUWING,
        "De publicatiedatum ligt in het jaar waarover het rapport gaat",
        "Een rapport over 2025 gaat over het hele jaar, en verschijnt dus pas als 2025 voorbij is: meestal in "
        "het voorjaar erna. Staat er bijvoorbeeld '2025-03-20' bij een rapport over 2025, dan is dat meestal "
        "een tikfout voor '2026-03-20'. Verbeter 'editie: publicatiedatum' in kompas.yml.",
    ),
    Code(
        "publicatiedatum-ontbreekt",
        TIP,
        "Er is nog geen publicatiedatum",
        "Vul de datum in waarop het rapport online komt, in kompas.yml onder 'editie', zoals "
        "'publicatiedatum: 2026-05-28' (jaar-maand-dag). Dan kan de controle zien of het op tijd is.",
    ),
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    report, kader, editie, deadline = ctx.report, ctx.kader, ctx.editie, ctx.deadline
    settings = report.settings
    jaar = settings.editie.jaar
    if not editie.fits_year(jaar):
        fitting = [e for e in kader.edities.values() if e.fits_year(jaar)]
        advice = (
            f" Over {jaar} hoort bij dit kader: {' of '.join(e.naam.lower() for e in fitting)}."
            if fitting
            else f" Het kader {kader.naam} gaat niet over {jaar}; kijk of het kader en het jaar kloppen."
        )
        yield Finding(
            "editie-past-niet-bij-jaar",
            WAARSCHUWING,
            f"Een {editie.naam.lower()} in het {kader.korte_naam} gaat over de jaren {editie.years_text()}, "
            f"niet over {jaar}." + advice,
            file=settings.file,
            line=settings.line("editie", "jaar"),
            key="editie.jaar",
        )
    published = settings.editie.publicatiedatum
    if published is None:
        yield Finding(
            "publicatiedatum-ontbreekt",
            TIP,
            f"Er staat nog geen publicatiedatum in {settings.file}. De uiterste datum is {datum(deadline)}; "
            "vul 'publicatiedatum' in onder 'editie' als u weet wanneer het rapport online komt.",
            file=settings.file,
            line=settings.line("editie"),
            key="editie.publicatiedatum",
        )
    else:
        on_date = {c.code: c for c in CODES}  # every finding below points at the publication date

        def dated(code: str, message: str) -> Finding:
            where = settings.line("editie", "publicatiedatum")
            return on_date[code](message, file=settings.file, line=where, key="editie.publicatiedatum")

        if published < date(jaar, 1, 1):
            yield dated(
                "publicatiedatum-voor-verslagjaar",
                f"De publicatiedatum ({datum(published)}) ligt vóór {jaar}, het jaar waarover dit "
                f"{editie.naam.lower()} gaat. Is het een tikfout? Het rapport komt online na afloop van {jaar}, "
                f"uiterlijk {datum(deadline)}.",
            )
        elif published < date(jaar + 1, 1, 1):
            yield dated(
                "publicatiedatum-in-verslagjaar",
                f"De publicatiedatum ({datum(published)}) ligt in {jaar}, het jaar waarover dit "
                f"{editie.naam.lower()} gaat. Het rapport komt online na afloop van {jaar}, uiterlijk "
                f"{datum(deadline)}. Is het een tikfout, bijvoorbeeld {published.year + 1} in plaats van "
                f"{published.year}?",
            )
        elif published > deadline:
            yield dated(
                "publicatie-na-deadline",
                f"De publicatiedatum ({datum(published)}) ligt na de uiterste datum voor dit "
                f"{editie.naam.lower()}: {datum(deadline)}. {editie.deadline_toelichting}",
            )
