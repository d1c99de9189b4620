"""``woordenlijst.yml``: the organisation's own hard words, each with a plain explanation."""

from __future__ import annotations

from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from kompas_site.errors import ContentError
from kompas_site.load.schemas import Uitleg
from kompas_site.load.yamlsource import parse_yaml, read_text

FILE = "woordenlijst.yml"
EXAMPLE = """ervaringsdeskundige: Iemand die zelf zorg krijgt of kreeg.
De Esdoorn: Een woonlocatie in Haverdijk.
deelnemer:
  uitleg: Iemand die bij ons woont of werkt.
  vormen: [deelnemers]"""
FIELDS = ("uitleg", "vormen")


def load_woordenlijst(root: Path) -> tuple[dict[str, str], dict[str, int], dict[str, tuple[str, ...]]]:
    """The words with their explanation ("" when the author left it out: the checker names those),
    the line of each word, and the other forms the author gave (``vormen``). A blank word keeps its
    key as written (the checker names it; the site leaves it out)."""
    path = root / FILE
    if not path.is_file():
        return {}, {}, {}
    doc = parse_yaml(read_text(path, FILE), FILE)
    if doc.data is None:
        return {}, {}, {}
    if not isinstance(doc.data, dict):
        raise ContentError(
            doc.problem(f"Zet in {FILE} per regel een woord, een dubbele punt en de uitleg, zoals:\n\n{EXAMPLE}")
        )
    problems = list(doc.problems)
    result, lines, forms = {}, {}, {}
    for term, value in doc.data.items():
        if term is None:
            continue  # a key without a name: doc.problems names its line
        name = str(term).strip() or str(term)
        vormen: tuple[str, ...] = ()
        if isinstance(value, dict):
            unknown = [str(k) for k in value if k not in FIELDS]
            if unknown:
                problems.append(
                    doc.problem(
                        f"Bij '{term}' staat '{unknown[0]}'; daar kan alleen 'uitleg' en 'vormen' staan. "
                        f"Schrijf het zo:\n\n{EXAMPLE}",
                        term,
                    )
                )
                continue
            vormen_value = value.get("vormen")
            vormen_list = vormen_value if isinstance(vormen_value, list) else [vormen_value]
            if any(isinstance(v, (dict, list)) for v in vormen_list):
                problems.append(
                    doc.problem(
                        f"Bij '{term}' hoort onder 'vormen' een lijst van woorden, zoals vormen: [deelnemers].",
                        term,
                        "vormen",
                    )
                )
                continue
            vormen = tuple(str(v).strip() for v in vormen_list if v is not None and str(v).strip())
            value = value.get("uitleg")
        try:
            text = _UITLEG.validate_python(value)
        except ValidationError:
            problems.append(
                doc.problem(
                    f"Bij '{term}' hoort één uitleg in gewone tekst, geen lijst of blok. Schrijf het zo:\n\n{EXAMPLE}",
                    term,
                )
            )
            continue
        result[name] = text
        lines[name] = doc.line(term)
        if vormen:
            forms[name] = vormen
    if problems:
        raise ContentError(problems)
    return result, lines, forms


_UITLEG = TypeAdapter(Uitleg)
