"""PDF from HTML with WeasyPrint: tagged PDF/UA-1 (structure tree, language, title), fonts embedded.

WeasyPrint is imported only here, and only when a PDF is made: ``pip install -e .`` works on a machine
without Pango, and ``kompas print`` then says which system packages to install.

Nothing is fetched from another host: the fetcher reads only files under the theme folder and the
image cache (and ``data:`` addresses, for the line numbers), and refuses everything else.

Line numbers (the review copy): a first layout says where every line of text is on every page; the
second layout gets, per page, a background picture with the numbers beside those lines. A background is
an artifact in a tagged PDF: a screen reader skips the numbers, a printed copy shows them.
"""

from __future__ import annotations

import contextlib
import logging
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

from kompas_site.paper.documents import Document, strings_css
from kompas_site.resources import THEMES_DIR

PAPER_CSS = THEMES_DIR / "paper"
APT_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
PDF_VARIANT = "pdf/ua-1"


class EngineMissing(Exception):
    """WeasyPrint or the system libraries it needs are not installed; the message says what to do."""


def load_engine():
    try:
        import weasyprint
    except ImportError as error:
        missing = getattr(error, "name", None) == "weasyprint"
        raise EngineMissing(
            (
                "Voor 'kompas print' is het Python-pakket WeasyPrint nodig, en dat is niet geïnstalleerd.\n"
                "Installeer het met: pip install -e .   (in de map van kompas-site)"
            )
            if missing
            else _system_message(error)
        ) from None
    except OSError as error:  # the Python package is there, Pango is not
        raise EngineMissing(_system_message(error)) from None
    return weasyprint


def _system_message(error: Exception) -> str:
    return (
        "Voor 'kompas print' zijn de tekstbibliotheken Pango en HarfBuzz nodig, en die ontbreken op deze "
        f"computer ({error}).\n"
        f"Installeer ze op Debian of Ubuntu met: sudo apt-get install -y {APT_PACKAGES}\n"
        "Op een Mac: brew install pango. Op Windows: zie "
        "https://doc.courtbouillon.org/weasyprint/stable/first_steps.html"
    )


def allowed_roots() -> list[Path]:
    from kompas_site.media.publish import default_cache_dir

    return [THEMES_DIR.resolve(), default_cache_dir().resolve()]


def _fetcher_class(weasyprint):
    class LocalOnly(weasyprint.URLFetcher):
        """Reads files under the allowed folders and ``data:`` addresses; refuses everything else."""

        def __init__(self, roots: list[Path]):
            super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
            self.roots = roots

        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower()
            if scheme == "file":
                path = Path(urllib.parse.unquote(urllib.parse.urlsplit(url).path)).resolve()
                if not any(path.is_relative_to(root) for root in self.roots):
                    raise ValueError(f"kompas print leest geen bestanden buiten het thema en de fotocache: {url}")
            elif scheme != "data":
                raise ValueError(f"kompas print haalt niets van een andere server: {url}")
            return super().fetch(url, headers)

    return LocalOnly


@contextlib.contextmanager
def _quiet(weasyprint) -> Iterator[list[str]]:
    """WeasyPrint's warnings, collected instead of printed."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            messages.append(record.getMessage())

    logger = logging.getLogger("weasyprint")
    handler = Collect(logging.WARNING)
    logger.addHandler(handler)
    propagate = logger.propagate
    logger.propagate = False
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def render_pdf(document: Document) -> bytes:
    """One document as a tagged PDF."""
    weasyprint = load_engine()
    from weasyprint.text.fonts import FontConfiguration

    fetcher = _fetcher_class(weasyprint)(allowed_roots())
    fonts = FontConfiguration()
    sheets = [
        weasyprint.CSS(filename=str(PAPER_CSS / document.stylesheet), url_fetcher=fetcher, font_config=fonts),
        weasyprint.CSS(string=strings_css(document.strings), url_fetcher=fetcher, font_config=fonts),
    ]
    with _quiet(weasyprint):
        html = weasyprint.HTML(string=document.html, base_url=PAPER_CSS.as_uri() + "/", url_fetcher=fetcher)
        rendered = html.render(stylesheets=sheets, font_config=fonts)
        if document.numbered:
            numbers = weasyprint.CSS(string=line_numbers_css(rendered), url_fetcher=fetcher, font_config=fonts)
            rendered = html.render(stylesheets=[*sheets, numbers], font_config=fonts)
        return rendered.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True, uncompressed_pdf=False)


# -- line numbers ----------------------------------------------------------------------------------------

NUMBER_GAP = 10  # CSS px between the number and the text column
NUMBER_SIZE = 11  # CSS px


def _lines(box, found: list) -> None:
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.MarginBox) or "::before" in (getattr(box, "element_tag", None) or ""):
        return  # the page margins, and generated labels (the file name above a page) get no number
    if isinstance(box, boxes.LineBox):
        if any(isinstance(child, boxes.TextBox) and child.text.strip() for child in _descendants(box)):
            found.append(box)
        return
    for child in getattr(box, "children", ()):
        _lines(child, found)


def _descendants(box):
    for child in getattr(box, "children", ()):
        yield child
        yield from _descendants(child)


def page_lines(page) -> list[float]:
    """The baselines (CSS px from the top of the page) of the lines of text on one page, top to bottom;
    lines side by side (table cells, a picture's row) count once."""
    found: list = []
    _lines(page._page_box, found)
    baselines = sorted({round(line.position_y + line.baseline, 1) for line in found})
    merged: list[float] = []
    for y in baselines:
        if not merged or y - merged[-1] > 4:
            merged.append(y)
    return merged


def line_numbers_css(rendered) -> str:
    """Per page, a background picture with a number beside each line of text (1 at the top of each page)."""
    rules = []
    for index, page in enumerate(rendered.pages, start=1):
        box = page._page_box
        lines = page_lines(page)
        if not lines:
            continue
        x = box.margin_left - NUMBER_GAP
        texts = "".join(
            f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="end">{n}</text>' for n, y in enumerate(lines, start=1)
        )
        svg = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{page.width:.1f}" height="{page.height:.1f}" '
            f'viewBox="0 0 {page.width:.1f} {page.height:.1f}" font-family="Atkinson Hyperlegible, sans-serif" '
            f'font-size="{NUMBER_SIZE}" fill="#555">{texts}</svg>'
        )
        uri = "data:image/svg+xml," + urllib.parse.quote(svg)
        rules.append(
            f'@page :nth({index}) {{ background-image: url("{uri}"); background-repeat: no-repeat; '
            f"background-size: {page.width:.1f}px {page.height:.1f}px; "
            f"background-position: {-box.margin_left:.1f}px {-box.margin_top:.1f}px; }}"
        )
    return "\n".join(rules)
