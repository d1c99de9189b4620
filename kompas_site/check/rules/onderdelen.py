"""Rule: every required element of the edition is covered, by a page with real content or by data;
every element a page names exists; no placeholder text is left."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.coverage import DATA_SPEERPUNTEN, DATA_VERHALEN, prose
from kompas_site.check.findings import FOUT, TIP, WAARSCHUWING, Finding
from kompas_site.check.prose import MIN_WORDS, Prose
from kompas_site.check.registry import Code
from kompas_site.check.result import NIET_INGEVULD, ONTBREEKT
from kompas_site.model import Page
from kompas_site.profiles import Onderdeel
from kompas_site.spelling import nearest

ONTBREEKT_CODE = Code(
    "onderdeel-ontbreekt",
    FOUT,
    "Geen pagina noemt een verplicht onderdeel",
    "Het kader vraagt dit onderdeel, maar geen pagina zegt dat ze het beschrijft. Schrijf er een pagina "
    "over, of zet bij een bestaande pagina bovenaan in de kop welk onderdeel ze beschrijft:\n\n"
    "    ---\n    title: Wat cliënten vinden\n    onderdelen: [clientervaringen]\n    ---",
)
NIET_INGEVULD_CODE = Code(
    "onderdeel-niet-ingevuld",
    FOUT,
    "De pagina noemt het, maar heeft minder dan 50 woorden of nog invultekst",
    "Een onderdeel telt pas als aanwezig als de pagina die het noemt minstens 50 woorden echte tekst "
    "heeft (kopjes, tabellen en afbeeldingen tellen niet mee) en geen invultekst meer zoals TODO of "
    "[invullen]. Schrijf de tekst uit, of haal het onderdeel weg uit 'onderdelen' als een andere pagina "
    "het beschrijft. Bijvoorbeeld:\n\n    ---\n    title: Wat cliënten vinden\n    onderdelen: [clientervaringen]\n"
    "    ---\n\n    Dit jaar spraken we met 214 cliënten over hun zorg. Zij zeggen dat ... (minstens 50 woorden)",
)
ONBEKEND = Code(
    "onderdeel-onbekend",
    FOUT,
    "In `onderdelen` staat een naam die het kader niet kent (met de beste suggestie)",
    "De namen in 'onderdelen' moeten precies die van het kader zijn. 'kompas check' noemt de naam die er "
    "het meest op lijkt. Bijvoorbeeld: verander 'onderdelen: [clientervaring]' in "
    "'onderdelen: [clientervaringen]'.",
)
IN_BEGRIJPELIJK = Code(
    "onderdelen-in-begrijpelijk",
    TIP,
    "Een begrijpelijke versie noemt `onderdelen`; die tellen alleen op de uitgebreide pagina",
    "Een makkelijke pagina hoort bij de gewone pagina ernaast en telt niet zelf mee voor het kader. Haal "
    "de regel 'onderdelen: [...]' weg uit de kop van het bestand dat eindigt op .begrijpelijk.md; zet hem "
    "alleen bij de uitgebreide pagina.",
)
INVULTEKST = Code(
    "invultekst",
    WAARSCHUWING,
    "Er staat nog `TODO`, `Lorem ipsum`, `[invullen]` of een handreiking op een pagina",
    "Invultekst komt anders zo op de website. Vervang de tekst door uw eigen tekst, of haal hem weg. "
    "Ook de handreiking die 'kompas new' op een nieuwe pagina zet, telt als invultekst.",
)
VISITATIE = Code(
    "visitatie-ontbreekt",
    WAARSCHUWING,
    "Geen visitatieverslag en niet vastgelegd dat het in de andere editie van de cyclus staat",
    "Het verslag van de visitatie hoort eens per cyclus bij het kwaliteitsbeeld of bij het "
    "voortgangsbericht. Staat het in deze editie, noem het dan bij die pagina: "
    "'onderdelen: [visitatie]'. Staat het in de andere editie, schrijf dat in kompas.yml: "
    "'visitatie: in-voortgangsbericht' (of 'in-kwaliteitsbeeld').",
)
CODES = (ONTBREEKT_CODE, NIET_INGEVULD_CODE, ONBEKEND, IN_BEGRIJPELIJK, INVULTEKST, VISITATIE)


def check(ctx: CheckContext) -> Iterator[Finding]:
    yield from _unknown_ids(ctx)
    reported: set[str] = set()  # pages already named in an element finding
    for item in ctx.coverage:
        if item.status == NIET_INGEVULD:
            for page in item.named:
                reported.add(page.path)
                yield _not_filled(page, item.onderdeel, prose(ctx, page))
        elif item.status == ONTBREEKT:
            yield _missing(ctx, item.onderdeel)
    for page in ctx.report.all_pages:
        placeholders = prose(ctx, page).placeholders
        if page.path not in reported and placeholders:
            first = placeholders[0]
            yield INVULTEKST(
                f"Op deze pagina staat nog invultekst ({first.text}). Vervang die door uw eigen tekst "
                "of haal hem weg, anders komt hij op de website.",
                file=page.path,
                line=first.line,
            )


def _what(onderdeel: Onderdeel) -> str:
    return f"'{onderdeel.id}' ({onderdeel.titel})"


def _not_filled(page: Page, onderdeel: Onderdeel, measured: Prose) -> Finding:
    if measured.placeholders:
        first = measured.placeholders[0]
        reason = f"er staat nog invultekst op regel {first.line} ({first.text}). Vervang die door uw eigen tekst."
        line: int | None = first.line
    else:
        reason = (
            (
                f"er staat pas {measured.words} woord"
                if measured.words == 1
                else f"er staan pas {measured.words} woorden"
            )
            + f" tekst (kopjes en tabellen niet meegeteld); er zijn er minstens "
            f"{MIN_WORDS} nodig. Beschrijf wat het kader vraagt: {onderdeel.vraagt}"
        )
        line = page.meta_line("onderdelen")
    return NIET_INGEVULD_CODE(
        f"Deze pagina hoort onderdeel {_what(onderdeel)} te beschrijven, maar is nog niet ingevuld: {reason}",
        element=onderdeel.id,
        file=page.path,
        line=line,
    )


def _missing(ctx: CheckContext, onderdeel: Onderdeel) -> Finding:
    report, kader, editie = ctx.report, ctx.kader, ctx.editie
    hint = (
        f"Schrijf er een pagina over, of zet het bij een bestaande pagina bovenaan in de kop: "
        f"'onderdelen: [{onderdeel.id}]'."
    )
    if onderdeel.gegevens == DATA_VERHALEN:
        hint += (
            " Ervaringsverhalen in de map 'verhalen' tellen ook mee, als er minstens één verhaal van een "
            "cliënt bij is ('perspectief: client')."
        )
    elif onderdeel.gegevens and onderdeel.gegevens.startswith(DATA_SPEERPUNTEN):
        hint += (
            " Een volledig ingevuld speerpunten.yml telt ook mee: elk speerpunt dat niet 'nieuw' is heeft "
            "een toelichting, en minstens één speerpunt is 'nieuw' of 'doorgezet'."
        )
    if onderdeel.cyclus:
        cyclus = kader.cycli[onderdeel.cyclus]
        if report.settings.visitatie == f"in-{editie.soort}":  # said to be here, but no page has it
            return ONTBREEKT_CODE(
                f"In {report.settings.file} staat 'visitatie: in-{editie.soort}', maar geen pagina beschrijft "
                f"onderdeel {_what(onderdeel)}. {hint}",
                element=onderdeel.id,
                file=report.settings.file,
                line=report.settings.line("visitatie"),
                key="visitatie",
            )
        return VISITATIE(
            f"Dit {editie.naam.lower()} heeft geen onderdeel {_what(onderdeel)}. {cyclus.uitleg} Staat het "
            f"verslag wél in dit {editie.naam.lower()}? Zet dan bij die pagina bovenaan in de kop: "
            f"'onderdelen: [{onderdeel.id}]'.",
            element=onderdeel.id,
            file=report.settings.file,
        )
    return ONTBREEKT_CODE(
        f"Onderdeel {_what(onderdeel)} ontbreekt. Het kader vraagt: {onderdeel.vraagt} {hint}",
        element=onderdeel.id,
    )


def _unknown_ids(ctx: CheckContext) -> Iterator[Finding]:
    editie = ctx.editie
    valid = editie.ids
    for page in ctx.report.pages:
        for element_id in page.onderdelen:
            if element_id in valid:
                continue
            match = nearest(element_id, valid)
            yield ONBEKEND(
                f"Het onderdeel '{element_id}' bestaat niet in een {editie.naam.lower()} van dit kader."
                + (f" Bedoelt u '{match}'?" if match else "")
                + f" Geldige namen zijn: {', '.join(valid)}.",
                element=element_id,
                file=page.path,
                line=page.meta_line("onderdelen"),
                key="onderdelen",
            )
        if page.twin is not None and page.twin.onderdelen:
            yield IN_BEGRIJPELIJK(
                "Een begrijpelijke versie telt niet mee voor de onderdelen van het kader; "
                "zet 'onderdelen' alleen bij de uitgebreide pagina.",
                file=page.twin.path,
                line=page.twin.meta_line("onderdelen"),
                key="onderdelen",
            )
