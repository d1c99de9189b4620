"""Everything the rules read from a page's Markdown, from one parse.

Several rules read every page: its links, its images, its story cards, its size, its prose. ``scan``
parses the text once and keeps the result per text (``kompas_site.cache.memo``): a page that did not
change is not read again in the next check of ``kompas serve``. Lines are counted from 0 at the body's
first line; a rule adds the page's ``body_line``.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from kompas_site.cache import memo
from kompas_site.markdown import line_of, tokens
from kompas_site.model import FIGURE_BLOCK, STORY_CARD


@dataclass(frozen=True)
class Image:
    src: str  # as written, with %20 read as a space
    alt: str
    decorative: bool  # marked { .decoratief }
    line: int


@dataclass(frozen=True)
class PageScan:
    links: tuple[tuple[str, int], ...]  # (href, line)
    images: tuple[Image, ...]
    cards: tuple[tuple[str, int], ...]  # story cards: (name, line)
    figures: tuple[tuple[str, int], ...]  # figure sets placed: (name, line)
    words: int  # every word of the text, markup included (for the size rule)


@memo
def scan(body: str) -> PageScan:
    from kompas_site.check.images import is_decorative_marker

    links: list[tuple[str, int]] = []
    images: list[Image] = []
    lines = body.split("\n")
    for token in tokens(body):
        if token.type != "inline" or not token.children or not token.map:
            continue
        children = token.children
        for i, child in enumerate(children):
            if child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                links.append((href, line_of(lines, token, href)))
            elif child.type == "image":
                src = unquote(str(child.attrs.get("src", "")))  # markdown-it writes a space as %20
                after = children[i + 1] if i + 1 < len(children) else None
                decorative = bool(after and after.type == "text" and is_decorative_marker(after.content))
                images.append(Image(src, child.content, decorative, line_of(lines, token, src)))
    return PageScan(
        tuple(links), tuple(images), _placed(body, STORY_CARD), _placed(body, FIGURE_BLOCK), len(body.split())
    )


def _placed(body: str, pattern) -> tuple[tuple[str, int], ...]:
    """Each line that places a block (``[[verhaal: ...]]``, ``[[cijfers: ...]]``): (name, line)."""
    found = []
    counted, newlines = 0, 0  # newlines in body[:counted]: one pass over the text, however many blocks
    for match in pattern.finditer(body):
        newlines += body.count("\n", counted, match.start())
        counted = match.start()
        found.append((match.group("naam"), newlines))
    return tuple(found)
