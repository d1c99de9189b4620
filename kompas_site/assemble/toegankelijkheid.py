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

import posixpath
import re
from dataclasses import dataclass, field
from datetime import date

from kompas_site.assemble.templates import render
from kompas_site.check.rules.downloads import PdfGaps
from kompas_site.check.rules.toegankelijkheid import describes
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
# What a broken criterion means for a reader: per criterion where the criterion says who is hindered, else by
# WCAG's four principles (the criterion's first digit).
CRITERION_EFFECTS = {
    "1.1.1": "Wie een schermlezer gebruikt, hoort niet wat er op een afbeelding staat.",
    "1.2.1": "Wie het geluid niet hoort of het beeld niet ziet, mist wat erin te horen of te zien is.",
    "1.2.2": "Wie doof of slechthorend is, kan niet volgen wat er in de film gezegd wordt.",
    "1.2.3": "Wie blind of slechtziend is, mist wat er in de film te zien is.",
    "1.2.4": "Wie doof of slechthorend is, kan niet volgen wat er in de uitzending gezegd wordt.",
    "1.2.5": "Wie blind of slechtziend is, mist wat er in de film te zien is.",
    "1.3.1": "Een schermlezer leest koppen, lijsten en tabellen niet als koppen, lijsten en tabellen voor. Wie een "
    "schermlezer gebruikt, kan de pagina daardoor moeilijker volgen.",
    "1.3.2": "Een schermlezer leest de tekst misschien in een verkeerde volgorde voor.",
    "1.3.5": "De browser kan dit invulveld niet vanzelf invullen. Dat is lastig voor wie moeite heeft met typen.",
    "1.4.1": "Wie kleuren slecht ziet of niet goed uit elkaar kan houden, mist wat alleen met kleur wordt getoond.",
    "1.4.3": "Wie slecht ziet, kan de tekst moeilijk lezen: de kleur van de tekst verschilt te weinig van de "
    "achtergrond.",
    "1.4.4": "Wie de letters groter zet, ziet misschien niet alle tekst meer.",
    "1.4.10": "Wie inzoomt of een klein scherm heeft, moet heen en weer schuiven om de tekst te lezen.",
    "1.4.11": "Wie slecht ziet, ziet knoppen, invulvelden of delen van een grafiek misschien niet goed.",
    "1.4.12": "Wie meer ruimte tussen regels of letters instelt om beter te kunnen lezen, mist misschien tekst.",
    "2.1.1": "Wie geen muis gebruikt, maar alleen het toetsenbord, kan dit deel niet bedienen.",
    "2.1.2": "Wie alleen het toetsenbord gebruikt, kan uit dit deel van de pagina niet meer weg.",
    "2.4.1": "Wie een toetsenbord of schermlezer gebruikt, kan het menu niet overslaan en moet er steeds doorheen.",
    "2.4.2": "Aan de titel van de pagina is niet te zien waar de pagina over gaat. Dat is lastig voor wie een "
    "schermlezer gebruikt.",
    "2.4.3": "Wie met het toetsenbord door de pagina gaat, springt in een onlogische volgorde heen en weer.",
    "2.4.4": "Uit de tekst van een link wordt niet duidelijk waar de link naartoe gaat. Dat is lastig voor wie "
    "een schermlezer gebruikt.",
    "2.4.6": "Koppen of labels zeggen niet goed waar een deel over gaat. Zo is de pagina moeilijker te volgen.",
    "2.4.7": "Wie het toetsenbord gebruikt, ziet niet welke link of knop gekozen is.",
    "2.5.3": "Wie de computer met de stem bedient, kan deze knop of link misschien niet bij naam noemen.",
    "2.5.8": "Wie moeite heeft met precies aanwijzen, bijvoorbeeld door trillende handen, raakt deze knop of link "
    "moeilijk.",
    "3.1.1": "Een schermlezer weet niet in welke taal de tekst is, en spreekt hem daardoor misschien verkeerd uit.",
    "3.1.2": "Een schermlezer spreekt een stuk tekst in een andere taal misschien verkeerd uit.",
    "3.3.2": "Wie een schermlezer gebruikt, hoort niet wat er in dit veld moet.",
    "4.1.2": "Een schermlezer kan niet goed voorlezen wat deze knop, link of dit veld is of doet.",
}
EFFECTS = {
    "1": "Wie de pagina anders waarneemt, bijvoorbeeld met een schermlezer of een vergroting, mist hierdoor "
    "misschien informatie.",
    "2": "Wie geen muis gebruikt (maar bijvoorbeeld alleen het toetsenbord), kan dit deel misschien niet bedienen.",
    "3": "Dit deel van de pagina is hierdoor moeilijker te begrijpen of te gebruiken.",
    "4": "Een schermlezer of ander hulpmiddel kan dit deel van de pagina hierdoor niet goed voorlezen of bedienen.",
}
PDF_EFFECT = (
    "Een schermlezer leest de pdf als één lange tekst voor, zonder koppen, lijsten en tabellen. Wie een "
    "schermlezer gebruikt, kan het bestand daardoor moeilijk volgen."
)
PDF_EFFECT_LANGUAGE = "De schermlezer weet ook niet in welke taal de pdf is, en spreekt hem misschien verkeerd uit."
PDF_ALTERNATIVE = (
    "Vraag ons om de inhoud op een andere manier, bijvoorbeeld als Word-bestand of op papier. Hieronder, bij "
    "'Een probleem melden', staat hoe u ons bereikt."
)


