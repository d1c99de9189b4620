"""The three printed documents as HTML, from the pipeline's pages: the easy-read booklet, the review copy
of the easy-read pages for the client council, and the full report.

Each page's Markdown is rendered with the site's own Markdown extensions (Python-Markdown, as the site
engine does), then made safe with the site's allow-list; photos become the processed, stripped variants
(no original, no metadata); links between pages in the same document point inside it, other local links
lose their address (their text stays). Headings move one level down: the document's title is the one H1.
"""

from __future__ import annotations

import base64
import html
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import markdown

from kompas_site import dutch
from kompas_site.media.images import ProcessedImage
from kompas_site.pipeline import Build, SitePage
from kompas_site.render import siteconfig
from kompas_site.sanitise import html_text, is_own, sanitise_html

# Generated pages that only work on a screen.
SCREEN_ONLY = ("zoeken.md",)
IMAGE_WIDTH = 960  # pixels of the variant used on paper (about 300 dpi at 8 cm)


@dataclass(frozen=True)
class Document:
    """One PDF to make: its file name, its HTML and its stylesheet (a file under ``themes/paper``)."""

    name: str
    title: str
    html: str
    stylesheet: str
    numbered: bool = False  # the review copy: line numbers in the margin
    strings: dict[str, str] = field(default_factory=dict)  # named strings the page margins print


def css_string(value: str) -> str:
    """A text as a CSS string literal."""
    value = "".join(c if c.isprintable() else " " for c in value)
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def strings_css(strings: dict[str, str]) -> str:
    """The stylesheet that gives the page margins their texts (organisation, edition, date and version)."""
    if not strings:
        return ""
    return "html { string-set: " + ", ".join(f"{name} {css_string(v)}" for name, v in strings.items()) + "; }\n"


@dataclass
class _Context:
    build: Build
    sources: list[str]  # the pages in this document, in order
    anchors: dict[str, str] = field(default_factory=dict)  # source -> id of its section


def page_id(source: str) -> str:
    return "p-" + re.sub(r"[^a-z0-9]+", "-", source.lower()).strip("-")


def easy_read_sources(build: Build) -> list[str]:
    """The easy-read pages in the order of the easy-read menu, then any others."""
    menu = build.site.easy_menu
    ordered = [item.source for item in _walk(menu.items)] if menu else []
    rest = [s for s, p in build.pages.items() if p.easy_read]
    return [s for s in dict.fromkeys(ordered + rest) if s in build.pages and build.pages[s].easy_read]


def report_sources(build: Build) -> list[str]:
    """Every page of the full version in menu order, without the pages that only work on a screen."""
    return [
        s
        for s, page in build.pages.items()
        if not page.easy_read and page.in_order and s not in SCREEN_ONLY and not s.endswith("/alle-paginas.md")
    ]


def _walk(items) -> Iterable:
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", ()) or ())


# -- one page -----------------------------------------------------------------------------------------


def _markdown(text: str) -> str:
    extensions = siteconfig.MARKDOWN_EXTENSIONS
    return markdown.markdown(
        text, extensions=list(extensions), extension_configs={k: v for k, v in extensions.items() if v}
    )


_HEADING = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)
_FIRST_H1 = re.compile(r"^\s*<h1\b[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_LINK = re.compile(r"<a\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r'\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)="([^"]*)"')


def _shift_headings(page_html: str) -> str:
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + 1)}", page_html)


def _attrs(tag: str) -> dict[str, str]:
    return {name.lower(): html.unescape(value) for name, value in _ATTR.findall(tag)}


def _image_file(image: ProcessedImage) -> Path:
    fallback = image.fallback or image.variants
    wide = [v for v in fallback if v.width >= IMAGE_WIDTH]
    return (wide[0] if wide else fallback[-1]).path


