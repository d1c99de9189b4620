"""Rule: every required element of the edition is covered, by a page with real content or by data."""

from __future__ import annotations

from kompas_site.check.findings import FOUT, TIP, WAARSCHUWING, Finding
from kompas_site.check.prose import MIN_WORDS, Prose, measure
from kompas_site.check.result import ELDERS, GEDEKT, NIET_INGEVULD, ONTBREEKT, Coverage
from kompas_site.model import Page, Report
from kompas_site.profiles import EditieProfiel, Kader, Onderdeel
from kompas_site.spelling import nearest

CLIENT = "client"
DATA_VERHALEN = "verhalen"
DATA_SPEERPUNTEN = "speerpunten"


def guidance_texts(kader: Kader) -> tuple[str, ...]:
    """The scaffold's guidance (handreiking) of every element: left in a page, it is a placeholder."""
    return tuple(o.handreiking for e in kader.edities.values() for o in e.onderdelen)


def check_coverage(report: Report, kader: Kader, editie: EditieProfiel) -> tuple[list[Coverage], list[Finding]]:
    guidance = guidance_texts(kader)
    prose = {page.path: measure(page.body, page.body_line, guidance) for page in report.pages}
    findings: list[Finding] = []
    findings += _unknown_ids(report, editie)
    coverage = []
    reported: set[str] = set()  # pages already named in an element finding
    for onderdeel in editie.onderdelen:
        naming = [p for p in report.pages if onderdeel.id in p.onderdelen]
        filled = [p for p in naming if prose[p.path].filled]
        data = _data_coverage(report, onderdeel)
        if filled or data:
            coverage.append(Coverage(onderdeel, GEDEKT, filled, data))
            continue
        elsewhere = _elsewhere(report, kader, editie, onderdeel)
        if elsewhere and not naming:
            coverage.append(Coverage(onderdeel, ELDERS, elsewhere=elsewhere))
            continue
        if naming:
            coverage.append(Coverage(onderdeel, NIET_INGEVULD))
            for page in naming:
                reported.add(page.path)
                findings.append(_not_filled(page, onderdeel, prose[page.path]))
        else:
            coverage.append(Coverage(onderdeel, ONTBREEKT))
            findings.append(_missing(report, kader, editie, onderdeel))
    twins = report.twins
    for twin in twins:
        prose[twin.path] = measure(twin.body, twin.body_line, guidance)
    for page in report.pages + twins:
        if page.path not in reported and prose[page.path].placeholders:
            first = prose[page.path].placeholders[0]
            findings.append(
                Finding(
                    "invultekst",
                    WAARSCHUWING,
                    f"Op deze pagina staat nog invultekst ({first.text}). Vervang die door uw eigen tekst "
                    "of haal hem weg, anders komt hij op de website.",
                    file=page.path,
                    line=first.line,
                )
            )
    return coverage, findings


def _what(onderdeel: Onderdeel) -> str:
    return f"'{onderdeel.id}' ({onderdeel.titel})"


def _not_filled(page: Page, onderdeel: Onderdeel, prose: Prose) -> Finding:
    if prose.placeholders:
        first = prose.placeholders[0]
        reason = f"er staat nog invultekst op regel {first.line} ({first.text}). Vervang die door uw eigen tekst."
        line = first.line
    else:
        reason = (
            (f"er staat pas {prose.words} woord" if prose.words == 1 else f"er staan pas {prose.words} woorden")
            + f" tekst (kopjes niet meegeteld); er zijn er minstens "
            f"{MIN_WORDS} nodig. Beschrijf wat het kader vraagt: {onderdeel.vraagt}"
        )
        line = page.meta_line("onderdelen")
    return Finding(
        "onderdeel-niet-ingevuld",
        FOUT,
        f"Deze pagina hoort onderdeel {_what(onderdeel)} te beschrijven, maar is nog niet ingevuld: {reason}",
        element=onderdeel.id,
        file=page.path,
        line=line,
    )


