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
    """The words of a Markdown text as a reader sees them, markup removed, on one line (for search). Blocks of
    HTML (a goal's block, a story card, a figure block) count with their text: tags removed, entities read,
    the Markdown inside them (``markdown`` blocks) read as Markdown; scripts, styles and drawings do not."""
    parts = []
    for token in tokens(text):
        if token.type == "inline":
            parts.append("".join(_INLINE_TEXT.get(c.type, c.content) for c in token.children or () if c.type in _READ))
        elif token.type == "html_block":
            parts.append(plain_text(_html_as_markdown(token.content)))
    return " ".join(_ATTRIBUTE_LIST.sub(" ", " ".join(parts)).split())


# Inline tokens a reader reads: text (``text_special`` is an entity or an escaped character: '&amp;' is '&'),
# code, and line breaks as spaces. Anything else (links' and emphasis' opening and closing) says nothing itself.
_INLINE_TEXT = {"softbreak": " ", "hardbreak": " "}
_READ = {"text", "text_special", "code_inline", "softbreak", "hardbreak"}


# An attribute list after a heading or a link ("## Titel { #anker }"): markup, not words.
_ATTRIBUTE_LIST = re.compile(r"\{\s*[#.:][^{}]*\}")
# HTML that holds no words for a reader: comments, scripts, styles, and drawings (a chart's words are in
# its table).
_SILENT_HTML = re.compile(r"<!--.*?(?:-->|$)|<(script|style|svg)\b.*?(?:</\1\s*>|$)", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^>]*>|<![^>]*>|<\?[^>]*>")
# Tags inside a line of text: removed without a break ('<em>niet</em>.' is 'niet.').
_INLINE_ELEMENTS = "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var wbr"
_INLINE_TAG = re.compile(rf"</?(?:{'|'.join(_INLINE_ELEMENTS.split())})\b[^>]*>", re.IGNORECASE)


def _html_as_markdown(html: str) -> str:
    """A block of HTML as Markdown without HTML: tags of blocks become line ends (a paragraph or a cell ends
    there), tags inside a line go, a left-over '<' becomes '&lt;' (so it is read as a character and never as
    HTML again), and no line is indented (an indented line would be read as code)."""
    text = _TAG.sub("\n", _INLINE_TAG.sub("", _SILENT_HTML.sub("\n", html))).replace("<", "&lt;")
    return "\n".join(line.strip() for line in text.split("\n"))


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


# A link or image destination written with spaces, as Windows users name files: "](../media/teamdag (2).jpg)".
# CommonMark reads no link there, a lenient renderer does; wrapped in <...> both read the same link.
_CODE_SPAN = re.compile(r"(`+).*?(?<!`)\1(?!`)")
_FILE_END = re.compile(r"(?:\.[A-Za-z0-9]{1,8}|/)(?:#[^\s#]*)?$")
_TITLE_PART = re.compile(r"""\s(?:"[^"]*"|'[^']*')$""")


def angle_spaced_destinations(text: str) -> str:
    """``text`` with each link or image destination that holds spaces and ends like a file (``.ext`` or ``/``)
    written as ``<destination>``, so that CommonMark and Python-Markdown both read the link. A destination with
    a title part (``"..."``) or already in ``<...>`` is left alone, and so is code (spans and blocks). Only
    characters within a line are added: every line keeps its number."""
    if "](" not in text:
        return text
    lines = text.split("\n")
    code: set[int] = set()
    for token in tokens(text):
        if token.type in ("code_block", "fence", "html_block") and token.map:
            code.update(range(*token.map))
    for number, line in enumerate(lines):
        if "](" in line and number not in code:
            lines[number] = _angle_line(line)
    return "\n".join(lines)


def _angle_line(line: str) -> str:
    spans = [(m.start(), m.end()) for m in _CODE_SPAN.finditer(line)]
    out: list[str] = []
    at = 0
    search = 0
    while (found := line.find("](", search)) >= 0:
        start = found + 2
        search = start
        if any(s <= found < e for s, e in spans):
            continue
        end = _closing(line, start)
        if end is None:
            continue
        inner = line[start:end]
        dest = inner.strip()
        if (
            dest
            and any(c.isspace() for c in dest)
            and not dest.startswith("<")
            and "<" not in dest
            and ">" not in dest
            and not _TITLE_PART.search(dest)
            and _FILE_END.search(dest)
        ):
            lead = inner[: len(inner) - len(inner.lstrip())]
            trail = inner[len(inner.rstrip()) :]
            out.append(line[at:start] + f"{lead}<{dest}>{trail}")
            at = end
        search = end
    out.append(line[at:])
    return "".join(out)


def _closing(line: str, start: int) -> int | None:
    """The position of the ')' that closes a destination starting at ``start`` (parentheses inside balanced)."""
    depth = 0
    i = start
    while i < len(line):
        char = line[i]
        if char == "\\":
            i += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return None
