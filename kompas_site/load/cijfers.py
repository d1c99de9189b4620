"""Figure sets: ``cijfers/NAME.yml``, with their rows in the YAML file or in a CSV file next to it.

Read leniently: what cannot be read (YAML, a key, a CSV cell) is kept on the figure set as a problem,
for the checker to report with file, line and key (``cijfers-onleesbaar``, ``cijfers-csv``). The rest of
the report is still read and checked; a figure set with problems is not drawn.

Numbers may be written the Dutch way or as a spreadsheet exports them: ``89``, ``8,5``, ``8.5``,
``1.234``, ``1.234,5``, ``89%``, ``€ 1.234``. An empty cell or ``null`` means: not asked.
"""

from __future__ import annotations

import csv
import io
import math
import os
import posixpath
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from kompas_site.dutch import getal
from kompas_site.errors import ContentError, Problem
from kompas_site.load.schemas import RequiredText, Schema, Text, validate
from kompas_site.load.yamlsource import YamlDoc, decode, parse_yaml, read_text
from kompas_site.model import CIJFERS_DIR, Cijferset, Reeks, Rij

SUFFIXES = (".yml", ".yaml")
UNITS = ("procent", "aantal", "dagen", "euro")
EXAMPLE = """titel: Wat cliënten zeggen over veiligheid
bron: Cliëntervaringsonderzoek 2025
eenheid: procent
grafiek: staaf
reeksen:
  - naam: Cliënten
    n: 214
rijen:
  - label: Ik voel me veilig waar ik woon
    waarden: [89]"""

_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def number(value: Any) -> float | None:
    """A value from YAML or a CSV cell as a number; None for an empty cell. Raises ValueError otherwise."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(str(value))
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(str(value))
        return float(value)
    text = str(value).strip().replace("\u00a0", "").replace(" ", "").replace("€", "").removesuffix("%")
    if text == "" or text.lower() in ("null", "-", "–", "n.v.t.", "nvt"):
        return None
    if "," in text and "." in text:  # Dutch 1.234,5
        text = text.replace(".", "").replace(",", ".")
    elif "," in text:
        text = text.replace(",", ".")
    elif _THOUSANDS.match(text):  # 1.234: a Dutch thousand separator, not 1,234
        text = text.replace(".", "")
    result = float(text)  # ValueError for words
    if not math.isfinite(result):
        raise ValueError(text)
    return result


def _values(value: Any) -> tuple[float | None, ...]:
    items = value if isinstance(value, list) else [] if value is None else [value]
    result = []
    for item in items:
        if isinstance(item, (dict, list)):
            raise ValueError("Bij '{key}' hoort een lijst getallen, zoals 'waarden: [89, 87]'.")
        try:
            result.append(number(item))
        except ValueError:
            raise ValueError(
                f"Bij '{{key}}' staat '{item}': dat is geen getal. Schrijf getallen zoals 89 of 8,5; "
                "schrijf null als iets niet gevraagd is."
            ) from None
    return tuple(result)


def _count(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        found = number(value)
    except ValueError:
        found = None
    if found is None or found != int(found) or found < 0:
        raise ValueError(f"'{{key}}' is het aantal mensen dat antwoord gaf: een heel getal, zoals 214 (nu: {value!r}).")
    return int(found)


def _unit(value: Any) -> str:
    text = (_text_or_none(value) or "procent").lower()
    return "procent" if text in ("%", "percentage", "procenten") else text


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise ValueError("'{key}' moet één woord of tekst zijn, geen lijst of blok.")
    return str(value).strip() or None


class ReeksSchema(Schema):
    naam: RequiredText
    n: Annotated[int | None, BeforeValidator(_count)] = None


class RijSchema(Schema):
    label: RequiredText
    waarden: Annotated[tuple[float | None, ...], BeforeValidator(_values)] = ()
    makkelijk: Text = None


class CijferSchema(Schema):
    titel: RequiredText = Field(
        json_schema_extra={"ontbreekt": "'titel' ontbreekt: schrijf in één regel wat de cijfers laten zien."}
    )
    bron: Text = None
    eenheid: Annotated[str, BeforeValidator(_unit)] = "procent"
    grafiek: Literal["staaf", "lijn", "geen"] = "staaf"
    makkelijk: Text = None
    reeksen: tuple[ReeksSchema, ...] = ()
    rijen: tuple[RijSchema, ...] = ()
    csv: Text = None


def figure_files(files: list[str]) -> list[str]:
    """The figure sets among the content folder's files: YAML files directly in ``cijfers/``."""
    return [
        f
        for f in files
        if posixpath.dirname(f) == CIJFERS_DIR and f.lower().endswith(SUFFIXES) and not f.startswith(".")
    ]