def _images(page_html: str, source: str, build: Build) -> str:
    folder = posixpath.dirname(source)
    by_url = build.published_images.by_url

    def replace(match: re.Match) -> str:
        attrs = _attrs(match.group(0))
        src, alt = attrs.get("src", ""), attrs.get("alt", "").strip()
        if not alt:
            return ""  # a decorative picture (alt=""): a tagged PDF has no place for a figure without text
        image = by_url.get(posixpath.normpath(posixpath.join(folder, src.split("#")[0].split("?")[0])))
        if image is None or not is_own(src):
            return f'<span class="kompas-papier-foto-ontbreekt">[Foto: {html.escape(alt)}]</span>'
        uri = _image_file(image).resolve().as_uri()
        return f'<img src="{html.escape(uri)}" alt="{html.escape(alt)}">'

    return _IMG.sub(replace, page_html)


_SVG = re.compile(r"<svg\b([^>]*)>(.*?)</svg>", re.IGNORECASE | re.DOTALL)
_SVG_TEXT = re.compile(r"<(title|desc)\b[^>]*>(.*?)</\1>", re.IGNORECASE | re.DOTALL)


def _drawings(page_html: str) -> str:
    """Drawings in the page (charts, the ten figures of an easy-read sentence, status icons) on paper: a
    decorative one (aria-hidden) goes, as its word is beside it; one with a name becomes a picture whose
    alternative text is its name and description, so the tagged PDF has a figure with text."""

    def replace(match: re.Match) -> str:
        attrs = _attrs(" " + match.group(1))
        if attrs.get("aria-hidden") == "true":
            return ""
        texts = [re.sub(r"<[^>]+>", "", text).strip() for _, text in _SVG_TEXT.findall(match.group(2))]
        alt = " ".join(html.unescape(t) for t in texts if t) or attrs.get("aria-label", "").strip()
        if not alt:
            return ""  # a drawing without text: as a decorative picture, not on paper
        svg = match.group(0)
        if "xmlns=" not in match.group(1):
            svg = svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
        uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
        return f'<img class="kompas-papier-tekening" src="{uri}" alt="{html.escape(alt)}">'

    return _SVG.sub(replace, page_html)


_ID = re.compile(r'(<[a-zA-Z][^>]*?\sid=")([^"]*)(")')


def _own_ids(page_html: str, source: str, context: _Context) -> str:
    """Ids made unique in the document: two pages may both have a heading "Wat ging goed?"."""
    prefix = context.anchors.get(source, page_id(source))
    return _ID.sub(lambda m: f"{m.group(1)}{prefix}--{m.group(2)}{m.group(3)}", page_html)


def _links(page_html: str, source: str, context: _Context) -> str:
    folder = posixpath.dirname(source)

    def replace(match: re.Match) -> str:
        attrs = _attrs(match.group(0))
        href = attrs.get("href", "")
        if not href or not is_own(href):
            return match.group(0)  # no address, or another website (kept: a reader may follow it; never fetched)
        path, _, fragment = href.partition("#")
        target = posixpath.normpath(posixpath.join(folder, path)) if path else source
        pages = (target, target.rstrip("/") + "/index.md", target.rstrip("/") + ".md")
        twins = tuple(page.removesuffix(".md") + ".begrijpelijk.md" for page in pages)  # in the easy-read booklet
        for candidate in pages + twins:
            if candidate in context.anchors:
                anchor = context.anchors[candidate]
                return f'<a href="#{anchor}--{html.escape(fragment)}">' if fragment else f'<a href="#{anchor}">'
        return '<a class="kompas-papier-link">'  # a download or a page that is not in this document

    return _LINK.sub(replace, page_html)


def _page_html(page: SitePage, context: _Context) -> tuple[str, str]:
    """(title, body HTML) of one page; the body without its own H1, headings one level down."""
    body = sanitise_html(_markdown(page.markdown))
    title_html = str(html_text(page.title))
    first = _FIRST_H1.match(body)
    if first:
        title_html, body = first.group(1), body[first.end() :]
    body = _drawings(_images(body, page.source, context.build))
    body = _links(_own_ids(body, page.source, context), page.source, context)
    return title_html, _shift_headings(body)


def _sections(body: str) -> str:
    """Wrap each H3 (an H2 of the author) and what follows it in a section, so a question and its answer
    stay together on one page side where they fit."""
    parts = re.split(r"(?=<h3\b)", body)
    head, rest = parts[0], parts[1:]
    return head + "".join(f'<section class="kompas-papier-vraag">{part}</section>' for part in rest)


