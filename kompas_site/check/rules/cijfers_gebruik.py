"""Rule: ``[[cijfers: NAME]]`` and a story's ``cijfers:`` name a figure set that exists, and every figure
set is shown on some page."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, TIP, Finding
from kompas_site.check.registry import Code
from kompas_site.model import CIJFERS_DIR
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
CODES = (ONBEKEND, ONGEBRUIKT)


def check(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    names = sorted(report.cijfers)
    used: set[str] = set()
    for page in report.all_pages:
        for name, line in ctx.scan(page).figures:
            used.add(name)
            if name in report.cijfers:
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