def effect(criteria: tuple[str, ...]) -> str:
    """What breaking these criteria means for a reader: the criterion's own effect, else its principle's."""
    texts = [CRITERION_EFFECTS.get(c) or EFFECTS.get(c.split(".", 1)[0], "") for c in criteria] or [EFFECTS["4"]]
    return " ".join(dict.fromkeys(t for t in texts if t))


def screens(vensters: tuple[str, ...]) -> str:
    """'op de schermgrootte 375×812 pixels (een telefoon)', only what was looked at."""
    kinds = []
    for venster in vensters:
        width = re.match(r"\d+", venster)
        if width is None:
            continue
        pixels = int(width.group())
        kinds.append("telefoon" if pixels < 600 else "tablet" if pixels < 1024 else "computer")
    kinds = list(dict.fromkeys(kinds))
    if not vensters:
        return ""
    what = f" ({opsomming(kinds)})" if kinds else ""
    if len(vensters) == 1:
        return f"op de schermgrootte {vensters[0]} pixels{what.replace('(', '(een ', 1) if kinds else ''}"
    return f"op de schermgroottes {opsomming(list(vensters))} pixels{what}"


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
    audit: AuditUitslag | None = None  # the automated check, when it looked at this site at all
    audited: int | None = None  # how many pages of this site it looked at (None: the result does not say)
    total: int | None = None  # how many pages the site has

    @property
    def partial(self) -> bool:
        return self.audited is not None and self.total is not None and self.audited < self.total


def report_is_recent(day: date, today: date) -> bool:
    try:
        limit = day.replace(year=day.year + REPORT_VALID_YEARS)
    except ValueError:  # 29 February
        limit = day.replace(year=day.year + REPORT_VALID_YEARS, day=28)
    return today <= limit


def statement(
    report: Report,
    today: date | None = None,
    addresses: list[str] | None = None,
    pdfs: list[tuple[str, PdfGaps]] | None = None,
) -> Verklaring:
    """``addresses``: the site's pages ('/', '/speerpunten/'), to hold against the pages the audit looked at;
    ``pdfs``: the published PDFs a screen reader cannot read well (the checker's ``pdf-niet-toegankelijk``)."""
    today = today or date.today()
    block = report.settings.toegankelijkheid
    audit = report.audit
    audited = total = None
    other_site = False
    if audit is not None and audit.adressen is not None and addresses:
        total = len(addresses)
        audited = len(set(addresses) & audit.adressen)
        if audited == 0:  # a saved check of another site says nothing about this one
            audit, other_site, audited = None, True, None
    onderzoek = block.onderzoek
    recent = onderzoek is not None and report_is_recent(onderzoek.datum, today)
    problems = [_own(p) for p in block.bekende_problemen]
    described = {p.criterium for p in block.bekende_problemen}
    texts = [f"{p.oorzaak} {p.gevolg}" for p in block.bekende_problemen]
    problems += [_pdf(name, gaps) for name, gaps in pdfs or [] if not any(describes(t, name) for t in texts)]
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
    if other_site:
        missing.append("een automatische controle van deze website: de bewaarde uitslag gaat over een andere website")
    elif audit is None:
        missing.append("een automatische controle van alle pagina's")
    elif audited is not None and total is not None and audited < total:
        rest = aantal(total - audited, "pagina is", "pagina's zijn")
        missing.append(f"een automatische controle van alle pagina's: {rest} nog niet gecontroleerd")
    elif (today - audit.when.date()).days > 365:
        missing.append(f"een nieuwe automatische controle: de laatste is van {datum(audit.when.date())}")
    if recent:
        status = "A" if not problems else "B"
    else:
        status = "C" if audit is not None else "D"
    return Verklaring(status, missing, problems, recent, audit, audited, total)


def _pdf(name: str, gaps: PdfGaps) -> Probleem:
    causes = []
    if gaps.structure:
        causes.append(
            "koppen, lijsten en tabellen zijn er niet als zodanig in opgeslagen (er is geen documentstructuur)"
        )
    if gaps.language:
        causes.append("de taal van het document staat er niet in")
    criteria = (("1.3.1",) if gaps.structure else ()) + (("3.1.1",) if gaps.language else ())
    effects = ([PDF_EFFECT] if gaps.structure else []) + ([PDF_EFFECT_LANGUAGE] if gaps.language else [])
    if not gaps.structure:
        effects = [CRITERION_EFFECTS["3.1.1"]]
    return Probleem(
        criteria,
        f"Het bestand '{posixpath.basename(name)}' (pdf): {opsomming(causes)}.",
        " ".join(effects),
        PDF_ALTERNATIVE,
        None,
        None,
        gevonden="bij de controle van de bestanden bij het maken van deze website",
    )


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
        pages = aantal(rule.paginas, "pagina", "pagina's")
        problems.append(
            Probleem(
                rule.wcag,
                public(rule.uitleg),
                effect(rule.wcag),
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


def page(
    report: Report,
    kader_naam: str,
    editie_naam: str,
    today: date | None = None,
    addresses: list[str] | None = None,
    pdfs: list[tuple[str, PdfGaps]] | None = None,
) -> str:
    settings = report.settings
    verklaring = statement(report, today, addresses, pdfs)
    block = settings.toegankelijkheid
    audit = verklaring.audit
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
        audit_vensters=screens(audit.vensters) if audit else "",
        opsomming=opsomming,
        aantal=aantal,
        onderzoek_link=(block.onderzoek.bestand or block.onderzoek.url) if block.onderzoek else None,
    )