def _pages(context: _Context, easy: bool) -> str:
    out = []
    for source in context.sources:
        page = context.build.pages[source]
        title, body = _page_html(page, context)
        if easy:
            body = _sections(body)
        out.append(
            f'<section class="kompas-papier-pagina" id="{context.anchors[source]}" '
            f'data-bron="{html.escape(source)}">\n<h2>{title}</h2>\n{body}\n</section>'
        )
    return "\n".join(out)


def _toc(context: _Context, heading: str) -> str:
    items = "".join(
        f'<li><a href="#{context.anchors[s]}">{html_text(context.build.pages[s].title)}</a></li>'
        for s in context.sources
    )
    return f'<nav class="kompas-papier-inhoud" aria-label="{heading}"><h2>{heading}</h2><ol>{items}</ol></nav>'


def _document(title: str, body: str, classes: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        '<meta name="generator" content="kompas-site">\n'
        f'<meta name="description" content="{html.escape(title)}">\n'
        f'</head>\n<body class="{classes}">\n{body}\n</body>\n</html>\n'
    )


def _context(build: Build, sources: list[str]) -> _Context:
    return _Context(build, sources, {s: page_id(s) for s in sources})


# -- the three documents --------------------------------------------------------------------------------


def documents(build: Build, today: date, version: str) -> list[Document]:
    """The three documents. ``version``: what the review copy prints beside the date on every page."""
    result = build.result
    settings = result.report.settings
    organisation = settings.organisatie.naam
    edition = f"{result.editie.naam} {settings.editie.jaar}"
    concept = " (concept)" if build.draft else ""
    easy = _context(build, easy_read_sources(build))
    full = _context(build, report_sources(build))
    cover_lines = [organisation, edition]
    if settings.editie.publicatiedatum:
        cover_lines.append(f"Gepubliceerd op {dutch.datum(settings.editie.publicatiedatum)}")
    cover = "".join(f"<p>{html.escape(line)}</p>" for line in cover_lines)

    easy_title = f"{edition} in makkelijke taal — {organisation}{concept}"
    booklet = (
        f'<header class="kompas-papier-omslag"><h1>{html.escape(edition)}</h1>'
        f"<p>In makkelijke taal</p><p>{html.escape(organisation)}</p></header>\n"
        + _toc(easy, "Wat staat in dit boekje?")
        + _pages(easy, easy=True)
    )
    review_title = f"Meeleesversie: {edition} in makkelijke taal — {organisation}{concept}"
    stamp = f"Gedrukt op {dutch.datum(today)} · {version}"
    review = (
        f'<header class="kompas-papier-omslag"><h1>Meeleesversie</h1><p>{html.escape(edition)} in makkelijke '
        f"taal</p><p>{html.escape(organisation)}</p><p>{html.escape(stamp)}</p>"
        '<p class="kompas-papier-uitleg">Lees de tekst samen. Schrijf in de brede rand wat moeilijk is. '
        "Noem het nummer van de bladzijde en van de regel. Onder elke bladzijde is ruimte voor wat u ervan "
        "vindt.</p></header>\n" + _pages(easy, easy=True)
    )
    report_title = f"{edition} — {organisation}{concept}"
    report = (
        f'<header class="kompas-papier-omslag"><h1>{html.escape(edition)}</h1>{cover}</header>\n'
        + _toc(full, "Inhoud")
        + _pages(full, easy=False)
    )
    header = {"organisatie": organisation, "editie": edition + concept}
    return [
        Document(
            "makkelijk-lezen.pdf",
            easy_title,
            _document(easy_title, booklet, "kompas-papier kompas-papier--makkelijk"),
            "makkelijk-lezen.css",
            strings=header,
        ),
        Document(
            "meeleesversie.pdf",
            review_title,
            _document(review_title, review, "kompas-papier kompas-papier--meelezen"),
            "meeleesversie.css",
            numbered=True,
            strings={**header, "stempel": stamp},
        ),
        Document(
            "rapport.pdf",
            report_title,
            _document(report_title, report, "kompas-papier kompas-papier--rapport"),
            "rapport.css",
            strings=header,
        ),
    ]


Renderer = Callable[[Document], bytes]