def _missing(report: Report, kader: Kader, editie: EditieProfiel, onderdeel: Onderdeel) -> Finding:
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
        if report.settings.visitatie == f"in-{editie.soort}":
            return Finding(
                f"{onderdeel.cyclus}-ontbreekt",
                FOUT,
                f"In {report.settings.file} staat 'visitatie: in-{editie.soort}', maar geen pagina beschrijft "
                f"onderdeel {_what(onderdeel)}. {hint}",
                element=onderdeel.id,
                file=report.settings.file,
                line=report.settings.line("visitatie"),
                key="visitatie",
            )
        return Finding(
            f"{onderdeel.cyclus}-ontbreekt",
            WAARSCHUWING,
            f"Dit {editie.naam.lower()} heeft geen onderdeel {_what(onderdeel)}. {cyclus.uitleg} Staat het "
            f"verslag wél in dit {editie.naam.lower()}? Zet dan bij die pagina bovenaan in de kop: "
            f"'onderdelen: [{onderdeel.id}]'.",
            element=onderdeel.id,
            file=report.settings.file,
        )
    return Finding(
        "onderdeel-ontbreekt",
        FOUT,
        f"Onderdeel {_what(onderdeel)} ontbreekt. Het kader vraagt: {onderdeel.vraagt} {hint}",
        element=onderdeel.id,
    )


def _data_coverage(report: Report, onderdeel: Onderdeel) -> str | None:
    if onderdeel.gegevens == DATA_VERHALEN:
        if any(story.meta.get("perspectief") == CLIENT for story in report.stories):
            return DATA_VERHALEN
        return None
    goals = report.speerpunten
    if not onderdeel.gegevens or not onderdeel.gegevens.startswith(DATA_SPEERPUNTEN) or not goals:
        return None
    looked_back = [g for g in goals if g.status != "nieuw"]
    ahead = [g for g in goals if g.status in ("nieuw", "doorgezet")]
    complete = all(g.toelichting for g in looked_back) and bool(ahead)
    wanted = looked_back if onderdeel.gegevens.endswith("terugblik") else ahead
    return DATA_SPEERPUNTEN if complete and wanted else None


def _elsewhere(report: Report, kader: Kader, editie: EditieProfiel, onderdeel: Onderdeel) -> str | None:
    """For a cycle element: the other edition kompas.yml says holds it."""
    if not onderdeel.cyclus or not report.settings.visitatie:
        return None
    where = report.settings.visitatie.removeprefix("in-")
    cyclus = kader.cycli[onderdeel.cyclus]
    return where if where != editie.soort and where in cyclus.edities else None


def _unknown_ids(report: Report, editie: EditieProfiel) -> list[Finding]:
    findings = []
    valid = editie.ids
    for page in report.pages:
        for element_id in page.onderdelen:
            if element_id in valid:
                continue
            match = nearest(element_id, valid)
            findings.append(
                Finding(
                    "onderdeel-onbekend",
                    FOUT,
                    f"Het onderdeel '{element_id}' bestaat niet in een {editie.naam.lower()} van dit kader."
                    + (f" Bedoelt u '{match}'?" if match else "")
                    + f" Geldige namen zijn: {', '.join(valid)}.",
                    element=element_id,
                    file=page.path,
                    line=page.meta_line("onderdelen"),
                    key="onderdelen",
                )
            )
        if page.twin is not None and page.twin.onderdelen:
            findings.append(
                Finding(
                    "onderdelen-in-begrijpelijk",
                    TIP,
                    "Een begrijpelijke versie telt niet mee voor de onderdelen van het kader; "
                    "zet 'onderdelen' alleen bij de uitgebreide pagina.",
                    file=page.twin.path,
                    line=page.twin.meta_line("onderdelen"),
                    key="onderdelen",
                )
            )
    return findings
