"""Rule: the edition fits the year, and is published before its due date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from kompas_site.check.findings import TIP, WAARSCHUWING, Finding
from kompas_site.dutch import datum
from kompas_site.model import Report
from kompas_site.profiles import EditieProfiel, Kader


def check_deadlines(report: Report, kader: Kader, editie: EditieProfiel, deadline: date) -> Iterator[Finding]:
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
    elif published > deadline:
        yield Finding(
            "publicatie-na-deadline",
            WAARSCHUWING,
            f"De publicatiedatum ({datum(published)}) ligt na de uiterste datum voor dit "
            f"{editie.naam.lower()}: {datum(deadline)}. {editie.deadline_toelichting}",
            file=settings.file,
            line=settings.line("editie", "publicatiedatum"),
            key="editie.publicatiedatum",
        )
