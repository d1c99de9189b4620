"""Rule: every location a page, story or goal names (``locaties:``) is one of those in ``kompas.yml``."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, Finding
from kompas_site.check.registry import Code
from kompas_site.spelling import did_you_mean, listing

LOCATIE_ONBEKEND = Code(
    "locatie-onbekend",
    FOUT,
    "Een pagina, verhaal of speerpunt noemt een locatie die niet in kompas.yml staat",
    "Bij 'locaties:' bovenaan een pagina of verhaal, of bij een speerpunt in speerpunten.yml, staan de ids van "
    "locaties uit 'locaties' in kompas.yml. Schrijf de id precies zoals daar, zoals 'locaties: [de-esdoorn]', "
    "of zet de locatie eerst in kompas.yml (met id, naam en plaats).",
)
CODES = (LOCATIE_ONBEKEND,)


def check(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    known = [loc.id for loc in report.settings.locaties]
    for page in report.all_pages:
        for loc_id in page.locaties:
            if loc_id not in known:
                yield LOCATIE_ONBEKEND(_message(loc_id, known), file=page.path, line=page.meta_line("locaties"))
    for goal in report.speerpunten or []:
        for loc_id in goal.locaties:
            if loc_id not in known:
                yield LOCATIE_ONBEKEND(
                    f"Speerpunt '{goal.id}': " + _message(loc_id, known),
                    file=report.speerpunten_file,
                    line=goal.lines.get(("locaties",), goal.line),
                )


def _message(loc_id: str, known: list[str]) -> str:
    if not known:
        return (
            f"Hier staat de locatie '{loc_id}', maar kompas.yml heeft geen 'locaties'. Zet de locatie in kompas.yml, "
            "zoals:\n\nlocaties:\n  - id: de-esdoorn\n    naam: Woonlocatie De Esdoorn\n    plaats: Haverdijk"
        )
    return (
        f"De locatie '{loc_id}' staat niet onder 'locaties' in kompas.yml. Daar staan: {listing(known)}."
        + did_you_mean(loc_id, known)
        + " Schrijf de id precies zo, of zet de locatie eerst in kompas.yml."
    )
