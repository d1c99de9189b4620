"""The writing aid: what the checker knows about an easy-read page, shown in place in the preview.

Only ``kompas serve`` and ``mkdocs serve`` show it (``pipeline.run(preview=True)``); a published build, and
a concept build too, never does. In the page's HTML:

- each hard sentence is a ``<mark class="kompas-zin">`` with ``data-kompas-hint`` (its reason in plain
  Dutch: te lang, lange woorden, lijdende vorm, moeilijke woorden zonder uitleg), reachable with Tab
  (``tabindex="0"``) and described by a visible note right after it (``aria-describedby``): keyboard and
  screen-reader users get the reason, and nothing is said by colour alone;
- each hard word that the woordenlijst does not explain is a ``<mark class="kompas-woord">`` (underlined)
  whose hint suggests adding it to ``woordenlijst.yml``;
- a summary box under the title: words per sentence, hard sentences, hard words without explanation, and
  the verdict of the checker on the page as a whole ("Makkelijk genoeg" or "Nog niet makkelijk genoeg: …").

Finding a sentence of the Markdown in the HTML: only text in paragraphs, list items and quotes counts (never
a tag, an attribute such as a link's address, a heading, a table, code, or the woordenlijst's notes), and the
two are compared by their words only (letters and digits, lower case, each run of anything else one space),
block by block, in reading order. A sentence that runs across inline markup (a link, bold) is marked in its
parts, one ``<mark>`` per piece of text; the note follows the part where it ends, outside any link. A hard
sentence that cannot be found (a web address in it, markup the site adds) is listed in the summary instead.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from kompas_site.dutch import getal, opsomming
from kompas_site.easyread.readability import (
    LANGE_WOORDEN,
    LIJDENDE_VORM,
    MAX_WORDS_PER_SENTENCE,
    TE_LANG,
    Readability,
    Sentence,
    analyse,
    known_words,
    kort,
    short_word,
)
from kompas_site.easyread.woordenlijst import Term, glossary
from kompas_site.model import Report

# Comments, and tags whose attribute values may hold '>' (always quoted after the sanitiser).
_TAG = re.compile(r"<!--.*?-->|<[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>", re.DOTALL)
_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
_BLOCKS = frozenset({"p", "li", "blockquote", "dd", "dt"})
_SKIP = frozenset(
    {"script", "style", "code", "pre", "kbd", "samp", "table", "figcaption", "svg", "math", "nav", "button"}
    | {"textarea", "select", "template", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_INLINE = frozenset(
    {"a", "abbr", "b", "strong", "em", "i", "span", "mark", "small", "sub", "sup", "u", "s", "q", "cite", "dfn"}
    | {"time", "ins", "del", "label", "bdi", "bdo", "data", "var"}
)
_NOTE_CLASS = re.compile(r"""class\s*=\s*["'][^"']*\bkompas-uitleg\b""")
_TRAILING = frozenset(".!?…:;\"'”’»)")
_SEPARATOR = "\x00"
_FIRST_H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)

BOX_ID = "kompas-schrijfhulp"
HINT_ID = "kompas-hint-{}"
WORD_HINT = "moeilijk woord zonder uitleg: zet het met een korte uitleg in woordenlijst.yml, of kies een gewoner woord"


@dataclass
class Hint:
    """One hard sentence: what to say about it, and where it was found."""

    number: int
    sentence: Sentence
    reason: str
    words: tuple[str, ...]  # hard words in it that the woordenlijst does not explain
    found: bool = False

    @property
    def note(self) -> str:
        text = f"Moeilijke zin ({self.reason})."
        if self.words:
            text += " Zet een moeilijk woord met een korte uitleg in woordenlijst.yml, of kies een gewoner woord."
        return text


@dataclass
class _Node:
    raw: str  # as it stands in the HTML
    text: str  # as a reader sees it (entities decoded)
    eligible: bool
    parts: list[tuple[int, int, Hint, bool, bool]] = field(default_factory=list)  # (start, end, hint, first, last)


def hints(readability: Readability, terms: tuple[Term, ...]) -> list[Hint]:
    """The hard sentences of a page, with their reasons in plain Dutch. A rare word the woordenlijst explains
    is not hard (the reader gets its explanation); a sentence hard only because of such words is not marked."""
    explained = [t.pattern for t in terms]
    found: list[Hint] = []
    for sentence in readability.sentences:
        words = tuple(w for w in sentence.rare_words if not any(p.search(w) for p in explained))
        reasons = []
        if TE_LANG in sentence.reasons:
            reasons.append(f"te lang: {sentence.words} woorden")
        if LANGE_WOORDEN in sentence.reasons:
            reasons.append(f"lange woorden: {opsomming(map(short_word, sentence.long_words))}")
        if LIJDENDE_VORM in sentence.reasons:
            reasons.append(f"lijdende vorm: '{sentence.passive}'")
        if words:
            label = "moeilijk woord zonder uitleg" if len(words) == 1 else "moeilijke woorden zonder uitleg"
            reasons.append(f"{label}: {opsomming(map(short_word, words))}")
        if reasons:
            found.append(Hint(len(found) + 1, sentence, "; ".join(reasons), words))
    return found