def load_cijfers(root: Path, files: list[str]) -> dict[str, Cijferset]:
    """Every figure set in ``cijfers/``, by name; a second file with the same name is a problem on the first."""
    sets: dict[str, Cijferset] = {}
    for file in figure_files(files):
        name = posixpath.basename(file).rsplit(".", 1)[0]
        found = load_cijferset(root, file, name)
        if name in sets:
            sets[name].problems.append(
                Problem(
                    f"Er zijn twee cijferbestanden met de naam '{name}': {sets[name].file} en {file}. "
                    "Geef een van beide een andere naam.",
                    file,
                    1,
                )
            )
            continue
        sets[name] = found
    return sets


def load_cijferset(root: Path, file: str, name: str) -> Cijferset:
    result = Cijferset(naam=name, file=file)
    try:
        doc = parse_yaml(read_text(root / file, file).replace("\r\n", "\n"), file)
    except ContentError as exc:
        result.problems.extend(exc.problems)
        return result
    result.problems.extend(doc.problems)
    result.lines = dict(doc.lines)
    if not isinstance(doc.data, dict):
        result.problems.append(doc.problem(f"Een cijferbestand heeft regels 'sleutel: waarde', zoals:\n\n{EXAMPLE}"))
        return result
    schema, found = validate(CijferSchema, {k: v for k, v in doc.data.items() if k is not None}, doc)
    result.problems.extend(found)
    if schema is None:
        return result
    result.titel, result.bron, result.eenheid, result.grafiek = (
        schema.titel,
        schema.bron,
        schema.eenheid,
        schema.grafiek,
    )
    result.makkelijk = schema.makkelijk
    result.reeksen = tuple(Reeks(r.naam, r.n, doc.line("reeksen", i)) for i, r in enumerate(schema.reeksen))
    result.rijen = tuple(Rij(r.label, r.waarden, r.makkelijk, doc.line("rijen", i)) for i, r in enumerate(schema.rijen))
    if schema.eenheid != "procent":
        result.problems.extend(_thousands_problems(doc, schema.eenheid))
    if schema.csv:
        if schema.rijen:
            result.problems.append(
                doc.problem(
                    "Dit bestand heeft zowel 'csv' als 'rijen'. Kies één: de cijfers uit het CSV-bestand, "
                    "of de rijen hier in het bestand.",
                    "csv",
                )
            )
            return result
        _read_csv(root, result, schema.csv, doc.line("csv"))
    elif not schema.rijen:
        result.problems.append(
            doc.problem(
                "Dit cijferbestand heeft geen 'rijen' en noemt geen 'csv'-bestand. Zet de cijfers eronder, "
                f"of noem een CSV-bestand naast dit bestand ('csv: {name}.csv'). Voorbeeld:\n\n{EXAMPLE}"
            )
        )
    elif not schema.reeksen:
        result.problems.append(
            doc.problem(
                "Dit cijferbestand heeft geen 'reeksen': de kolommen van de cijfers, zoals '- naam: Cliënten'. "
                f"Voorbeeld:\n\n{EXAMPLE}"
            )
        )
    return result


def _three_decimals(value: Any) -> bool:
    """A YAML float written with exactly three decimals, like 1.234 (YAML drops trailing zeros: 1.230 is 1.23)."""
    if not isinstance(value, float) or not math.isfinite(value):
        return False
    text = repr(value)
    return "e" not in text and len(text.split(".")[1]) == 3


def _thousands_problems(doc: YamlDoc, eenheid: str) -> list[Problem]:
    """A number like 1.234 in a set of counts, days or euros: in the Netherlands a thousands separator, but
    YAML reads it as one point two three four. Only a quoted "1.234" is read the Dutch way."""
    rows = doc.data.get("rijen")
    problems = []
    for i, row in enumerate(rows if isinstance(rows, list) else []):
        waarden = row.get("waarden") if isinstance(row, dict) else None
        items = waarden if isinstance(waarden, list) else [waarden]
        found = next((v for v in items if _three_decimals(v)), None)
        if found is None:
            continue
        written = repr(found)
        whole = written.replace(".", "").replace("-0", "-").lstrip("0") or "0"
        meant, read = getal(float(whole)), getal(found, 3)
        problems.append(
            doc.problem(
                f"Bij 'waarden' staat {written}. In dit bestand leest de computer de punt als komma: er staat nu "
                f"{read}, niet {meant}. Bedoelt u {meant}? Schrijf het zonder punt ({whole}) of tussen "
                f'aanhalingstekens ("{written}"). Bedoelt u toch {read} ({eenheid})? Schrijf dan "{read}".',
                "rijen",
                i,
                "waarden",
            )
        )
    return problems


