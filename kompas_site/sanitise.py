"""Author text stays text, and page HTML loads nothing from another host.

Two kinds of help, for every site engine (this module imports no engine):

- Plain-text values from YAML or front matter (titles, quotes, photo descriptions, glossary words, the
  organisation's name) are escaped before they are put into HTML (``html_text``) or into Markdown that
  is turned into HTML later (``markdown_text``): a ``<script>`` in a title is shown as the characters
  ``<script>``, and ``x](https://…) ![y`` in a photo description cannot make an image. What a reader
  sees does not change: an apostrophe or ``&`` in a name shows as itself.
- ``sanitise_html`` passes a page's HTML (after Markdown, after the photos became ``<picture>``) through
  nh3 with an allow-list: what authors write in Markdown and raw HTML, and what our templates and
  Markdown extensions produce, stays; scripts, event handlers, frames, objects, style sheets, and every
  ``src``/``srcset``/``poster`` on another host go. A link to another site stays.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

import nh3
from markupsafe import Markup

# -- plain text ----------------------------------------------------------------------------------------

# Characters that could start Markdown markup inside a line: emphasis, code, links, images, attribute
# lists ({ .class }), headings, table cells, escapes. Python-Markdown and markdown-it both accept a
# backslash before each of them and show the character itself.
_MARKDOWN = re.compile(r"([\\`*_\[\]()!{}#|~])")
# A line that would start a list or a quote block when the text is placed at the start of a line.
_LINE_START = re.compile(r"^(\s*)([-+>]|\d+[.)])(?=\s|$)")


def html_text(value: object) -> Markup:
    """``value`` as text inside HTML (element content or a quoted attribute). Marked as safe HTML, so a
    template that escapes it again (Material's ``| e`` on a title in an attribute) leaves it as it is."""
    return Markup(html.escape("" if value is None else str(value), quote=True))


def one_line(value: object) -> str:
    """``value`` on one line: every run of white space (newlines too) becomes one space."""
    return " ".join(("" if value is None else str(value)).split())


def markdown_text(value: object) -> str:
    """``value`` as plain text inside generated Markdown: on one line, ``&``, ``<`` and ``>`` escaped (quotes
    need not be: Markdown escapes them itself where they end up in an attribute), and every character that
    could make a link, an image, emphasis, code or an attribute list escaped with a backslash."""
    text = _MARKDOWN.sub(r"\\\1", html.escape(one_line(value), quote=False))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def url_path(value: object) -> str:
    """A path of the site (``../verhalen/gert.md#kop``) as a link target in generated Markdown: characters
    that could end the link or start HTML are percent-encoded (MkDocs decodes them to find the file)."""
    return quote("" if value is None else str(value), safe="/#.-_~+,;=:@%&?")


# -- page HTML -------------------------------------------------------------------------------------------

# Inline SVG as the charts use it: no <use>, <image>, <a>, <foreignObject>, <style>, <script> or animation
# (they can load, link or run something), and presentation attributes only (no href of any kind).
_SVG_PAINT = {"fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin"}
SVG_ATTRIBUTES = {
    "svg": {"viewBox", "xmlns", "focusable", "width", "height", "font-size", "preserveAspectRatio"},
    "g": _SVG_PAINT | {"font-size", "font-weight"},
    "title": set(),
    "desc": set(),
    "rect": _SVG_PAINT | {"x", "y", "width", "height", "rx", "ry"},
    "circle": _SVG_PAINT | {"cx", "cy", "r"},
    "line": _SVG_PAINT | {"x1", "y1", "x2", "y2"},
    "polyline": _SVG_PAINT | {"points"},
    "polygon": _SVG_PAINT | {"points"},
    "path": _SVG_PAINT | {"d"},
    "text": {"x", "y", "dx", "dy", "fill", "text-anchor", "font-size", "font-weight", "dominant-baseline"},
    "tspan": {"x", "y", "dx", "dy", "fill", "font-weight"},
}

TAGS = frozenset(
    {
        # text and structure
        *("p", "br", "hr", "div", "span", "section", "article", "aside", "header", "footer", "nav", "main"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "blockquote", "pre", "code", "kbd", "samp", "var"),
        *("em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "q", "cite"),
        *("abbr", "dfn", "time", "data", "bdi", "bdo", "wbr", "ruby", "rp", "rt", "address"),
        *("ul", "ol", "li", "dl", "dt", "dd", "a"),
        *("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"),
        *("details", "summary", "figure", "figcaption"),
        # pictures and own films (sources checked below)
        *("img", "picture", "source", "video", "audio", "track"),
        # the story filter and the search form of our own pages
        *("form", "label", "input", "select", "option", "optgroup", "button", "fieldset", "legend", "output"),
        # charts drawn at build time (assemble/grafiek.py) and the status icons of speerpunten: shapes and text only, nothing that links or loads
        *SVG_ATTRIBUTES,
    }
)
# Removed together with everything inside them (the others lose their tag and keep their text).
# <noscript> too: a browser with script reads its content as plain text up to the first "</noscript",
# which may sit inside an attribute value, so a sanitiser that reads it as HTML cannot vouch for it.
REMOVED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "embed", "template", "noembed", "noframes", "frame", "noscript"}
)

