"""The easy-read version: twins with their hard words explained, their own menu, a glossary."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kompas_site.assemble.navigation import NavItem
from kompas_site.assemble.site import GeneratedPage
from kompas_site.assemble.templates import render
from kompas_site.cache import memo
from kompas_site.easyread.woordenlijst import Term, explain_terms, glossary
from kompas_site.markdown import tokens as markdown_tokens
from kompas_site.model import Report

GLOSSARY = "begrijpelijk/woordenlijst.md"
GLOSSARY_TITLE = "Moeilijke woorden"


@dataclass
class EasyRead:
    home: str | None = None  # source path of the easy-read home page
    twins: set[str] = field(default_factory=set)
    pages: set[str] = field(default_factory=set)  # twins and the glossary: the easy-read layout
    nav: list[NavItem] = field(default_factory=list)
    generated: list[GeneratedPage] = field(default_factory=list)
    markdown: dict[str, str] = field(default_factory=dict)


def easy_read_version(report: Report) -> EasyRead:
    twins = report.twins
    if not twins:
        return EasyRead()
    terms = tuple(glossary(report.woordenlijst, report.woordenlijst_vormen, report.settings.woorden))
    easy = EasyRead(
        home=report.home.twin.path if report.home and report.home.twin else None,
        twins={t.path for t in twins},
    )
    used: set[str] = set()
    for twin in twins:
        easy.markdown[twin.path] = _easy_markdown(twin.body, terms)
        used.update(_terms_used(twin.title, twin.body, terms))
    # The glossary page lists the words the easy-read pages use (in a title too): not the whole built-in list.
    listed = [t for t in terms if t.term in used]
    easy.generated.append(
        GeneratedPage(GLOSSARY, GLOSSARY_TITLE, render("woordenlijst.md", terms=listed, titel=GLOSSARY_TITLE))
    )
    easy.pages = easy.twins | {GLOSSARY}
    easy.nav = [NavItem(t.title, t.path) for t in twins] + [NavItem(GLOSSARY_TITLE, GLOSSARY)]
    return easy


@memo
def _easy_markdown(body: str, terms: tuple[Term, ...]) -> str:
    """A twin as the site shows it: one sentence per line where the author wrote it so, hard words explained,
    pictures beside their sentences. The site, ``kompas print`` and ``kompas export`` all show this text; the
    checker reads the author's own."""
    explained, _ = explain_terms(sentence_lines(body), list(terms))
    return picture_rows(explained)


@memo
def _terms_used(title: str, body: str, terms: tuple[Term, ...]) -> tuple[str, ...]:
    """The glossary words a page's title or text uses, in any of their forms."""
    return tuple(t.term for t in terms if t.pattern.search(title) or t.pattern.search(body))


# "Picture beside one or two sentences", the classic easy-read row, written without HTML: an image
# with the text straight under it, in the same paragraph (no empty line between them).
_ROW = re.compile(r"^(?P<beeld>!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?)[ \t]*\n(?P<tekst>(?:[^\n]+\n?)+)$")


def picture_rows(markdown: str) -> str:
    lines = markdown.split("\n")
    rows = []
    for token in markdown_tokens(markdown):
        if token.type == "paragraph_open" and token.level == 0 and token.map:
            start, end = token.map
            match = _ROW.match("\n".join(lines[start:end]))
            if match:
                rows.append((start, end, match))
    for start, end, match in reversed(rows):
        lines[start:end] = [
            '<div class="kompas-rij" markdown>',
            '<div class="kompas-rij__beeld" markdown>',
            "",
            match.group("beeld"),
            "",
            "</div>",
            '<div class="kompas-rij__tekst" markdown>',
            "",
            match.group("tekst").rstrip("\n"),
            "",
            "</div>",
            "</div>",
        ]
    return "\n".join(lines)


# "One sentence per line", as easy-read writers write: a line of a paragraph that ends a sentence (with . ! ? or
# :, maybe followed by a closing quote or bracket) ends with a line break, so the next sentence starts on a
# line of its own. A line that does not end a sentence (hard-wrapped prose) keeps flowing into the next.
BREAK = "<br>"
_SENTENCE_END = re.compile(r"[.!?:][\"'\u201d\u2019\u00bb)\]]*\s*$")
_NOT_PROSE = re.compile(r"^[ \t]*(?:!!!|\?\?\?|\*\[|\[\^|\{:|\|)")  # admonitions, abbreviations, footnotes, attrs


def sentence_lines(markdown: str) -> str:
    """``markdown`` with a ``<br>`` after each line that ends a sentence inside a paragraph (quotes too); never
    in code blocks, tables, lists, headings or HTML blocks, never after a paragraph's last line, and never
    where the line ends inside inline code or HTML."""
    lines = markdown.split("\n")
    breaks: list[int] = []
    found = markdown_tokens(markdown)
    lists = 0  # inside a list: its items are already lines
    for i, token in enumerate(found):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif token.type == "paragraph_open" and not lists and token.map and not _NOT_PROSE.match(lines[token.map[0]]):
            breaks += _sentence_breaks(found[i + 1].children or [], *token.map)
    for n in breaks:
        line = lines[n]
        lines[n] = line.rstrip("\r \t") + BREAK + ("\r" if line.endswith("\r") else "")
    return "\n".join(lines)


def _sentence_breaks(children, start: int, end: int) -> list[int]:
    """The lines (of the whole text) of one paragraph after which a sentence ends. When some line ends inside
    inline code or HTML (fewer line ends than lines), the paragraph is left as it is."""
    ends = [i for i, child in enumerate(children) if child.type in ("softbreak", "hardbreak")]
    if len(ends) != end - start - 1:
        return []
    found = []
    for line, at in zip(range(start, end - 1), ends, strict=True):
        if children[at].type != "softbreak":
            continue
        before = at - 1
        while before >= 0 and children[before].type in ("strong_close", "em_close", "link_close", "s_close"):
            before -= 1
        if before >= 0 and children[before].type == "text" and _SENTENCE_END.search(children[before].content):
            found.append(line)
    return found
