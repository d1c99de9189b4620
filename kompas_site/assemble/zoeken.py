"""Search without weight on every page: a search page that fetches its index only when the reader
searches there. The index lists each page's title, where it is, and its text (markup removed)."""

from __future__ import annotations

import json
import posixpath

from kompas_site.cache import memo
from kompas_site.markdown import plain_text
from kompas_site.model import FIGURE_BLOCK, READERS_LIST, STORIES_DIR, STORY_CARD, Page, Report
from kompas_site.paths import output_path

PAGE = "zoeken.md"
TITLE = "Zoeken"
INDEX = "zoeken/index.json"  # written next to the search page
MAX_TEXT = 4000  # characters of text per page in the index: enough to find a page by its content


def search_index(report: Report, outputs: dict[str, str], generated: list[tuple[str, str, str]]) -> str:
    """JSON for the search page. ``generated``: (source, title, markdown) of the generated pages."""
    here = posixpath.dirname(output_path(PAGE))
    entries: list[str] = []
    stories = {s.path.removeprefix(f"{STORIES_DIR}/").removesuffix(".md"): s.title for s in report.stories}
    figures = {name: figures.titel for name, figures in report.cijfers.items()}

    def add(source: str, title: str, markdown: str, easy: bool) -> None:
        target = posixpath.dirname(outputs.get(source) or output_path(source))
        link = _relative(target or ".", here) + "/"
        entries.append(_entry(title, link, easy, plain_text(_without_markers(markdown, stories, figures))[:MAX_TEXT]))

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


def _without_markers(markdown: str, stories: dict[str, str], figures: dict[str, str]) -> str:
    """The text with its block lines (``[[verhaal: ...]]``, ``[[cijfers: ...]]``, ``[[meegelezen]]``) as a reader
    finds them: a story card and a figure block by their title, the list of readers by nothing (its pages have
    their own entries). A name that is not known is left out: the checker reports it."""
    if "[[" not in markdown:
        return markdown
    markdown = STORY_CARD.sub(lambda m: stories.get(m.group("naam"), ""), markdown)
    markdown = FIGURE_BLOCK.sub(lambda m: figures.get(m.group("naam"), ""), markdown)
    return READERS_LIST.sub("", markdown)


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
