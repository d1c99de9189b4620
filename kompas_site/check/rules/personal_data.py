"""Rule: no personal data of clients in anything that is published."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, Finding
from kompas_site.check.privacy import check_download_texts, check_personal_data
from kompas_site.check.registry import Code

CODES = (
    Code(
        "persoonsgegevens",
        FOUT,
        "Een BSN, e-mailadres, telefoonnummer of geboortedatum in de tekst of in een download (.txt, .csv)",
        "Een openbaar kwaliteitsbeeld mag geen persoonsgegevens van cliënten bevatten. Haal het gegeven weg. "
        "Het e-mailadres en telefoonnummer van de organisatie zelf mogen wel: zet ze in kompas.yml onder "
        "'contact:'. Is het een nummer van de organisatie dat op een persoonsgegeven lijkt (zoals het RSIN), "
        "zet het dan met een reden onder 'toegestaan:' in kompas.yml:\n\n    toegestaan:\n"
        '      - waarde: "801745913"\n        reden: RSIN van de stichting (ANBI)',
    ),
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    yield from check_personal_data(ctx.report)
    yield from check_download_texts(ctx.report, ctx.published)