def page_writing_aid(report: Report, source: str, page_html: str) -> str:
    """The writing aid on the page of ``source``, when it is an easy-read page an author wrote."""
    twin = next((t for t in report.twins if t.path == source), None)
    if twin is None:
        return page_html
    terms = tuple(glossary(report.woordenlijst, report.woordenlijst_vormen))
    known = known_words(report.settings.organisatie.naam)  # as the checker: the organisation's name is not hard
    return writing_aid(page_html, twin.body, twin.body_line, terms, known)


def writing_aid(page_html: str, body: str, body_line: int, terms: tuple[Term, ...], known: frozenset[str]) -> str:
    """``page_html`` (an easy-read page as the engine made it from ``body``) with the marks and the summary."""
    readability = analyse(body, body_line, known)
    found = hints(readability, terms)
    marked = mark_sentences(page_html, found)
    return _with_box(marked, summary_box(readability, found))


def mark_sentences(page_html: str, found: list[Hint]) -> str:
    """Mark each hint's sentence where it is in ``page_html``; sets ``Hint.found``."""
    tokens = _tokens(page_html)
    nodes = [t for t in tokens if isinstance(t, _Node)]
    stream, where = _stream(tokens)
    cursor = 0
    for hint in found:
        key = _normalise(hint.sentence.text)
        if not key:
            continue
        at = _find(stream, key, cursor)
        if at < 0:
            continue
        hint.found = True
        cursor = at + len(key)
        (first_node, start), (last_node, last) = where[at], where[cursor - 1]
        end = last + 1
        text = nodes[last_node].text
        while end < len(text) and text[end] in _TRAILING:
            end += 1
        pieces = []
        for index in range(first_node, last_node + 1):
            node = nodes[index]
            if not node.eligible:
                continue
            a = start if index == first_node else 0
            b = end if index == last_node else len(node.text)
            if node.text[a:b].strip():
                pieces.append((index, a, b))
        for n, (index, a, b) in enumerate(pieces):
            nodes[index].parts.append((a, b, hint, n == 0, n == len(pieces) - 1))
    return _emit(tokens)


def summary_box(readability: Readability, found: list[Hint]) -> str:
    problems = readability.problems()
    if problems:
        verdict = (
            '<p class="kompas-schrijfhulp__oordeel kompas-schrijfhulp__oordeel--niet">'
            f"<strong>Nog niet makkelijk genoeg:</strong> {html.escape('; '.join(problems))}.</p>"
        )
    else:
        verdict = (
            '<p class="kompas-schrijfhulp__oordeel kompas-schrijfhulp__oordeel--goed"><strong>Makkelijk genoeg.'
            "</strong></p>"
        )
    words = list(dict.fromkeys(w for h in found for w in h.words))
    items = [
        f"Gemiddeld {getal(readability.words_per_sentence, 1)} woorden per zin "
        f"(makkelijk lezen: hoogstens {getal(MAX_WORDS_PER_SENTENCE)}).",
        f"Moeilijke zinnen: {getal(len(found))}."
        + (" Ze staan gemarkeerd in de tekst, met de reden erachter. Met Tab ga je van zin naar zin." if found else ""),
        f"Moeilijke woorden zonder uitleg: {getal(len(words))}."
        + (
            f" Dat zijn: {opsomming(map(short_word, words))}. Zet ze met een korte uitleg in woordenlijst.yml, of "
            "kies gewonere woorden."
            if words
            else ""
        ),
    ]
    lost = [h for h in found if not h.found]
    if lost:
        items.append(
            "Niet in de tekst aan te wijzen: "
            + "; ".join(f"regel {h.sentence.line} (“{kort(h.sentence.text)}”: {h.reason})" for h in lost)
            + "."
        )
    listed = "".join(f"<li>{html.escape(item, quote=False)}</li>" for item in items)
    return (
        f'<div class="kompas-schrijfhulp" role="note" aria-labelledby="{BOX_ID}">'
        f'<p class="kompas-schrijfhulp__kop" id="{BOX_ID}"><strong>Schrijfhulp</strong> '
        "(alleen in het voorbeeld, niet op de gepubliceerde site)</p>"
        f"{verdict}<ul>{listed}</ul></div>"
    )


def _with_box(page_html: str, box: str) -> str:
    heading = _FIRST_H1_END.search(page_html)
    if heading is None:
        return box + page_html
    return page_html[: heading.end()] + box + page_html[heading.end() :]


# -- reading the HTML -------------------------------------------------------------------------------------


@dataclass
class _Tag:
    raw: str
    name: str
    closing: bool
    block: bool  # opens or closes a paragraph, list item or quote


