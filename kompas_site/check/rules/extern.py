"""Rule: a page loads nothing from another website, and runs no script of its own.

The site promises its readers that no request leaves it unless they ask for it (a link, the play button
of a film). Raw HTML in a page can break that promise: ``<img src="https://…">``, ``<iframe>``,
``<script src>``, ``<link>``, ``<object>``, CSS ``url(https://…)``, ``<form action="https://…">``, a
``<video>`` or ``<source>`` from elsewhere; and so can a Markdown image ``![…](https://…)``. Each is a
``fout`` (``extern-geladen``) with its line. A ``<script>`` of any kind is one too: the build removes it.
A link to another website (``<a href>``, ``[tekst](https://…)``) is fine: it loads only when clicked.

The build's sanitiser (``kompas_site.sanitise``) removes all of this from the site anyway; this
rule tells the author, before publishing, what will be missing and why.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import urlsplit

from kompas_site.cache import memo
from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, Finding
from kompas_site.check.registry import Code
from kompas_site.markdown import line_of
from kompas_site.markdown import tokens as markdown_tokens
from kompas_site.model import Page

CODE = "extern-geladen"
CODES = (
    Code(
        CODE,
        FOUT,
        "Eigen HTML of een afbeelding laadt iets van een andere website, of is een script",
        "Een kwaliteitsbeeld laadt niets van andere servers: dat lekt wie de site bezoekt, en wat daar staat "
        "kan veranderen. Zet de foto of film in de map media en verwijs daarnaar, zoals "
        "![Drie bewoners koken samen.](../media/koken.jpg). Scripts, <iframe>, <object> en formulieren naar "
        "elders haalt kompas-site bij het bouwen weg. Een gewone link naar een andere website mag wel: "
        "[de website van de cliëntenraad](https://www.example.nl).",
    ),
)
SNIPPET = 80  # characters of the tag quoted in a message

# Attributes that make the browser fetch what they point at (per tag, or on every tag with "*").
_LOADING = {
    "*": {"src", "srcset", "poster", "background", "data", "formaction"},
    "link": {"href"},
    "form": {"action"},
    "base": {"href"},
    "image": {"href", "xlink:href"},
    "use": {"href", "xlink:href"},
}
# Tags that load or embed another page whatever their address: always a finding.
_EMBEDS = {"iframe", "frame", "object", "embed", "portal"}
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"]?)\s*((?:[a-z][a-z0-9+.-]*:)?//[^'")\s]*)""", re.IGNORECASE)


def is_external(url: str | None) -> bool:
    """An address on another host: ``https://…``, ``http://…``, ``//host/…``."""
    if not url:
        return False
    url = url.strip()
    if url.startswith(("//", "\\\\", "/\\", "\\/")):
        return True
    try:
        parts = urlsplit(url)
    except ValueError:
        return True
    return bool(parts.netloc) or parts.scheme.lower() in ("http", "https", "ftp", "ws", "wss")


def check(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    for page in report.all_pages:
        yield from _page(page)


def _page(page: Page) -> Iterator[Finding]:
    seen: set[tuple[int, str]] = set()
    for line, problem in _loads_in(page.body):
        yield from _finding(page, page.body_line + line, problem, seen)


@memo
def _loads_in(body: str) -> tuple[tuple[int, tuple[str, str, str]], ...]:
    """What a page's Markdown loads from elsewhere, or runs: (line from the body's start, problem)."""
    lines = body.split("\n")
    found = []
    for token in markdown_tokens(body):
        if not token.map:
            continue
        if token.type == "html_block":
            found += [(token.map[0] + offset, problem) for offset, problem in _problems(token.content)]
        elif token.type == "inline":
            for child in token.children or ():
                if child.type == "html_inline":
                    line = line_of(lines, token, child.content)
                    found += [(line, problem) for _, problem in _problems(child.content)]
                elif child.type == "image":
                    src = str(child.attrs.get("src", ""))
                    if is_external(src):
                        found.append((line_of(lines, token, src), ("image", src, _host(src))))
    return tuple(found)


def _finding(page: Page, line: int, problem: tuple[str, str, str], seen: set) -> Iterator[Finding]:
    kind, what, host = problem
    if (line, what) in seen:
        return
    seen.add((line, what))
    quoted = what if len(what) <= SNIPPET else what[: SNIPPET - 1] + "…"
    if kind == "script":
        message = (
            f"Op deze regel staat een script: '{quoted}'. Een pagina van het kwaliteitsbeeld voert geen eigen "
            "scripts uit; kompas-site haalt het weg bij het bouwen. Haal het script weg. Wilt u iets laten zien "
            "van een andere website, zet er dan een link naar in de tekst, zoals [Bekijk het schema](https://…)."
        )
    elif kind == "image":
        message = (
            f"De afbeelding '{quoted}' wordt geladen van een andere website ({host}). De site laadt niets van "
            "andere servers: zo volgt niemand uw lezers, en de pagina blijft werken als die website verdwijnt. "
            "Zet de afbeelding in de map 'media' en schrijf ![Wat er te zien is](../media/naam.jpg). Wilt u "
            "naar de andere website verwijzen, maak dan een link: [tekst](https://…)."
        )
    else:
        message = (
            f"Op deze regel laadt '{quoted}' iets van een andere website ({host}). De site laadt niets van "
            "andere servers: zo volgt niemand uw lezers. kompas-site haalt het weg bij het bouwen, dus het "
            "ontbreekt op de site. Zet een foto of film in de map 'media' en gebruik die, of maak een link "
            "naar de andere website: [tekst](https://…)."
        )
    yield Finding(CODE, FOUT, message, file=page.path, line=line)


def _host(url: str) -> str:
    try:
        return urlsplit(url.strip()).netloc or url
    except ValueError:
        return url


def _problems(html: str) -> list[tuple[int, tuple[str, str, str]]]:
    """What a piece of raw HTML loads from elsewhere or runs: (line offset in the piece, (kind, what, host))."""
    finder = _Finder()
    try:
        finder.feed(html)
        finder.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup: judge what it read
        pass
    return finder.problems


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[int, tuple[str, str, str]]] = []
        self._style = False

    def _add(self, kind: str, what: str, host: str) -> None:
        self.problems.append((self.getpos()[0] - 1, (kind, what, host)))

    def handle_starttag(self, tag, attrs):
        text = " ".join((self.get_starttag_text() or f"<{tag}>").split())
        if tag == "script":
            self._add("script", text, "")
            return
        if tag == "style":
            self._style = True
        values = [(name, value or "") for name, value in attrs]
        if tag in _EMBEDS:
            address = next((v for n, v in values if n in ("src", "data", "href") and v), "")
            self._add("load", text, _host(address) if is_external(address) else "ingebed")
            return
        loading = _LOADING["*"] | _LOADING.get(tag, set())
        for name, value in values:
            if name in loading:
                addresses = [c.split()[0] for c in value.split(",") if c.split()] if name == "srcset" else [value]
                outside = next((a for a in addresses if is_external(a)), None)
                if outside:
                    self._add("load", text, _host(outside))
                    return
            elif name == "style":
                match = _CSS_URL.search(value)
                if match:
                    self._add("load", text, _host(match.group(1)))
                    return
            elif name.startswith("on"):
                self._add("script", text, "")
                return

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "style":
            self._style = False

    def handle_data(self, data):
        if self._style:
            match = _CSS_URL.search(data)
            if match:
                self._add("load", " ".join(match.group(0).split()), _host(match.group(1)))
