"""Page HTML: a link in the author's own HTML to a Markdown page (``<a href="../07-visitatie/index.md">``) goes
to that page's address on the site, as a Markdown link does (the engine rewrites those, not links in HTML).

Only the ``href`` of ``<a>`` elements is changed, and only when it names a page of the site by its file (relative
to the page, with an optional ``#anker``); a link to another host, a download or an unknown file is left as
written (the checker reports a link to a missing file).
"""

from __future__ import annotations

import posixpath
import re
from html import escape, unescape
from urllib.parse import quote, unquote, urlsplit

from kompas_site.paths import relative_url

_HREF = re.compile(r"""(<a\b[^>]*?\bhref\s*=\s*)(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def page_links(html: str, source: str, url: str, addresses: dict[str, str]) -> str:
    """``html`` of the page ``source`` (at site address ``url``) with links to ``.md`` files of the pages in
    ``addresses`` (source -> site address) rewritten to those addresses, relative to the page."""
    if ".md" not in html.lower():
        return html
    lower = {s.lower(): s for s in addresses}

    def replace(match: re.Match) -> str:
        written = unescape(match.group(2) if match.group(2) is not None else match.group(3))
        target = _target(written, source, addresses, lower)
        if target is None:
            return match.group(0)
        page, fragment = target
        new = relative_url(addresses[page], url) + (f"#{quote(fragment, safe='-_.~')}" if fragment else "")
        return f'{match.group(1)}"{escape(new)}"'

    return _HREF.sub(replace, html)


def _target(href: str, source: str, addresses: dict[str, str], lower: dict[str, str]) -> tuple[str, str] | None:
    parts = urlsplit(href.strip())
    if parts.scheme or parts.netloc or parts.query or not parts.path.lower().endswith(".md"):
        return None
    path = unquote(parts.path)
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(source), path)
    page = posixpath.normpath(joined)
    if page.startswith(".."):
        return None
    page = page if page in addresses else lower.get(page.lower(), "")
    return (page, unquote(parts.fragment)) if page else None
