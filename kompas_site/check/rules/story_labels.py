"""Rule: the labels of a story (perspectief, domeinen, bouwsteen) are ones the site and the kader know.

A label the site does not know is silently left off the story page and out of the filters of the
stories overview, so a typo would hide a story from readers who filter; that is why these are errors.
"""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, WAARSCHUWING, Finding
from kompas_site.check.registry import Code
from kompas_site.model import Page
from kompas_site.profiles import Kader
from kompas_site.spelling import did_you_mean, listing

PERSPECTIEVEN = ("client", "verwant", "professional")


CODES = (
    Code(
        "verhaal-perspectief-onbekend",
        FOUT,
        "Een verhaal zegt niet of onjuist wie het vertelt",
        "Zet in de kop van het verhaal 'perspectief: client', 'perspectief: verwant' of "
        "'perspectief: professional' (zonder accenten). Lezers filteren de verhalen daarop.",
    ),
    Code(
        "verhaal-domein-onbekend",
        FOUT,
        "Een verhaal noemt een domein dat het kader niet kent",
        "Gebruik de domeinen van kwaliteit van bestaan van uw kader, zoals "
        "'domeinen: [zelfbepaling, deelname-aan-de-samenleving]'. 'kompas check' noemt het domein dat er het "
        "meest op lijkt.",
    ),
    Code(
        "verhaal-domeinen-niet-in-kader",
        WAARSCHUWING,
        "Een verhaal noemt domeinen, maar het kader kent geen domeinen van kwaliteit van bestaan",
        "Alleen het Kwaliteitskompas Gehandicaptenzorg beschrijft kwaliteit van bestaan in acht domeinen. In "
        "een ander kader komen 'domeinen' niet op de site. Haal de regel 'domeinen' weg uit de kop van het "
        "verhaal, en vertel in het verhaal zelf waar het over gaat.",
    ),
    Code(
        "verhaal-bouwsteen-onbekend",
        FOUT,
        "Een verhaal noemt een bouwsteen die het kader niet heeft",
        "Zet bij 'bouwsteen' het nummer van een bouwsteen van uw kader, zoals 'bouwsteen: 1'.",
    ),
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    report, kader = ctx.report, ctx.kader
    for story in report.stories:
        yield from _perspectief(story)
        yield from _domeinen(story, kader)
        yield from _bouwsteen(story, kader, report.settings.woorden.speerpunten)


def _perspectief(story: Page) -> Iterator[Finding]:
    value = story.meta.get("perspectief")
    if value in PERSPECTIEVEN:
        return
    if value is None or value == "":
        what = "In de kop van dit verhaal staat niet wie het vertelt ('perspectief')."
    else:
        what = f"Het perspectief '{value}' kennen we niet." + did_you_mean(str(value), PERSPECTIEVEN)
    yield Finding(
        "verhaal-perspectief-onbekend",
        FOUT,
        what + f" Kies een van: {listing(PERSPECTIEVEN)} (een cliënt, een naaste of een medewerker vertelt), "
        "zonder accenten, bijvoorbeeld 'perspectief: client'.",
        file=story.path,
        line=story.meta_line("perspectief") or 1,
        key="perspectief",
    )


def _domeinen(story: Page, kader: Kader) -> Iterator[Finding]:
    valid = [domain_id for domain_id, _ in kader.domeinen]
    value = story.meta.get("domeinen")
    if value is None or value == [] or value == "":
        return
    if not valid:  # a framework without domains: they would silently be left off the story page
        yield Finding(
            "verhaal-domeinen-niet-in-kader",
            WAARSCHUWING,
            f"Het {kader.korte_naam} kent geen domeinen van kwaliteit van bestaan, dus 'domeinen' komt niet op de "
            "site. Haal de regel 'domeinen' weg; vertel in het verhaal zelf waar het over gaat.",
            file=story.path,
            line=story.meta_line("domeinen") or 1,
            key="domeinen",
        )
        return
    items = value if isinstance(value, list) else [value]
    for i, item in enumerate(items):
        if isinstance(item, str) and item.strip() in valid:
            continue
        line = story.meta_lines.get(("domeinen", i)) or story.meta_line("domeinen") or 1
        shown = item if isinstance(item, (str, int)) else "…"
        yield Finding(
            "verhaal-domein-onbekend",
            FOUT,
            f"Het domein '{shown}' kent het {kader.korte_naam} niet."
            + did_you_mean(str(shown), valid)
            + f" Kies uit: {listing(valid)}. Schrijf ze als lijst, zoals "
            "'domeinen: [zelfbepaling, deelname-aan-de-samenleving]'.",
            file=story.path,
            line=line,
            key="domeinen",
        )


def _bouwsteen(story: Page, kader: Kader, speerpunten: str) -> Iterator[Finding]:
    value = story.meta.get("bouwsteen")
    if value is None:
        return
    if isinstance(value, int) and not isinstance(value, bool) and kader.bouwsteen(value) is not None:
        return
    numbers = [str(b.nummer) for b in kader.bouwstenen]
    if isinstance(value, list):
        first = next((v for v in value if isinstance(v, int) and kader.bouwsteen(v) is not None), 1)
        yield Finding(
            "verhaal-bouwsteen-onbekend",
            FOUT,
            f"Bij 'bouwsteen' staat een lijst ({', '.join(str(v) for v in value)}). Een verhaal hoort bij één "
            f"bouwsteen; een lijst kan alleen bij {speerpunten}. Kies de bouwsteen waar dit verhaal het "
            f"meest over gaat, zoals 'bouwsteen: {first}'. Past het bij meer? Noem de andere in de tekst.",
            file=story.path,
            line=story.meta_line("bouwsteen") or 1,
            key="bouwsteen",
        )
        return
    yield Finding(
        "verhaal-bouwsteen-onbekend",
        FOUT,
        f"Bouwsteen '{value}' bestaat niet in het {kader.korte_naam}. Schrijf alleen het nummer van de "
        f"bouwsteen waar dit verhaal over gaat: een van {', '.join(numbers)}, bijvoorbeeld 'bouwsteen: 1'.",
        file=story.path,
        line=story.meta_line("bouwsteen") or 1,
        key="bouwsteen",
    )
