"""Rules for the easy-read version (begrijpelijke versie).

- There is one at all (``begrijpelijk-ontbreekt``, fout).
- Every required element that pages describe has an easy-read twin on at least one of those pages
  (``onderdeel-zonder-begrijpelijk``, waarschuwing): a reader of the easy-read version should meet
  each part of the framework once; a long report need not have a twin for every page.
- Each twin has text (``begrijpelijk-leeg``) and is easy enough (``begrijpelijk-te-moeilijk`` with its
  hardest sentences, plus tips per sentence: see ``easyread.readability``).
- A hard word that the woordenlijst does not explain is a tip (``woord-zonder-uitleg``).
- A second twin for one page (``begrijpelijk-dubbel``) and a woordenlijst word without explanation
  (``woordenlijst-zonder-uitleg``) are warnings.
"""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.cache import JsonCache, content_key
from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, TIP, WAARSCHUWING, Finding
from kompas_site.check.registry import Code
from kompas_site.check.result import GEDEKT
from kompas_site.easyread.readability import (
    THRESHOLDS,
    ZELDZAME_WOORDEN,
    analyse,
    easy_read_findings,
    known_words,
    short_word,
)
from kompas_site.easyread.woordenlijst import Term, glossary
from kompas_site.model import TWIN_SUFFIX

# Raise when the analysis changes in a way THRESHOLDS does not show, so cached results are not reused.
READABILITY_VERSION = 2
CACHE_KIND = "leesbaarheid"

MAX_WORD_TIPS = 5  # per page: more would bury the page in tips


