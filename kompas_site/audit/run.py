"""The audit itself: visit every page of a site in headless Chromium, run axe-core, and note every
request that goes to another host (blocked, so the audit itself sends nothing outside)."""

from __future__ import annotations

import contextlib
import re
import socket
import ssl
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from kompas_site.audit.axe import run_axe
from kompas_site.audit.browser import open_browser
from kompas_site.audit.errors import AuditError
from kompas_site.audit.result import AuditResult, PageResult
from kompas_site.audit.server import serve_folder

MAX_PAGES = 500
PAGE_TIMEOUT_MS = 30_000
VIEWPORT = {"width": 1280, "height": 900}
# Links to these are files, not pages: not visited when following links on a URL.
NOT_PAGES = re.compile(
    r"\.(pdf|jpe?g|png|gif|webp|svg|mp4|webm|mp3|zip|docx?|xlsx?|csv|json|xml|gz|txt|ics)$", re.IGNORECASE
)


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def audit(target: str | Path, browser=None, viewport: dict | None = None) -> AuditResult:
    """Check a built site folder or a URL.

    ``browser``: a Playwright Browser to reuse (the tests share one); ``viewport``: the window size,
    1280 by 900 unless given (``{"width": 375, "height": 812}`` checks the phone layout)."""
    viewport = viewport or VIEWPORT
    text = str(target)
    if is_url(text):
        start = _check_url(text)
        with _browser(browser) as chosen:
            return _visit(chosen, text, _base(start), [start], follow_links=True, viewport=viewport)
    folder = _check_folder(Path(target))
    with _browser(browser) as chosen, serve_folder(folder) as base_url:
        pages = [base_url + _url_path(html.relative_to(folder).as_posix()) for html in _html_files(folder)]
        return _visit(chosen, text, base_url, pages, follow_links=False, viewport=viewport)


@contextlib.contextmanager
def _browser(browser) -> Iterator[object]:
    if browser is not None:
        yield browser
    else:
        with open_browser() as started:
            yield started


# -- what to check ------------------------------------------------------------------------------


