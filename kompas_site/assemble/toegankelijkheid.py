"""The accessibility statement (toegankelijkheidsverklaring): a generated page in the shape of the Dutch
government's model statement, filled from the saved ``kompas audit`` result and ``toegankelijkheid:`` in
``kompas.yml``.

The status is honest: an automated check alone never makes a site "voldoet volledig". The model's statuses:

- A, voldoet volledig: a manual evaluation report (at most three years old) and no known problem;
- B, voldoet gedeeltelijk: such a report, and known problems (from it, or from the automated check);
- C, eerste maatregelen genomen: no (recent) manual report, but the site was checked automatically;
- D, eerste maatregelen nog niet genomen: no manual report and no automated check.

E (no statement at all) never applies to a page that is a statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from kompas_site.assemble.templates import render
from kompas_site.dutch import aantal, datum, opsomming
from kompas_site.model import AuditUitslag, BekendProbleem, Report

PAGE = "toegankelijkheid.md"
TITLE = "Toegankelijkheidsverklaring"
LINK_TEXT = "Toegankelijkheid"  # in the footer of every page
REPORT_VALID_YEARS = 3  # the model accepts an evaluation report for three years

STATUSES = {
    "A": "voldoet volledig",
    "B": "voldoet gedeeltelijk",
    "C": "eerste maatregelen genomen",
    "D": "eerste maatregelen nog niet genomen",
}

# The success criteria of WCAG 2.2, levels A and AA, with their Dutch names.
CRITERIA = {
    "1.1.1": "Niet-tekstuele content",
    "1.2.1": "Alleen-geluid en alleen-video (vooraf opgenomen)",
    "1.2.2": "Ondertitels voor doven en slechthorenden (vooraf opgenomen)",
    "1.2.3": "Audiodescriptie of media-alternatief (vooraf opgenomen)",
    "1.2.4": "Ondertitels voor doven en slechthorenden (live)",
    "1.2.5": "Audiodescriptie (vooraf opgenomen)",
    "1.3.1": "Info en relaties",
    "1.3.2": "Betekenisvolle volgorde",
    "1.3.3": "Zintuiglijke eigenschappen",
    "1.3.4": "Weergavestand",
    "1.3.5": "Identificeer het doel van de input",
    "1.4.1": "Gebruik van kleur",
    "1.4.2": "Geluidsbediening",
    "1.4.3": "Contrast (minimum)",
    "1.4.4": "Herschalen van tekst",
    "1.4.5": "Afbeeldingen van tekst",
    "1.4.10": "Reflow",
    "1.4.11": "Contrast van niet-tekstuele content",
    "1.4.12": "Tekstafstand",
    "1.4.13": "Content bij hover of focus",
    "2.1.1": "Toetsenbord",
    "2.1.2": "Geen toetsenbordval",
    "2.1.4": "Enkel teken sneltoetsen",
    "2.2.1": "Timing aanpasbaar",
    "2.2.2": "Pauzeren, stoppen, verbergen",
    "2.3.1": "Drie flitsen of beneden drempelwaarde",
    "2.4.1": "Blokken omzeilen",
    "2.4.2": "Paginatitel",
    "2.4.3": "Focusvolgorde",
    "2.4.4": "Linkdoel (in context)",
    "2.4.5": "Meerdere manieren",
    "2.4.6": "Koppen en labels",
    "2.4.7": "Focus zichtbaar",
    "2.4.11": "Focus niet bedekt (minimum)",
    "2.5.1": "Aanwijzergebaren",
    "2.5.2": "Aanwijzerannulering",
    "2.5.3": "Label in naam",
    "2.5.4": "Bewegingsactivering",
    "2.5.7": "Sleepbewegingen",
    "2.5.8": "Grootte van het aanwijsgebied (minimum)",
    "3.1.1": "Taal van de pagina",
    "3.1.2": "Taal van onderdelen",
    "3.2.1": "Bij focus",
    "3.2.2": "Bij input",
    "3.2.3": "Consistente navigatie",
    "3.2.4": "Consistente identificatie",
    "3.2.6": "Consistente hulp",
    "3.3.1": "Foutidentificatie",
    "3.3.2": "Labels of instructies",
    "3.3.3": "Foutsuggestie",
    "3.3.4": "Foutpreventie (wettelijk, financieel, gegevens)",
    "3.3.7": "Overbodige invoer",
    "3.3.8": "Toegankelijke authenticatie (minimum)",
    "4.1.1": "Parsen",
    "4.1.2": "Naam, rol, waarde",
    "4.1.3": "Statusberichten",
}
# What a broken criterion means for a reader, by WCAG's four principles (the criterion's first digit).
EFFECTS = {
    "1": "Wie slecht ziet of hoort, of een schermlezer gebruikt, mist hierdoor misschien informatie.",
    "2": "Wie geen muis gebruikt (maar bijvoorbeeld alleen het toetsenbord), kan dit deel misschien niet bedienen.",
    "3": "Dit deel van de pagina is hierdoor moeilijker te begrijpen of te gebruiken.",
    "4": "Een schermlezer of ander hulpmiddel kan dit deel van de pagina hierdoor niet goed voorlezen of bedienen.",
}


# The audit's explanations are written for authors: a sentence telling them what to do is not for the public.
_INSTRUCTION = re.compile(r"^(Schrijf|Gebruik|Onderstreep|Zet|Geef|Maak|Voeg|Kies|Verwijder|Haal|Link)\b")


def public(uitleg: str) -> str:
    """The audit's explanation of a rule, without the sentences that tell an author what to do."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", uitleg.strip())
    kept = [s for s in sentences if not _INSTRUCTION.match(s)]
    return " ".join(kept or sentences)


