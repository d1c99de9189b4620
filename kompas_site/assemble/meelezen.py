"""``[[meegelezen]]``: who read which pages along, and when, as a list in the page where the author puts it
(the page about how the report was made). It lists every page with ``meegelezen:`` in its front matter,
in the order of the site, each with a link and its readings from first to last."""

from __future__ import annotations

import posixpath
from datetime import date

from kompas_site.assemble.templates import render
from kompas_site.model import READERS_LIST, Page, Report


def place_readers(page: Page, body: str, report: Report) -> str:
    """Replace each ``[[meegelezen]]`` line of ``body`` (the text of ``page``) by the list."""
    if not READERS_LIST.search(body):
        return body
    listing = readers_list(report, page.path).strip("\n")
    return READERS_LIST.sub(lambda _match: f"\n{listing}\n", body)


def readers_list(report: Report, here: str) -> str:
    """The list as Markdown, with links relative to the page at ``here``."""
    pages = []
    for read in _in_site_order(report):
        readings = sorted(
            (r for r in read.meta.get("meegelezen") or [] if isinstance(r, dict) and isinstance(r.get("datum"), date)),
            key=lambda r: r["datum"],
        )
        if readings:
            pages.append(
                {
                    "titel": read.title,
                    "pad": posixpath.relpath(read.path, posixpath.dirname(here) or "."),
                    "makkelijk": read.is_twin,
                    "lezingen": readings,
                }
            )
    return render("meegelezen.md", paginas=pages)


def _in_site_order(report: Report) -> list[Page]:
    """Each page followed by its easy-read twin, then the twins without a page."""
    ordered = []
    for page in report.pages:
        ordered.append(page)
        if page.twin is not None:
            ordered.append(page.twin)
    return ordered + list(report.orphan_twins)
