"""One Markdown parser for every reader of the authors' text (checker rules, readability,
woordenlijst, easy-read rows, search): CommonMark with tables, token streams with source line maps.

Parsed tokens are kept per text, so the rules that read the same page share one parse.
Consumers only read the tokens; none may change them. Tokens take about ten times the memory of
their text, so only the last PARSES texts keep theirs; what a reader needs from a page it keeps
itself, per text (``kompas_site.cache.memo``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from kompas_site.cache import memo

PARSES = 2048


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


@lru_cache(maxsize=PARSES)
def tokens(text: str) -> tuple[Token, ...]:
    return tuple(parser().parse(text))


@memo
def plain_text(text: str) -> str:
    """The words of a Markdown text as a reader sees them, markup removed, on one line (for search)."""
    parts = []
    for token in tokens(text):
        if token.type == "inline":
            parts.append(" ".join(c.content for c in token.children or () if c.type in ("text", "code_inline")))
    return " ".join(_ATTRIBUTE_LIST.sub(" ", " ".join(parts)).split())


# An attribute list after a heading or a link ("## Titel { #anker }"): markup, not words.
_ATTRIBUTE_LIST = re.compile(r"\{\s*[#.:][^{}]*\}")


def line_of(lines: list[str], token: Token, needle: str) -> int:
    """The line of a block token (0-based, in ``lines``, its text split on newlines) where ``needle``
    is written: the first line of the block that holds it, else the block's first line."""
    assert token.map is not None, "a block token knows its lines"
    start, end = token.map
    return next((n for n in range(start, end) if needle in lines[n]), start)


def first_heading(text: str) -> str | None:
    """The text of the first level-1 heading (``# Titel`` or underlined with ``===``); a ``#`` line in a
    code block is code, not a heading."""
    found = tokens(text)
    for i, token in enumerate(found):
        if token.type == "heading_open" and token.tag == "h1" and i + 1 < len(found):
            return found[i + 1].content.strip() or None
    return None
