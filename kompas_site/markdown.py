"""One Markdown parser for every reader of the authors' text (checker rules, readability,
woordenlijst, easy-read rows): CommonMark with tables, token streams with source line maps.

Parsed tokens are kept per text, so the rules that read the same page share one parse.
Consumers only read the tokens; none may change them.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


@lru_cache(maxsize=2048)
def tokens(text: str) -> tuple[Token, ...]:
    return tuple(parser().parse(text))