def _html_files(folder: Path) -> list[Path]:
    files = [
        p
        for p in folder.rglob("*.html")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    # the home page first, then the rest by address
    return sorted(
        files,
        key=lambda p: (_url_path(p.relative_to(folder).as_posix()) != "", _url_path(p.relative_to(folder).as_posix())),
    )


def _url_path(relative: str) -> str:
    if relative == "index.html":
        return ""
    if relative.endswith("/index.html"):
        return relative[: -len("index.html")]
    return relative


def _check_folder(folder: Path) -> Path:
    if not folder.exists():
        raise AuditError(
            f"De map '{folder}' bestaat niet. Bouw de website eerst met: kompas build MAP -o {folder}\n"
            "of geef het adres van een website op, zoals https://www.example.nl/kwaliteitsbeeld/."
        )
    if not folder.is_dir():
        raise AuditError(
            f"'{folder}' is geen map. Geef de map van de gebouwde website op (waar index.html in "
            "staat), of het adres van een website."
        )
    if not _html_files(folder):
        raise AuditError(
            f"In de map '{folder}' staan geen webpagina's (.html-bestanden). Geef de map van de "
            "gebouwde website op: die maakt u met kompas build."
        )
    return folder.resolve()


def _check_url(url: str) -> str:
    """Does the address answer with a web page? The final address after redirects."""
    parts = urlsplit(url)
    if not parts.hostname:
        raise AuditError(f"'{url}' is geen geldig webadres.")
    request = urllib.request.Request(url, headers={"User-Agent": "kompas-audit"})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            final = response.geturl()
            kind = response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        raise AuditError(
            f"Het adres {url} geeft een foutmelding van de server ({error.code} {error.reason}). "
            "Controleer of het adres klopt."
        ) from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise AuditError(
            f"Het adres {url} geeft geen antwoord ({_why(getattr(error, 'reason', error))}). "
            "Controleer of het adres klopt en of de website bereikbaar is vanaf deze computer."
        ) from None
    if kind not in ("text/html", "application/xhtml+xml"):
        raise AuditError(f"Het adres {url} is geen webpagina maar een bestand van het type {kind}.")
    return final


def _why(reason) -> str:
    """Why a server did not answer, in words; the technical reason only when we have none."""
    if isinstance(reason, ConnectionRefusedError):
        return "de verbinding werd geweigerd: daar draait geen website"
    if isinstance(reason, socket.gaierror):
        return "de naam van de server is onbekend"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "geen antwoord binnen 15 seconden"
    if isinstance(reason, ssl.SSLError):
        return f"de beveiligde verbinding klopt niet: {reason}"
    return str(reason)


def _base(start: str) -> str:
    """The folder of the start page: only pages under it belong to the report."""
    start = urldefrag(start)[0].split("?")[0]
    return start if start.endswith("/") else start.rsplit("/", 1)[0] + "/"


def _sitemap(base_url: str) -> list[str]:
    try:
        with urllib.request.urlopen(urljoin(base_url, "sitemap.xml"), timeout=10) as response:
            text = response.read(5_000_000).decode("utf-8", "replace")
    except (urllib.error.URLError, OSError, ValueError):
        return []
    return [loc.strip() for loc in re.findall(r"<loc>(.*?)</loc>", text, re.DOTALL)]


# -- visiting pages -----------------------------------------------------------------------------


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc.lower()


def _outside(url: str, base_url: str) -> bool:
    scheme = urlsplit(url).scheme
    if scheme not in ("http", "https", "ws", "wss"):
        return False  # data:, blob:, about: stay in the browser
    return urlsplit(url).netloc.lower() != urlsplit(base_url).netloc.lower()


def _visit(browser, source: str, base_url: str, start: list[str], follow_links: bool, viewport: dict) -> AuditResult:
    queue = list(dict.fromkeys(start))
    if follow_links:
        queue = list(dict.fromkeys(_normal(u) for u in queue))
        queue += [u for u in map(_normal, _sitemap(base_url)) if _belongs(u, base_url) and u not in queue]
    seen = set(queue)
    results: list[PageResult] = []
    current: dict[str, PageResult | None] = {"page": None}

    def note(url: str) -> None:
        page = current["page"]
        if page is not None and _outside(url, base_url) and url not in page.outside:
            page.outside.append(url)

    def route(route_) -> None:
        url = route_.request.url
        if _outside(url, base_url):
            note(url)
            route_.abort("blockedbyclient")
        else:
            route_.continue_()

    def socket(socket_) -> None:  # never connected: the page sees a socket that closes at once
        note(socket_.url)
        socket_.close()

    context = browser.new_context(viewport=viewport, service_workers="block", locale="nl-NL")
    axe_version = ""
    try:
        context.route("**/*", route)
        context.route_web_socket(lambda url: _outside(url, base_url), socket)
        context.on("request", lambda request: note(request.url))
        page = context.new_page()
        while queue and len(results) < MAX_PAGES:
            url = queue.pop(0)
            result = PageResult(page=_label(url, base_url), url=url)
            results.append(result)
            current["page"] = result
            try:
                response = page.goto(url, wait_until="load", timeout=PAGE_TIMEOUT_MS)
            except Exception as error:
                result.error = f"de pagina laadt niet ({_first_line(error)})"
                continue
            if response is not None and response.status >= 400:
                result.error = f"de server geeft foutmelding {response.status}"
                continue
            kind = response.headers.get("content-type", "") if response is not None else ""
            if follow_links and kind and "html" not in kind:  # a file behind a link, not a page
                results.pop()
                continue
            page.evaluate("() => document.fonts.ready.then(() => true)")
            axe_version, result.violations = run_axe(page)
            if follow_links:
                for link in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
                    link = _normal(link)
                    if link not in seen and _belongs(link, base_url) and not NOT_PAGES.search(link):
                        seen.add(link)
                        queue.append(link)
        current["page"] = None
    finally:
        context.close()
    return AuditResult(source=source, base_url=base_url, axe_version=axe_version, pages=results)


def _normal(url: str) -> str:
    """One address per page: without #fragment or ?query, and 'map/index.html' is 'map/'."""
    url = urldefrag(url)[0].split("?")[0]
    return url[: -len("index.html")] if url.endswith("/index.html") else url


def _belongs(url: str, base_url: str) -> bool:
    return _origin(url) == _origin(base_url) and urlsplit(url).path.startswith(urlsplit(base_url).path)


def _label(url: str, base_url: str) -> str:
    path = urlsplit(url).path
    base = urlsplit(base_url).path
    return "/" + path[len(base) :] if path.startswith(base) else path


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