def _tokens(page_html: str) -> list[_Tag | _Node]:
    tokens: list[_Tag | _Node] = []
    skip = 0
    blocks = 0
    in_note = False
    position = 0

    def text(raw: str) -> None:
        if raw:
            tokens.append(_Node(raw, html.unescape(raw), eligible=not skip and not in_note and blocks > 0))

    for match in _TAG.finditer(page_html):
        text(page_html[position : match.start()])
        position = match.end()
        raw = match.group(0)
        name_match = _NAME.match(raw)
        if name_match is None:  # a comment or a doctype
            tokens.append(_Tag(raw, "", False, False))
            continue
        closing, name = name_match.group(1) == "/", name_match.group(2).lower()
        self_closing = raw.endswith("/>") or name in _VOID
        if name in _SKIP and not self_closing:
            skip = max(0, skip + (-1 if closing else 1))
        block = name in _BLOCKS and not self_closing
        if block:
            blocks = max(0, blocks + (-1 if closing else 1))
            if name == "p":
                in_note = not closing and bool(_NOTE_CLASS.search(raw))
        tokens.append(_Tag(raw, name, closing, block))
    text(page_html[position:])
    return tokens


def _stream(tokens: list[_Tag | _Node]) -> tuple[str, list[tuple[int, int]]]:
    """The words of the eligible text, normalised like ``_normalise``, and where each character came from.
    Blocks are separated by a character no sentence contains, so a match never runs from one into the next."""
    chars: list[str] = []
    where: list[tuple[int, int]] = []
    index = -1
    for token in tokens:
        if isinstance(token, _Tag):
            if token.block and chars and chars[-1] != _SEPARATOR:
                chars.append(_SEPARATOR)
                where.append((-1, -1))
            continue
        index += 1
        if not token.eligible:
            continue
        for offset, char in enumerate(token.text):
            if char.isalnum():
                chars.append(_fold(char))
                where.append((index, offset))
            elif chars and chars[-1] not in (" ", _SEPARATOR):
                chars.append(" ")
                where.append((index, offset))
    return "".join(chars), where


def _fold(char: str) -> str:
    lower = char.lower()
    return lower if len(lower) == 1 else char


def _normalise(text: str) -> str:
    out: list[str] = []
    for char in text:
        if char.isalnum():
            out.append(_fold(char))
        elif out and out[-1] != " ":
            out.append(" ")
    return "".join(out).strip()


def _find(stream: str, key: str, start: int) -> int:
    """The first place from ``start`` where ``key`` stands as whole words."""
    at = stream.find(key, start)
    while at >= 0:
        before = stream[at - 1] if at else " "
        after = stream[at + len(key)] if at + len(key) < len(stream) else " "
        if not before.isalnum() and not after.isalnum():
            return at
        at = stream.find(key, at + 1)
    return -1


# -- writing it out ---------------------------------------------------------------------------------------


def _emit(tokens: list[_Tag | _Node]) -> str:
    out: list[str] = []
    stack: list[str] = []
    pending: list[Hint] = []
    words_done: set[tuple[int, str]] = set()

    def flush() -> None:
        if pending and (not stack or stack[-1] not in _INLINE):
            for hint in pending:
                out.append(
                    f'<span class="kompas-hint" id="{HINT_ID.format(hint.number)}">{html.escape(hint.note)}</span>'
                )
            pending.clear()

    for token in tokens:
        if isinstance(token, _Tag):
            if token.block:
                flush()
            out.append(token.raw)
            if token.name and token.name not in _VOID and not token.raw.endswith("/>"):
                if token.closing:
                    if token.name in stack:
                        while stack and stack.pop() != token.name:
                            pass
                else:
                    stack.append(token.name)
            flush()
            continue
        out.append(_node_html(token, words_done))
        pending.extend(hint for _a, _b, hint, _first, last in token.parts if last)
        flush()
    stack.clear()
    flush()
    return "".join(out)


def _node_html(node: _Node, words_done: set[tuple[int, str]]) -> str:
    text = node.text
    if not node.parts:
        return node.raw
    out = []
    position = 0
    for a, b, hint, first, _last in sorted(node.parts, key=lambda part: part[0]):
        out.append(_escape(text[position:a]))
        reason = html.escape(hint.reason, quote=True)
        focus = f' tabindex="0" aria-describedby="{HINT_ID.format(hint.number)}"' if first else ""
        out.append(f'<mark class="kompas-zin" data-kompas-hint="{reason}"{focus}>')
        out.append(_with_words(text[a:b], hint, words_done))
        out.append("</mark>")
        position = b
    out.append(_escape(text[position:]))
    return "".join(out)


def _with_words(text: str, hint: Hint, words_done: set[tuple[int, str]]) -> str:
    spans = []
    for word in hint.words:
        if (hint.number, word) in words_done:
            continue
        match = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
        if match:
            words_done.add((hint.number, word))
            spans.append(match.span())
    if not spans:
        return _escape(text)
    out = []
    position = 0
    for a, b in sorted(spans):
        if a < position:
            continue
        out.append(_escape(text[position:a]))
        out.append(
            f'<mark class="kompas-woord" data-kompas-hint="{html.escape(WORD_HINT)}">{_escape(text[a:b])}</mark>'
        )
        position = b
    out.append(_escape(text[position:]))
    return "".join(out)


def _escape(text: str) -> str:
    return html.escape(text, quote=False)
