"""``woordenlijst.yml``: the organisation's own hard words, each with a plain explanation."""

from __future__ import annotations

from pathlib import Path

from kompas_site.errors import ContentError
from kompas_site.load.yamlsource import parse_yaml

FILE = "woordenlijst.yml"
EXAMPLE = """ervaringsdeskundige: Iemand die zelf zorg krijgt of kreeg.
De Esdoorn: Een woonlocatie in Haverdijk."""


def load_woordenlijst(root: Path) -> dict[str, str]:
    path = root / FILE
    if not path.is_file():
        return {}
    doc = parse_yaml(path.read_text(encoding="utf-8"), FILE)
    if doc.data is None:
        return {}
    if not isinstance(doc.data, dict):
        raise ContentError(doc.problem(f"Zet in {FILE} per regel een woord, een dubbele punt en de uitleg, zoals:\n\n{EXAMPLE}"))
    problems = []
    result = {}
    for term, uitleg in doc.data.items():
        if not isinstance(uitleg, (str, int, float)) or not str(uitleg).strip():
            problems.append(doc.problem(f"Bij '{term}' staat geen uitleg. Schrijf achter de dubbele punt in een "
                                        "of twee korte zinnen wat het woord betekent.", term))
            continue
        result[str(term).strip()] = str(uitleg).strip()
    if problems:
        raise ContentError(problems)
    return result
