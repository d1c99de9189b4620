"""``woordenlijst.yml``: the organisation's own hard words, each with a plain explanation."""

from __future__ import annotations

from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from kompas_site.errors import ContentError
from kompas_site.load.schemas import Uitleg
from kompas_site.load.yamlsource import parse_yaml, read_text

FILE = "woordenlijst.yml"
EXAMPLE = """ervaringsdeskundige: Iemand die zelf zorg krijgt of kreeg.
De Esdoorn: Een woonlocatie in Haverdijk."""


def load_woordenlijst(root: Path) -> tuple[dict[str, str], dict[str, int]]:
    """The words with their explanation ("" when the author left it out: the checker names those),
    and the line of each word."""
    path = root / FILE
    if not path.is_file():
        return {}, {}
    doc = parse_yaml(read_text(path, FILE), FILE)
    if doc.data is None:
        return {}, {}
    if not isinstance(doc.data, dict):
        raise ContentError(
            doc.problem(f"Zet in {FILE} per regel een woord, een dubbele punt en de uitleg, zoals:\n\n{EXAMPLE}")
        )
    problems = list(doc.problems)
    result, lines = {}, {}
    for term, uitleg in doc.data.items():
        if term is None:
            continue  # a key without a name: doc.problems names its line
        try:
            text = _UITLEG.validate_python(uitleg)
        except ValidationError:
            problems.append(
                doc.problem(
                    f"Bij '{term}' hoort één uitleg in gewone tekst, geen lijst of blok. Schrijf het zo:\n\n{EXAMPLE}",
                    term,
                )
            )
            continue
        result[str(term).strip()] = text
        lines[str(term).strip()] = doc.line(term)
    if problems:
        raise ContentError(problems)
    return result, lines


_UITLEG = TypeAdapter(Uitleg)
