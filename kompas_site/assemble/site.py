"""What assemble hands to the site engine: plain data, no engine types."""

from __future__ import annotations

from dataclasses import dataclass, field

from kompas_site.assemble.navigation import NavItem


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
    easy_nav: list[NavItem] = field(default_factory=list)  # the easy-read version's own menu
    switches: dict[str, Switch] = field(default_factory=dict)
    draft: dict | None = None  # what the draft banner shows; None in a production build
    data_files: dict[str, str] = field(default_factory=dict)  # generated non-page files (search index)
