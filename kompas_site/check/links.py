"""Rule: a link from one page to another points at a page that exists."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urlparse

from kompas_site.check.findings import WAARSCHUWING, Finding
from kompas_site.markdown import tokens as markdown_tokens
from kompas_site.model import Page, Report
from kompas_site.spelling import did_you_mean_path


def _links(page: Page) -> Iterator[tuple[str, int]]:
    """Each link with the line it is on (the first line of its paragraph that mentions it)."""
    lines = page.body.split("\n")
    for token in markdown_tokens(page.body):
        if token.type != "inline" or not token.children or not token.map:
            continue
        start, end = token.map
        for child in token.children:
            if child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                found = next((n for n in range(start, end) if href in lines[n]), start)
                yield href, page.body_line + found


def check_links(report: Report) -> Iterator[Finding]:
    pages = [p for p in report.pages] + [p.twin for p in report.pages if p.twin] + list(report.orphan_twins)
    known = {p.path for p in pages}
    for page in pages:
        for href, line in _links(page):
            url = urlparse(href)
            if url.scheme or url.netloc or not url.path or url.path.startswith("/"):
                continue
            path = unquote(url.path)
            if not path.endswith(".md"):
                continue
            target = posixpath.normpath(posixpath.join(page.folder, path))
            if target in known:
                continue
            suggestion = did_you_mean_path(target, known, page.folder)
            yield Finding(
                "link-kapot",
                WAARSCHUWING,
                f"De link naar '{href}' gaat naar een pagina die niet bestaat.{suggestion} Een link naar een "
                "andere pagina schrijft u met het pad vanaf deze pagina, zoals [tekst](../map/pagina.md).",
                file=page.path,
                line=line,
            )
