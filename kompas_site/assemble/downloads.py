"""Page HTML: every link to a published download says its type and size, "Visitatieverslag (pdf, 1,2 MB)".

The label goes inside the link, just before ``</a>``, so a screen reader's list of links says it too. As in
``media/picture.py``, the standard library's ``html.parser`` only finds where each link ends; the page is
changed by inserting the label there and nothing else. A link whose text already ends with its label is
left alone, so labelling twice changes nothing.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

from kompas_site.check.usage import DOWNLOAD_SUFFIXES, is_download
from kompas_site.dutch import getal

KB = 1024
MB = 1024 * 1024


def size_label(size: int) -> str:
    """A file size in Dutch notation: "48 KB" below 1 MB (at least 1 KB), "1,2 MB" above, "12 MB" from 10 MB."""
    if size < MB:
        return f"{getal(max(1, round(size / KB)))} KB"
    megabytes = size / MB
    return f"{getal(megabytes, 1 if megabytes < 9.95 else 0)} MB"


def download_label(path: Path) -> str | None:
    """' (pdf, 1,2 MB)' for a download file, or None when it is not one or cannot be read."""
    if not is_download(path.name):
        return None
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return f" ({path.suffix.lstrip('.').lower()}, {size_label(size)})"


def label_downloads(html: str, page_url: str, files: dict[str, Path]) -> str:
    """Return ``html`` (a page at ``page_url`` on the site, e.g. 'visitatie/') with the type and size
    after the text of each link to a download in ``files`` (site path -> file)."""
    lowered = html.lower()
    if "<a" not in lowered or not any(s in lowered for s in DOWNLOAD_SUFFIXES):
        return html  # most pages link to no download: no need to parse them
    page_dir = page_url[:-1] if page_url.endswith("/") else posixpath.dirname(page_url)
    labels: dict[str, str | None] = {}

    def label(href: str) -> str | None:
        url = urlparse(href)
        if url.scheme or url.netloc or not url.path or url.path.startswith("/"):
            return None
        site_path = posixpath.normpath(posixpath.join(page_dir, unquote(url.path)))
        if site_path not in labels:
            file = files.get(site_path)
            labels[site_path] = download_label(file) if file is not None else None
        return labels[site_path]

    return _insert(html, label)


def _insert(html: str, label: Callable[[str], str | None]) -> str:
    finder = _LinkFinder(html)
    out: list[str] = []
    last = 0
    for end, href, text in finder.links:
        text_label = label(href)
        if not text_label or text.rstrip().endswith(text_label.strip()):
            continue
        out.append(html[last:end])
        out.append(escape(text_label, quote=False))
        last = end
    out.append(html[last:])
    return "".join(out)


class _LinkFinder(HTMLParser):
    """Finds each ``<a href>``: the offset of its ``</a>``, its href and its text (entities decoded)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.links: list[tuple[int, str, str]] = []
        self._line_starts = [0]
        for i, ch in enumerate(html):
            if ch == "\n":
                self._line_starts.append(i + 1)
        self._open: tuple[str, list[str]] | None = None
        self.feed(html)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = next((v for k, v in attrs if k == "href"), None)
            self._open = (href, []) if href else None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open is not None:
            href, text = self._open
            self.links.append((self._offset(), href, "".join(text)))
            self._open = None
