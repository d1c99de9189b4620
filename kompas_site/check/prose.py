"""How much real prose a page has, and whether placeholder text is still in it.

Headings, front matter, code, HTML, table cells and image descriptions are not prose. Placeholders are
`TODO`, `Lorem ipsum`, `[invullen]`, a paragraph that is only `...`, and the scaffold's own
guidance text (the ``handreiking`` of a profile element) left unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kompas_site.cache import memo
from kompas_site.markdown import tokens as markdown_tokens

MIN_WORDS = 50

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_MARKERS = (
    (re.compile(r"\bTODO\b"), "TODO"),
    (re.compile(r"lorem\s+ipsum", re.IGNORECASE), "Lorem ipsum"),
    (re.compile(r"\[\s*invullen\s*\]", re.IGNORECASE), "[invullen]"),
)
_ELLIPSIS = re.compile(r"^\s*(\.{3,}|…)\s*$")


@dataclass(frozen=True)
class Placeholder:
    text: str  # what was found, as the author wrote it
    line: int  # line in the file


@dataclass(frozen=True)
class Prose:
    words: int = 0
    placeholders: tuple[Placeholder, ...] = ()

    @property
    def filled(self) -> bool:
        return self.words >= MIN_WORDS and not self.placeholders


def normalise(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def measure(body: str, body_line: int = 1, guidance: Iterable[str] = ()) -> Prose:
    return _measure(body, body_line, tuple(guidance))


@memo
def _normalised(guidance: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(g for g in (normalise(t) for t in guidance) if g)


@memo
def _measure(body: str, body_line: int, guidance: tuple[str, ...]) -> Prose:
    guidance_texts = _normalised(guidance)
    words = 0
    placeholders: list[Placeholder] = []
    in_heading = in_table = False
    for token in markdown_tokens(body):
        if token.type in ("heading_open", "heading_close"):
            in_heading = token.type == "heading_open"
        elif token.type in ("table_open", "table_close"):
            in_table = token.type == "table_open"
        elif token.type == "inline" and not in_heading:
            line = body_line + (token.map[0] if token.map else 0)
            if not in_table:  # a table of scores is not yet a written-up part: its cells are not prose
                text = " ".join(child.content for child in token.children or () if child.type == "text")
                words += len(_WORD.findall(text))
            raw = token.content
            for pattern, label in _MARKERS:
                if pattern.search(raw):
                    placeholders.append(Placeholder(label, line))
            if _ELLIPSIS.match(raw):
                placeholders.append(Placeholder(raw.strip(), line))
            norm = normalise(raw)
            if norm and any(g in norm or (len(norm) >= 40 and norm in g) for g in guidance_texts):
                placeholders.append(Placeholder("de handreiking uit het sjabloon", line))
    return Prose(words, tuple(placeholders))