CODES = (
    Code(
        "begrijpelijk-ontbreekt",
        FOUT,
        "Er is helemaal geen begrijpelijke versie",
        "Het kader vraagt een rapport dat iedereen begrijpt. Schrijf samen met de cliëntenraad een makkelijke "
        "versie van minstens de startpagina: zet naast index.md een bestand index.begrijpelijk.md.",
    ),
    Code(
        "onderdeel-zonder-begrijpelijk",
        WAARSCHUWING,
        "Geen van de pagina's over een verplicht onderdeel heeft een makkelijke versie",
        "Een lezer van de makkelijke versie moet elk onderdeel van het kader één keer tegenkomen. Schrijf een "
        "makkelijke versie van een van de pagina's over dit onderdeel: naast zorgproces.md komt "
        "zorgproces.begrijpelijk.md.",
    ),
    Code(
        "begrijpelijk-te-moeilijk",
        WAARSCHUWING,
        "Een makkelijke pagina is als geheel niet makkelijk genoeg (met de drie moeilijkste zinnen)",
        "Makkelijk lezen: gemiddeld hooguit 12 woorden per zin, weinig lange en weinig zeldzame woorden. "
        "Maak lange zinnen korter (één boodschap per zin) en kies gewone woorden. 'kompas leesbaarheid "
        "BESTAND' laat per zin zien wat moeilijk is.",
    ),
    Code(
        "zin-te-lang",
        TIP,
        "Een zin in een makkelijke pagina is te lang (hooguit vijf per pagina)",
        "Maak er twee of drie zinnen van, met één boodschap per zin. Bijvoorbeeld: 'We praten met je over je "
        "plan. Dat doen we twee keer per jaar.'",
    ),
    Code(
        "zin-moeilijk",
        TIP,
        "Een zin in een makkelijke pagina heeft lange of zeldzame woorden",
        "Kies gewonere woorden, of leg een moeilijk woord uit in de zin zelf of in woordenlijst.yml.",
    ),
    Code(
        "begrijpelijk-leeg",
        WAARSCHUWING,
        "Een makkelijke pagina zonder tekst",
        "Schrijf in korte zinnen wat op de gewone pagina staat, of haal het bestand weg.",
    ),
    Code(
        "begrijpelijk-dubbel",
        WAARSCHUWING,
        "Twee makkelijke versies van één pagina",
        "De bestandsnamen verschillen alleen in hoofdletters. Voeg de twee samen tot één bestand "
        "NAAM.begrijpelijk.md naast NAAM.md.",
    ),
    Code(
        "begrijpelijk-zonder-pagina",
        WAARSCHUWING,
        "Een `.begrijpelijk.md` zonder pagina ernaast",
        "De makkelijke versie van 'NAAM.md' heet 'NAAM.begrijpelijk.md' en staat in dezelfde map. Controleer "
        "de bestandsnaam, of maak de gewone pagina.",
    ),
    Code(
        "woord-zonder-uitleg",
        TIP,
        "Een moeilijk woord in een makkelijke pagina dat de woordenlijst niet uitlegt",
        "Kies een gewoner woord, leg het uit in de zin zelf, of zet het met een korte uitleg in "
        "woordenlijst.yml, zoals:\n\n    zorgplan: Een plan waarin staat welke hulp je krijgt.",
    ),
    Code(
        "woordenlijst-zonder-uitleg",
        WAARSCHUWING,
        "Een woord in `woordenlijst.yml` zonder uitleg",
        "Schrijf achter de dubbele punt in een of twee korte zinnen wat het woord betekent, zoals:\n\n"
        "    visitatie: Mensen van buiten komen kijken hoe het gaat.\n\n"
        "Ook een uitleg zonder woord ervoor (een regel die met een dubbele punt of '' begint) krijgt deze "
        "melding: zet het woord ervoor, of haal de regel weg.",
    ),
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    report, coverage = ctx.report, ctx.coverage
    for twin in report.orphan_twins:
        yield Finding(
            "begrijpelijk-zonder-pagina",
            WAARSCHUWING,
            f"Deze begrijpelijke versie hoort bij '{twin.path.removesuffix('.begrijpelijk.md')}.md', maar die "
            "pagina bestaat niet. Controleer de bestandsnaam: de begrijpelijke versie van 'NAAM.md' heet "
            "'NAAM.begrijpelijk.md' en staat in dezelfde map.",
            file=twin.path,
        )
    twins = report.twins
    if not twins:
        yield Finding(
            "begrijpelijk-ontbreekt",
            FOUT,
            "Dit rapport heeft nog geen begrijpelijke versie. Het kader vraagt een rapport dat iedereen "
            "begrijpt. Schrijf samen met de cliëntenraad een makkelijke versie van minstens de startpagina: "
            f"zet naast index.md een bestand index{TWIN_SUFFIX}.",
        )
    for item in coverage:
        if item.status == GEDEKT and item.pages and not any(p.twin for p in item.pages):
            names = ", ".join(p.path for p in item.pages)
            first = item.pages[0].path.removesuffix(".md")
            yield Finding(
                "onderdeel-zonder-begrijpelijk",
                WAARSCHUWING,
                f"Onderdeel '{item.onderdeel.id}' ({item.onderdeel.titel}) staat nog niet in de begrijpelijke "
                f"versie. Schrijf een makkelijke versie van {names}: bijvoorbeeld {first}{TWIN_SUFFIX}.",
                element=item.onderdeel.id,
                file=item.pages[0].path,
            )
    terms = tuple(glossary(report.woordenlijst, report.woordenlijst_vormen, report.settings.woorden))
    known = known_words(report.settings.organisatie.naam)  # the organisation's own name is never hard
    for twin in twins:
        for code, severity, message, line in _twin_findings(twin.path, twin.body, twin.body_line, terms, known):
            yield Finding(code, severity, message, file=twin.path, line=line)
    for twin in report.duplicate_twins:
        yield Finding(
            "begrijpelijk-dubbel",
            WAARSCHUWING,
            "Er is al een begrijpelijke versie van deze pagina (de bestandsnaam verschilt alleen in hoofdletters). "
            "Voeg de twee samen tot één bestand.",
            file=twin.path,
        )
    for term, uitleg in report.woordenlijst.items():
        if not term.strip():
            yield Finding(
                "woordenlijst-zonder-uitleg",
                WAARSCHUWING,
                f"Hier staat een uitleg zonder woord ervoor{f' ({uitleg})' if uitleg else ''}. Zet het moeilijke "
                "woord vóór de dubbele punt, zoals 'visitatie: Mensen van buiten komen kijken hoe het gaat.', "
                "of haal de regel weg. Tot dan staat deze regel niet op de site.",
                file="woordenlijst.yml",
                line=report.woordenlijst_lines.get(term),
            )
        elif not uitleg:
            yield Finding(
                "woordenlijst-zonder-uitleg",
                WAARSCHUWING,
                f"Bij '{term}' staat geen uitleg. Schrijf achter de dubbele punt in een of twee korte zinnen "
                "wat het woord betekent.",
                file="woordenlijst.yml",
                line=report.woordenlijst_lines.get(term),
            )


def _twin_findings(
    path: str, body: str, body_line: int, terms: tuple[Term, ...], known: frozenset[str]
) -> tuple[tuple[str, str, str, int | None], ...]:
    """(code, severity, message, line) for one easy-read page, kept on disk for the next run (the one
    cache of these findings; the analysis itself is kept in memory by ``easyread.readability``):
    measuring needs Dutch word frequencies, which are slow to load."""
    cache = JsonCache(CACHE_KIND)
    key = content_key(
        READABILITY_VERSION, THRESHOLDS, path, body, body_line, [(t.term, t.vormen) for t in terms], sorted(known)
    )
    found = cache.get(key)
    if found is None:
        found = [f.as_dict() for f in _readability_findings(path, body, body_line, terms, known)]
        cache.put(key, found)
    return tuple((f["code"], f["severity"], f["message"], f["line"]) for f in found)


def _readability_findings(path: str, body: str, body_line: int, terms, known: frozenset[str]) -> Iterator[Finding]:
    readability = analyse(body, body_line, known)
    if readability.words == 0:
        yield Finding(
            "begrijpelijk-leeg",
            WAARSCHUWING,
            "Deze begrijpelijke versie heeft nog geen tekst. Schrijf in korte zinnen wat op de gewone "
            "pagina staat, of haal het bestand weg.",
            file=path,
        )
        return
    only_rare_words = {s.line for s in readability.sentences if s.reasons == (ZELDZAME_WOORDEN,)}
    for melding in easy_read_findings(body, body_line, known):
        if melding.line in only_rare_words:
            continue  # said per word below, and not at all for words the woordenlijst explains
        yield Finding(melding.code, melding.severity, melding.message, file=path, line=melding.line)
    explained = [t.pattern for t in terms]
    tips = 0
    for sentence in readability.sentences:
        for word in sentence.rare_words:
            if tips >= MAX_WORD_TIPS or any(p.search(word) for p in explained):
                continue
            tips += 1
            shown = short_word(word)
            yield Finding(
                "woord-zonder-uitleg",
                TIP,
                f"'{shown}' is een moeilijk woord. Kies een gewoner woord, leg het uit in de zin zelf, of zet "
                f"het met een korte uitleg in woordenlijst.yml (zoals '{shown}: ...').",
                file=path,
                line=sentence.line,
            )
