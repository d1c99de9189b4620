"""The audit itself: visit every page of a site in headless Chromium, run axe-core, and note every
request that goes to another host (blocked, so the audit itself sends nothing outside)."""

from __future__ import annotations

import contextlib
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import url2pathname

from kompas_site.audit.axe import PageTimeout, run_axe_on_page
from kompas_site.audit.browser import open_browser
from kompas_site.audit.errors import AuditError
from kompas_site.audit.result import AuditResult, PageResult
from kompas_site.audit.server import serve_folder
from kompas_site.dutch import getal

MAX_PAGES = 500
# The time one page may take to load and be checked, at one window size, before it is reported and skipped.
SECONDS_PER_PAGE = 30
# Window sizes: a small phone (WCAG 1.4.10 reflow: 320 CSS pixels wide), a common phone, a laptop.
VIEWPORTS = ({"width": 320, "height": 640}, {"width": 375, "height": 812}, {"width": 1280, "height": 720})
# Links to these are files, not pages: not visited when following links on a URL.
NOT_PAGES = re.compile(
    r"\.(pdf|jpe?g|png|gif|webp|svg|mp4|webm|mp3|zip|docx?|xlsx?|csv|json|xml|gz|txt|ics)$", re.IGNORECASE
)


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


@dataclass(frozen=True)
class _Plan:
    viewports: tuple[dict, ...]
    seconds: float


def size_label(viewport: dict) -> str:
    return f"{viewport['width']}×{viewport['height']}"


def audit(
    target: str | Path,
    browser=None,
    viewports: Sequence[dict] | None = None,
    seconds_per_page: float = SECONDS_PER_PAGE,
) -> AuditResult:
    """Check a built site folder or a URL.

    ``browser``: a Playwright Browser to reuse (the tests share one); ``viewports``: the window sizes
    to look at, every page at each (VIEWPORTS unless given); ``seconds_per_page``: how long one page
    may take at one size (loading and checking); a page that takes longer is reported, not waited for."""
    if not seconds_per_page or seconds_per_page <= 0:
        raise AuditError("De tijd per pagina moet meer dan 0 seconden zijn, bijvoorbeeld --tijd-per-pagina 30.")
    plan = _Plan(tuple(viewports or VIEWPORTS), float(seconds_per_page))
    text = str(target)
    if is_url(text):
        start = _check_url(text, plan.seconds)
        with _browser(browser) as chosen:
            return _visit(chosen, text, _base(start), [start], follow_links=True, plan=plan)
    if text.lower().startswith("file:"):
        raise AuditError(_file_url_advice(text))
    folder = _check_folder(Path(target))
    with _browser(browser) as chosen, serve_folder(folder) as base_url:
        pages = [base_url + _url_path(html.relative_to(folder).as_posix()) for html in _html_files(folder)]
        return _visit(chosen, text, base_url, pages, follow_links=False, plan=plan)


def _file_url_advice(text: str) -> str:
    """A file:// address names a folder on this computer: say to give that folder itself."""
    path = Path(url2pathname(urlsplit(text).path)) if text.lower().startswith("file://") else Path(text[5:])
    folder = path.parent if path.suffix.lower() in (".html", ".htm") else path
    return (
        f"'{text}' is een adres van een bestand op deze computer, geen webadres. Geef de map van de "
        f"gebouwde website zelf op, zonder file://:\n  kompas audit {folder}\n"
        "kompas audit zet die map dan zelf op een tijdelijke webserver op deze computer (127.0.0.1), zodat "
        "de pagina's werken zoals op uw website. Staat de site al op een webserver, geef dan dat adres "
        "(http:// of https://)."
    )


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


