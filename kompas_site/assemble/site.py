"""What assemble hands to the site engine: plain data, no engine types."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kompas_site.assemble.navigation import NavItem

if TYPE_CHECKING:
    from kompas_site.assemble.menu import Menu


@dataclass(frozen=True)
class GeneratedPage:
    source: str  # a virtual source path, as if the author had written it
    title: str
    markdown: str


@dataclass(frozen=True)
class Switch:
    """The link between a page and its other version (easy-read <-> full)."""

    target: str  # source path of the other version
    label: str
    easy_read: bool  # True when the target is the easy-read version


@dataclass
class Site:
    generated: list[GeneratedPage]
    outputs: dict[str, str]  # output path per author source path (twins included)
    nav: list[NavItem]
    twins: set[str]  # source paths of easy-read twins: reachable through the switch, not in the menu
    markdown: dict[str, str]  # the Markdown to render for author pages that assemble changed
    easy_read: set[str] = field(default_factory=set)  # pages shown in the easy-read layout
    menu: Menu | None = None  # the menu beside each page of the full version
    easy_menu: Menu | None = None  # the easy-read version's own menu
    off_menu: set[str] = field(default_factory=set)  # pages outside the engine's page order (prev/next)
    listings: set[str] = field(default_factory=set)  # generated lists of a section's pages (menu.py)
    switches: dict[str, Switch] = field(default_factory=dict)
    draft: dict | None = None  # what the draft banner shows; None in a production build
    data_files: dict[str, str | bytes] = field(default_factory=dict)  # generated non-page files (search index)
    huisstijl: dict[str, str] = field(default_factory=dict)  # site paths of the logo and house-colour stylesheet
