"""YAML with line numbers, so every message can point at the line an author must fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from kompas_site.errors import ContentError, Problem

Path_ = tuple  # a key path such as ("editie", "jaar") or ("speerpunten", 2, "id")


@dataclass
class YamlDoc:
    data: Any
    file: str
    lines: dict[Path_, int] = field(default_factory=dict)
    first_line: int = 1  # the line in the file where this YAML starts (front matter: 2)

    def line(self, *path: Any) -> int | None:
        """The line of a key (or of its nearest parent that has one)."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.first_line

    def problem(self, message: str, *path: Any) -> Problem:
        key = ".".join(str(p) for p in path if not isinstance(p, int)) or None
        return Problem(message, self.file, self.line(*path), key)


def parse_yaml(text: str, file: str, first_line: int = 1) -> YamlDoc:
    """Parse YAML text; raise ContentError with the file and line of a syntax error."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and "stream end" in (exc.problem or "") + (exc.context or ""):
            mark = exc.context_mark  # an unclosed bracket or quote: point at where it was opened
        line = mark.line + first_line if mark else None
        raise ContentError(
            Problem(
                "De YAML-opmaak klopt niet ("
                + _dutch_yaml_reason(exc)
                + "). Kijk op deze regel en de regel erboven naar inspringing (spaties), "
                "dubbele punten en aanhalingstekens.",
                file,
                line,
            )
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - other reader errors (bad characters)
        raise ContentError(Problem(f"Dit bestand is geen leesbare YAML: {exc}", file)) from None
    finally:
        loader.dispose()
    doc = YamlDoc(data, file, first_line=first_line)
    if node is not None:
        _index_lines(node, (), doc.lines, first_line)
    return doc


def _index_lines(node: yaml.Node, path: Path_, lines: dict, first_line: int) -> None:
    lines.setdefault(path, node.start_mark.line + first_line)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[path + (key,)] = key_node.start_mark.line + first_line
            _index_lines(value_node, path + (key,), lines, first_line)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(item, path + (i,), lines, first_line)


_REASONS = {
    "mapping values are not allowed here": "een dubbele punt staat op een plek waar dat niet kan; "
    "zet tekst met een dubbele punt tussen aanhalingstekens",
    "could not find expected ':'": "er mist een dubbele punt na een sleutel",
    "found character '\\t' that cannot start any token": "er staat een tab; gebruik spaties",
    "expected <block end>, but found": "de inspringing klopt niet",
    "did not find expected key": "de inspringing klopt niet",
    "found unexpected end of stream": "een aanhalingsteken of haakje wordt niet gesloten",
    "expected ',' or ']'": "een lijst tussen [ ] wordt niet goed gesloten",
    "expected ',' or '}'": "een blok tussen { } wordt niet goed gesloten",
    "while scanning a quoted scalar": "een aanhalingsteken wordt niet gesloten",
}


def _dutch_yaml_reason(exc: yaml.MarkedYAMLError) -> str:
    text = f"{exc.context or ''} {exc.problem or ''}"
    for english, dutch in _REASONS.items():
        if english in text:
            return dutch
    return "YAML meldt: " + (exc.problem or "onbekende fout")
