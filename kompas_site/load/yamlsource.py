"""YAML with line numbers, so every message can point at the line an author must fix."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
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
    # Problems the data could still be read past (a key written twice, a key without a name): the loader
    # reports them together with its own, so the author sees everything at once.
    problems: list[Problem] = field(default_factory=list)

    def line(self, *path: Any) -> int:
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
    data, lines, problems = found
    if problems and problems[0].message.startswith(_ALIAS):
        raise ContentError(list(problems))
    return YamlDoc(copy_data(data), file, dict(lines), first_line, list(problems))


def read_text(path: Path, file: str) -> str:
    """The text of an author's file, or a ContentError that says in Dutch why it cannot be read."""
    try:
        raw = path.read_bytes()
    except PermissionError:
        raise ContentError(
            Problem(
                "Dit bestand kan niet gelezen worden: u (of het programma) heeft geen leesrechten. "
                "Geef uzelf leesrechten op het bestand (Eigenschappen > Beveiliging, of 'chmod u+r'), "
                "of haal het uit de map.",
                file,
            )
        ) from None
    except OSError as exc:
        raise ContentError(
            Problem(
                f"Dit bestand kan niet gelezen worden ({exc.strerror or exc}). Controleer of het een gewoon "
                "bestand is en of het niet ergens anders geopend is.",
                file,
            )
        ) from None
    return decode(raw, file)


SAVE_AS_UTF8 = "Sla het opnieuw op als 'UTF-8' (in Kladblok: Opslaan als > Codering: UTF-8)."


def decode(raw: bytes, file: str) -> str:
    """Bytes of an author's file as text: UTF-8 only, with a Dutch message for other encodings."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        b"\x00" in raw[:2000] and raw.count(b"\x00") * 4 >= len(raw[:2000])
    ):
        raise ContentError(
            Problem(f"Dit bestand is opgeslagen als UTF-16 (Unicode), niet als UTF-8. {SAVE_AS_UTF8}", file)
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ContentError(
            Problem(
                "Dit bestand is niet als UTF-8 opgeslagen (waarschijnlijk als Latin-1 of Windows-1252): "
                f"letters als é en ë worden dan onleesbaar. {SAVE_AS_UTF8}",
                file,
                line,
            )
        ) from None


_ALIAS = "Hier staat een verwijzing met * (een YAML-alias)"


@memo
def _parse(text: str, file: str, first_line: int) -> tuple[Any, dict, tuple[Problem, ...]] | Problem:
    """(data, lines, problems), or the problem to raise. Only ``parse_yaml`` sees the data: it hands out
    copies. Problems that start with _ALIAS mean the data was not built (an alias can make it explode)."""
    if not _PYTHON_ONLY.search(text):
        try:
            return _read(text, _FastLoader, file, first_line)
        except yaml.YAMLError:
            pass  # read it again with the Python reader: its messages are the ones _REASONS translates
        except RecursionError:
            return _too_deep(file, first_line)
    try:
        return _read(text, _SafeLoader, file, first_line)
    except RecursionError:
        return _too_deep(file, first_line)
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


def _too_deep(file: str, first_line: int) -> Problem:
    return Problem(
        "Hier staan te veel lijsten of blokken in elkaar. Schrijf de gegevens eenvoudiger op.", file, first_line
    )


def _read(text: str, loader_class, file: str, first_line: int) -> tuple[Any, dict, tuple[Problem, ...]]:
    node, data = _compose(text, loader_class)
    if node is None:
        return None, {}, ()
    lines: dict[Path_, int] = {}
    problems: list[Problem] = []
    _index_lines(node, (), lines, first_line, file, problems, set())
    if data is _REFUSED:
        return None, {}, tuple(p for p in problems if p.message.startswith(_ALIAS))
    return data, lines, tuple(problems)


_REFUSED = object()  # the data of a text with an alias: never built


def _compose(text: str, loader_class) -> tuple[yaml.Node | None, Any]:
    """The node tree and its data; data that uses an alias (*naam) is not built (_REFUSED): nine lines
    of aliases can stand for a billion values."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        return node, _REFUSED if _shares_nodes(node) else loader.construct_document(node)
    finally:
        loader.dispose()


