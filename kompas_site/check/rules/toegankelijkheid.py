"""Rule: the accessibility statement rests on a recent automated check, and on what the author names."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import TIP, WAARSCHUWING, Finding
from kompas_site.check.registry import Code
from kompas_site.dutch import datum
from kompas_site.model import AUDIT_FILE

MAKE = (
    "Bouw de site en controleer hem, en bewaar de uitslag in de map van uw rapport: "
    "'kompas build MAP -o site' en daarna 'kompas audit site --bewaar MAP' (MAP is de map met kompas.yml)"
)
MAX_AGE_DAYS = 365
# A file saved within this many seconds after the check still counts as checked: a fresh copy of the
# folder (from git or a zip file) gives every file about the same time, in no particular order.
MARGIN_SECONDS = 600

GEEN_AUDIT = Code(
    "verklaring-geen-audit",
    TIP,
    "Er is nog geen uitslag van de toegankelijkheidscontrole voor de toegankelijkheidsverklaring",
    "De site krijgt een toegankelijkheidsverklaring (in de voet van elke pagina). Zonder controle staat daar "
    "dat de website nog niet gecontroleerd is. Bouw de site en controleer hem, dan komt de uitslag in de "
    "verklaring: 'kompas build content -o site' en 'kompas audit site --bewaar content'. De uitslag staat dan "
    f"in '{AUDIT_FILE}'; dat bestand komt niet op de website.",
)
VEROUDERD = Code(
    "verklaring-audit-verouderd",
    WAARSCHUWING,
    "De uitslag van de toegankelijkheidscontrole is ouder dan de inhoud, of meer dan een jaar oud",
    "De toegankelijkheidsverklaring noemt de datum en de uitslag van de laatste controle. Is een pagina daarna "
    "veranderd, of is de controle meer dan een jaar oud, dan klopt de verklaring misschien niet meer. "
    "Controleer de site opnieuw: 'kompas build content -o site' en 'kompas audit site --bewaar content'.",
)
ONLEESBAAR = Code(
    "verklaring-audit-onleesbaar",
    WAARSCHUWING,
    "De uitslag van de toegankelijkheidscontrole kan niet gelezen worden",
    f"'{AUDIT_FILE}' is geen uitslag van 'kompas audit' (meer): het is bijvoorbeeld met de hand veranderd of "
    "half geschreven. De verklaring zegt dan dat de website niet gecontroleerd is. Maak een nieuwe uitslag: "
    "'kompas audit site --bewaar content'.",
)
ONDERZOEK_ONVINDBAAR = Code(
    "verklaring-onderzoek-onvindbaar",
    WAARSCHUWING,
    "Het rapport van het toegankelijkheidsonderzoek staat niet in de map",
    "Onder 'toegankelijkheid: onderzoek: bestand' in kompas.yml staat een bestand dat er niet is. De verklaring "
    "linkt ernaar, zodat lezers het onderzoek kunnen lezen. Zet het rapport in de map, bijvoorbeeld "
    "'bijlagen/toegankelijkheidsonderzoek.pdf', en schrijf dat pad bij 'bestand'.",
)
NIET_GOEDGEKEURD = Code(
    "verklaring-niet-goedgekeurd",
    TIP,
    "Niemand heeft de toegankelijkheidsverklaring goedgekeurd",
    "Een toegankelijkheidsverklaring wordt goedgekeurd door iemand die daarover gaat, met een datum. Zet in "
    "kompas.yml:\n\ntoegankelijkheid:\n  goedgekeurd_door:\n    naam: Anna de Vries\n    functie: bestuurder\n"
    "  datum: 2026-05-20",
)
CODES = (GEEN_AUDIT, VEROUDERD, ONLEESBAAR, ONDERZOEK_ONVINDBAAR, NIET_GOEDGEKEURD)


def check(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    settings = report.settings
    block = settings.toegankelijkheid
    for problem in report.audit_problems:
        yield ONLEESBAAR(problem.message, file=problem.file)
    audit = report.audit
    if audit is None and not report.audit_problems:
        yield GEEN_AUDIT(
            "Er is nog geen uitslag van de toegankelijkheidscontrole. De toegankelijkheidsverklaring zegt daarom "
            f"dat de website nog niet gecontroleerd is. {MAKE}."
        )
    if audit is not None:
        when = audit.when
        age = (ctx.today - when.date()).days
        newest = _newest(ctx)
        if age > MAX_AGE_DAYS:
            yield VEROUDERD(
                f"De laatste toegankelijkheidscontrole is van {datum(when.date())}: meer dan een jaar geleden. {MAKE}.",
                file=AUDIT_FILE,
            )
        elif newest is not None and newest[1] > audit.mtime + MARGIN_SECONDS:
            changed = datetime.fromtimestamp(newest[1]).date()
            yield VEROUDERD(
                f"'{newest[0]}' is veranderd ({datum(changed)}) na de laatste toegankelijkheidscontrole "
                f"({datum(when.date())}). De verklaring gaat dan misschien niet meer over wat er nu op de site "
                f"staat. {MAKE}.",
                file=AUDIT_FILE,
            )
    onderzoek = block.onderzoek
    if onderzoek is not None and onderzoek.bestand and onderzoek.bestand not in report.files:
        yield ONDERZOEK_ONVINDBAAR(
            f"Het rapport '{onderzoek.bestand}' van het onderzoek '{onderzoek.titel}' staat niet in de map. Zet het "
            "erin, of verbeter het pad bij 'bestand'.",
            file=settings.file,
            line=settings.line("toegankelijkheid", "onderzoek", "bestand"),
            key="toegankelijkheid.onderzoek.bestand",
        )
    if not block.goedgekeurd_door:
        yield NIET_GOEDGEKEURD(
            "Op de toegankelijkheidsverklaring staat nog niet wie hem heeft goedgekeurd. Zet in kompas.yml onder "
            "'toegankelijkheid' bij 'goedgekeurd_door' de naam en functie, en bij 'datum' de datum.",
            file=settings.file,
        )


def _newest(ctx: CheckContext) -> tuple[str, float] | None:
    """The content file the site shows that changed last: a page, a data file, a published photo or download."""
    report = ctx.report
    files = {p.path for p in report.all_pages} | (report.data_files - {AUDIT_FILE}) | set(ctx.published)
    newest = None
    for name in files:
        try:
            mtime = os.stat(report.root / name).st_mtime
        except OSError:
            continue
        if newest is None or mtime > newest[1]:
            newest = (name, mtime)
    return newest
