"""Search without weight on every page: a search page that fetches its index only when the reader
searches there. The index lists each page's title, where it is, and its text (markup removed)."""

from __future__ import annotations

import json
import posixpath

from kompas_site.assemble.paths import output_path
from kompas_site.markdown import tokens
from kompas_site.model import Page, Report

PAGE = "zoeken.md"
TITLE = "Zoeken"
INDEX = "zoeken/index.json"  # written next to the search page
MAX_TEXT = 4000  # characters of text per page in the index: enough to find a page by its content


def plain_text(markdown: str) -> str:
    parts = []
    for token in tokens(markdown):
        if token.type == "inline":
            parts.append(" ".join(c.content for c in token.children or () if c.type in ("text", "code_inline")))
    return " ".join(" ".join(parts).split())


def search_index(report: Report, outputs: dict[str, str], generated: list[tuple[str, str, str]]) -> str:
    """JSON for the search page. ``generated``: (source, title, markdown) of the generated pages."""
    here = posixpath.dirname(output_path(PAGE))
    entries = []

    def add(source: str, title: str, markdown: str, easy: bool) -> None:
        target = posixpath.dirname(outputs.get(source) or output_path(source))
        link = posixpath.relpath(target or ".", here) + "/"
        entries.append({"t": title, "u": link, "b": easy, "x": plain_text(markdown)[:MAX_TEXT]})

    def add_page(page: Page) -> None:
        add(page.path, page.title, page.body, False)
        if page.twin:
            add(page.twin.path, page.twin.title, page.twin.body, True)

    for page in report.pages:
        add_page(page)
    for source, title, markdown in generated:
        if source != PAGE:
            add(source, title, markdown, source.startswith("begrijpelijk/"))
    return json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
