"""Rule: a figure set (``cijfers/NAME.yml``, and the CSV file it names) can be read and says what it must.

A percentage between 0 and 100, one value per series in every row, a source, and for percentages the
number of people who answered per series: errors. A group under 10 people: a warning (people become
recognisable, and the figure unreliable). A chart with more than 12 rows or 4 series: a tip to split it.
"""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, TIP, WAARSCHUWING, Finding
from kompas_site.check.registry import Code
from kompas_site.dutch import getal, opsomming
from kompas_site.model import Cijferset

SMALL_GROUP = 10  # fewer people than this: a percentage makes them recognisable
MAX_ROWS = 12
MAX_SERIES = 4

ONLEESBAAR = Code(
    "cijfers-onleesbaar",
    FOUT,
    "Een cijferbestand in `cijfers/` kan niet (helemaal) gelezen worden",
    "Een cijferbestand heeft 'titel', 'bron', 'eenheid', 'grafiek', 'reeksen' en 'rijen' (of 'csv'). De melding "
    "noemt de regel en de sleutel, zoals: bij 'rijen.waarden' staat 'veel', dat is geen getal. Schrijf "
    "getallen zoals 89 of 8,5, en null als iets niet gevraagd is.",
)
CSV = Code(
    "cijfers-csv",
    FOUT,
    "Het CSV-bestand van een cijferbestand kan niet gelezen worden",
    "De eerste regel van het CSV-bestand noemt de kolommen (Vraag;Cliënten;Verwanten), elke volgende regel "
    "begint met het label en dan de getallen (Ik voel me veilig;89;87). De melding noemt de regel in het "
    "CSV-bestand. Sla het bestand vanuit uw spreadsheet op als 'CSV UTF-8'.",
)
BRON = Code(
    "cijfers-bron",
    FOUT,
    "Een cijferbestand zegt niet waar de cijfers vandaan komen",
    "Lezers moeten kunnen zien waar een cijfer vandaan komt. Schrijf bijvoorbeeld: "
    "'bron: Cliëntervaringsonderzoek 2025, 214 gesprekken met cliënten'.",
)
AANTAL = Code(
    "cijfers-n",
    FOUT,
    "Bij percentages ontbreekt hoeveel mensen antwoord gaven (`n`)",
    "89% van 9 mensen zegt iets anders dan 89% van 214 mensen. Zet onder elke reeks het aantal, zoals:\n"
    "reeksen:\n  - naam: Cliënten\n    n: 214",
)
PROCENT = Code(
    "cijfers-procent",
    FOUT,
    "Een percentage is kleiner dan 0 of groter dan 100",
    "Een percentage ligt tussen 0 en 100. Staat er 890 waar 89 bedoeld is? Of is het een aantal? Schrijf dan "
    "'eenheid: aantal'.",
)
RIJ = Code(
    "cijfers-rij",
    FOUT,
    "Een rij heeft meer of minder getallen dan er reeksen zijn",
    "Elke rij heeft één getal per reeks, in dezelfde volgorde. Met twee reeksen (Cliënten, Verwanten): "
    "'waarden: [89, 87]'. Is iets niet gevraagd? Schrijf null: 'waarden: [88, null]'.",
)
KLEIN = Code(
    "cijfers-kleine-groep",
    WAARSCHUWING,
    "Een percentage rust op minder dan 10 mensen",
    "Bij een kleine groep zijn mensen te herkennen, en zegt een percentage weinig: één persoon meer of minder "
    "is al 10 procentpunt. Voeg groepen samen, of vertel het in woorden ('vijf van de zeven bewoners').",
)
GROOT = Code(
    "cijfers-te-groot",
    TIP,
    "Een grafiek met meer dan 12 rijen of 4 reeksen",
    "Zo'n grafiek is moeilijk te lezen, zeker op een telefoon. Splits hem in twee cijferbestanden, bijvoorbeeld "
    "'veiligheid' en 'dagbesteding', of zet 'grafiek: geen' (dan staat alleen de tabel er).",
)
CODES = (ONLEESBAAR, CSV, BRON, AANTAL, PROCENT, RIJ, KLEIN, GROOT)


def check(ctx: CheckContext) -> Iterator[Finding]:
    for figures in ctx.report.cijfers.values():
        yield from _problems(figures)
        if figures.problems or not figures.titel:
            continue
        yield from _contents(figures)