_GLOBAL = {"id", "class", "title", "lang", "dir", "role", "hidden", "tabindex", "translate", "style"}
ATTRIBUTES = {
    "*": _GLOBAL,
    "a": {"href", "hreflang", "rel", "target", "download", "type"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"},
    "source": {"src", "srcset", "sizes", "type", "media", "width", "height"},
    "video": {"src", "poster", "controls", "preload", "playsinline", "muted", "loop", "width", "height"},
    "audio": {"src", "controls", "preload", "loop", "muted"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "abbr": {"title"},
    "time": {"datetime"},
    "data": {"value"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "col": {"span", "width"},
    "colgroup": {"span", "width"},
    "th": {"colspan", "rowspan", "scope", "headers", "align"},
    "td": {"colspan", "rowspan", "headers", "align"},
    "details": {"open", "name"},
    "form": {"action", "method", "autocomplete", "novalidate"},
    "label": {"for"},
    "input": {
        *("type", "name", "value", "placeholder", "autocomplete", "spellcheck", "checked", "disabled"),
        *("required", "readonly", "min", "max", "step", "minlength", "maxlength", "size", "inputmode"),
    },
    "select": {"name", "multiple", "disabled", "required", "size"},
    "option": {"value", "selected", "disabled", "label"},
    "optgroup": {"label", "disabled"},
    "button": {"type", "name", "value", "disabled"},
    "fieldset": {"name", "disabled"},
    "output": {"for", "name"},
    **SVG_ATTRIBUTES,
}
# Prefixes every element may use: accessibility attributes and our templates' data attributes
# (data-kompas-*, data-perspectief, data-embed, ...).
ATTRIBUTE_PREFIXES = {"aria-", "data-"}
# The players a film facade may open after the click (its data-embed), as the CSP's frame-src allows.
PLAYERS = ("https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/")

# Attributes that load what they point at: only addresses on the site itself are kept.
_LOADS = {"src", "poster"}
# CSS that can load something or hide it behind escapes: the whole style attribute goes.
_STYLE_LOADS = re.compile(r"url|image|@import|expression|\\|/\*|behavior|binding", re.IGNORECASE)


def is_own(url: str) -> bool:
    """A relative address, or one on this page: nothing leaves the site to get it."""
    url = url.strip()
    if url.startswith(("//", "\\\\", "/\\", "\\/")):
        return False  # protocol-relative: another host
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return not parts.scheme and not parts.netloc


def _srcset_is_own(value: str) -> bool:
    return all(is_own(candidate.split()[0]) for candidate in value.split(",") if candidate.strip())


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute in _LOADS:
        return value if is_own(value) else None
    if attribute == "srcset":
        return value if _srcset_is_own(value) else None
    if attribute == "action":
        return value if is_own(value) else None
    if attribute == "style":
        return None if _STYLE_LOADS.search(value) else value
    if attribute == "data-embed":
        return value if value.startswith(PLAYERS) else None
    if attribute.startswith("on"):  # never allowed; defensive, should an allow-list grow one
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(REMOVED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    attribute_filter=_filter,
    generic_attribute_prefixes=set(ATTRIBUTE_PREFIXES),
    link_rel=None,  # keep the author's links as written
    strip_comments=True,
    url_schemes={"http", "https", "mailto", "tel"},
)


def sanitise_html(page_html: str) -> str:
    """A page's HTML with everything that could run or load from another host removed; what authors write
    legitimately (tables, details, abbr, attribute-list classes and ids, links to other sites) stays."""
    if not page_html:
        return page_html
    return _CLEANER.clean(page_html)


# -- what an engine's own templates print -----------------------------------------------------------------

# Front matter keys that MkDocs/Material print into the page's HTML without escaping.
PRINTED_META = ("title", "description", "subtitle")


def escape_page_meta(meta: dict) -> dict:
    """Escape, in place, the front matter values an engine's templates print as they are (``<title>``, the
    ``<h1>`` of a page without one, the header, the menu, the footer's previous/next, ``<meta
    name="description">``). Call it once per page, after the title is set."""
    for key in PRINTED_META:
        if isinstance(meta.get(key), str):
            meta[key] = html_text(meta[key])
    return meta
