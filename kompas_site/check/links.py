"""Rule: a link from one page to another points at a page that exists."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urlparse

from kompas_site.cache import memo
from kompas_site.check.findings import WAARSCHUWING, Finding
from kompas_site.markdown import line_of
from kompas_site.markdown import tokens as markdown_tokens
from kompas_site.model import Report
from kompas_site.spelling import did_you_mean_path


@memo
def links_in(body: str) -> tuple[tuple[str, int], ...]:
    """Each link of a page's Markdown with the line it is on (the first line of its paragraph that
    mentions it), counted from 0 at the body's first line."""
    found = []
    lines = body.split("\n")
    for token in markdown_tokens(body):
        if token.type != "inline" or not token.children or not token.map:
            continue
        for child in token.children:
            if child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                found.append((href, line_of(lines, token, href)))
    return tuple(found)


def check_links(report: Report) -> Iterator[Finding]:
    pages = report.all_pages
    known = {p.path for p in pages}
    suggestions: dict[tuple[str, str], str] = {}  # one search per missing page, however often linked
    for page in pages:
        for href, line, target in _page_links(page.folder, page.body):
            if target in known:
                continue
            if (target, page.folder) not in suggestions:
                suggestions[target, page.folder] = did_you_mean_path(target, known, page.folder)
            suggestion = suggestions[target, page.folder]
            yield Finding(
                "link-kapot",
                WAARSCHUWING,
                f"De link naar '{href}' gaat naar een pagina die niet bestaat.{suggestion} Een link naar een "
                "andere pagina schrijft u met het pad vanaf deze pagina, zoals [tekst](../map/pagina.md).",
                file=page.path,
                line=page.body_line + line,
            )


@memo
def _page_links(folder: str, body: str) -> tuple[tuple[str, int, str], ...]:
    """The links to other pages in a page's Markdown: (href, line counted from 0 at the body's first
    line, the page it points at as a path from the content folder). ``folder``: the page's folder."""
    found = []
    for href, line in links_in(body):
        url = urlparse(href)
        if url.scheme or url.netloc or not url.path or url.path.startswith("/"):
            continue
        path = unquote(url.path)
        if not path.endswith(".md"):
            continue
        found.append((href, line, posixpath.normpath(posixpath.join(folder, path))))
    return tuple(found)
