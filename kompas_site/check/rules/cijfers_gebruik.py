"""Rule: ``[[cijfers: NAME]]`` and a story's ``cijfers:`` name a figure set that exists, and every figure
set is shown on some page."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, TIP, Finding
from kompas_site.check.registry import Code
from kompas_site.dutch import opsomming
from kompas_site.model import CIJFERS_DIR, Cijferset
from kompas_site.spelling import did_you_mean

ONBEKEND = Code(
    "cijfers-onbekend",
    FOUT,
    "`[[cijfers: ...]]` of `cijfers:` in een verhaal noemt cijfers die niet in `cijfers/` staan",
    "Schrijf de bestandsnaam zonder .yml, zoals [[cijfers: veiligheid]] voor cijfers/veiligheid.yml, op een "
    "eigen regel. In de kop van een verhaal: 'cijfers: [veiligheid]'.",
)
ONGEBRUIKT = Code(
    "cijfers-ongebruikt",
    TIP,
    "Een cijferbestand dat geen pagina laat zien",
    "Zet de cijfers op een pagina met een regel [[cijfers: veiligheid]], waar ze bij het verhaal horen. In een "
    "makkelijk-lezen-pagina geeft dezelfde regel de cijfers in makkelijke zinnen.",
)
MAKKELIJK = Code(
    "cijfers-makkelijk",
    TIP,
    "Cijfers op een makkelijk-lezen-pagina zonder 'makkelijk' bij de rijen",
    "In een makkelijk-lezen-pagina wordt elke rij een korte zin. Zonder 'makkelijk' staat het label erin, "
    "tussen aanhalingstekens. Schrijf bij elke rij het einde van de zin, zoals:\n\nrijen:\n"
    "  - label: Ik voel me veilig waar ik woon\n    waarden: [89]\n    makkelijk: voelen zich veilig waar ze wonen\n\n"
    "Bij een trend of cijfers uit een CSV-bestand schrijft u één regel 'makkelijk:' bovenaan het cijferbestand.",
)
CODES = (ONBEKEND, ONGEBRUIKT, MAKKELIJK)


def check(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    names = sorted(report.cijfers)
    used: set[str] = set()
    told: set[str] = set()
    for page in report.all_pages:
        for name, line in ctx.scan(page).figures:
            used.add(name)
            if name in report.cijfers:
                if page.is_twin and name not in told:
                    told.add(name)
                    yield from _without_easy_words(report.cijfers[name], page.path, page.body_line + line)
                continue
            yield ONBEKEND(
                f"Hier staan cijfers '{name}', maar in de map '{CIJFERS_DIR}' staat geen {name}.yml."
                + did_you_mean(name, names)
                + " Schrijf de bestandsnaam zonder .yml, zoals [[cijfers: veiligheid]].",
                file=page.path,
                line=page.body_line + line,
            )
    for story in report.stories:
        value = story.meta.get("cijfers")
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        for item in items:
            for name in (part.strip() for part in str(item).split(",")):
                if name and name not in report.cijfers:
                    yield ONBEKEND(
                        f"Dit verhaal hoort bij cijfers '{name}', maar in de map '{CIJFERS_DIR}' staat geen "
                        f"{name}.yml." + did_you_mean(name, names),
                        file=story.path,
                        line=story.meta_line("cijfers") or 1,
                        key="cijfers",
                    )
    for name, figures in report.cijfers.items():
        if name not in used:
            yield ONGEBRUIKT(
                f"Geen pagina laat de cijfers '{name}' zien. Zet ze op een pagina met een eigen regel "
                f"[[cijfers: {name}]].",
                file=figures.file,
                line=1,
            )


def _without_easy_words(figures: Cijferset, page: str, line: int) -> Iterator[Finding]:
    if not figures.usable or figures.makkelijk:
        return
    missing = [row.label for row in figures.rijen if not row.makkelijk]
    if not missing or (figures.grafiek == "lijn" and len(missing) < len(figures.rijen)):
        return
    here = f"De cijfers '{figures.naam}' staan op een makkelijk-lezen-pagina ({page}, regel {line})"
    if figures.csv or figures.grafiek == "lijn":
        message = (
            f"{here}, maar er staat nergens 'makkelijk' bij. Daarom krijgen de zinnen geen werkwoord van u. Schrijf "
            "bovenaan het cijferbestand het einde van de zin, zoals 'makkelijk: voelen zich veilig waar ze wonen'."
        )
    else:
        shown = opsomming(f"'{label}'" for label in missing[:5]) + (" en nog meer" if len(missing) > 5 else "")
        message = (
            f"{here}, maar {'deze rij heeft' if len(missing) == 1 else 'deze rijen hebben'} geen 'makkelijk': "
            f"{shown}. Daar komt nu het label in de zin. Schrijf bij de rij het einde van de zin, zoals "
            "'makkelijk: voelen zich veilig waar ze wonen'."
        )
    yield MAKKELIJK(message, file=figures.file, line=1, key="makkelijk")