def _within(seconds: float, work):
    """``work()``, but give up after ``seconds`` in total: a server that sends one byte every few
    seconds never trips a socket's own time-out. Raises TimeoutError."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed to the caller
            outcome["error"] = error

    thread = threading.Thread(target=run, name="kompas-audit-fetch", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise TimeoutError
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _check_url(url: str, seconds: float = SECONDS_PER_PAGE) -> str:
    """Does the address answer with a web page? The final address after redirects (on the same host)."""
    parts = urlsplit(url)
    if not parts.hostname:
        raise AuditError(f"'{url}' is geen geldig webadres.")
    request = urllib.request.Request(url, headers={"User-Agent": "kompas-audit"})
    opener = urllib.request.build_opener(_SameHostRedirects)

    def ask() -> tuple[str, str]:
        with opener.open(request, timeout=min(seconds, 15)) as response:
            return response.geturl(), response.headers.get_content_type()

    try:
        final, kind = _within(seconds, ask)
    except _RedirectAway as away:
        final, kind = away.url, ""
    except TimeoutError:
        raise AuditError(
            f"Het adres {url} gaf binnen {_seconden(seconds)} geen volledig antwoord. Controleer of de "
            "website werkt, of geef meer tijd met --tijd-per-pagina."
        ) from None
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
    if not _same_host(final, url):
        raise AuditError(
            f"Het adres {url} stuurt door naar een andere server: {final}. Die wordt niet gecontroleerd. "
            "Is dat het goede adres van het kwaliteitsbeeld, geef het dan zelf op."
        )
    if kind not in ("text/html", "application/xhtml+xml"):
        raise AuditError(f"Het adres {url} is geen webpagina maar een bestand van het type {kind}.")
    return final


class _RedirectAway(Exception):
    def __init__(self, url: str):
        self.url = url


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects on the same server only: another server is named, never asked."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not _same_host(newurl, req.full_url):
            raise _RedirectAway(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _same_host(one: str, other: str) -> bool:
    """The same server: same name and port (http on 80 and https on 443 count as one: an upgrade)."""
    a, b = urlsplit(one), urlsplit(other)
    if (a.hostname or "").lower() != (b.hostname or "").lower():
        return False
    usual = {"http": 80, "https": 443}
    ports = {a.port or usual.get(a.scheme), b.port or usual.get(b.scheme)}
    return len(ports) == 1 or ports <= {80, 443}


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


def _sitemap(base_url: str, seconds: float = SECONDS_PER_PAGE) -> list[str]:
    def ask() -> str:
        with urllib.request.urlopen(urljoin(base_url, "sitemap.xml"), timeout=min(seconds, 10)) as response:
            return response.read(5_000_000).decode("utf-8", "replace")

    try:
        text = _within(seconds, ask)
    except (urllib.error.URLError, OSError, ValueError):  # TimeoutError is an OSError
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


def _visit(browser, source: str, base_url: str, start: list[str], follow_links: bool, plan: _Plan) -> AuditResult:
    queue = list(dict.fromkeys(start))
    if follow_links:
        queue = list(dict.fromkeys(_normal(u) for u in queue))
        queue += [u for u in map(_normal, _sitemap(base_url, plan.seconds)) if _belongs(u, base_url) and u not in queue]
    seen = set(queue)
    results: list[PageResult] = []
    current: dict[str, PageResult | None] = {"page": None}
    # where a redirect to another host was blocked: the address asked for -> the other host's address
    redirected: dict[str, str] = {}

    def note(url: str) -> None:
        page = current["page"]
        if page is not None and _outside(url, base_url) and url not in page.outside:
            page.outside.append(url)

    def route(route_) -> None:
        url = route_.request.url
        try:
            if _outside(url, base_url):
                note(url)
                route_.abort("blockedbyclient")
            elif follow_links and urlsplit(url).scheme in ("http", "https"):
                # The browser follows a redirect without asking again: look where it leads first.
                away, response = _redirects_away(route_, url, base_url, plan.seconds)
                if away:
                    note(away)
                    redirected[url] = away
                    route_.abort("blockedbyclient")
                elif response is not None:
                    route_.fulfill(response=response)
                else:
                    route_.continue_()
            else:
                route_.continue_()
        except Exception:  # the page was closed (time limit) while this request waited
            pass

    def socket(socket_) -> None:  # never connected: the page sees a socket that closes at once
        note(socket_.url)
        socket_.close()

    context = browser.new_context(viewport=plan.viewports[0], service_workers="block", locale="nl-NL")
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
            # Loaded anew at each size: a page resized after loading is not always laid out as one that
            # opens at that size (Material's side menu is not), and readers open pages at their size.
            for number, viewport in enumerate(plan.viewports):
                if page.viewport_size != viewport:
                    page.set_viewport_size(viewport)
                outcome, page = _check_page(context, page, url, result, plan, redirected, follow_links)
                if outcome is None or outcome is _FAILED:  # not checked: said why in result.error
                    break
                if outcome == "not a page":
                    results.pop()
                    break
                axe_version = outcome["version"]
                result.checks[size_label(viewport)] = outcome["violations"]
                if follow_links and number == 0:
                    for link in outcome["links"]:
                        link = _normal(link)
                        if link not in seen and _belongs(link, base_url) and not NOT_PAGES.search(link):
                            seen.add(link)
                            queue.append(link)
        current["page"] = None
    finally:
        context.close()
    return AuditResult(
        source=source,
        base_url=base_url,
        axe_version=axe_version,
        pages=results,
        viewports=[size_label(v) for v in plan.viewports],
    )


def _check_page(context, page, url: str, result: PageResult, plan: _Plan, redirected: dict, follow_links: bool):
    """Load one page and run axe on it, all within the time limit: (outcome or None, the page to go on
    with). A page that ran out of time is closed, and a fresh one takes its place."""
    deadline = time.monotonic() + plan.seconds
    outcome, page = _load(context, page, url, result, plan, redirected, follow_links)
    if outcome is not None:
        return outcome, page
    try:
        return run_axe_on_page(page, max((deadline - time.monotonic()) * 1000, 1)), page
    except PageTimeout:
        result.error = (
            f"de pagina reageerde na {_seconden(plan.seconds)} nog steeds niet; waarschijnlijk blijft een "
            "script op de pagina bezig. Een bezoeker ziet dan een pagina die vastloopt"
        )
        return None, _fresh(context, page)


_FAILED = object()


def _load(context, page, url: str, result: PageResult, plan: _Plan, redirected: dict, follow_links: bool):
    """Open the page: (None, page) when it is there to check; else ("not a page" or _FAILED, page)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        response = page.goto(url, wait_until="load", timeout=plan.seconds * 1000)
    except PlaywrightTimeout:
        result.error = (
            f"de pagina was na {_seconden(plan.seconds)} nog niet geladen; de server stuurt haar te "
            "langzaam of helemaal niet"
        )
        return _FAILED, _fresh(context, page)
    except Exception as error:
        if url in redirected:
            result.error = (
                f"de pagina stuurt door naar een andere server ({redirected[url]}); die is niet geladen en "
                "niet gecontroleerd"
            )
        else:
            result.error = f"de pagina laadt niet ({_first_line(error)})"
        return _FAILED, _fresh(context, page)  # the browser may still be busy with its error page
    if response is not None and response.status >= 400:
        result.error = f"de server geeft foutmelding {response.status}"
        return _FAILED, page
    kind = response.headers.get("content-type", "") if response is not None else ""
    if follow_links and kind and "html" not in kind:  # a file behind a link, not a page
        return "not a page", page
    return None, page


def _fresh(context, page):
    """Close a page that may hang, and open a new one of the same size."""
    size = page.viewport_size
    try:
        page.close()
    except Exception:
        pass
    fresh = context.new_page()
    if size:
        fresh.set_viewport_size(size)
    return fresh


def _seconden(seconds: float) -> str:
    text = getal(seconds, 0 if float(seconds).is_integer() else 1)
    return f"{text} {'seconde' if seconds == 1 else 'seconden'}"


def _redirects_away(route_, url: str, base_url: str, seconds: float) -> tuple[str, object]:
    """Where a chain of redirects leaves the site's host: (that address, None); when it stays,
    ("", the response when there was no redirect at all, to give to the browser as it is)."""
    first = None
    for hop in range(10):
        response = route_.fetch(max_redirects=0, timeout=seconds * 1000, url=url)
        location = response.headers.get("location")
        if not (300 <= response.status < 400 and location):
            return "", response if hop == 0 else None
        url = urljoin(url, location)
        if _outside(url, base_url):
            return url, None
        first = first or response
    return "", None


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
