"""YAML with line numbers, so every message can point at the line an author must fix."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from kompas_site.cache import memo
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
    """Parse YAML text; raise ContentError with the file and line of a syntax error.

    A text read before (in this process) is not parsed again: ``kompas serve`` reads every file on
    every rebuild. The caller gets its own copy of the data, free to change."""
    found = _parse(text, file, first_line)
    if isinstance(found, Problem):
        raise ContentError(found)
    data, lines = found
    return YamlDoc(copy_data(data), file, dict(lines), first_line)


@memo
def _parse(text: str, file: str, first_line: int) -> tuple[Any, dict] | Problem:
    """(data, lines), or the problem to raise. Only ``parse_yaml`` sees the data: it hands out copies."""
    if not _PYTHON_ONLY.search(text):
        try:
            node, data = _compose(text, _FAST_LOADER)
            return data, _lines(node, first_line)
        except yaml.YAMLError:
            pass  # read it again with the Python reader: its messages are the ones _REASONS translates
    try:
        node, data = _compose(text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and "stream end" in (exc.problem or "") + (exc.context or ""):
            mark = exc.context_mark  # an unclosed bracket or quote: point at where it was opened
        line = mark.line + first_line if mark else None
        return Problem(
            "De YAML-opmaak klopt niet ("
            + _dutch_yaml_reason(exc)
            + "). Kijk op deze regel en de regel erboven naar inspringing (spaties), "
            "dubbele punten en aanhalingstekens.",
            file,
            line,
        )
    except yaml.YAMLError as exc:  # other reader errors: an invisible control character in the text
        position = getattr(exc, "position", None)
        line = text.count("\n", 0, position) + first_line if isinstance(position, int) else None
        return Problem(
            "Hier staat een onzichtbaar teken dat niet in de tekst hoort (vaak meegekomen bij "
            "kopiëren en plakken). Typ deze regel opnieuw.",
            file,
            line,
        )
    return data, _lines(node, first_line)


# libyaml (C) reads about ten times faster than the Python reader and gives the same nodes with the
# same line marks; the Python reader is the fallback, and it words the errors (see _REASONS).
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Where the two readers disagree, the Python reader decides: libyaml accepts tabs and a comment right
# after | or >, and reads the special line breaks, a byte order mark, a lone ! tag, a ? key and the
# marks of an empty document its own way. None of these is usual in a page's front matter.
_PYTHON_ONLY = re.compile(
    r"[\t\x85\ufeff\u2028\u2029]|[|>][-+0-9]*#|(?<![^\s\[{,:-])[!?](?![^\s,\[\]{}])|^(?:---|\.\.\.)",
    re.MULTILINE,
)


def _compose(text: str, loader_class) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _lines(node: yaml.Node | None, first_line: int) -> dict[Path_, int]:
    lines: dict[Path_, int] = {}
    if node is not None:
        _index_lines(node, (), lines, first_line)
    return lines


def copy_data(value: Any, _seen: dict | None = None) -> Any:
    """A copy of YAML data, deep for lists, dicts, sets and pairs (the rest is immutable). Like
    ``copy.deepcopy``, it keeps shared and self-referring parts (YAML anchors) as they were."""
    if isinstance(value, tuple):  # !!omap and !!pairs: (key, value) pairs
        return tuple(copy_data(item, _seen) for item in value)
    if not isinstance(value, (dict, list, set)):
        return value
    seen = {} if _seen is None else _seen
    if id(value) in seen:
        return seen[id(value)]
    if isinstance(value, dict):
        result = seen[id(value)] = {}
        for key, item in value.items():
            result[key] = copy_data(item, seen)
        return result
    if isinstance(value, list):
        result = seen[id(value)] = []
        result.extend(copy_data(item, seen) for item in value)
        return result
    result = seen[id(value)] = set(value)  # set members are hashable, so immutable here
    return result


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
