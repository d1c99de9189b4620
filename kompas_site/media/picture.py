"""Page HTML: every known ``<img>`` becomes a responsive ``<picture>`` (WebP plus a JPEG/PNG fallback).

The HTML is read with the standard library's ``html.parser`` only to find where each ``<img>`` tag
starts and what its attributes are; the page is then changed by replacing exactly those tags and
nothing else, so all other HTML stays byte for byte as it was. ``<img>`` tags already inside a
``<picture>`` are left alone (so rewriting twice changes nothing), as are images the caller does not
know (``resolve`` returns None): external images, or files that are not processed photos.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from html.parser import HTMLParser
from urllib.parse import quote

from kompas_site.media.images import ProcessedImage, Variant

# The width Material for MkDocs gives the content column on a wide screen, full width below that.
DEFAULT_SIZES = "(min-width: 76.25em) 42rem, 100vw"

# Attributes this module writes itself; the author's value of any other attribute is kept.
_OWN = {"src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"}

Resolver = Callable[[str], "tuple[ProcessedImage, str] | None"]


def rewrite_images(html: str, resolve: Resolver, sizes: str = DEFAULT_SIZES, eager: int = 1) -> str:
    """Return ``html`` with each ``<img>`` that ``resolve`` knows turned into a ``<picture>``.

    ``resolve(src)`` gets the ``src`` of an ``<img>`` as it is in the page (entities decoded) and
    returns the processed image plus the URL of the folder with its output files, relative to this
    page (``"../media/"``, or ``""`` for the page's own folder); or None to leave the tag alone.

    The first ``eager`` images of the page (counting every ``<img>``, also those left alone) get no
    ``loading="lazy"``: they are usually above the fold and should load at once. An attribute the
    author set (``loading``, ``class``, ``title``, ``id``, ...) is kept; ``alt`` is kept exactly as
    it is, also when empty, and never added when it is missing (that is a finding, not ours to fix).
    An author's ``width`` is kept and the height made to match it.
    """
    if "<img" not in html.lower():
        return html  # most pages have no photo: no need to parse them
    finder = _ImgFinder(html)
    out: list[str] = []
    last = 0
    for index, (start, end, attrs) in enumerate(finder.images):
        src = next((v for k, v in attrs if k == "src"), None)
        found = resolve(src) if src else None
        if not found:
            continue
        image, prefix = found
        out.append(html[last:start])
        out.append(_picture(image, prefix, attrs, sizes, lazy=index >= eager))
        last = end
    out.append(html[last:])
    return "".join(out)


def _picture(image: ProcessedImage, prefix: str, attrs: list[tuple[str, str | None]], sizes: str, lazy: bool) -> str:
    def url(variant: Variant) -> str:
        return (prefix if not prefix or prefix.endswith("/") else prefix + "/") + quote(variant.name)

    def srcset(variants: tuple[Variant, ...]) -> str:
        return ", ".join(f"{url(v)} {v.width}w" for v in variants)

    given: dict[str, str | None] = {}
    for k, v in attrs:
        given.setdefault(k, v)  # as in HTML, the first of a repeated attribute counts
    fallback = image.fallback
    width, height = fallback[-1].width, fallback[-1].height
    author_width = _number(given.get("width"))
    author_height = _number(given.get("height"))
    if author_width and author_height:
        width, height = author_width, author_height
    elif author_width:
        width, height = author_width, max(1, round(author_width * height / width))

    img: list[tuple[str, str | None]] = [
        ("src", url(fallback[-1])),
        ("srcset", srcset(fallback)),
        ("sizes", sizes),
        ("width", str(width)),
        ("height", str(height)),
    ]
    if "alt" in given:
        img.append(("alt", given["alt"] or ""))
    if "loading" in given:
        img.append(("loading", given["loading"]))
    elif lazy:
        img.append(("loading", "lazy"))
    img.append(("decoding", given.get("decoding") or "async"))
    img += [(k, v) for k, v in attrs if k not in _OWN]

    source: list[tuple[str, str | None]] = [("type", "image/webp"), ("srcset", srcset(image.webp)), ("sizes", sizes)]
    return f"<picture><source{_attrs(source)}><img{_attrs(img)}></picture>"


def _attrs(pairs: list[tuple[str, str | None]]) -> str:
    return "".join(f" {k}" if v is None else f' {k}="{escape(v, quote=True)}"' for k, v in pairs)


def _number(value: str | None) -> int | None:
    try:
        number = int(value.strip()) if value else 0
    except ValueError:
        return None
    return number if number > 0 else None


class _ImgFinder(HTMLParser):
    """Finds each ``<img>`` (not inside ``<picture>``): its start and end offset, and its attributes."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.images: list[tuple[int, int, list[tuple[str, str | None]]]] = []
        self._picture_depth = 0
        self._line_starts = [0]
        for i, ch in enumerate(html):
            if ch == "\n":
                self._line_starts.append(i + 1)
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "picture":
            self._picture_depth += 1
        elif tag == "img" and not self._picture_depth:
            line, column = self.getpos()
            start = self._line_starts[line - 1] + column
            text = self.get_starttag_text() or ""
            if text and self.html.startswith(text, start):  # only ever replace exactly this tag
                self.images.append((start, start + len(text), attrs))

    def handle_endtag(self, tag):
        if tag == "picture" and self._picture_depth:
            self._picture_depth -= 1
