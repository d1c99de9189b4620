"""``woordenlijst.yml``: the organisation's own hard words, each with a plain explanation."""

from __future__ import annotations

from pathlib import Path

from kompas_site.errors import ContentError
from kompas_site.load.yamlsource import parse_yaml

FILE = "woordenlijst.yml"
EXAMPLE = """ervaringsdeskundige: Iemand die zelf zorg krijgt of kreeg.
De Esdoorn: Een woonlocatie in Haverdijk."""


def load_woordenlijst(root: Path) -> tuple[dict[str, str], dict[str, int]]:
    """The words with their explanation ("" when the author left it out: the checker names those),
    and the line of each word."""
    path = root / FILE
    if not path.is_file():
        return {}, {}
    doc = parse_yaml(path.read_text(encoding="utf-8"), FILE)
    if doc.data is None:
        return {}, {}
    if not isinstance(doc.data, dict):
        raise ContentError(
            doc.problem(f"Zet in {FILE} per regel een woord, een dubbele punt en de uitleg, zoals:\n\n{EXAMPLE}")
        )
    problems = []
    result, lines = {}, {}
    for term, uitleg in doc.data.items():
        if isinstance(uitleg, (dict, list)):
            problems.append(
                doc.problem(
                    f"Bij '{term}' hoort één uitleg in gewone tekst, geen lijst of blok. Schrijf het zo:\n\n{EXAMPLE}",
                    term,
                )
            )
            continue
        result[str(term).strip()] = "" if uitleg is None else str(uitleg).strip()
        lines[str(term).strip()] = doc.line(term)
    if problems:
        raise ContentError(problems)
    return result, lines
