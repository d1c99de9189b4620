"""Split a Markdown file into its YAML front matter and its body."""

from __future__ import annotations

import re

from kompas_site.errors import ContentError, Problem
from kompas_site.load.yamlsource import YamlDoc, parse_yaml

_FENCE = re.compile(r"^---[ \t]*$")
_END = re.compile(r"^(---|\.\.\.)[ \t]*$")


def split_front_matter(text: str, file: str) -> tuple[YamlDoc, str, int]:
    """Return (front matter, body, line where the body starts)."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or not _FENCE.match(lines[0].rstrip("\r\n")):
        return YamlDoc({}, file), text, 1
    for i in range(1, len(lines)):
        if _END.match(lines[i].rstrip("\r\n")):
            doc = parse_yaml("".join(lines[1:i]), file, first_line=2)
            if doc.data is None:
                doc.data = {}
            if not isinstance(doc.data, dict):
                raise ContentError(
                    Problem(
                        "De kop van deze pagina (tussen de regels met ---) moet bestaan uit regels "
                        "'sleutel: waarde', bijvoorbeeld 'title: Over ons'.",
                        file,
                        2,
                    )
                )
            return doc, "".join(lines[i + 1 :]), i + 2
    raise ContentError(
        Problem(
            "De kop van deze pagina begint met --- maar wordt niet afgesloten. "
            "Zet een regel met alleen --- onder de laatste regel van de kop.",
            file,
            1,
        )
    )
