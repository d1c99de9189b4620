"""Rule: the accessibility statement rests on a recent automated check, and on what the author names."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator
from datetime import datetime

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import TIP, WAARSCHUWING, Finding
from kompas_site.check.registry import Code
from kompas_site.check.rules.downloads import inaccessible_pdfs
from kompas_site.dutch import aantal, datum, opsomming
from kompas_site.model import AUDIT_FILE, Report
from kompas_site.paths import output_paths, page_address

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
ONVOLLEDIG = Code(
    "verklaring-audit-onvolledig",
    WAARSCHUWING,
    "De toegankelijkheidscontrole heeft niet alle pagina's van deze site bekeken",
    "De bewaarde uitslag van 'kompas audit' noemt de pagina's die gecontroleerd zijn. Staat een pagina van uw "
    "site daar niet bij, dan is die er na de controle bij gekomen, of gaat de uitslag over een andere website "
    "(bijvoorbeeld een uitslag van vorig jaar die u heeft meegekopieerd). De verklaring zegt dan alleen hoeveel "
    "pagina's wel bekeken zijn. Controleer de site opnieuw: 'kompas build content -o site' en "
    "'kompas audit site --bewaar content'.",
)
GOEDKEURING_TE_VROEG = Code(
    "verklaring-goedkeuring-voor-controle",
    TIP,
    "De toegankelijkheidsverklaring is goedgekeurd vóór de laatste controle",
    "Wie de verklaring goedkeurt, keurt goed wat de controle heeft gevonden. Is de datum van de goedkeuring "
    "ouder dan de controle, dan heeft die persoon de nieuwe uitslag nog niet gezien. Laat de verklaring "
    "opnieuw goedkeuren en zet de nieuwe datum in kompas.yml:\n\ntoegankelijkheid:\n  datum: 2026-06-02",
)
GEEN_OPLOSSING = Code(
    "verklaring-geen-oplossing",
    TIP,
    "Bij een bekend toegankelijkheidsprobleem staat niet wat u eraan doet",
    "Bij elk probleem in de toegankelijkheidsverklaring hoort wat u eraan doet en wanneer. Staat dat er niet, "
    "dan zegt de verklaring 'Dat weten we nog niet.' Beschrijf het probleem in kompas.yml, met het nummer "
    "van de eis (het succescriterium):\n\ntoegankelijkheid:\n  bekende_problemen:\n    - criterium: 1.4.3\n"
    "      oorzaak: De grijze tekst onder de foto's heeft te weinig contrast.\n"
    "      gevolg: Wie slecht ziet, kan die tekst moeilijk lezen.\n"
    "      oplossing: We maken de tekst donkerder.\n      planning: juli 2026",
)
CODES = (
    GEEN_AUDIT,
    VEROUDERD,
    ONVOLLEDIG,
    ONLEESBAAR,
    ONDERZOEK_ONVINDBAAR,
    NIET_GOEDGEKEURD,
    GOEDKEURING_TE_VROEG,
    GEEN_OPLOSSING,
)
SHOWN = 5  # pages named in a message; the rest are counted


def page_addresses(report: Report) -> list[str]:
    """The addresses of the pages the authors wrote (pages, stories, easy-read twins), as the audit lists them."""
    outputs = output_paths([p.path for p in report.pages] + sorted(t.path for t in report.twins))
    return sorted(page_address(o) for o in outputs.values())


def not_audited(addresses: list[str], audited: frozenset[str]) -> list[str]:
    return [a for a in addresses if a not in audited]


def named(items: list[str], shown: int = SHOWN) -> str:
    """'a, b en c', or 'a, b, c, d, e en nog 3 andere' when there are more than ``shown``."""
    if len(items) <= shown:
        return opsomming(items)
    rest = len(items) - shown
    return ", ".join(items[:shown]) + f" en nog {aantal(rest, 'andere', 'andere')}"


def same_day(changed: datetime, checked: datetime) -> str:
    """When a file changed, said so that it differs from the check's day: a date, or on the same day the time."""
    if changed.date() != checked.date():
        return datum(changed.date())
    return f"om {changed:%H:%M}" if changed.strftime("%H:%M") != checked.strftime("%H:%M") else "later op dezelfde dag"


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
            changed = datetime.fromtimestamp(newest[1])
            checked = datetime.fromtimestamp(audit.mtime) if audit.gecontroleerd_op is None else when
            at = f" om {checked:%H:%M}" if changed.date() == checked.date() else ""
            yield VEROUDERD(
                f"'{newest[0]}' is veranderd ({same_day(changed, checked)}) na de laatste "
                f"toegankelijkheidscontrole ({datum(when.date())}{at}). De verklaring gaat dan misschien niet meer "
                f"over wat er nu op de site staat. {MAKE}.",
                file=AUDIT_FILE,
            )
        yield from _coverage(report, audit)
        if block.datum is not None and block.goedgekeurd_door and block.datum < when.date():
            yield GOEDKEURING_TE_VROEG(
                f"De toegankelijkheidsverklaring is goedgekeurd op {datum(block.datum)}, vóór de laatste "
                f"controle op {datum(when.date())}. De goedkeuring hoort te komen na de controle waar de verklaring "
                "op rust. Laat de verklaring opnieuw goedkeuren en zet de nieuwe datum bij 'datum'.",
                file=settings.file,
                line=settings.line("toegankelijkheid", "datum"),
                key="toegankelijkheid.datum",
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
    yield from _unplanned(ctx)
    if not block.goedgekeurd_door:
        yield NIET_GOEDGEKEURD(
            "Op de toegankelijkheidsverklaring staat nog niet wie hem heeft goedgekeurd. Zet in kompas.yml onder "
            "'toegankelijkheid' bij 'goedgekeurd_door' de naam en functie, en bij 'datum' de datum.",
            file=settings.file,
        )


def describes(text: str, name: str) -> bool:
    """Whether an author's description of a problem is about the file ``name`` (by its name, with or without
    the folder and the '.pdf')."""
    base = posixpath.basename(name)
    stem = posixpath.splitext(base)[0]
    lowered = text.lower()
    return any(part.lower() in lowered for part in (base, stem.replace("-", " "), stem) if len(part) > 2)


def unplanned(report: Report, published: list[str]) -> list[str]:
    """The known problems the statement lists without a planned fix, each named in a few words."""
    block = report.settings.toegankelijkheid
    described = {p.criterium for p in block.bekende_problemen}
    names = [f"{p.criterium} ({p.oorzaak.split('.')[0].strip()})" for p in block.bekende_problemen if not p.oplossing]
    audit = report.audit
    if audit is not None:
        names += [f"{'/'.join(r.wcag) or r.regel} ({r.regel})" for r in audit.regels if not (set(r.wcag) & described)]
    texts = [f"{p.oorzaak} {p.gevolg}" for p in block.bekende_problemen]
    for name, _gaps in inaccessible_pdfs(report.root, published):
        if not any(describes(text, name) for text in texts):
            names.append(f"de pdf '{name}'")
    return names


def _unplanned(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    names = unplanned(report, ctx.published)
    if not names:
        return
    yield GEEN_OPLOSSING(
        f"Bij {aantal(len(names), 'bekend probleem', 'bekende problemen')} zegt de toegankelijkheidsverklaring "
        f"'Wat doen wij eraan? Dat weten we nog niet.': {named(names)}. Schrijf in kompas.yml wat u eraan doet "
        "en wanneer, onder 'toegankelijkheid: bekende_problemen', met het nummer van de eis. Bijvoorbeeld:\n"
        "  bekende_problemen:\n    - criterium: 1.3.1\n      oorzaak: Het jaarverslag (pdf) heeft geen koppen.\n"
        "      gevolg: Een schermlezer leest het als één lange tekst voor.\n"
        "      oplossing: We maken een nieuwe pdf met koppen.\n      planning: september 2026",
        file=report.settings.file,
        line=report.settings.line("toegankelijkheid"),
        key="toegankelijkheid.bekende_problemen",
    )


def _coverage(report: Report, audit) -> Iterator[Finding]:
    """Pages of this site that the saved check did not look at: added since, or the check was of another site."""
    if audit.adressen is None:
        return
    addresses = page_addresses(report)
    missing = not_audited(addresses, audit.adressen)
    if not missing:
        return
    source = f" (gecontroleerd werd: '{audit.bron}')" if audit.bron else ""
    if len(missing) == len(addresses):
        why = (
            f"Geen enkele pagina van deze site is bij de controle bekeken: de uitslag gaat over een andere "
            f"website{source}."
        )
    else:
        total = aantal(len(addresses), "pagina", "pagina's")
        why = (
            f"De controle heeft {len(missing)} van de {total} van deze "
            f"site niet bekeken: {named(missing)}. Misschien zijn die pagina's er na de controle bij gekomen, of "
            f"gaat de uitslag over een andere website{source}."
        )
    yield ONVOLLEDIG(
        f"{why} De toegankelijkheidsverklaring zegt daarom alleen hoeveel pagina's wel bekeken zijn. {MAKE}.",
        file=AUDIT_FILE,
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
