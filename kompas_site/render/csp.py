"""A Content-Security-Policy for every finished page: the browser loads and runs only what comes from the
site itself, so a mistake in a page (or in the sanitiser) cannot load anything from another host or run
a script the site did not write.

The policy is a ``<meta http-equiv>`` in the page's ``<head>`` (a static site sets no headers). Inline
scripts are allowed one by one, by the sha256 hash of their exact text; the engine writes a few, and
their text differs per page (Material's ``__md_scope=new URL(...)``). A page with a film facade may open
the film service's player frame, which it does only after the reader clicks.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

from kompas_site.sanitise import PLAYERS

# Scripts a browser runs (a missing or empty type, a JavaScript MIME type, a module); any other type is a
# data block (Material's ``<script id="__config" type="application/json">``), which the CSP does not govern.
_RUNNABLE_TYPES = {
    "",
    "module",
    "importmap",
    "speculationrules",
    *(
        f"{prefix}/{name}"
        for prefix in ("application", "text")
        for name in ("ecmascript", "javascript", "x-ecmascript", "x-javascript")
    ),
    *(f"text/javascript1.{n}" for n in range(6)),
    "text/jscript",
    "text/livescript",
}

PLAYER_ORIGINS = tuple(dict.fromkeys(f"{urlsplit(p).scheme}://{urlsplit(p).netloc}" for p in PLAYERS))


class _Scan(HTMLParser):
    """Where the head starts, and the exact text of every inline script a browser would run."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.lines = _line_starts(page)
        self.head_end: int | None = None  # offset just after <head ...>, or after <meta charset> right in it
        self.charset_end: int | None = None
        self.old_policy: tuple[int, int] | None = None  # an earlier policy of ours, replaced
        self.scripts: list[str] = []
        self.facades: list[str] = []
        self._script_start: int | None = None
        self._previous: str | None = None

    def _at(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag, attrs):
        values = {name: (value or "") for name, value in attrs}
        start = self._at()
        end = start + len(self.get_starttag_text() or "")
        if tag == "head" and self.head_end is None:
            self.head_end = end
        elif tag == "meta" and self._previous == "head" and "charset" in values:
            self.charset_end = end
        elif (
            tag == "meta"
            and values.get("http-equiv", "").lower() == "content-security-policy"
            and "data-kompas-csp" in values
        ):
            self.old_policy = (start, end)
        if tag == "script" and "src" not in values and values.get("type", "").strip().lower() in _RUNNABLE_TYPES:
            self._script_start = end
        if "data-kompas-video" in values:
            self.facades.append(values.get("data-embed", ""))
        self._previous = tag

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "script" and self._script_start is not None:
            self.scripts.append(self.page[self._script_start : self._at()])
            self._script_start = None
        self._previous = None

    def scan(self) -> _Scan:
        self.feed(self.page)
        self.close()
        return self


def _line_starts(text: str) -> list[int]:
    """The offset of each line's first character, lines counted as ``html.parser`` counts them (by "\\n")."""
    starts = [0]
    for match in re.finditer("\n", text):
        starts.append(match.end())
    return starts


def script_hash(text: str) -> str:
    """The CSP source for an inline script: the browser hashes its text after the HTML parser turned every
    CR LF and lone CR into LF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(scripts: list[str], players: list[str]) -> str:
    """The policy for a page with these inline scripts and film facades (their player addresses)."""
    hashes = " ".join(dict.fromkeys(script_hash(s) for s in scripts))
    frames = [origin for origin in PLAYER_ORIGINS if any(p.startswith(origin + "/") for p in players)]
    return "; ".join(
        [
            "default-src 'self'",
            "img-src 'self' data:",  # Material's icons are data: SVGs in its style sheet
            # Material itself needs no inline style (its scripts set styles through the CSSOM, which a CSP
            # does not limit), but Python-Markdown writes a table column's alignment as an attribute
            # (style="text-align: right;") and authors may write style attributes, which the sanitiser keeps
            # when they load nothing. Inline CSS cannot run script, and cannot load anything from elsewhere
            # either: images, fonts and everything else stay limited to 'self' above.
            "style-src 'self' 'unsafe-inline'",
            "script-src 'self'" + (" " + hashes if hashes else ""),
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-src " + (" ".join(frames) if frames else "'none'"),
        ]
    )


def with_csp(page_html: str) -> str:
    """A finished page with its Content-Security-Policy ``<meta>`` at the top of its ``<head>`` (after the
    ``<meta charset>`` that may open it, which must stay within the first 1024 bytes), before anything
    that loads or runs. Calling it again on its own output replaces the policy it wrote."""
    found = _Scan(page_html).scan()
    if found.old_policy:
        start, end = found.old_policy
        page_html = page_html[:start] + page_html[end:]
        found = _Scan(page_html).scan()
    meta = (
        '<meta http-equiv="Content-Security-Policy" data-kompas-csp content="'
        + escape(policy(found.scripts, found.facades), quote=False).replace('"', "&quot;")
        + '">'
    )
    at = found.charset_end or found.head_end
    if at is None:
        doctype = re.match(r"\s*<!doctype[^>]*>", page_html, re.IGNORECASE)
        at = doctype.end() if doctype else 0
    return page_html[:at] + meta + page_html[at:]
