"""Rule: the chain of goals. Every goal the previous edition announced (status nieuw or doorgezet) comes back
in this edition with the same id and a status, or is closed on purpose (status gestopt, with why).

The previous edition is read by ``load/vorige.py`` (``vorige_editie:`` in ``kompas.yml``). The model has no
separate list of goals announced in a vooruitblik: a goal announced for the coming years is one with status
nieuw or doorgezet in that edition's ``speerpunten.yml``.

An id the previous edition used for another goal (another title and no bouwsteen in common) is a fout: the id
is a goal's fixed name across editions, and the speerpunten page would link it to a goal it is not.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, Finding
from kompas_site.check.registry import Code
from kompas_site.model import Report, VorigeEditie, VorigSpeerpunt

_EXAMPLE = "vorige_editie: ../kwaliteitsbeeld-2023"
ONBRUIKBAAR = Code(
    "vorige-editie-onbruikbaar",
    FOUT,
    "De vorige editie in kompas.yml kan niet gelezen worden",
    "Bij 'vorige_editie' in kompas.yml staat de map van het vorige rapport (vanaf de map van dit rapport), of het "
    "bestand kwaliteitsbeeld.json van de vorige site. Bijvoorbeeld:\n\n    " + _EXAMPLE + "\n\nStaat de vorige site "
    "alleen op internet, zet dan het adres erbij en vraag kompas-site het op te halen: 'kompas check --haal-vorige'.",
)
ANDERE_ORGANISATIE = Code(
    "vorige-editie-andere-organisatie",
    FOUT,
    "De vorige editie is van een andere organisatie",
    "De vorige editie moet van dezelfde organisatie zijn: de naam bij 'organisatie: naam:' in beide kompas.yml "
    "is gelijk. Kies de goede map bij 'vorige_editie', of maak de naam in beide rapporten gelijk als uw "
    "organisatie alleen een andere schrijfwijze gebruikte.",
)
NIET_EERDER = Code(
    "vorige-editie-niet-eerder",
    FOUT,
    "De vorige editie gaat niet over een eerder jaar",
    "De vorige editie gaat over een jaar vóór dit rapport: bij een kwaliteitsbeeld over 2025 is dat bijvoorbeeld "
    "het kwaliteitsbeeld over 2023 of het voortgangsbericht over 2024. Controleer 'vorige_editie' en het jaar bij "
    "'editie: jaar:' in beide rapporten.",
)
VERDWENEN = Code(
    "speerpunt-verdwenen",
    FOUT,
    "Een speerpunt uit de vorige editie komt niet meer terug",
    "Een speerpunt dat de vorige editie aankondigde (status nieuw of doorgezet) hoort in deze editie terug te "
    "komen, met hetzelfde id en wat ervan geworden is. Zet het in speerpunten.yml met een status, of stop er "
    "bewust mee en zeg waarom:\n\n    - id: avond-en-weekend\n      titel: Meer te doen in de avond en het "
    "weekend\n      status: gestopt\n      toelichting: We stoppen hiermee omdat ...",
)
ANDERE_BETEKENIS = Code(
    "speerpunt-id-andere-betekenis",
    FOUT,
    "Een speerpunt gebruikt het id van een ander speerpunt uit de vorige editie",
    "Het id is de vaste naam van een speerpunt, ook in de volgende editie. Hier heeft een speerpunt het id van "
    "een speerpunt uit de vorige editie, maar een heel andere titel en een andere bouwsteen. Gaat het om een "
    "nieuw doel, geef het dan een eigen id (zoals 'moreel-beraad-2026'), en zet het oude speerpunt er met zijn "
    "eigen id bij, met wat ervan geworden is. Is het hetzelfde doel, maak de titel dan herkenbaar.",
)
CODES = (ONBRUIKBAAR, ANDERE_ORGANISATIE, NIET_EERDER, VERDWENEN, ANDERE_BETEKENIS)


def check(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    for problem in report.vorige_problemen:
        yield ONBRUIKBAAR(problem.message, file=problem.file, line=problem.line, key=problem.key)
    previous = report.vorige
    if previous is None:
        return
    settings = report.settings
    file, line, key = settings.file, settings.line("vorige_editie"), "vorige_editie"
    named = edition_name(previous)
    if _name(previous.organisatie) != _name(settings.organisatie.naam):
        yield ANDERE_ORGANISATIE(
            f"De vorige editie ('{previous.bron}', {named}) is van '{previous.organisatie}', dit rapport van "
            f"'{settings.organisatie.naam}'. Kies bij 'vorige_editie' een rapport van uw eigen organisatie.",
            file=file,
            line=line,
            key=key,
        )
        return  # its goals say nothing about this organisation's
    if previous.jaar >= settings.editie.jaar:
        yield NIET_EERDER(
            f"De vorige editie ('{previous.bron}') gaat over {previous.jaar}, dit rapport over "
            f"{settings.editie.jaar}. Kies bij 'vorige_editie' het rapport over een eerder jaar.",
            file=file,
            line=line,
            key=key,
        )
        return
    yield from _goals(report, previous, named)


def _goals(report: Report, previous: VorigeEditie, named: str) -> Iterator[Finding]:
    file = report.speerpunten_file
    goals = {g.id: g for g in report.speerpunten or ()}
    for old in previous.aangekondigd:
        if old.id not in goals:
            yield VERDWENEN(
                f"Het speerpunt '{old.id}' ({old.titel}) stond in {named} als "
                f"'{old.status}', maar komt in dit rapport niet meer terug. Zet het in {file} met id '{old.id}' en "
                "wat ervan geworden is (een status en een toelichting), of stop er bewust mee: 'status: gestopt' "
                "met bij 'toelichting' waarom.",
                file=file,
            )
    previous_goals = {g.id: g for g in previous.speerpunten}
    for goal in report.speerpunten or ():
        earlier = previous_goals.get(goal.id)
        if earlier is None or report.settings.kader != previous.kader:  # other bouwstenen: not comparable
            continue
        if _different(earlier, goal.titel, goal.bouwstenen):
            yield ANDERE_BETEKENIS(
                f"Het speerpunt '{goal.id}' heet hier '{goal.titel}' (bouwsteen {_numbers(goal.bouwstenen)}), maar in "
                f"{named} was '{goal.id}' het speerpunt '{earlier.titel}' (bouwsteen {_numbers(earlier.bouwstenen)}). "
                "Geef "
                "een nieuw doel een eigen id; het oude speerpunt komt met zijn eigen id terug.",
                file=file,
                line=goal.lines.get(("id",), goal.line),
                key="id",
            )


def edition_name(previous: VorigeEditie) -> str:
    """'het kwaliteitsbeeld over 2023'."""
    return f"het {previous.soort} over {previous.jaar}"


def _different(old: VorigSpeerpunt, title: str, bouwstenen: tuple[int, ...]) -> bool:
    """Another goal: no bouwsteen in common (or one for the whole organisation and the other not), and a
    title that is not a rewording of the old one."""
    if set(old.bouwstenen) & set(bouwstenen) or (not old.bouwstenen and not bouwstenen):
        return False
    a, b = _name(old.titel), _name(title)
    if a in b or b in a:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() < 0.6


def _name(text: str) -> str:
    return " ".join(text.casefold().split())


def _numbers(numbers: tuple[int, ...]) -> str:
    return ", ".join(str(n) for n in numbers) if numbers else "geen"
