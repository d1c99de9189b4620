"""The menu beside every page: where the reader is, and how to go up and across.

A report of 1,000 pages cannot list every page on every page: the page would grow with the report, and a
keyboard or screen-reader user would have to pass hundreds of links to reach the text. So each page's
menu holds
- the top level of the report;
- the sections on the way to the page, opened, each with its own pages;
- in a section of more than ``MENU_LIMIT`` items only the few around the page, and a link to the
  section's listing: an overview page with all its pages, in parts of ``LISTING_PART_SIZE``.
A folder without an index page of its own gets a generated one: that listing.

The menu of a page is computed when the page is drawn, from an index built once per build, so its cost
does not grow with the size of the report.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from kompas_site.assemble.navigation import NavItem, walk
from kompas_site.assemble.site import GeneratedPage
from kompas_site.assemble.templates import render
from kompas_site.model import LISTING_PART_SIZE
from kompas_site.paths import output_path, site_source

MENU_LIMIT = 15  # a section with at most this many items shows them all
WINDOW = 3  # otherwise: this many items before and after the page's own
LISTING = "alle-paginas"  # the name of a listing page in its folder ("alle-paginas-2" for part 2)


@dataclass(frozen=True)
class MenuEntry:
    title: str
    source: str
    current: bool = False  # the page itself (or, on a listing, the link to that listing)
    open: bool = False  # a section on the way to the page: its items follow
    more: bool = False  # the link to a long section's listing
    children: tuple[MenuEntry, ...] = ()


@dataclass
class Listing:
    """The overview pages of one section: its items in parts."""

    section: NavItem
    parts: list[str]  # source path of each part

    def part_of(self, position: int) -> str:
        return self.parts[min(position // LISTING_PART_SIZE, len(self.parts) - 1)]


class Menu:
    def __init__(
        self,
        items: list[NavItem],
        listings: dict[NavItem, Listing] | None = None,
        root_listing: Listing | None = None,
        fixed: frozenset[str] = frozenset(),
    ):
        self.items = items
        self.listings = listings or {}
        self.root_listing = root_listing
        # What a reader sees inside each section, and at the top level: the pages that may be shortened,
        # between the fixed ones (home, "Waar vind ik wat?", search, speerpunten) that always show.
        self._shown: dict[NavItem, list[NavItem]] = {}
        long = [i for i in items if i.source not in fixed]
        first = items.index(long[0]) if long else len(items)
        self._top = (items[:first], long, [i for i in items[first:] if i.source in fixed])
        # Each item's place in the list of its section (None: the top level).
        self._place: dict[tuple[NavItem | None, NavItem | None], int] = {(None, i): n for n, i in enumerate(long)}
        # Per page source: the sections from the top to it, its item (None for a listing part or an
        # attached page), and the place in the last section around which its items are shown.
        self._where: dict[str, tuple[tuple[NavItem, ...], NavItem | None, int]] = {}
        self._index(items, ())
        for listing in [*self.listings.values(), *([root_listing] if root_listing else [])]:
            chain: tuple[NavItem, ...] = ()
            if listing is not root_listing:
                assert listing.section.source is not None  # its own page, or the first part of its listing
                chain = self._where[listing.section.source][0]
            for number, source in enumerate(listing.parts):
                if source != listing.section.source:
                    self._where[source] = (chain, None, number * LISTING_PART_SIZE)

    def attach(self, source: str, owner: str, position: int) -> None:
        """Show the page ``source``, which is not in the menu itself, inside the section of ``owner``,
        with the items around ``position`` in that section."""
        self._where[source] = (self._where[owner][0], None, position)

    def _index(self, items: list[NavItem], chain: tuple[NavItem, ...]) -> None:
        for item in items:
            if item.source and item.source not in self._where:
                self._where[item.source] = (chain + ((item,) if item.children else ()), item, -1)
            if item.children:
                self._shown[item] = item.pages()
                self._place.update({(item, child): n for n, child in enumerate(self._shown[item])})
                self._index(item.children, chain + (item,))

    def entries(self, source: str) -> list[MenuEntry]:
        """The menu as shown on the page ``source``."""
        chain, item, position = self._where.get(source, ((), None, -1))
        return self._level(None, chain, 0, source, item, position)

    def _level(
        self, section: NavItem | None, chain, depth: int, source: str, item: NavItem | None, position: int
    ) -> list[MenuEntry]:
        lead, long, trail = self._top if section is None else ((), self._shown[section], ())
        on_path = chain[depth] if depth < len(chain) else item
        focus = self._place.get((section, on_path), -1)
        if focus < 0 and depth == len(chain) and position >= 0:
            focus = position  # a listing part or an attached page: the items from there
        more = None
        if len(long) > MENU_LIMIT:
            start = max(0, min(max(focus, 0) - WINDOW, len(long) - (2 * WINDOW + 1)))
            listing = self.listings.get(section) if section else self.root_listing
            target = listing.part_of(max(focus, 0)) if listing else None
            if target:  # on the section's own (generated) index this link is not "this page" a second time
                own = section is not None and target == section.source
                more = MenuEntry(f"Alle {len(long)} pagina's", target, current=target == source and not own, more=True)
            long = long[start : start + 2 * WINDOW + 1]
        entries = []
        for entry in [*lead, *long]:
            entries.append(self._entry(entry, on_path, chain, depth, source, item, position))
        if more:
            entries.append(more)
        return entries + [self._entry(entry, on_path, chain, depth, source, item, position) for entry in trail]

    def _entry(self, entry: NavItem, on_path, chain, depth: int, source: str, item, position: int) -> MenuEntry:
        opened = bool(entry.children) and entry is on_path and depth < len(chain)
        return MenuEntry(
            entry.title,
            entry.source or "",
            current=entry.source == source,
            open=opened,
            children=tuple(self._level(entry, chain, depth + 1, source, item, position)) if opened else (),
        )


def listings(
    items: list[NavItem], top_folder: str, top_title: str, taken: set[str], fixed: frozenset[str] = frozenset()
) -> tuple[dict[NavItem, Listing], Listing | None, list[GeneratedPage]]:
    """Listing pages for every long section, and an index page for every section without one.

    ``top_folder`` is where the listing of a long top level goes; ``taken`` the output paths in use."""
    result: dict[NavItem, Listing] = {}
    pages: list[GeneratedPage] = []
    # Deepest sections first: a folder's listing names its subfolders by their (generated) index.
    for section in reversed([i for i in walk(items) if i.children]):
        own = section.source is not None
        if own and len(section.pages()) <= MENU_LIMIT:
            continue
        listing = _listing(section, section.folder or "", not own, taken)
        if not own:
            section.source = listing.parts[0]
            section.children.insert(0, NavItem(section.title, section.source))
        result[section] = listing
        pages += _listing_pages(listing, section.title, section.title if not own else None)
    root_listing = None
    top = [i for i in items if i.source not in fixed]
    if len(top) > MENU_LIMIT:
        root = NavItem(top_title, None, top, top_folder)
        root_listing = _listing(root, top_folder, False, taken)
        pages += _listing_pages(root_listing, top_title, None)
    return result, root_listing, pages


def _listing(section: NavItem, folder: str, index: bool, taken: set[str]) -> Listing:
    """The parts of a section's listing, under names whose addresses are still free (``taken`` holds
    the output paths in use). ``index``: the first part is the section's own index page."""
    count = max(1, -(-len(section.pages()) // LISTING_PART_SIZE))
    parts = []
    for number in range(1, count + 1):
        name = "index" if number == 1 and index else LISTING if number == 1 else f"{LISTING}-{number}"
        source = posixpath.join(folder, f"{name}.md")
        while output_path(site_source(source)) in taken:
            name = LISTING if name == "index" else f"{name}-lijst"
            source = posixpath.join(folder, f"{name}.md")
        taken.add(output_path(site_source(source)))
        parts.append(source)
    return Listing(section, parts)


def _listing_pages(listing: Listing, title: str, index_title: str | None) -> list[GeneratedPage]:
    items = listing.section.pages()
    total = len(listing.parts)
    base = index_title or f"Alle pagina's: {title}"
    pages = []
    for number, source in enumerate(listing.parts, start=1):
        start = (number - 1) * LISTING_PART_SIZE
        part = items[start : start + LISTING_PART_SIZE]
        page_title = base if total == 1 else f"{base} (deel {number} van {total})"
        here = posixpath.dirname(source)
        pages.append(
            GeneratedPage(
                source,
                page_title,
                render(
                    "overzicht.md",
                    titel=page_title,
                    sectie=title,
                    items=[(i.title, relative_link(i.source, here), bool(i.children)) for i in part if i.source],
                    per_deel=LISTING_PART_SIZE,
                    deel=number,
                    delen=[relative_link(p, here) for p in listing.parts],
                    van=start + 1,
                    tot=start + len(part),
                    totaal=len(items),
                ),
            )
        )
    return pages


def relative_link(target: str, folder: str) -> str:
    """A link from a page in ``folder`` to the source ``target``."""
    return posixpath.relpath(target, folder or ".")