def _read_csv(root: Path, figures: Cijferset, name: str, yaml_line: int) -> None:
    """Rows and series from the CSV file next to the YAML file: first row the column names, first column
    the labels. The ``n`` per column comes from ``reeksen`` in the YAML file, matched by name."""
    path = posixpath.normpath(posixpath.join(CIJFERS_DIR, name.replace("\\", "/")))
    figures.csv = path
    problems = figures.csv_problems
    real_root = os.path.realpath(root)
    real = os.path.realpath(root / path)
    if path.startswith("../") or os.path.commonpath([real_root, real]) != real_root:
        problems.append(
            Problem(
                f"Het CSV-bestand '{name}' staat niet naast dit bestand in de map cijfers. Zet het daar neer "
                f"en schrijf alleen de naam: 'csv: {posixpath.basename(name)}'.",
                figures.file,
                yaml_line,
                "csv",
            )
        )
        return
    if not os.path.isfile(real):
        problems.append(
            Problem(
                f"Het CSV-bestand '{name}' bestaat niet in de map cijfers. Controleer de naam (ook hoofdletters) "
                "of zet het bestand naast dit cijferbestand.",
                figures.file,
                yaml_line,
                "csv",
            )
        )
        return
    raw = Path(real).read_bytes()
    try:
        text = decode(raw.removeprefix(b"\xef\xbb\xbf"), path)
    except ContentError as exc:
        try:  # Excel's "CSV (gescheiden door lijstscheidingsteken)" is Windows-1252, not UTF-8
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            problems.extend(exc.problems)
            return
    rows = _csv_rows(text, path, problems)
    if rows is None:
        return
    body = [(line, row) for line, row in rows if any(cell.strip() for cell in row)]
    if len(body) < 2:
        problems.append(
            Problem(
                "Dit CSV-bestand heeft geen cijfers. De eerste regel noemt de kolommen (zoals 'Vraag;Cliënten;"
                "Verwanten'), elke regel daaronder begint met een label en dan de getallen.",
                path,
                body[0][0] if body else 1,
            )
        )
        return
    header_line, header = body[0]
    columns = [cell.strip() for cell in header[1:]]
    while columns and not columns[-1]:
        columns.pop()
    if not columns or any(not c for c in columns):
        problems.append(
            Problem(
                "De eerste regel van dit CSV-bestand moet de naam van elke kolom geven, zoals "
                "'Vraag;Cliënten;Verwanten'. Hier ontbreekt een naam.",
                path,
                header_line,
            )
        )
        return
    given = {r.naam.casefold(): r for r in figures.reeksen}
    unknown = [r for key, r in given.items() if key not in {c.casefold() for c in columns}]
    for reeks in unknown:
        figures.problems.append(
            Problem(
                f"De reeks '{reeks.naam}' staat niet als kolom in {posixpath.basename(path)}. De kolommen zijn: "
                + ", ".join(f"'{c}'" for c in columns)
                + ". Schrijf de naam zoals in de eerste regel van het CSV-bestand.",
                figures.file,
                reeks.line,
                "reeksen.naam",
            )
        )
    figures.reeksen = tuple(
        Reeks(c, given[c.casefold()].n if c.casefold() in given else None, given.get(c.casefold(), Reeks(c)).line)
        for c in columns
    )
    rijen = []
    for line, row in body[1:]:
        cells = list(row)
        while len(cells) > 1 and not cells[-1].strip() and len(cells) > len(columns) + 1:
            cells.pop()  # a trailing separator
        values: list[float | None] = []
        for column, cell in zip([*columns, *[""] * len(cells)], cells[1:], strict=False):
            try:
                values.append(number(cell))
            except ValueError:
                where = f"kolom '{column}'" if column else "een kolom zonder naam"
                problems.append(
                    Problem(
                        f"In {where} staat '{cell.strip()}': dat is geen getal. Schrijf getallen zoals 89 of 8,5; "
                        "laat de cel leeg als iets niet gevraagd is.",
                        path,
                        line,
                    )
                )
                values.append(None)
        rijen.append(Rij(cells[0].strip(), tuple(values), None, line))
    figures.rijen = tuple(rijen)


def _csv_rows(text: str, path: str, problems: list[Problem]) -> list[tuple[int, list[str]]] | None:
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count) if any(d in first for d in ";,\t") else ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = []
    line = 1  # where the record being read starts (a quote left open runs on to the end of the file)
    try:
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as exc:
        problems.append(
            Problem(
                f"Dit CSV-bestand kan vanaf hier niet gelezen worden ({_csv_reason(exc)}). Sla het opnieuw op "
                "als CSV vanuit uw spreadsheet, of kijk op deze regel naar aanhalingstekens.",
                path,
                line,
            )
        )
        return None
    return rows


def _csv_reason(exc: csv.Error) -> str:
    text = str(exc)
    if "NUL" in text or "null byte" in text:
        return "er staat een onzichtbaar nulteken in"
    if "quote" in text or "EOF" in text:
        return "een aanhalingsteken wordt niet gesloten"
    return "de opmaak klopt niet"


__all__ = ["UNITS", "load_cijfers", "number"]
