"""Search without weight on every page: a search page that fetches its index only when the reader
searches there. The index lists each page's title, where it is, and its text (markup removed)."""

from __future__ import annotations

import json
import posixpath

from kompas_site.cache import memo
from kompas_site.markdown import plain_text
from kompas_site.model import Page, Report
from kompas_site.paths import output_path

PAGE = "zoeken.md"
TITLE = "Zoeken"
INDEX = "zoeken/index.json"  # written next to the search page
MAX_TEXT = 4000  # characters of text per page in the index: enough to find a page by its content


def search_index(report: Report, outputs: dict[str, str], generated: list[tuple[str, str, str]]) -> str:
    """JSON for the search page. ``generated``: (source, title, markdown) of the generated pages."""
    here = posixpath.dirname(output_path(PAGE))
    entries: list[str] = []

    def add(source: str, title: str, markdown: str, easy: bool) -> None:
        target = posixpath.dirname(outputs.get(source) or output_path(source))
        link = _relative(target or ".", here) + "/"
        entries.append(_entry(title, link, easy, plain_text(markdown)[:MAX_TEXT]))

    def add_page(page: Page) -> None:
        add(page.path, page.title, page.body, False)
        if page.twin:
            add(page.twin.path, page.twin.title, page.twin.body, True)

    for page in report.pages:
        add_page(page)
    for source, title, markdown in generated:
        if source != PAGE:
            add(source, title, markdown, source.startswith("begrijpelijk/"))
    return "[" + ",".join(entries) + "]"


@memo
def _entry(title: str, link: str, easy: bool, text: str) -> str:
    """One page in the index, as JSON."""
    return json.dumps({"t": title, "u": link, "b": easy, "x": text}, ensure_ascii=False, separators=(",", ":"))


def _relative(path: str, start: str) -> str:
    """``posixpath.relpath`` for two paths inside the site, without asking the system for the current
    folder (relpath does, twice per call)."""
    if path.startswith("/") or start.startswith("/") or ".." in path.split("/") or ".." in start.split("/"):
        return posixpath.relpath(path, start)
    to = [part for part in path.split("/") if part not in ("", ".")]
    base = [part for part in start.split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."