def criterion(number: str) -> str:
    """'1.4.3' -> '1.4.3 Contrast (minimum)'."""
    name = CRITERIA.get(number)
    return f"{number} {name}" if name else number


@dataclass(frozen=True)
class Probleem:
    """One known problem as the page lists it."""

    criteria: tuple[str, ...]
    oorzaak: str
    gevolg: str
    alternatief: str | None
    oplossing: str | None
    planning: str | None
    gevonden: str | None = None  # where it was found: 'bij de automatische controle op 3 mei 2026, op 4 pagina's'

    @property
    def labels(self) -> list[str]:
        return [criterion(c) for c in self.criteria]


@dataclass
class Verklaring:
    status: str  # A-D
    missing: list[str] = field(default_factory=list)  # what is needed for a firmer status, in plain Dutch
    problems: list[Probleem] = field(default_factory=list)
    report_recent: bool = False


def report_is_recent(day: date, today: date) -> bool:
    try:
        limit = day.replace(year=day.year + REPORT_VALID_YEARS)
    except ValueError:  # 29 February
        limit = day.replace(year=day.year + REPORT_VALID_YEARS, day=28)
    return today <= limit


def statement(report: Report, today: date | None = None) -> Verklaring:
    today = today or date.today()
    block = report.settings.toegankelijkheid
    audit = report.audit
    onderzoek = block.onderzoek
    recent = onderzoek is not None and report_is_recent(onderzoek.datum, today)
    problems = [_own(p) for p in block.bekende_problemen]
    described = {p.criterium for p in block.bekende_problemen}
    if audit is not None:
        problems += _from_audit(audit, described)
    missing = []
    if onderzoek is None:
        missing.append(
            "een onderzoek door een deskundige, die alle eisen met de hand nakijkt. Een automatische controle "
            "vindt maar een deel van de problemen"
        )
    elif not recent:
        missing.append(
            f"een nieuw onderzoek door een deskundige: het laatste onderzoek is van {datum(onderzoek.datum)}, en een "
            f"onderzoek telt {REPORT_VALID_YEARS} jaar mee"
        )
    if audit is None:
        missing.append("een automatische controle van alle pagina's")
    elif (today - audit.when.date()).days > 365:
        missing.append(f"een nieuwe automatische controle: de laatste is van {datum(audit.when.date())}")
    if recent:
        status = "A" if not problems else "B"
    else:
        status = "C" if audit is not None else "D"
    return Verklaring(status, missing, problems, recent)


def _own(problem: BekendProbleem) -> Probleem:
    return Probleem(
        (problem.criterium,),
        problem.oorzaak,
        problem.gevolg,
        problem.alternatief,
        problem.oplossing,
        problem.planning,
    )


def _from_audit(audit: AuditUitslag, described: set[str]) -> list[Probleem]:
    """The automated check's problems that the organisation has not described itself (by criterion)."""
    when = datum(audit.when.date())
    problems = []
    for rule in audit.regels:
        if rule.wcag and set(rule.wcag) & described:
            continue
        principles = dict.fromkeys(c.split(".", 1)[0] for c in rule.wcag) or {"4": None}
        pages = aantal(rule.paginas, "pagina", "pagina's")
        problems.append(
            Probleem(
                rule.wcag,
                public(rule.uitleg),
                " ".join(EFFECTS[p] for p in principles if p in EFFECTS),
                None,
                None,
                None,
                gevonden=f"bij de automatische controle op {when}, op {pages}",
            )
        )
    if audit.verzoeken_naar_buiten:
        problems.append(
            Probleem(
                (),
                f"Een pagina laadt iets van een andere website ({aantal(audit.verzoeken_naar_buiten, 'adres', 'adressen')}).",
                "Uw browser maakt dan contact met die andere website, zonder dat u dat weet.",
                None,
                None,
                None,
                gevonden=f"bij de automatische controle op {when}",
            )
        )
    return problems


def page(report: Report, kader_naam: str, editie_naam: str, today: date | None = None) -> str:
    settings = report.settings
    verklaring = statement(report, today)
    block = settings.toegankelijkheid
    audit = report.audit
    return render(
        "toegankelijkheid.md",
        titel=TITLE,
        settings=settings,
        editie_naam=editie_naam,
        verklaring=verklaring,
        status_naam=STATUSES[verklaring.status],
        block=block,
        audit=audit,
        audit_datum=datum(audit.when.date()) if audit else None,
        audit_vensters=opsomming(audit.vensters) if audit and audit.vensters else "",
        opsomming=opsomming,
        aantal=aantal,
        onderzoek_link=(block.onderzoek.bestand or block.onderzoek.url) if block.onderzoek else None,
    )
