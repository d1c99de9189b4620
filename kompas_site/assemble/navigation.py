"""The menu tree: it follows the authors' folders, in the order of their names."""

from __future__ import annotations

from dataclasses import dataclass, field

from kompas_site.load.pages import pretty_name
from kompas_site.model import Report


@dataclass(eq=False)
class NavItem:
    title: str
    source: str | None = None  # a page; None for a section without its own page (yet)
    children: list[NavItem] = field(default_factory=list)
    folder: str | None = None  # the authors' folder of a section ("" for the top level)

    def pages(self) -> list[NavItem]:
        """The items a reader sees inside this section: its index page is the section itself."""
        return [c for c in self.children if c.children or c.source != self.source]


def build_nav(
    report: Report, leading: list[NavItem], trailing: list[NavItem], section_pages: dict[str, NavItem] | None = None
) -> list[NavItem]:
    """``leading`` items (home, "Waar vind ik wat?"), the authors' pages by folder, ``trailing`` items.

    ``section_pages`` gives a generated index page to a folder that has none of its own."""
    root = NavItem("", folder="")
    sections: dict[str, NavItem] = {"": root}

    for page in report.pages:  # already in folder order, index pages first
        if page.path == "index.md":
            continue
        parent = _section(page.folder, sections, report)
        if page.is_index:
            parent.source = page.path
            parent.title = page.title
        parent.children.append(NavItem(page.title, page.path))
    for folder, index in (section_pages or {}).items():
        section = _section(folder, sections, report)
        section.title, section.source = index.title, index.source
        section.children.insert(0, NavItem(index.title, index.source))
    return leading + [_collapse(item) for item in root.children] + trailing


def walk(items: list[NavItem]):
    """Every item of the tree, parents before their children."""
    for item in items:
        yield item
        yield from walk(item.children)


def _collapse(item: NavItem) -> NavItem:
    """A folder holding only its index page is one menu item, not a section that holds itself."""
    item.children = [_collapse(child) for child in item.children]
    if len(item.children) == 1 and item.children[0].source == item.source and item.source:
        return NavItem(item.title, item.source)
    return item


def _section(folder: str, sections: dict[str, NavItem], report: Report) -> NavItem:
    if folder in sections:
        return sections[folder]
    parent_folder, _, name = folder.rpartition("/")
    parent = _section(parent_folder, sections, report)
    index = report.page(f"{folder}/index.md")
    # A folder without an index page is named after the folder; that name is ours, so it speaks the organisation's
    # words: '05-speerpunten' reads 'Verbeterpunten' where the organisation says so.
    item = NavItem(index.title if index else report.settings.woorden.apply(pretty_name(name)), folder=folder)
    sections[folder] = item
    parent.children.append(item)
    return item