def _shares_nodes(root: yaml.Node) -> bool:
    """Whether a node is reached twice: what an alias does (a recursive one included)."""
    seen: set[int] = set()
    todo = [root]
    while todo:
        node = todo.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                todo += (key, value)
        elif isinstance(node, yaml.SequenceNode):
            todo += node.value
    return False


# libyaml (C) reads about ten times faster than the Python reader and gives the same nodes with the
# same line marks; the Python reader is the fallback, and it words the errors (see _REASONS).
# Where the two readers disagree, the Python reader decides: libyaml accepts tabs and a comment right
# after | or >, and reads the special line breaks, a byte order mark, a lone ! tag, a ? key and the
# marks of an empty document its own way. None of these is usual in a page's front matter.
_PYTHON_ONLY = re.compile(
    r"[\t\x85\ufeff\u2028\u2029]|[|>][-+0-9]*#|(?<![^\s\[{,:-])[!?](?![^\s,\[\]{}])|^(?:---|\.\.\.)",
    re.MULTILINE,
)


def _timestamp(loader, node: yaml.ScalarNode) -> Any:
    """A date written without quotes stays a date; anything else that looks like one (a date with a time,
    a date that does not exist such as 2026-02-30) stays the text the author wrote, for the schema to judge."""
    text = loader.construct_scalar(node)
    try:
        value = yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return text
    return value if type(value) is date else text


class _SafeLoader(yaml.SafeLoader):
    pass


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


for _loader in (_SafeLoader, _FastLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


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
        items: list = []
        seen[id(value)] = items
        items.extend(copy_data(item, seen) for item in value)
        return items
    members = seen[id(value)] = set(value)  # set members are hashable, so immutable here
    return members


def _index_lines(
    node: yaml.Node, path: Path_, lines: dict, first_line: int, file: str, problems: list, seen: set
) -> None:
    """The line of every key and item; a node met twice is an alias (*naam), reported and not entered."""
    line = node.start_mark.line + first_line
    if id(node) in seen:
        if not any(p.message.startswith(_ALIAS) for p in problems):  # one is enough: the rest look alike
            key = ".".join(str(p) for p in path if not isinstance(p, int)) or None
            parent = path
            while parent and parent not in lines:
                parent = parent[:-1]
            problems.append(
                Problem(
                    _ALIAS + ". Dat kan hier niet: schrijf de waarde gewoon uit, en haal de tekens * en & weg.",
                    file,
                    lines.get(parent, line),
                    key,
                )
            )
        return
    seen.add(id(node))
    lines.setdefault(path, line)
    if isinstance(node, yaml.MappingNode):
        written: dict[tuple, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            key_line = key_node.start_mark.line + first_line
            where = ".".join(str(p) for p in path + (key,) if not isinstance(p, int))
            under = ".".join(str(p) for p in path if not isinstance(p, int))
            if key_node.tag == "tag:yaml.org,2002:null":
                problems.append(
                    Problem(
                        "Deze regel heeft een sleutel zonder naam (niets, 'null' of '~' vóór de dubbele punt). "
                        "Schrijf een naam vóór de dubbele punt, of zet de hele regel tussen aanhalingstekens.",
                        file,
                        key_line,
                    )
                )
            elif isinstance(key_node, yaml.ScalarNode):
                if (key_node.tag, key) in written:
                    problems.append(
                        Problem(
                            f"De sleutel '{key}' staat twee keer"
                            + (f" onder '{under}'" if under else "")
                            + f": op regel {written[(key_node.tag, key)]} en op regel {key_line}. Alleen de "
                            "laatste zou tellen. Haal er één weg, of voeg ze samen.",
                            file,
                            key_line,
                            where,
                        )
                    )
                else:
                    written[(key_node.tag, key)] = key_line
            lines[path + (key,)] = key_line
            _index_lines(value_node, path + (key,), lines, first_line, file, problems, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(item, path + (i,), lines, first_line, file, problems, seen)


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
