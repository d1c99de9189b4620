"""Rule: a story of a client or relative is published only with recorded, valid consent; so is a photo with
its own consent (someone else than the storyteller is in it)."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, Finding
from kompas_site.check.privacy import check_consent
from kompas_site.check.registry import Code

CODES = (
    Code(
        "toestemming-ontbreekt",
        FOUT,
        "Een verhaal van een cliënt of naaste heeft geen volledige `toestemming`",
        "Een verhaal van een cliënt of naaste (of met een onbekend perspectief) mag alleen op de site met "
        "vastgelegde toestemming. Zet in de kop van het verhaal:\n\n    toestemming:\n      datum: 2025-03-14\n"
        "      geldig_tot: 2027-12-31\n      vastgelegd_door: teamleider Wonen Noord\n\nStaat er op een foto bij "
        "het verhaal iemand anders dan de verteller, zet dan onder die foto (bij 'fotos') een eigen 'toestemming' "
        "met dezelfde drie regels; die wordt op dezelfde manier gecontroleerd. Deze gegevens komen nooit op de site.",
    ),
    Code(
        "toestemming-verlopen",
        FOUT,
        "`geldig_tot` ligt vóór de publicatiedatum (of vóór vandaag, als die er nog niet is)",
        "Vraag opnieuw toestemming en zet de nieuwe datums bij 'toestemming', of haal het verhaal van de site.",
    ),
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    yield from check_consent(ctx.report, ctx.today)