def _problems(figures: Cijferset) -> Iterator[Finding]:
    for problem in figures.problems:
        yield ONLEESBAAR(problem.message, file=problem.file or figures.file, line=problem.line or 1, key=problem.key)
    for problem in figures.csv_problems:
        yield CSV(problem.message, file=problem.file or figures.csv, line=problem.line or 1, key=problem.key)


def _contents(figures: Cijferset) -> Iterator[Finding]:
    name = f"'{figures.naam}'"
    if not figures.bron:
        yield BRON(
            f"Het cijferbestand {name} zegt niet waar de cijfers vandaan komen. Zet er een regel 'bron:' in, "
            "zoals 'bron: Cliëntervaringsonderzoek 2025, 214 gesprekken'.",
            file=figures.file,
            line=1,
            key="bron",
        )
    percent = figures.eenheid == "procent"
    if percent:
        missing = [r.naam for r in figures.reeksen if r.n is None]
        if missing:
            example = "\n".join(f"  - naam: {r.naam}\n    n: 214" for r in figures.reeksen if r.n is None)
            yield AANTAL(
                f"Bij {opsomming(repr(n) for n in missing)} staat niet hoeveel mensen antwoord gaven. Zet 'n' "
                f"onder elke reeks, zoals:\n\nreeksen:\n{example}",
                file=figures.file,
                line=figures.line("reeksen"),
                key="reeksen.n",
            )
        small = [r for r in figures.reeksen if r.n is not None and r.n < SMALL_GROUP]
        for reeks in small:
            yield KLEIN(
                f"De percentages van '{reeks.naam}' rusten op {getal(reeks.n or 0)} mensen. Zo weinig mensen zijn "
                "te herkennen, en één antwoord meer of minder verandert het cijfer sterk. Voeg groepen samen, "
                "of vertel het in woorden.",
                file=figures.file,
                line=reeks.line or figures.line("reeksen"),
                key="reeksen.n",
            )
    count = len(figures.reeksen)
    rows_file = figures.csv or figures.file
    for i, row in enumerate(figures.rijen):
        line = row.line if figures.csv else figures.line("rijen", i, "waarden")
        if count and len(row.waarden) != count:
            yield RIJ(
                f"De rij '{row.label}' heeft {getal(len(row.waarden))} "
                f"{'getal' if len(row.waarden) == 1 else 'getallen'}, maar er {'is' if count == 1 else 'zijn'} "
                f"{getal(count)} {'reeks' if count == 1 else 'reeksen'} ({opsomming(r.naam for r in figures.reeksen)}). "
                "Geef één getal per reeks, en null (of een lege cel) waar iets niet gevraagd is."
                + ("" if figures.csv or len(row.waarden) <= count else _comma_hint(row.waarden)),
                file=rows_file,
                line=line or 1,
                key=None if figures.csv else "rijen.waarden",
            )
        if percent:
            wrong = [v for v in row.waarden if v is not None and not 0 <= v <= 100]
            if wrong:
                yield PROCENT(
                    f"In de rij '{row.label}' staat {getal(wrong[0], 0 if wrong[0].is_integer() else 1)} als "
                    "percentage; een percentage ligt tussen 0 en 100. Is het een aantal? Schrijf dan "
                    "'eenheid: aantal'.",
                    file=rows_file,
                    line=line or 1,
                    key=None if figures.csv else "rijen.waarden",
                )
    if figures.grafiek != "geen" and (len(figures.rijen) > MAX_ROWS or count > MAX_SERIES):
        yield GROOT(
            f"De grafiek {name} heeft {getal(len(figures.rijen))} rijen en {getal(count)} reeksen. Meer dan "
            f"{MAX_ROWS} rijen of {MAX_SERIES} reeksen is moeilijk te lezen, zeker op een telefoon. Splits hem in "
            "twee cijferbestanden, of zet 'grafiek: geen' voor alleen de tabel.",
            file=figures.file,
            line=1,
        )


def _comma_hint(values: tuple[float | None, ...]) -> str:
    """Too many values in a YAML list: perhaps a decimal comma, which YAML reads as between two numbers."""
    first, second = (getal(v, 0 if v.is_integer() else 1) for v in (float(x or 0) for x in values[:2]))
    return (
        f" Staat er een komma in een getal, zoals [{first},{second}]? In dit bestand scheidt een komma twee "
        f'getallen. Schrijf het getal met een punt ({first}.{second}) of tussen aanhalingstekens ("{first},{second}").'
    )
